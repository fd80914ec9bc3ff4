/** Emails to professionals about their atelier sign-ups (French only, like /pro). */
import { eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { mettreEnFile } from '../mail/outbox';
import { miseEnPage } from '../mail/gabarits';
import { fichierIcs, pieceJointeIcs } from '../rdv/ics';
import { heure, jourLong } from '../../domain/temps';
import { limiteAnnulation } from '../../domain/ateliers/inscriptions';

/** "avec 2 enfants", "avec 1 enfant", "sans enfant". */
export function texteEnfants(n: number): string {
  return n === 0 ? 'sans enfant' : n === 1 ? 'avec 1 enfant' : `avec ${n} enfants`;
}

type TypeCourrielAtelier = 'inscription' | 'attente' | 'promotion' | 'rappel' | 'annulation';

const SUJETS: Record<TypeCourrielAtelier, string> = {
  inscription: 'Inscription confirmée',
  attente: 'Vous êtes sur liste d’attente',
  promotion: 'Une place s’est libérée : vous êtes inscrite',
  rappel: 'Rappel',
  annulation: 'Séance annulée',
};

/** Queues the email in the caller's transaction; nothing when the professional has no address. */
export async function courrielAtelier(tx: DbOrTx, inscriptionId: string, type: TypeCourrielAtelier, publicUrl = ''): Promise<void> {
  const [r] = await tx
    .select({
      i: schema.inscriptionsAtelier,
      s: schema.seancesAtelier,
      theme: schema.ateliers.theme,
      lieu: schema.lieux,
      relaisNom: schema.relais.nom,
      email: schema.structures.email,
    })
    .from(schema.inscriptionsAtelier)
    .innerJoin(schema.seancesAtelier, eq(schema.inscriptionsAtelier.seanceId, schema.seancesAtelier.id))
    .innerJoin(schema.ateliers, eq(schema.seancesAtelier.atelierId, schema.ateliers.id))
    .innerJoin(schema.lieux, eq(schema.ateliers.lieuId, schema.lieux.id))
    .innerJoin(schema.relais, eq(schema.ateliers.relaisId, schema.relais.id))
    .innerJoin(schema.structures, eq(schema.inscriptionsAtelier.structureId, schema.structures.id))
    .where(eq(schema.inscriptionsAtelier.id, inscriptionId));
  if (!r?.email) return;
  const jour = jourLong(r.s.debut, 'fr');
  const quand = `${jour}, de ${heure(r.s.debut, 'fr')} à ${heure(r.s.fin, 'fr')}`;
  const ou = `${r.lieu.nom}, ${r.lieu.adresse}`;
  const sujet = `${SUJETS[type]} — ${r.theme}, ${jour}`;
  const avec = texteEnfants(r.i.enfants);
  const texte: Record<TypeCourrielAtelier, string> = {
    inscription: `Vous êtes inscrite à l’atelier « ${r.theme} » ${avec}.`,
    attente: `L’atelier « ${r.theme} » est complet. Vous êtes sur la liste d’attente : si une place se libère, vous serez inscrite et prévenue par e-mail.`,
    promotion: `Une place s’est libérée à l’atelier « ${r.theme} » : vous êtes inscrite ${avec}.`,
    rappel: `Nous vous attendons à l’atelier « ${r.theme} » ${avec}.`,
    annulation: `Le relais a dû annuler la séance de l’atelier « ${r.theme} ». Nous vous prions de nous en excuser.`,
  };
  const confirme = type !== 'attente' && type !== 'annulation';
  const { texte: corps, html } = miseEnPage({
    lang: 'fr',
    titre: sujet,
    blocs: [
      { type: 'paragraphe', texte: texte[type] },
      { type: 'encadre', texte: quand },
      { type: 'paragraphe', texte: ou },
      ...(r.lieu.acces ? [{ type: 'paragraphe' as const, texte: r.lieu.acces }] : []),
      ...(confirme
        ? [
            {
              type: 'paragraphe' as const,
              texte: `Vous pouvez annuler depuis votre espace jusqu’au ${jourLong(limiteAnnulation(r.s.debut), 'fr')} à ${heure(limiteAnnulation(r.s.debut), 'fr')}.`,
            },
          ]
        : []),
      { type: 'lien', texte: 'Mes ateliers', url: `${publicUrl}/pro/ateliers` },
    ],
    pied: `${r.relaisNom} — message automatique, merci de ne pas y répondre.`,
  });
  const pieces = confirme
    ? [
        pieceJointeIcs(
          fichierIcs({
            uid: `atelier-${r.i.id}@guichet-petite-enfance`,
            debut: r.s.debut,
            fin: r.s.fin,
            titre: r.theme,
            description: `Atelier d’éveil — ${r.relaisNom}`,
            lieu: ou,
            organisateur: { nom: r.relaisNom },
          }),
          'atelier.ics',
        ),
      ]
    : undefined;
  await mettreEnFile(tx, {
    destinataire: r.email,
    sujet,
    texte: corps,
    html,
    piecesJointes: pieces,
    type: `atelier-${type}`,
    langue: 'fr',
    objetType: 'inscription-atelier',
    objetId: r.i.id,
  });
}
