/**
 * The cost table of the questionnaire's answer page.
 *
 * Rendered on the server (complete without JavaScript). Once hydrated, it
 * offers a select of income brackets and recomputes the estimate in the
 * browser: the bracket never leaves the page.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { BAREMES, BAREME } from '../domain/questionnaire/bareme';
import { estimerTousLesModes, type CodeAvertissementCout, type EntreeEstimation, type EstimationCout, type ModeAccueil } from '../domain/questionnaire/cout';

type Montant = { valeur: number } | { bas: number; haut: number };
export type LigneTableau = 'coutBrut' | 'aides' | 'netAvantCredit' | 'creditImpot' | 'netApresCredit';
const LIGNES_TABLEAU: readonly LigneTableau[] = ['coutBrut', 'aides', 'netAvantCredit', 'creditImpot', 'netApresCredit'];

type ColonneCout = {
  /** A mode, or 'garde-partagee' (garde à domicile shared with another family). */
  cle: ModeAccueil | 'garde-partagee';
  adapte: boolean;
  montants: Record<LigneTableau, Montant>;
  heuresMensuelles: number;
  tarifHoraire: Montant;
  avertissements: CodeAvertissementCout[];
};

const CLES_MONTANTS: Record<LigneTableau, keyof EstimationCout['mensuel']> = {
  coutBrut: 'coutBrutCents',
  aides: 'aidesCents',
  netAvantCredit: 'netAvantCreditCents',
  creditImpot: 'creditImpotCents',
  netApresCredit: 'netApresCreditCents',
};

function montant(
  e: { estimation: EstimationCout | null; fourchette: { bas: EstimationCout; haut: EstimationCout } | null },
  f: (x: EstimationCout) => number,
): Montant {
  if (e.estimation) return { valeur: f(e.estimation) };
  const a = f(e.fourchette!.bas);
  const b = f(e.fourchette!.haut);
  return a === b ? { valeur: a } : { bas: Math.min(a, b), haut: Math.max(a, b) };
}

/** Already visible elsewhere (income not given) or self-evident in a range. */
const AVERTISSEMENTS_DE_FOURCHETTE = new Set<CodeAvertissementCout>([
  'revenus-non-renseignes',
  'plancher-ressources-applique',
  'plafond-ressources-applique',
  'cmg-revenus-trop-eleves',
]);
/** Internal quality flags of the barème ("chiffre à vérifier"): for the team that maintains it, not for families. */
const AVERTISSEMENTS_INTERNES = new Set<CodeAvertissementCout>(['parametre-a-verifier']);

/** Columns of the table, in the order given (suitable modes first), the shared nanny next to the nanny. */
function colonnesCouts(
  entree: EntreeEstimation,
  ordre: readonly { mode: ModeAccueil; adapte: boolean }[],
): { colonnes: ColonneCout[]; revenusConnus: boolean } {
  const tous = estimerTousLesModes(entree);
  const partage = estimerTousLesModes({ ...entree, gardePartagee: true }).modes.find((m) => m.mode === 'garde-a-domicile')!;
  const colonnes: ColonneCout[] = [];
  for (const { mode, adapte } of ordre) {
    const m = tous.modes.find((x) => x.mode === mode);
    if (!m || !m.estimable) continue;
    const versions = [{ cle: mode, e: m }, ...(mode === 'garde-a-domicile' ? [{ cle: 'garde-partagee' as const, e: partage }] : [])];
    for (const { cle, e } of versions) {
      const ref = e.estimation ?? e.fourchette!.bas;
      const avertissements = (
        e.estimation
          ? [...e.estimation.avertissements]
          : [...new Set([...e.fourchette!.bas.avertissements, ...e.fourchette!.haut.avertissements])].filter((a) => !AVERTISSEMENTS_DE_FOURCHETTE.has(a))
      ).filter((a) => !AVERTISSEMENTS_INTERNES.has(a));
      colonnes.push({
        cle,
        adapte,
        montants: Object.fromEntries(LIGNES_TABLEAU.map((l) => [l, montant(e, (x) => x.mensuel[CLES_MONTANTS[l]])])) as Record<LigneTableau, Montant>,
        heuresMensuelles: ref.hypotheses.heuresMensuelles,
        tarifHoraire: montant(e, (x) => x.hypotheses.tarifHoraireCents),
        avertissements,
      });
    }
  }
  return { colonnes, revenusConnus: tous.revenusConnus };
}

