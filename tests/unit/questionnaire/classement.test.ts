import { describe, expect, it } from 'vitest';
import {
  analyserPlanning,
  classerModes,
  CODES_RAISON,
  formaterHeure,
  type ModeClasse,
  type OffreContexte,
  type Raison,
} from '../../../src/domain/questionnaire/classement';
import { CODES_AVERTISSEMENT_COUT, CODES_LIGNE_COUT, MODES_ACCUEIL } from '../../../src/domain/questionnaire/cout';
import { creerSchemaQuestionnaire, PRIORITES, type ReponsesQuestionnaireBrutes } from '../../../src/domain/questionnaire/schema';
import fr from '../../../src/i18n/fr/questionnaire';

const AUJOURDHUI = '2026-11-24';
const schema = creerSchemaQuestionnaire({ aujourdhui: AUJOURDHUI });

const jours = (debut: string, fin: string, liste = [1, 2, 3, 4, 5]) => liste.map((jour) => ({ jour, debut, fin }));
const BEBE: ReponsesQuestionnaireBrutes = { enfant: { dateNaissance: '2026-06-10' }, dateDebut: '2027-01-04', planning: jours('08:30', '17:30') };

function classer(reponses: Partial<ReponsesQuestionnaireBrutes>, offre: OffreContexte = {}, aujourdhui?: string): ModeClasse[] {
  return classerModes(schema.parse({ ...BEBE, ...reponses }), offre, aujourdhui ? { aujourdhui } : {});
}
const modeDe = (liste: ModeClasse[], mode: string) => liste.find((m) => m.mode === mode) as ModeClasse;
const codes = (m: ModeClasse) => m.raisons.map((r) => r.code);

/** Every reason produced in these tests, to check the French strings and their placeholders. */
const produites: Raison[] = [];
function garder(liste: ModeClasse[]): ModeClasse[] {
  for (const m of liste) produites.push(...m.raisons);
  return liste;
}

describe('reading the schedule', () => {
  it('a night shift from 21:00 to 6:00 is atypical and counts 9 hours', () => {
    const p = analyserPlanning([{ jour: 1, debut: '21:00', fin: '06:00' }]);
    expect(p.nuit).toBe(true);
    expect(p.heuresHebdo).toBe(9);
    expect(p.atypique).toBe(true);
  });

  it('before 7:00, after 20:00 and the weekend are atypical; 19:30 is only late', () => {
    expect(analyserPlanning(jours('06:30', '15:00')).avant7h).toBe(true);
    const tard = analyserPlanning(jours('09:00', '19:30'));
    expect(tard.apres19h).toBe(true);
    expect(tard.atypique).toBe(false);
    expect(analyserPlanning(jours('09:00', '17:00', [6])).atypique).toBe(true);
    expect(analyserPlanning(jours('08:00', '18:00')).heuresHebdo).toBe(50);
  });

  it('hours are written the French way', () => {
    expect(formaterHeure('19:00')).toBe('19 h');
    expect(formaterHeure('07:30')).toBe('7 h 30');
  });
});

