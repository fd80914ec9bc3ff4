/** Pure rules behind the /pro pages, /relation and their loaders' view models. */
import { describe, expect, it } from 'vitest';
import { texteConfirmation } from '../../../src/domain/disponibilite/confirmation';
import { boutonVoeu, datesFormation, etatVoeu } from '../../../src/domain/metier/formation-pro';
import { LIBELLES_REPONSE_PRO, ordreReponsesPro, reponseActuelle } from '../../../src/domain/demande/reponse-pro';
import { resumeFormations } from '../../../src/server/formation/page-pro';
import { champFormation } from '../../../src/server/formation/pro';
import { libelleErreurAtelier, texteAges, textePlaces } from '../../../src/server/ateliers/page-pro';
import { libellesPro } from '../../../src/server/pro/page';
import { useT } from '../../../src/i18n';

describe('one-tap confirmation page', () => {
  it('asks, thanks or refuses according to the link and the POST', () => {
    expect(texteConfirmation({ ok: true, reponse: 'toujours', statut: 'places' }, false)).toEqual({
      etape: 'question',
      titre: 'pro.confirmer.titre',
      texte: 'pro.confirmer.toujours',
    });
    expect(texteConfirmation({ ok: true, reponse: 'toujours', statut: 'complet' }, false).texte).toBe('pro.confirmer.toujoursComplet');
    expect(texteConfirmation({ ok: true, reponse: 'plus-de-place', statut: 'places' }, false).texte).toBe('pro.confirmer.plusDePlace');
    expect(texteConfirmation({ ok: true, reponse: 'plus-de-place', statut: 'complet' }, true)).toEqual({
      etape: 'merci',
      titre: 'pro.confirmer.merciTitre',
      texte: 'pro.confirmer.merciComplet',
    });
    expect(texteConfirmation({ ok: true, reponse: 'toujours', statut: 'places' }, true).texte).toBe('pro.confirmer.merciPlaces');
    expect(texteConfirmation({ ok: true, reponse: 'toujours', statut: 'inconnu' }, true).texte).toBe('pro.confirmer.merciInconnu');
    expect(texteConfirmation({ ok: false, raison: 'expire' }, false)).toEqual({
      etape: 'refus',
      titre: 'pro.confirmer.refuseTitre',
      texte: 'pro.confirmer.expire',
    });
    expect(texteConfirmation({ ok: false, raison: 'utilise' }, true).texte).toBe('pro.confirmer.utilise');
    expect(texteConfirmation({ ok: false, raison: 'inconnu' }, false).texte).toBe('pro.confirmer.inconnu');
  });
});

describe('AM trainings', () => {
  it('offers the wish button before the first day only, and the take-back button for a mere wish', () => {
    expect(boutonVoeu(null, '2026-04-10', '2026-04-09')).toBe('souhait');
    expect(boutonVoeu('retire', '2026-04-10', '2026-04-09')).toBe('souhait');
    expect(boutonVoeu('souhait', '2026-04-10', '2026-04-09')).toBe('retirer');
    expect(boutonVoeu('inscrit', '2026-04-10', '2026-04-09')).toBeNull();
    expect(boutonVoeu('parti', '2026-04-10', '2026-04-09')).toBeNull();
    expect(boutonVoeu(null, '2026-04-10', '2026-04-10')).toBeNull();
    expect(boutonVoeu('souhait', '2026-04-10', '2026-04-11')).toBeNull();
  });
  it('says where her wish stands, nothing once taken back', () => {
    expect(etatVoeu('souhait')).toBe('Vous avez dit que cette formation vous intéresse.');
    expect(etatVoeu('inscrit')).toBe('Le relais vous a inscrite dans un groupe.');
    expect(etatVoeu('retire')).toBeNull();
    expect(etatVoeu(null)).toBeNull();
  });
  it('writes one day or a span', () => {
    expect(datesFormation('2026-04-10', '2026-04-10')).toBe('le 10 avril 2026');
    expect(datesFormation('2026-04-10', '2026-04-11')).toBe('du 10 avril 2026 au 11 avril 2026');
  });
  it('names each error by its session and links to its button, its heading once begun, the list when gone', () => {
    const id = '11111111-1111-4111-8111-111111111111';
    const f = { id, champ: champFormation(id), titre: 'Éveil musical', bouton: 'souhait' as const };
    expect(champFormation(id)).toBe(`formation-${id}`);
    expect(champFormation('')).toBe('formulaire');
    expect(champFormation(undefined)).toBe('formulaire');
    expect(resumeFormations({ [f.champ]: 'Votre session a expiré.' }, [f])).toEqual([
      { champ: f.champ, message: 'Votre session a expiré.', libelle: 'Éveil musical', cible: undefined },
    ]);
    expect(resumeFormations({ [f.champ]: 'Cette formation a déjà commencé.' }, [{ ...f, bouton: null }])[0]!.cible).toBe(`titre-${id}`);
    expect(resumeFormations({ 'formation-autre': 'Pas proposée.' }, [f])).toEqual([
      { champ: 'formation-autre', message: 'Pas proposée.', libelle: 'Formations', cible: 'formations' },
    ]);
  });
});

describe('ateliers of the AM space', () => {
  it('writes ages, seats and the labels of the summary', () => {
    expect(texteAges(0, 36)).toBe('enfants de la naissance à 36 mois');
    expect(texteAges(12, 36)).toBe('enfants de 12 mois à 36 mois');
    expect(textePlaces(0, 4)).toBe('Complet : inscription sur liste d’attente.');
    expect(textePlaces(1, 4)).toBe('1 place pour les professionnels, 4 pour les enfants.');
    expect(textePlaces(3, 0)).toBe('3 places pour les professionnels, 0 pour les enfants.');
    expect(libelleErreurAtelier('enfants-abc')).toBe('Nombre d’enfants');
    expect(libelleErreurAtelier('annuler-abc')).toBe('Annulation');
    expect(libelleErreurAtelier('volontaire')).toBe('Analyse de la pratique');
    expect(libelleErreurAtelier('action')).toBe('Formulaire');
  });
});

describe('places screen of /pro', () => {
  it('labels the fields as read, with the row number only when there are several rows', () => {
    const t = useT('fr');
    const un = libellesPro(t, 1);
    expect(Object.keys(un)).toEqual(['email', 'code', 'p0_tranche', 'p0_nombre', 'p0_date', 'p0_jours', 'p0_debut', 'p0_fin']);
    expect(un.p0_date).toBe(t('pro.ecran.aPartirDu'));
    const deux = libellesPro(t, 2);
    expect(deux.p1_date).toBe(`${t('pro.ecran.place', { n: 2 })} – ${t('pro.ecran.aPartirDu')}`);
    expect(Object.keys(deux)).toHaveLength(14);
  });
});

describe('answer page of /relation', () => {
  it('puts the proposed answer first and ignores anything else', () => {
    expect(ordreReponsesPro('contrat')).toEqual(['contrat', 'contacte', 'sans-suite']);
    expect(ordreReponsesPro('n’importe quoi')).toEqual(['contacte', 'contrat', 'sans-suite']);
    expect(ordreReponsesPro(null)).toEqual(['contacte', 'contrat', 'sans-suite']);
  });
  it('recalls the current answer', () => {
    expect(reponseActuelle('en-attente')).toBe('');
    expect(reponseActuelle('contacte')).toBe(` (réponse actuelle : ${LIBELLES_REPONSE_PRO.contacte})`);
    expect(reponseActuelle('autre')).toBe(' (réponse actuelle : autre)');
  });
});
