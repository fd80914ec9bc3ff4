import { describe, expect, it } from 'vitest';
import { actualiteDue, aTraiterDu, effetReponse, rappelDu, suiviDu, typeSolutionDe, limiteRetention } from '../../../src/domain/relance/regles';
import { alternatives } from '../../../src/domain/relance/alternatives';
import { texteOffreAnonyme } from '../../../src/domain/relance/offre';

const T = new Date('2026-06-15T09:00:00Z');
const JOUR = 86_400_000;
const avant = (j: number) => new Date(T.getTime() - j * JOUR);

describe('when to write to the family', () => {
  it('follow-up N months after the solution', () => {
    expect(suiviDu(new Date('2026-03-15T09:00:00Z'), 3, T)).toBe(true);
    expect(suiviDu(new Date('2026-03-16T09:00:00Z'), 3, T)).toBe(false);
    expect(suiviDu(new Date('2026-01-10T09:00:00Z'), 6, T)).toBe(false);
  });
  it('one reminder after 14 days, then the staff list 14 days later, never when answered', () => {
    expect(rappelDu({ envoyeeLe: avant(14), rappelLe: null, reponduLe: null }, T)).toBe(true);
    expect(rappelDu({ envoyeeLe: avant(13), rappelLe: null, reponduLe: null }, T)).toBe(false);
    expect(rappelDu({ envoyeeLe: avant(30), rappelLe: avant(16), reponduLe: null }, T)).toBe(false);
    expect(rappelDu({ envoyeeLe: avant(30), rappelLe: null, reponduLe: avant(20) }, T)).toBe(false);
    expect(aTraiterDu({ rappelLe: avant(14), reponduLe: null, aTraiterLe: null }, T)).toBe(true);
    expect(aTraiterDu({ rappelLe: avant(10), reponduLe: null, aTraiterLe: null }, T)).toBe(false);
    expect(aTraiterDu({ rappelLe: null, reponduLe: null, aTraiterLe: null }, T)).toBe(false);
  });
  it('"still current?" monthly, only to families still waiting', () => {
    expect(actualiteDue({ etat: 'en-cours', creeLe: avant(40), derniereActualite: null }, T)).toBe(true);
    expect(actualiteDue({ etat: 'en-cours', creeLe: avant(40), derniereActualite: avant(10) }, T)).toBe(false);
    expect(actualiteDue({ etat: 'nouvelle', creeLe: avant(20), derniereActualite: null }, T)).toBe(false);
    expect(actualiteDue({ etat: 'mise-en-relation', creeLe: avant(90), derniereActualite: null }, T)).toBe(false);
    expect(actualiteDue({ etat: 'solution-trouvee', creeLe: avant(90), derniereActualite: null }, T)).toBe(false);
  });
  it('retention limit', () => {
    expect(limiteRetention(T, 24).toISOString()).toBe('2024-06-15T09:00:00.000Z');
  });
});

describe('what an answer does', () => {
  it('contract signed closes an open demande with the kind of the last place', () => {
    expect(effetReponse('suivi', 'contrat', 'mise-en-relation', 'mam')).toEqual({ transition: 'conclure', aTraiter: false, typeSolution: 'mam' });
    expect(effetReponse('suivi', 'contrat', 'solution-trouvee')).toEqual({ transition: null, aTraiter: false });
  });
  it('still looking reopens a closed demande and asks staff to call', () => {
    expect(effetReponse('suivi', 'recherche', 'solution-trouvee')).toEqual({ transition: 'reprendre', aTraiter: true });
    expect(effetReponse('suivi', 'recherche', 'mise-en-relation')).toEqual({ transition: null, aTraiter: true });
  });
  it('no longer needed withdraws an open demande; "no" to still current too', () => {
    expect(effetReponse('suivi', 'plus-besoin', 'mise-en-relation').transition).toBe('abandonner');
    expect(effetReponse('suivi', 'plus-besoin', 'solution-trouvee').transition).toBeNull();
    expect(effetReponse('actualite', 'non', 'en-cours').transition).toBe('abandonner');
    expect(effetReponse('actualite', 'oui', 'en-cours').transition).toBeNull();
  });
  it('maps place types to kinds of solution', () => {
    expect(['creche', 'micro-creche', 'assistant-maternel', 'mam', 'inconnu'].map(typeSolutionDe)).toEqual(['eaje', 'micro-creche', 'am', 'mam', 'autre']);
  });
});

describe('the "sans solution" letter', () => {
  const communes = [
    { code: '1', nom: 'Ici', lon: 2.6, lat: 50.6 },
    { code: '2', nom: 'Voisine', lon: 2.65, lat: 50.6 },
    { code: '3', nom: 'Loin', lon: 3.3, lat: 50.6 },
  ];
  it('lists the other modes, neighbouring communes with free places, and crèche waiting lists', () => {
    const a = alternatives({
      modesSouhaites: ['assistant-maternel'],
      communeCode: '1',
      communes,
      lieux: [
        { nom: 'AM voisine', type: 'assistant-maternel', communeCode: '2', placesDisponibles: 2 },
        { nom: 'AM loin', type: 'assistant-maternel', communeCode: '3', placesDisponibles: 3 },
        { nom: 'AM ici', type: 'assistant-maternel', communeCode: '1', placesDisponibles: 1 },
        { nom: 'Crèche Les Lucioles', type: 'creche', communeCode: '1', placesDisponibles: 0 },
        { nom: 'Micro-crèche voisine', type: 'micro-creche', communeCode: '2', placesDisponibles: 0 },
      ],
    });
    expect(a.autresModes).toEqual(['collectif', 'mam', 'garde-a-domicile']);
    expect(a.voisines).toEqual([{ code: '2', commune: 'Voisine', km: expect.any(Number), places: 2 }]);
    expect(a.listesAttente.map((l) => l.nom)).toEqual(['Crèche Les Lucioles', 'Micro-crèche voisine']);
  });
});

describe('the anonymised offer relayed to assistants maternels', () => {
  it('describes the need without any name or contact', () => {
    const t = texteOffreAnonyme({
      communeNom: 'Lillers',
      dateDebut: '2026-09-01',
      ageMoisAuDebut: 11,
      nbEnfants: 1,
      regularite: 'reguliere',
      planning: [
        { jour: 2, debut: '08:00', fin: '17:30' },
        { jour: 1, debut: '07:00', fin: '18:00' },
      ],
      horairesAtypiques: false,
      urgence: true,
      handicap: false,
      periscolaire: false,
    });
    expect(t).toContain('Une famille de Lillers cherche un accueil à partir du 1er septembre 2026.');
    expect(t).toContain('Un enfant : 11 mois');
    expect(t.indexOf('lundi de 07h00 à 18h00')).toBeLessThan(t.indexOf('mardi'));
    expect(t).toContain('besoin urgent');
  });
});