describe('ranking the modes d’accueil', () => {
  it('every mode is listed once, suitable modes first, scores between 0 and 100', () => {
    const r = garder(classer({}));
    expect(r.map((m) => m.mode).sort()).toEqual([...MODES_ACCUEIL].sort());
    const premierNonAdapte = r.findIndex((m) => !m.adapte);
    if (premierNonAdapte >= 0) expect(r.slice(premierNonAdapte).every((m) => !m.adapte)).toBe(true);
    for (const m of r) expect(m.score).toBeGreaterThanOrEqual(0);
    for (const m of r) expect(m.score).toBeLessThanOrEqual(100);
  });

  it('a parent working until 21:00 where crèches close at 19:00 is told why the crèche does not fit', () => {
    const r = garder(
      classer({ planning: jours('09:00', '21:00') }, { modes: { creche: { fermetureLaPlusTardive: '19:00', ouvertureLaPlusMatinale: '07:30' } } }),
    );
    const creche = modeDe(r, 'creche');
    expect(creche.adapte).toBe(false);
    expect(creche.raisons).toContainEqual({ code: 'creche-ferme-trop-tot', params: { heureFermeture: '19 h', heureFin: '21 h' }, sens: 'contre' });
    expect(codes(modeDe(r, 'garde-a-domicile'))).toContain('garde-domicile-horaires-libres');
    expect(r[0]?.mode).toBe('garde-a-domicile');
  });

  it('an unsuitable mode only shows why it is unsuitable, not the priorities it would have matched', () => {
    const r = garder(classer({ planning: jours('09:00', '21:00'), priorites: ['vie-collective'] }, { modes: { creche: { fermetureLaPlusTardive: '19:00' } } }));
    expect(modeDe(r, 'creche').raisons.map((x) => x.code)).toEqual(['creche-ferme-trop-tot']);
    expect(modeDe(r, 'periscolaire').raisons.map((x) => x.code)).toEqual(['periscolaire-enfant-trop-jeune']);
  });

  it('a MAM closing at 19:00 is unsuitable for the same reason, told in its own words', () => {
    const r = garder(
      classer(
        { planning: jours('09:00', '19:30') },
        { modes: { mam: { fermetureLaPlusTardive: '19:00' }, periscolaire: { ouvertureLaPlusMatinale: '07:30' } } },
      ),
    );
    expect(modeDe(r, 'mam').raisons).toEqual([{ code: 'structure-ferme-trop-tot', params: { heureFermeture: '19 h', heureFin: '19 h 30' }, sens: 'contre' }]);
    const matin = garder(
      classer(
        { enfant: { dateNaissance: '2021-05-01' }, planning: jours('07:00', '08:30') },
        { modes: { periscolaire: { ouvertureLaPlusMatinale: '07:30' } } },
      ),
    );
    expect(modeDe(matin, 'periscolaire').raisons).toContainEqual({
      code: 'structure-ouvre-trop-tard',
      params: { heureOuverture: '7 h 30', heureDebut: '7 h' },
      sens: 'contre',
    });
  });

  it('a nurse starting at 6:00 cannot use a crèche opening at 7:30', () => {
    const r = garder(
      classer({ planning: jours('06:00', '14:00') }, { modes: { creche: { ouvertureLaPlusMatinale: '07:30', fermetureLaPlusTardive: '18:30' } } }),
    );
    expect(modeDe(r, 'creche').raisons).toContainEqual({
      code: 'creche-ouvre-trop-tard',
      params: { heureOuverture: '7 h 30', heureDebut: '6 h' },
      sens: 'contre',
    });
  });

  it('standard hours inside the crèche opening hours are a reason for the crèche', () => {
    const r = garder(classer({}, { modes: { creche: { ouvertureLaPlusMatinale: '07:30', fermetureLaPlusTardive: '18:30' } } }));
    expect(codes(modeDe(r, 'creche'))).toContain('adapte-aux-horaires');
    expect(modeDe(r, 'creche').adapte).toBe(true);
  });

  it('when crèche hours are unknown, atypical hours only lower the crèche', () => {
    const r = garder(classer({ planning: jours('06:00', '14:00') }));
    expect(modeDe(r, 'creche').adapte).toBe(true);
    expect(codes(modeDe(r, 'creche'))).toContain('horaires-atypiques-rares-en-structure');
    expect(codes(modeDe(r, 'assistant-maternel'))).toContain('am-horaires-atypiques-rares');
  });

  it('a parent working on Saturdays: structures closed on Saturday are unsuitable, assistants maternels who accept it are put forward', () => {
    const offre: OffreContexte = {
      modes: {
        creche: { ouvertSamedi: false },
        'micro-creche': { ouvertSamedi: false },
        mam: { ouvertSamedi: false },
        'assistant-maternel': { professionnelsHorairesAtypiques: 12 },
      },
    };
    const r = garder(classer({ planning: [...jours('08:00', '16:00', [2, 3, 4, 5]), { jour: 6, debut: '08:00', fin: '16:00' }] }, offre));
    expect(codes(modeDe(r, 'creche'))).toContain('ferme-le-week-end');
    expect(modeDe(r, 'creche').adapte).toBe(false);
    expect(modeDe(r, 'assistant-maternel').raisons).toContainEqual({ code: 'am-horaires-atypiques-disponibles', params: { nombre: 12 }, sens: 'pour' });
    expect(['assistant-maternel', 'garde-a-domicile']).toContain(r[0]?.mode);
  });

  it('a night worker: every structure is closed at night, the garde à domicile comes first', () => {
    const r = garder(classer({ planning: jours('21:00', '06:00', [1, 2, 3]) }));
    for (const mode of ['creche', 'micro-creche', 'mam']) expect(codes(modeDe(r, mode))).toContain('ferme-la-nuit');
    expect(r[0]?.mode).toBe('garde-a-domicile');
  });

  it('a baby cannot go to the périscolaire; a 4-year-old cannot go to the crèche', () => {
    const bebe = garder(classer({}));
    expect(modeDe(bebe, 'periscolaire').adapte).toBe(false);
    expect(modeDe(bebe, 'periscolaire').raisons).toContainEqual({ code: 'periscolaire-enfant-trop-jeune', params: { ageMinAns: 3 }, sens: 'contre' });
    const grand = garder(classer({ enfant: { dateNaissance: '2022-09-01' }, planning: jours('07:30', '08:30') }));
    expect(modeDe(grand, 'periscolaire').adapte).toBe(true);
    expect(codes(modeDe(grand, 'periscolaire'))).toContain('periscolaire-age-scolaire');
    expect(modeDe(grand, 'creche').raisons).toContainEqual({ code: 'creche-enfant-trop-grand', params: { ageMaxAns: 4 }, sens: 'contre' });
  });

  it('a 4-year-old with a handicap can still be welcomed in a crèche (up to 6)', () => {
    const r = garder(classer({ enfant: { dateNaissance: '2022-09-01', handicap: true, aeeh: true } }));
    const creche = modeDe(r, 'creche');
    expect(creche.adapte).toBe(true);
    expect(codes(creche)).toContain('accueil-handicap-structure');
    expect(codes(creche)).toContain('enfant-scolarise');
    expect(codes(modeDe(r, 'assistant-maternel'))).toContain('accueil-individualise');
  });

  it('a handicap where no structure states an adapted welcome sends the family to the RPE', () => {
    const r = garder(classer({ enfant: { dateNaissance: '2026-06-10', handicap: true } }, { modes: { creche: { accueilHandicap: false } } }));
    expect(codes(modeDe(r, 'creche'))).toContain('accueil-handicap-non-indique');
  });

  it('an urgent request: free places with assistants maternels beat a crèche with none', () => {
    const r = garder(classer({ urgence: true }, { modes: { creche: { placesDisponibles: 0 }, 'assistant-maternel': { placesDisponibles: 7 } } }));
    expect(modeDe(r, 'assistant-maternel').raisons).toContainEqual({ code: 'places-disponibles', params: { nombre: 7 }, sens: 'pour' });
    expect(codes(modeDe(r, 'creche'))).toContain('aucune-place-disponible');
    expect(r.findIndex((m) => m.mode === 'assistant-maternel')).toBeLessThan(r.findIndex((m) => m.mode === 'creche'));
    expect(codes(modeDe(r, 'micro-creche'))).toContain('liste-attente-probable');
    expect(codes(modeDe(r, 'garde-a-domicile'))).toContain('recrutement-rapide-possible');
  });

  it('a crèche wait of 9 months counts against it when care starts in 2 months', () => {
    const r = garder(classer({}, { modes: { creche: { delaiAttenteMois: 9 } } }, AUJOURDHUI));
    expect(modeDe(r, 'creche').raisons).toContainEqual({ code: 'delai-attente', params: { mois: 9 }, sens: 'contre' });
    const tard = garder(classer({ dateDebut: '2027-10-01' }, { modes: { creche: { delaiAttenteMois: 9 } } }, AUJOURDHUI));
    expect(codes(modeDe(tard, 'creche'))).not.toContain('delai-attente');
  });

  it('a mode absent from the territory is unsuitable', () => {
    const r = garder(classer({}, { modes: { mam: { nombre: 0 } } }));
    expect(modeDe(r, 'mam').adapte).toBe(false);
    expect(codes(modeDe(r, 'mam'))).toContain('aucune-offre-sur-le-territoire');
  });

  it('a family wanting collective life gets the crèche first for standard hours', () => {
    const r = garder(classer({ priorites: ['vie-collective'] }));
    expect(r[0]?.mode).toBe('creche');
    expect(codes(modeDe(r, 'garde-a-domicile'))).toContain('pas-de-vie-collective');
  });

  it('a family wanting a small group gets an individual mode before the crèche', () => {
    const r = garder(classer({ priorites: ['petit-groupe'] }));
    expect(['assistant-maternel', 'garde-a-domicile']).toContain(r[0]?.mode);
    expect(codes(modeDe(r, 'creche'))).toContain('grand-groupe');
  });

  it('the first priority weighs more than the second', () => {
    const collectif = classer({ priorites: ['vie-collective', 'petit-groupe'] });
    const petit = classer({ priorites: ['petit-groupe', 'vie-collective'] });
    expect(modeDe(collectif, 'creche').score).toBeGreaterThan(modeDe(petit, 'creche').score);
  });

  it('a family asking for flexible hours gets the garde à domicile first', () => {
    const r = garder(classer({ priorites: ['souplesse'], horairesVariables: true }));
    expect(r[0]?.mode).toBe('garde-a-domicile');
    expect(codes(modeDe(r, 'creche'))).toContain('horaires-variables-difficiles-en-structure');
  });

  it('a family on a budget with 2 000 € a month sees the cheapest modes first, with the estimated amount', () => {
    const r = garder(classer({ priorites: ['budget'], foyer: { ressourcesMensuelles: 2000 } }));
    const gad = modeDe(r, 'garde-a-domicile');
    expect(gad.raisons.find((x) => x.code === 'cout-estime-eleve')?.params?.montant).toMatch(/^\d[\d\u202f]* €$/);
    expect(codes(gad)).toContain('garde-partagee-moins-chere');
    const moinsCher = r
      .filter((m) => m.adapte && m.cout?.estimation)
      .sort((a, b) => (a.cout?.estimation?.mensuel.netApresCreditCents ?? 0) - (b.cout?.estimation?.mensuel.netApresCreditCents ?? 0))[0];
    expect(codes(moinsCher as ModeClasse)).toContain('cout-estime-bas');
    expect(r.findIndex((m) => m.mode === 'garde-a-domicile')).toBeGreaterThan(r.findIndex((m) => m.mode === moinsCher?.mode));
  });

  it('without income, the budget priority uses the middle of each range and says the crèche price follows income', () => {
    const r = garder(classer({ priorites: ['budget'] }));
    expect(codes(modeDe(r, 'creche'))).toContain('tarif-selon-revenus');
    expect(modeDe(r, 'creche').cout?.fourchette).not.toBeNull();
  });

  it('a lone parent of an 8-year-old keeps the CAF aid with an assistant maternel; a couple does not', () => {
    const isole = garder(classer({ enfant: { dateNaissance: '2018-09-01' }, planning: jours('16:30', '19:00'), foyer: { parentIsole: true } }));
    expect(modeDe(isole, 'assistant-maternel').raisons).toContainEqual({ code: 'cmg-jusqu-a-12-ans-parent-isole', params: { ageMaxAns: 12 }, sens: 'pour' });
    const couple = garder(classer({ enfant: { dateNaissance: '2018-09-01' }, planning: jours('16:30', '19:00') }));
    expect(modeDe(couple, 'assistant-maternel').raisons).toContainEqual({ code: 'aide-caf-non-versee-apres-6-ans', params: { ageMaxAns: 6 }, sens: 'contre' });
  });

  it('very long days count against structures', () => {
    const r = garder(classer({ planning: jours('07:00', '19:00') }));
    expect(modeDe(r, 'creche').raisons).toContainEqual({ code: 'amplitude-journee-longue', params: { duree: '12 h' }, sens: 'contre' });
  });

  it('gives the cost estimate of each mode for display', () => {
    const r = classer({ foyer: { ressourcesMensuelles: 3000 } });
    expect(modeDe(r, 'creche').cout?.estimation?.hypotheses.tarifHoraireCents).toBe(186);
    expect(modeDe(r, 'periscolaire').cout?.estimable).toBe(false);
  });
});

describe('French strings', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

  it('every reason code, mode, priority, cost line and warning has a French string', () => {
    for (const c of CODES_RAISON) expect(typeof fr.raison[c], c).toBe('string');
    for (const m of MODES_ACCUEIL) expect(typeof fr.mode[m], m).toBe('string');
    for (const m of MODES_ACCUEIL) expect(typeof fr.modeDescription[m], m).toBe('string');
    for (const p of PRIORITES) expect(typeof fr.priorite[p], p).toBe('string');
    for (const l of CODES_LIGNE_COUT) expect(typeof fr.cout.ligne[l], l).toBe('string');
    for (const a of CODES_AVERTISSEMENT_COUT) expect(typeof fr.cout.avertissement[a], a).toBe('string');
    expect(Object.keys(fr.raison).sort()).toEqual([...CODES_RAISON].sort());
  });

  it('every reason produced above fills exactly the placeholders of its sentence', () => {
    expect(new Set(produites.map((r) => r.code)).size).toBeGreaterThan(25);
    for (const r of produites) {
      expect(CODES_RAISON).toContain(r.code);
      expect(Object.keys(r.params ?? {}).sort(), r.code).toEqual(placeholders(fr.raison[r.code]).sort());
    }
  });
});
