/**
 * Comfort for the demande form, on top of a form that works without it:
 * - mode "validation": live validation with the SAME schema as the server,
 *   errors written into the field's own error slot (aria-describedby);
 * - mode "commune": type a few letters or a postal code, even loosely, to narrow the
 *   commune list (one match is chosen, none chooses "not in the list"); the
 *   "not in the list" field shows only once that choice is made;
 * - mode "horaires": copy the first checked day's hours to the other checked days.
 */
import './zod-sans-jit';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { COMMUNE_AUTRE, erreursEtapes, type Etape, type FormulaireDemande } from '../domain/demande/schema';
import { IndexNoms } from '../domain/territoire/noms-flous';

type Props =
  | { mode: 'validation'; etape: Etape; aujourdhui: string; codes: string[]; messages: Record<string, string> }
  | { mode: 'commune'; communes: { code: string; nom: string; cp: string }[]; libelle: string; nombre: string }
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
      for (const c of touches) afficherErreur(c, erreurs[c] ? (p.messages[erreurs[c]!] ?? erreurs[c]) : undefined);
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
  const index = useMemo(() => new IndexNoms(p.communes.map((c) => ({ ...c, codesPostaux: c.cp.split(' ') }))), [p.communes]);
  // "Not in the list" asks for the name only once that choice is made: the commune is asked once.
  useEffect(() => {
    const select = document.getElementById('f-commune') as HTMLSelectElement | null;
    const autre = document.getElementById('champ-communeAutre');
    const champAutre = document.getElementById('f-communeAutre') as HTMLInputElement | null;
    if (!select || !autre || !champAutre) return;
    const montrer = () => {
      const cacher = select.value !== COMMUNE_AUTRE && champAutre.value === '' && champAutre.getAttribute('aria-invalid') !== 'true';
      autre.hidden = cacher;
      autre.style.display = cacher ? 'none' : ''; // .champ sets a display that would win over [hidden]
    };
    montrer();
    select.addEventListener('change', montrer);
    return () => select.removeEventListener('change', montrer);
  }, []);
  const filtrer = (valeur: string) => {
    setTexte(valeur);
    const select = document.getElementById('f-commune') as HTMLSelectElement | null;
    if (!select) return;
    const q = valeur.trim();
    const gardes = new Set(q ? index.chercher(q, p.communes.length).map((c) => c.code) : p.communes.map((c) => c.code));
    for (const o of Array.from(select.options)) {
      if (!o.value || o.value === COMMUNE_AUTRE) continue;
      o.hidden = !gardes.has(o.value);
      o.disabled = !gardes.has(o.value);
    }
    if (q && gardes.size <= 1) {
      // One commune: chosen. None: "not in the list", with what was typed.
      select.value = gardes.size === 1 ? [...gardes][0]! : COMMUNE_AUTRE;
      const autre = document.getElementById('f-communeAutre') as HTMLInputElement | null;
      if (autre && gardes.size === 0) autre.value = q;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    setNombre(q ? gardes.size : null);
  };
  if (!pret) return null;
  return (
    <div class="filtre-commune">
      <label for="filtre-commune">{p.libelle}</label>
      <input
        id="filtre-commune"
        type="search"
        value={texte}
        onInput={(e) => filtrer((e.target as HTMLInputElement).value)}
        autocomplete="off"
        aria-controls="f-commune"
        aria-describedby="filtre-commune-nombre"
      />
      <p class="aide" id="filtre-commune-nombre" aria-live="polite">
        {nombre === null ? '' : p.nombre.replace('{n}', String(nombre))}
      </p>
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
  return (
    <p>
      <button type="button" class="bouton bouton--secondaire" onClick={copier}>
        {p.libelle}
      </button>
    </p>
  );
}

export default function DemandeConfort(p: Props) {
  if (p.mode === 'validation') return <Validation {...p} />;
  if (p.mode === 'commune') return <Commune {...p} />;
  return <Horaires {...p} />;
}
