/**
 * `npm run i18n:check`: lists, per language, the interface strings that exist
 * in French but are not translated yet (they fall back to French on screen).
 * Exits with 1 when something is missing; `--rapport` only prints.
 */
import { LANGS, clesATraduire } from '../src/i18n';

const rapportSeul = process.argv.includes('--rapport');
let total = 0;
for (const lang of LANGS) {
  if (lang === 'fr') continue;
  // Staff pages (/admin) and the AM space (/pro) are French only: see zoneFrancaisSeulement.
  const manquantes = clesATraduire(lang);
  total += manquantes.length;
  if (manquantes.length === 0) {
    console.log(`${lang}: complete`);
    continue;
  }
  const parZone = new Map<string, string[]>();
  for (const cle of manquantes) {
    const zone = cle.split('.')[0]!;
    parZone.set(zone, [...(parZone.get(zone) ?? []), cle]);
  }
  console.log(`${lang}: ${manquantes.length} missing`);
  for (const [zone, cles] of parZone) {
    console.log(`  ${zone} (${cles.length})`);
    for (const c of cles) console.log(`    ${c}`);
  }
}
console.log(total === 0 ? 'All languages are complete.' : `${total} missing translation(s) in total (shown in French meanwhile).`);
if (total > 0 && !rapportSeul) process.exitCode = 1;
