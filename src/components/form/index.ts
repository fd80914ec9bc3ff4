/**
 * The form kit: one way to write a form on every family, AM and staff page.
 *
 * Usage (in a page, after the handler under src/server/ has answered):
 *
 *   import Field from '…/components/form/Field.astro';
 *   import Fieldset from '…/components/form/Fieldset.astro';
 *   import ErrorSummary from '…/components/form/ErrorSummary.astro';
 *   import FormActions from '…/components/form/FormActions.astro';
 *   import DefaultButton from '…/components/form/DefaultButton.astro';
 *   import { resumeErreurs, titreAvecErreurs } from '…/components/form';
 *
 *   const erreurs = { p1Prenom: 'demande.erreur.requis' };          // field → i18n key (or text)
 *   const resume = resumeErreurs(erreurs, { p1Prenom: t('demande.vous.prenom') }, t);
 *   <Base titre={titreAvecErreurs(lang, 'Étape 1 sur 5 : Vous', resume.length)}>
 *     <ErrorSummary erreurs={resume} />              // focused on load, "Prénom : ce champ est obligatoire."
 *     <form method="post" novalidate>
 *       <DefaultButton name="aller" value="suivant" label={t('commun.continuer')} />  // only if other submit buttons come before the primary
 *       <Field nom="p1Prenom" label={t('demande.vous.prenom')} valeur={v.p1Prenom} erreur={t(erreurs.p1Prenom)} obligatoire />
 *       <Fieldset nom="statut" legende="…" erreur={…}> radios, first one with id={idChamp('statut')} </Fieldset>
 *       <FormActions>
 *         <button class="bouton" name="aller" value="suivant">Continuer</button>       // primary: first in the DOM, so Enter goes forward
 *         <button slot="avant" class="bouton bouton--secondaire" name="aller" value="precedent">Retour</button>  // shown before it
 *       </FormActions>
 *     </form>
 *
 * Conventions: a field `nom` has the control id `f-<nom>` (idChamp), its help
 * `aide-<nom>` and its error `err-<nom>`; the control points to both with
 * aria-describedby and carries aria-invalid when in error. The summary links
 * to `#f-<nom>` unless a `cible` is given. Values are always re-rendered from
 * what was posted: nothing typed is lost.
 */
import { DICTIONNAIRES, interpoler, LANG_INFO, lireCle, type Lang, type T } from '../../i18n';

/** One line of the error summary. */
export type ErreurChamp = {
  /** Field name (the control's id is `f-<champ>`). */
  champ: string;
  /** The field's visible label, as the person reads it. */
  libelle: string;
  /** What is wrong, already translated. */
  message: string;
  /** Id of the element the link goes to, when it is not `f-<champ>` (first radio of a group…). */
  cible?: string;
};

export const idChamp = (nom: string): string => `f-${nom}`;
export const idAide = (nom: string): string => `aide-${nom}`;
export const idErreur = (nom: string): string => `err-${nom}`;

/** aria-describedby value from optional ids (undefined when none). */
export function decritPar(...ids: (string | false | null | undefined)[]): string | undefined {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

/**
 * A message with plural forms: `cle` names an object of Intl.PluralRules
 * categories ({ one, other } in French, six in Arabic). Falls back to the
 * language's `other`, then to French.
 */
export function messagePluriel(lang: Lang, cle: string, n: number, params: Record<string, string | number> = {}): string {
  const categorie = new Intl.PluralRules(LANG_INFO[lang].htmlLang).select(n);
  const p = { n, ...params };
  for (const l of lang === 'fr' ? (['fr'] as const) : ([lang, 'fr'] as const)) {
    const dict = DICTIONNAIRES[l];
    const s = lireCle(dict, `${cle}.${categorie}`) ?? lireCle(dict, `${cle}.other`);
    if (s !== undefined) return interpoler(s, p);
  }
  throw new Error(`Missing plural message "${cle}"`);
}

/** The page title, prefixed with the error count when there are errors: "2 erreurs – Étape 1 sur 5 : Vous". */
export function titreAvecErreurs(lang: Lang, titre: string, nbErreurs: number): string {
  return nbErreurs > 0 ? `${messagePluriel(lang, 'formulaire.titreErreurs', nbErreurs)} – ${titre}` : titre;
}

/** Lower-cases the first letter of a sentence put after a field name ("Prénom : ce champ…"), unless it starts an acronym. */
function minusculeInitiale(message: string, lang: Lang): string {
  const [a, b] = [...message];
  if (!a || !b || b !== b.toLocaleLowerCase(LANG_INFO[lang].htmlLang)) return message;
  return a.toLocaleLowerCase(LANG_INFO[lang].htmlLang) + message.slice(a.length);
}

/** Text of one summary link: "Prénom : ce champ est obligatoire." */
export function texteLienErreur(lang: Lang, e: Pick<ErreurChamp, 'libelle' | 'message'>): string {
  const modele = lireCle(DICTIONNAIRES[lang], 'formulaire.lien') ?? lireCle(DICTIONNAIRES.fr, 'formulaire.lien')!;
  return interpoler(modele, { champ: e.libelle.replace(/\s*[:?]\s*$/, ''), message: minusculeInitiale(e.message, lang) });
}

/**
 * Builds the summary from a handler's errors (field → i18n key or text), in
 * the order of `libelles` (the order of the fields on the page), then any other.
 * `t` translates the keys; a field without a label uses its name.
 */
export function resumeErreurs(
  erreurs: Partial<Record<string, string>>,
  libelles: Record<string, string> | ((champ: string) => string | undefined),
  t?: T,
  cibles: Partial<Record<string, string>> = {},
): ErreurChamp[] {
  const libelle = typeof libelles === 'function' ? libelles : (c: string) => libelles[c];
  const ordre = typeof libelles === 'function' ? [] : Object.keys(libelles);
  const champs = Object.keys(erreurs).filter((c) => erreurs[c]);
  champs.sort((a, b) => rang(ordre, a) - rang(ordre, b));
  return champs.map((champ) => {
    const brut = erreurs[champ]!;
    const message = t && /^[a-z][\w-]*(\.[\w-]+)+$/.test(brut) ? t(brut) : brut;
    return { champ, libelle: libelle(champ) ?? champ, message, cible: cibles[champ] };
  });
}

function rang(ordre: string[], c: string): number {
  const i = ordre.indexOf(c);
  return i === -1 ? ordre.length : i;
}

/** Options of a select whose first choice is empty ("—", nothing chosen yet), from a value → label record. */
export function optionsAvecVide(libelles: Readonly<Record<string, string>>): { value: string; label: string }[] {
  return [{ value: '', label: '—' }, ...Object.entries(libelles).map(([value, label]) => ({ value, label }))];
}
