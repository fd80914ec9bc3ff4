/**
 * The mensualisation calculator (/calcul-mensualisation): a GET form, so the
 * result has its own address and works without JavaScript. The rules are in
 * src/domain/metier/mensualisation.ts; this handler only reads the fields.
 */
import { mensualiser, verifierEntree, type ErreurMensualisation, type ResultatMensualisation, type TypeAnnee } from '../../domain/metier/mensualisation';
import type { Erreurs } from './contrat';

type ChampCalcul = 'type' | 'salaire' | 'heures' | 'semaines';
type VueCalcul = {
  valeurs: Record<ChampCalcul, string>;
  erreurs: Erreurs<ChampCalcul>;
  resultat: (ResultatMensualisation & { salaireHoraireCents: number; heuresParSemaine: number }) | null;
};

/** '4,20', '4.20', ' 4 ' → 4.2; anything else → NaN. */
export function lireDecimal(s: string): number {
  const t = s.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

const cle = (e: ErreurMensualisation | 'type') => `metier.calcul.erreurs.${e}`;

/** Reads the query string; nothing asked yet (no `type`) → the empty form. */
export function traiterCalcul(url: URL): { statut: 200 | 422; vue: VueCalcul } {
  const q = url.searchParams;
  const valeurs: Record<ChampCalcul, string> = {
    type: q.get('type') ?? '',
    salaire: (q.get('salaire') ?? '').slice(0, 20),
    heures: (q.get('heures') ?? '').slice(0, 20),
    semaines: (q.get('semaines') ?? '').slice(0, 20),
  };
  if (!q.has('type') && !q.has('salaire')) return { statut: 200, vue: { valeurs: { ...valeurs, type: 'incomplete' }, erreurs: {}, resultat: null } };
  const erreurs: Erreurs<ChampCalcul> = {};
  const type = valeurs.type === 'complete' || valeurs.type === 'incomplete' ? (valeurs.type as TypeAnnee) : null;
  if (!type) erreurs.type = cle('type');
  const entree = {
    type: type ?? 'complete',
    salaireHoraireCents: Math.round(lireDecimal(valeurs.salaire) * 100),
    heuresParSemaine: lireDecimal(valeurs.heures),
    semainesProgrammees: type === 'incomplete' ? lireDecimal(valeurs.semaines) : 52,
  };
  // Report every field in error, not only the first one the rules meet.
  for (const champ of ['salaire', 'heures', 'semaines'] as const) {
    const essai = {
      ...entree,
      ...(champ !== 'salaire' ? { salaireHoraireCents: 100 } : {}),
      ...(champ !== 'heures' ? { heuresParSemaine: 1 } : {}),
      ...(champ !== 'semaines' ? { semainesProgrammees: 1 } : {}),
    };
    if (verifierEntree(essai) === champ) erreurs[champ] = cle(champ);
  }
  if (Object.keys(erreurs).length > 0) return { statut: 422, vue: { valeurs, erreurs, resultat: null } };
  const r = mensualiser(entree);
  return {
    statut: 200,
    vue: { valeurs, erreurs, resultat: { ...r, salaireHoraireCents: entree.salaireHoraireCents, heuresParSemaine: entree.heuresParSemaine } },
  };
}