export type TextesCouts = {
  legende: string;
  poste: string;
  lignes: Record<LigneTableau, string>;
  heures: string;
  tarifHoraire: string;
  fourchette: string;
  noms: Record<string, string>;
  moinsAdapte: string;
  avertissementsTitre: string;
  avertissements: Record<string, string>;
  revenusNonRenseignes: string;
  creditImpotInfo: string;
  revenusChoix: string;
  revenusAucun: string;
  tranches: { id: string; libelle: string; centimes: number }[];
  misAJour: string;
};

type ProprietesCouts = {
  entree: Omit<EntreeEstimation, 'bareme'>;
  baremeVersion: string;
  ordre: { mode: ModeAccueil; adapte: boolean }[];
  locale: string;
  textes: TextesCouts;
  /** Bracket chosen in the questionnaire ('' = not given). */
  tranche: string;
};

function remplir(s: string, p: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));
}

export default function QuestionnaireCouts(props: ProprietesCouts) {
  const { textes, locale } = props;
  const [hydrate, setHydrate] = useState(false);
  const [tranche, setTranche] = useState(props.tranche);
  const [annonce, setAnnonce] = useState('');
  useEffect(() => setHydrate(true), []);

  const bareme = BAREMES.find((b) => b.version === props.baremeVersion) ?? BAREME;
  const centimes = textes.tranches.find((t) => t.id === tranche)?.centimes ?? null;
  const { colonnes, revenusConnus } = useMemo(
    () => colonnesCouts({ ...props.entree, foyer: { ...props.entree.foyer, ressourcesMensuellesCents: centimes }, bareme }, props.ordre),
    [centimes],
  );
  const euros = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const eurosCentimes = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
  const nombre = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const afficher = (m: Montant, fmt: Intl.NumberFormat) =>
    'valeur' in m ? fmt.format(m.valeur / 100) : remplir(textes.fourchette, { min: fmt.format(m.bas / 100), max: fmt.format(m.haut / 100) });

  return (
    <div class="couts">
      {hydrate && (
        <div class="champ couts__revenus">
          <label for="couts-revenus">{textes.revenusChoix}</label>
          <select
            id="couts-revenus"
            value={tranche}
            onChange={(ev) => {
              setTranche((ev.currentTarget as HTMLSelectElement).value);
              setAnnonce(textes.misAJour);
            }}
          >
            <option value="">{textes.revenusAucun}</option>
            {textes.tranches.map((t) => (
              <option value={t.id}>{t.libelle}</option>
            ))}
          </select>
        </div>
      )}
      <p class="visually-hidden" aria-live="polite">
        {annonce}
      </p>
      {!revenusConnus && <p class="encadre encadre--info">{textes.revenusNonRenseignes}</p>}
      <div class="tableau-defilant" role="region" aria-labelledby="couts-legende" tabIndex={0}>
        <table>
          <caption id="couts-legende">{textes.legende}</caption>
          <thead>
            <tr>
              <th scope="col">{textes.poste}</th>
              {colonnes.map((c) => (
                <th scope="col">
                  {textes.noms[c.cle]}
                  {!c.adapte && <span class="aide"> {textes.moinsAdapte}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LIGNES_TABLEAU.map((l) => (
              <tr class={`couts__ligne couts__ligne--${l}`}>
                <th scope="row">{textes.lignes[l]}</th>
                {colonnes.map((c) => (
                  <td data-mode={c.cle}>{afficher(c.montants[l], euros)}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{textes.heures}</th>
              {colonnes.map((c) => (
                <td data-mode={c.cle}>{nombre.format(c.heuresMensuelles)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{textes.tarifHoraire}</th>
              {colonnes.map((c) => (
                <td data-mode={c.cle}>{afficher(c.tarifHoraire, eurosCentimes)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p class="aide">{textes.creditImpotInfo}</p>
      {colonnes.some((c) => c.avertissements.length > 0) && (
        <>
          <h3>{textes.avertissementsTitre}</h3>
          <dl class="couts__avertissements">
            {colonnes
              .filter((c) => c.avertissements.length > 0)
              .map((c) => (
                <>
                  <dt>{textes.noms[c.cle]}</dt>
                  <dd>
                    <ul>
                      {c.avertissements.map((a) => (
                        <li>{textes.avertissements[a] ?? a}</li>
                      ))}
                    </ul>
                  </dd>
                </>
              ))}
          </dl>
        </>
      )}
    </div>
  );
}
