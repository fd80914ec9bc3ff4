/**
 * Relaying a family's need, anonymised, to the assistants maternels (and MAM)
 * of chosen communes; each answers "intéressée" with one click.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db } from '../db';
import type { Staff } from '../auth/staff';
import { journaliser } from '../audit';
import { creerJeton, consommerJeton, lireJeton } from '../auth/tokens';
import { mettreEnFile } from '../mail/outbox';
import { miseEnPage } from '../mail/gabarits';
import { texteOffreAnonyme } from '../../domain/relance/offre';
import { exigerAccesDemande, type ResultatAction } from './demande';
import { controlerRelais } from '../../domain/donnees/consentement';
import { communesDuRelais } from '../donnees/perimetre';

const USAGE = 'offre-interet';
const VALIDITE_JOURS = 30;

const schemaRelais = z.object({
  communes: z
    .array(z.string().regex(/^\d[\dAB]\d{3}$/))
    .min(1, 'Choisissez au moins une commune')
    .max(30, 'Trente communes au plus'),
});

/** The anonymised text of the need of demande `id` (no name, no contact, no free text). */
async function texteOffre(db: Db, id: string): Promise<string> {
  const [dem] = await db.select().from(schema.demandes).where(eq(schema.demandes.id, id));
  const [commune] = dem!.communeCode
    ? await db.select({ nom: schema.communes.nom }).from(schema.communes).where(eq(schema.communes.code, dem!.communeCode))
    : [];
  const enfants = await db.select({ id: schema.enfants.id }).from(schema.enfants).where(eq(schema.enfants.demandeId, id));
  return texteOffreAnonyme({ ...dem!, communeNom: commune?.nom ?? null, nbEnfants: Math.max(1, enfants.length) });
}

/**
 * Relays the need to the AM of chosen communes. Requires the family's sharing
 * consent; communes outside the demande's relais need `horsRelais` and a reason.
 */
export async function relayerOffre(
  db: Db,
  u: Staff | undefined,
  id: string,
  brut: { communes?: unknown; horsRelais?: unknown; motifHorsRelais?: unknown },
  o: { baseUrl: string; maintenant?: Date },
): Promise<ResultatAction & { destinataires?: number }> {
  await exigerAccesDemande(db, u, id);
  const maintenant = o.maintenant ?? new Date();
  const [dem] = await db
    .select({ consentementPartage: schema.demandes.consentementPartage, relaisId: schema.demandes.relaisId })
    .from(schema.demandes)
    .where(eq(schema.demandes.id, id));
  const sansConsentement = controlerRelais(dem!, { communes: [], communesDuRelais: new Set(), horsRelais: false, motif: null });
  if (!sansConsentement.ok) return sansConsentement;
  const liste = Array.isArray(brut.communes) ? brut.communes : brut.communes ? [brut.communes] : [];
  const p = schemaRelais.safeParse({ communes: liste });
  if (!p.success) return { ok: false, erreurs: { communes: p.error.issues[0]!.message } };
  const motif = typeof brut.motifHorsRelais === 'string' ? brut.motifHorsRelais.trim().slice(0, 500) : null;
  const ctl = controlerRelais(dem!, {
    communes: p.data.communes,
    communesDuRelais: await communesDuRelais(db, dem!.relaisId, maintenant),
    horsRelais: brut.horsRelais === 'oui',
    motif,
  });
  if (!ctl.ok) return ctl;
  const texte = await texteOffre(db, id);
  const s = schema.structures;
  const am = await db
    .select({ id: s.id, nom: s.nom, email: s.email })
    .from(s)
    .where(and(inArray(s.communeCode, p.data.communes), inArray(s.type, ['assistant-maternel', 'mam']), eq(s.actif, true), isNotNull(s.email)));
  if (!am.length) return { ok: false, erreurs: { communes: 'Aucune assistante maternelle avec une adresse e-mail dans ces communes' } };
  await db.transaction(async (tx) => {
    await exigerAccesDemande(tx, u, id, true);
    const [offre] = await tx
      .insert(schema.offresRelayees)
      .values({
        demandeId: id,
        parUtilisateurId: u!.id,
        communes: p.data.communes,
        texte,
        le: maintenant,
        motifHorsRelais: ctl.horsRelais.length ? motif : null,
      })
      .returning({ id: schema.offresRelayees.id });
    for (const a of am) {
      const [rep] = await tx
        .insert(schema.reponsesOffres)
        .values({ offreId: offre!.id, structureId: a.id, envoyeeLe: maintenant })
        .returning({ id: schema.reponsesOffres.id });
      const jeton = await creerJeton(tx, { usage: USAGE, sujetId: rep!.id, dureeHeures: VALIDITE_JOURS * 24, maintenant });
      const corps = miseEnPage({
        lang: 'fr',
        titre: 'Une famille cherche une assistante maternelle',
        salutation: `Bonjour ${a.nom},`,
        blocs: [
          {
            type: 'paragraphe',
            texte:
              'Le relais petite enfance relaie le besoin d’une famille près de chez vous. Si vous pouvez l’accueillir, dites-le en un clic : l’animatrice du relais vous rappellera pour vous mettre en relation.',
          },
          { type: 'encadre', texte },
          { type: 'lien', texte: 'Je suis intéressée', url: `${o.baseUrl}/relance/offre/${jeton}` },
          { type: 'paragraphe', texte: 'Si vous n’êtes pas disponible, vous n’avez rien à faire.' },
        ],
      });
      await mettreEnFile(tx, {
        destinataire: a.email!,
        sujet: 'Une famille cherche un accueil près de chez vous',
        texte: corps.texte,
        html: corps.html,
        type: 'offre-relayee',
        objetType: 'offre',
        objetId: offre!.id,
      });
    }
    await journaliser(tx, u!, 'relayer-offre', 'demande', id, { communes: p.data.communes, destinataires: am.length, horsRelais: ctl.horsRelais });
  });
  return { ok: true, message: `Offre relayée à ${am.length} assistante(s) maternelle(s).`, destinataires: am.length };
}

type InteretLu = { ok: true; texte: string; nom: string; dejaRepondu: boolean } | { ok: false };

export async function lireInteret(db: Db, jeton: string, maintenant = new Date()): Promise<InteretLu> {
  if (!/^[\w-]{20,100}$/.test(jeton)) return { ok: false };
  const j = await lireJeton(db, USAGE, jeton, maintenant);
  if (!j.ok) return { ok: false };
  const [r] = await db
    .select({ texte: schema.offresRelayees.texte, nom: schema.structures.nom, reponse: schema.reponsesOffres.reponse })
    .from(schema.reponsesOffres)
    .innerJoin(schema.offresRelayees, eq(schema.offresRelayees.id, schema.reponsesOffres.offreId))
    .innerJoin(schema.structures, eq(schema.structures.id, schema.reponsesOffres.structureId))
    .where(eq(schema.reponsesOffres.id, j.sujetId));
  return r ? { ok: true, texte: r.texte, nom: r.nom, dejaRepondu: !!r.reponse } : { ok: false };
}

export async function repondreInteret(db: Db, jeton: string, maintenant = new Date()): Promise<boolean> {
  if (!/^[\w-]{20,100}$/.test(jeton)) return false;
  return db.transaction(async (tx) => {
    const j = await consommerJeton(tx, USAGE, jeton, maintenant);
    if (!j.ok) return false;
    await tx.update(schema.reponsesOffres).set({ reponse: 'interessee', reponduLe: maintenant }).where(eq(schema.reponsesOffres.id, j.sujetId));
    return true;
  });
}
