import { describe, expect, it } from 'vitest';
import {
  ageMoisAuDebut,
  erreursEtapes,
  estAtypique,
  formaterReference,
  jourParis,
  nettoyerFormulaire,
  preremplir,
  validerDemande,
  versFormulaire,
  type FormulaireDemande,
} from '../../../src/domain/demande/schema';
import { chronologie, prochaineEtape } from '../../../src/domain/demande/suivi';

const AUJ = '2026-03-10';
const base: FormulaireDemande = {
  p1Prenom: 'Inès',
  p1Nom: 'Roux',
  email: 'ines@exemple.fr',
  canalPrefere: 'email',
  langueContact: 'fr',
  commune: '62119',
  nbEnfants: '1',
  e0Statut: 'ne',
  e0Naissance: '2025-10-01',
  dateDebut: '2026-09-01',
  j1: 'oui',
  j1De: '08:00',
  j1A: '18:00',
  mode1: 'collectif',
  consentementContact: 'oui',
};
const erreurs = (f: FormulaireDemande) => {
  const r = validerDemande(f, { aujourdhui: AUJ, codesCommunes: ['62119', '62034'] });
  return r.ok ? {} : r.erreurs;
};

describe('demande schema', () => {
  it('accepts a complete demande and structures it', () => {
    const r = validerDemande({ ...base, telephone: '06 12.34-56 78', email: 'Ines@Exemple.FR' }, { aujourdhui: AUJ });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.donnees.email).toBe('ines@exemple.fr');
    expect(r.donnees.telephone).toBe('0612345678');
    expect(r.donnees.enfants).toEqual([{ prenom: null, dateNaissance: '2025-10-01', naissancePrevue: null }]);
    expect(r.donnees.planning).toEqual([{ jour: 1, debut: '08:00', fin: '18:00' }]);
    expect(r.donnees.horairesAtypiques).toBe(false);
  });

  it('gives each bad field its own translated key', () => {
    expect(erreurs({ ...base, email: 'ines@exemple' }).email).toBe('demande.erreur.email');
    expect(erreurs({ ...base, e0Naissance: '2026-04-01' }).e0Naissance).toBe('demande.erreur.naissanceFuture');
    expect(erreurs({ ...base, e0Statut: 'attendu', e0Naissance: '2026-01-01' }).e0Naissance).toBe('demande.erreur.naissancePrevuePassee');
    expect(erreurs({ ...base, dateDebut: '2026-03-09' }).dateDebut).toBe('demande.erreur.debutPasse');
    expect(erreurs({ ...base, consentementContact: undefined }).consentementContact).toBe('demande.erreur.consentementContact');
    expect(erreurs({ ...base, email: undefined }).email).toBe('demande.erreur.contactManquant');
    expect(erreurs({ ...base, commune: '75056' }).commune).toBe('demande.erreur.commune');
    expect(erreurs({ ...base, commune: 'autre' }).communeAutre).toBe('demande.erreur.communeAutre');
    expect(erreurs({ ...base, j1: undefined }).j1).toBe('demande.erreur.planningVide');
    expect(erreurs({ ...base, mode2: 'collectif' }).mode2).toBe('demande.erreur.modeEnDouble');
    expect(erreurs({ ...base, urgence: 'oui' }).urgenceMotif).toBe('demande.erreur.urgenceMotif');
    expect(erreurs({ ...base, canalPrefere: 'sms', email: 'a@b.fr' }).telephone).toBe('demande.erreur.telephonePourCanal');
  });

  it('checks one step at a time', () => {
    expect(
      erreursEtapes({ p1Prenom: 'A', p1Nom: 'B', email: 'a@b.fr', canalPrefere: 'email', langueContact: 'fr', commune: '62119' }, ['vous'], {
        aujourdhui: AUJ,
      }),
    ).toEqual({});
    expect(Object.keys(erreursEtapes({}, ['envoi'], { aujourdhui: AUJ }))).toEqual(['consentementContact']);
  });

  it('flags atypical hours from the schedule itself', () => {
    expect(estAtypique([{ jour: 6, debut: '09:00', fin: '12:00' }])).toBe(true);
    expect(estAtypique([{ jour: 2, debut: '06:30', fin: '15:00' }])).toBe(true);
    expect(estAtypique([{ jour: 2, debut: '22:00', fin: '06:00' }])).toBe(true);
    expect(estAtypique([{ jour: 2, debut: '08:00', fin: '19:00' }])).toBe(false);
  });

  it('prefills from the questionnaire and map query parameters, ignoring junk', () => {
    const f = preremplir(
      new URLSearchParams(
        'commune=62034&naissancePrevue=2026-06-01&debut=2026-09-01&modes=mam,xx,collectif,mam&jours=1,2,9&de=07:30&a=18:00&urgence=1&structure=3f1c2a4e-0000-4000-8000-000000000001&handicap=0',
      ),
    );
    expect(f).toEqual({
      commune: '62034',
      e0Statut: 'attendu',
      e0Naissance: '2026-06-01',
      dateDebut: '2026-09-01',
      mode1: 'mam',
      mode2: 'collectif',
      j1: 'oui',
      j1De: '07:30',
      j1A: '18:00',
      j2: 'oui',
      j2De: '07:30',
      j2A: '18:00',
      urgence: 'oui',
      structure: '3f1c2a4e-0000-4000-8000-000000000001',
    });
    expect(preremplir(new URLSearchParams('commune=<script>&naissance=2026-02-30'))).toEqual({});
  });

  it('round-trips a demande through the form fields', () => {
    const r = validerDemande(
      { ...base, nbEnfants: '2', e1Statut: 'attendu', e1Naissance: '2026-05-01', p2Prenom: 'Tom', p2Nom: 'Roux', communeAcceptee1: '62034' },
      { aujourdhui: AUJ },
    );
    if (!r.ok) throw new Error('invalid');
    const r2 = validerDemande(versFormulaire(r.donnees), { aujourdhui: AUJ });
    expect(r2.ok && r2.donnees).toEqual(r.donnees);
  });

  it('keeps only known string fields of a post', () => {
    expect(nettoyerFormulaire({ email: ['a@b.fr', 'c@d.fr'], pirate: 'x', p1Nom: '' })).toEqual({ email: 'c@d.fr' });
  });

  it('computes age in months, reference and the Paris day', () => {
    expect(
      ageMoisAuDebut(
        [
          { prenom: null, dateNaissance: '2025-01-15', naissancePrevue: null },
          { prenom: null, dateNaissance: null, naissancePrevue: '2026-08-01' },
        ],
        '2026-09-01',
      ),
    ).toBe(1);
    expect(formaterReference(2026, 42)).toBe('D-2026-00042');
    expect(jourParis(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });
});

describe('follow-up timeline', () => {
  it('promises the first contact within 7 days when urgent, else the relais setting', () => {
    const creeLe = new Date('2026-03-02T10:00:00Z');
    expect(prochaineEtape({ etat: 'nouvelle', creeLe, urgence: true, delaiRelaisJours: 15, maintenant: creeLe })).toMatchObject({
      cle: 'suivi.prochaine.nouvelle',
      jours: 7,
    });
    expect(prochaineEtape({ etat: 'nouvelle', creeLe, urgence: false, delaiRelaisJours: 15, maintenant: creeLe })).toMatchObject({
      jours: 15,
      avant: new Date('2026-03-17T10:00:00Z'),
    });
    expect(prochaineEtape({ etat: 'nouvelle', creeLe, urgence: false, delaiRelaisJours: 15, maintenant: new Date('2026-04-01') }).cle).toBe(
      'suivi.prochaine.nouvelleEnRetard',
    );
    expect(prochaineEtape({ etat: 'mise-en-relation', creeLe, urgence: false, delaiRelaisJours: 15, maintenant: creeLe }).cle).toBe(
      'suivi.prochaine.miseEnRelation',
    );
  });

  it('tells the family its own withdrawal apart from a staff closing', () => {
    const h = [
      { le: new Date('2026-03-03'), transition: 'abandonner', vers: 'abandonnee' as const, parFamille: true },
      { le: new Date('2026-03-02'), transition: 'deposer', vers: 'nouvelle' as const, parFamille: true },
    ];
    expect(chronologie(h).map((e) => e.cle)).toEqual(['suivi.evenement.deposee', 'suivi.evenement.retireeParVous']);
    expect(chronologie([{ ...h[0]!, parFamille: false }])[0]!.cle).toBe('suivi.evenement.abandonnee');
  });
});

describe('a commune typed loosely after "not in the list"', () => {
  const liste = [
    { code: '62119', nom: 'Béthune', codesPostaux: ['62400'] },
    { code: '62617', nom: 'Nœux-les-Mines', codesPostaux: ['62290'] },
    { code: '62178', nom: 'Bruay-la-Buissière', codesPostaux: ['62700'] },
    { code: '62851', nom: 'Vendin-lès-Béthune', codesPostaux: ['62232'] },
    { code: '62351', nom: 'Fouquières-lès-Béthune', codesPostaux: ['62232'] },
  ];
  it('goes to the commune of the list when only one matches', async () => {
    const { preciserCommune } = await import('../../../src/domain/demande/commune');
    expect(preciserCommune({ commune: 'autre', communeAutre: 'noeux les mines' }, liste)).toEqual({ commune: '62617' });
    expect(preciserCommune({ commune: 'autre', communeAutre: 'Bethun' }, liste)).toEqual({ commune: '62119' });
    expect(preciserCommune({ commune: 'autre', communeAutre: '62700' }, liste)).toEqual({ commune: '62178' });
    // Unknown or not "autre": untouched.
    // Several share the word: still ambiguous.
    expect(preciserCommune({ commune: 'autre', communeAutre: '62232' }, liste)).toEqual({ commune: 'autre', communeAutre: '62232' });
    expect(preciserCommune({ commune: 'autre', communeAutre: 'les bethune' }, liste)).toEqual({ commune: 'autre', communeAutre: 'les bethune' });
    expect(preciserCommune({ commune: 'autre', communeAutre: 'Arras' }, liste)).toEqual({ commune: 'autre', communeAutre: 'Arras' });
    expect(preciserCommune({ commune: '62119', communeAutre: 'Bruay' }, liste)).toEqual({ commune: '62119', communeAutre: 'Bruay' });
  });
});
