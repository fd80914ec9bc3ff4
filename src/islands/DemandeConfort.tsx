/**
 * Comfort for the demande form, on top of a form that works without it:
 * - mode "validation": live validation with the SAME schema as the server,
 *   errors written into the field's own error slot (aria-describedby);
 * - mode "commune": type a few letters or a postal code to narrow the commune list;
 * - mode "horaires": copy the first checked day's hours to the other checked days.
 */
import { useEffect, useState } from 'preact/hooks';
import { erreursEtapes, type Etape, type FormulaireDemande } from '../domain/demande/schema';

type Props =
  | { mode: 'validation'; etape: Etape; aujourdhui: string; codes: string[]; messages: Record<string, string> }
  | { mode: 'commune'; communes: { code: string; nom: string; cp: string }[]; libelle: string }
  | { mode: 'horaires'; libelle: string };

const formulaire = () => document.getElementById('formulaire-demande') as HTMLFormElement | null;

function lireFormulaire(form: HTMLFormElement): FormulaireDemande {
  const f: FormulaireDemande = {};
  for (const [k, v] of new FormData(form).entries()) if (typeof v === 'string' && v !== '') f[k] = v;
  return f;
}

function afficherErreur(champ: string, message: string | undefined): void {
  const slot = document.getElementById(`err-${champ}`);
  if (slot) {
    slot.textContent = message ?? '';
    slot.hidden = !message;
  }
  document.querySelectorAll<HTMLElement>(`[data-champ="${champ}"]`).forEach((el) => {
    if (message) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
  });
}

function Validation(p: Extract<Props, { mode: 'validation' }>) {
  useEffect(() => {
    const form = formulaire();
    if (!form) return;
    const touches = new Set<string>();
    const verifier = () => {
      const erreurs = erreursEtapes(lireFormulaire(form), [p.etape], { aujourdhui: p.aujourdhui, codesCommunes: p.codes });
      for (const c of touches) afficherErreur(c, erreurs[c] ? p.messages[erreurs[c]!] ?? erreurs[c] : undefined);
    };
    const quitter = (e: Event) => {
      const cible = e.target as HTMLInputElement;
      const champ = cible?.name;
      if (!champ || champ === 'aller') return;
      touches.add(champ);
      // Linked fields: the error may sit on a sibling.
      if (champ === 'telephone' || champ === 'canalPrefere') touches.add('email');
      if (/^j\d$/.test(champ)) touches.add('j1');
      verifier();
    };
    form.addEventListener('focusout', quitter);
    form.addEventListener('change', quitter);
    return () => {
      form.removeEventListener('focusout', quitter);
      form.removeEventListener('change', quitter);
    };
  }, []);
  return null;
}

/** True once the island runs in the browser: controls that need JavaScript are not rendered without it. */
function useHydrate(): boolean {
  const [pret, setPret] = useState(false);
  useEffect(() => setPret(true), []);
  return pret;
}

function Commune(p: Extract<Props, { mode: 'commune' }>) {
  const pret = useHydrate();
  const [texte, setTexte] = useState('');
  const [nombre, setNombre] = useState<number | null>(null);
  const normaliser = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[-'’\s]+/g, ' ').trim();
  const filtrer = (valeur: string) => {
    setTexte(valeur);
    const select = document.getElementById('f-commune') as HTMLSelectElement | null;
    if (!select) return;
    const q = normaliser(valeur);
    const gardes = new Set(p.communes.filter((c) => !q || normaliser(c.nom).includes(q) || c.cp.includes(q) || c.code.startsWith(q)).map((c) => c.code));
    for (const o of Array.from(select.options)) {
      if (!o.value || o.value === 'autre') continue;
      o.hidden = !gardes.has(o.value);
      o.disabled = !gardes.has(o.value);
    }
    if (gardes.size === 1) {
      select.value = [...gardes][0]!;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    setNombre(q ? gardes.size : null);
  };
  if (!pret) return null;
  return (
    <div class="champ">
      <label for="filtre-commune">{p.libelle}</label>
      <input id="filtre-commune" type="search" value={texte} onInput={(e) => filtrer((e.target as HTMLInputElement).value)} autocomplete="off" aria-controls="f-commune" />
      <p class="aide" aria-live="polite">{nombre === null ? '' : `${nombre} / ${p.communes.length}`}</p>
    </div>
  );
}

function Horaires(p: Extract<Props, { mode: 'horaires' }>) {
  const pret = useHydrate();
  const copier = () => {
    const form = formulaire();
    if (!form) return;
    const coches = [1, 2, 3, 4, 5, 6, 7].filter((j) => (form.elements.namedItem(`j${j}`) as HTMLInputElement | null)?.checked);
    if (coches.length < 2) return;
    const champ = (j: number, s: string) => form.elements.namedItem(`j${j}${s}`) as HTMLInputElement;
    const [premier, ...autres] = coches;
    for (const j of autres) {
      champ(j, 'De').value = champ(premier!, 'De').value;
      champ(j, 'A').value = champ(premier!, 'A').value;
    }
  };
  if (!pret) return null;
  return <p><button type="button" class="bouton bouton--secondaire" onClick={copier}>{p.libelle}</button></p>;
}

export default function DemandeConfort(p: Props) {
  if (p.mode === 'validation') return <Validation {...p} />;
  if (p.mode === 'commune') return <Commune {...p} />;
  return <Horaires {...p} />;
}
