/**
 * The forms of /pro/ateliers: sign up to a session (one tap: the button also
 * accepts the règlement), cancel, volunteer for the analyse de la pratique.
 * Messages are French (the /pro space is French only), by field name.
 */
import { z } from 'zod';
import type { Db } from '../db';
import type { EspacePro } from '../pro/ecran';
import { csrfValide } from '../disponibilite/page-pro';
import { ENFANTS_MAX_PAR_AM } from '../../domain/ateliers/inscriptions';
import { annulerInscription, inscrire } from './inscriptions';
import { devenirVolontaire } from './analyse-pratique';

type Saisie = Record<string, string | string[]>;
type ResultatAteliersPro = { ok: true; redirection: string } | { ok: false; statut: 403 | 422; erreurs: Record<string, string>; saisie: Saisie };

const MESSAGES: Record<string, string> = {
  introuvable: 'Cette séance n’existe plus.',
  passee: 'Cette séance est passée : on ne peut plus s’y inscrire.',
  annulee: 'Cette séance a été annulée par le relais.',
  perimetre: 'Cet atelier est réservé aux professionnels d’un autre relais.',
  deja: 'Vous êtes déjà inscrite à cette séance.',
  enfants: `Indiquez le nombre d’enfants que vous amenez, de 0 à ${ENFANTS_MAX_PAR_AM}.`,
  reglement: 'Acceptez le règlement pour vous inscrire.',
  profil: 'Les ateliers sont ouverts aux assistants maternels et aux gardes d’enfants à domicile.',
  'trop-tard': 'Il est trop tard pour annuler en ligne : appelez le relais.',
};

export async function agirAteliersPro(db: Db, espace: EspacePro, saisie: Saisie, o: { maintenant: Date; publicUrl: string }): Promise<ResultatAteliersPro> {
  const un = (k: string) => {
    const v = saisie[k];
    return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  };
  if (!espace || !csrfValide(espace.session.csrf, un('_csrf')))
    return { ok: false, statut: 403, erreurs: { action: 'Votre session a expiré : reconnectez-vous.' }, saisie };
  const structureId = espace.structure.id;
  switch (un('action')) {
    case 'inscrire': {
      const seanceId = un('seanceId');
      const champ = `enfants-${seanceId}`;
      const n = z.coerce
        .number()
        .int()
        .min(0)
        .max(ENFANTS_MAX_PAR_AM)
        .safeParse(un('enfants').trim() === '' ? NaN : un('enfants'));
      if (!n.success) return { ok: false, statut: 422, erreurs: { [champ]: MESSAGES.enfants! }, saisie };
      const r = await inscrire(db, {
        seanceId,
        structureId,
        enfants: n.data,
        reglementAccepte: un('reglement') === 'accepte',
        maintenant: o.maintenant,
        publicUrl: o.publicUrl,
      });
      if (!r.ok) return { ok: false, statut: 422, erreurs: { [champ]: MESSAGES[r.raison]! }, saisie };
      return { ok: true, redirection: `/pro/ateliers?fait=${r.statut}` };
    }
    case 'annuler': {
      const id = un('inscriptionId');
      const r = await annulerInscription(db, { inscriptionId: id, structureId, maintenant: o.maintenant, publicUrl: o.publicUrl });
      if (!r.ok) return { ok: false, statut: 422, erreurs: { [`annuler-${id}`]: MESSAGES[r.raison]! }, saisie };
      return { ok: true, redirection: '/pro/ateliers?fait=annulee' };
    }
    case 'volontaire': {
      const r = await devenirVolontaire(db, structureId, o.maintenant);
      if (!r.ok)
        return {
          ok: false,
          statut: 422,
          erreurs: {
            volontaire: r.raison === 'perimetre' ? 'Votre commune n’est rattachée à aucun relais : appelez le relais le plus proche.' : MESSAGES.profil!,
          },
          saisie,
        };
      return { ok: true, redirection: '/pro/ateliers?fait=volontaire#analyse-pratique' };
    }
    default:
      return { ok: false, statut: 422, erreurs: { action: 'Action inconnue.' }, saisie };
  }
}
