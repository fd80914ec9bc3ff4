/** Réunions d'information: public list, sign-up with capacity, cancellation link, attendance. */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, rowsOf, type Db, type DbOrTx } from '../db';
import { sha256 } from '../auth/tokens';
import { isLang, localePath, traduire, type Lang } from '../../i18n';
import { mettreEnFile } from '../mail/outbox';
import { miseEnPage } from '../mail/gabarits';
import { heure, jourLong } from '../../domain/rdv/format';
import { fichierIcs, pieceJointeIcs } from './ics';
import { jetonGestion } from './reservation';
import { adresseLieu } from './courriels';

export type ReunionVue = Awaited<ReturnType<typeof reunionsAVenir>>[number];

/** Upcoming réunions (all relais of the portal, or one), with seats left. */
export async function reunionsAVenir(db: DbOrTx, o: { maintenant?: Date; relaisId?: string; avecAnnulees?: boolean; depuis?: Date } = {}) {
  const maintenant = o.maintenant ?? new Date();
  const rows = await db
    .select({
      reunion: schema.reunionsInfo,
      lieu: schema.lieux,
      communeNom: schema.communes.nom,
      relaisNom: schema.relais.nom,
      inscrits: sql<number>`(select coalesce(sum(i.places), 0)::int from inscriptions_reunion i where i.reunion_id = ${schema.reunionsInfo.id} and i.annulee_le is null)`,
    })
    .from(schema.reunionsInfo)
    .innerJoin(schema.relais, eq(schema.reunionsInfo.relaisId, schema.relais.id))
    .leftJoin(schema.lieux, eq(schema.reunionsInfo.lieuId, schema.lieux.id))
    .leftJoin(schema.communes, eq(schema.lieux.communeCode, schema.communes.code))
    .where(
      and(
        gt(schema.reunionsInfo.fin, o.depuis ?? maintenant),
        o.relaisId ? eq(schema.reunionsInfo.relaisId, o.relaisId) : undefined,
        o.avecAnnulees ? undefined : eq(schema.reunionsInfo.annulee, false),
      ),
    )
    .orderBy(asc(schema.reunionsInfo.debut));
  return rows.map((r) => ({
    ...r.reunion,
    lieu: r.lieu,
    communeNom: r.communeNom,
    relaisNom: r.relaisNom,
    inscrits: Number(r.inscrits),
    restantes: Math.max(0, r.reunion.capacite - Number(r.inscrits)),
  }));
}

export async function reunion(db: DbOrTx, id: string, maintenant = new Date()): Promise<ReunionVue | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  return (await reunionsAVenir(db, { maintenant, depuis: new Date(0), avecAnnulees: true })).find((r) => r.id === id) ?? null;
}

export const schemaInscription = z.object({
  nom: z.string().trim().min(2, 'rdv.erreurs.nom').max(120, 'rdv.erreurs.nom'),
  email: z.string().trim().toLowerCase().pipe(z.email('rdv.erreurs.email')),
  telephone: z
    .string()
    .trim()
    .max(30)
    .transform((s) => s || null)
    .refine((s) => s === null || /^(?:0|\+33)[1-9](?:[\s.-]?\d{2}){4}$/.test(s), 'rdv.erreurs.telephone'),
  places: z.coerce.number({ error: 'rdv.erreurs.places' }).int('rdv.erreurs.places').min(1, 'rdv.erreurs.places').max(5, 'rdv.erreurs.places'),
  profil: z.enum(['famille', 'am']).default('famille'),
});
type Inscription = z.infer<typeof schemaInscription>;

type ResultatInscription = { ok: true; id: string; jeton: string } | { ok: false; raison: 'introuvable' | 'complet' | 'deja' };

/** Signs up under a row lock on the réunion, so that concurrent sign-ups never exceed the capacity. */
export async function inscrire(
  db: Db,
  o: Inscription & { reunionId: string; langue: string; secret: string; publicUrl: string; maintenant?: Date },
): Promise<ResultatInscription> {
  const maintenant = o.maintenant ?? new Date();
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(schema.reunionsInfo).where(eq(schema.reunionsInfo.id, o.reunionId)).for('update');
    if (!r || r.annulee || r.debut <= maintenant) return { ok: false as const, raison: 'introuvable' as const };
    const deja = await tx
      .select({ id: schema.inscriptionsReunion.id })
      .from(schema.inscriptionsReunion)
      .where(and(eq(schema.inscriptionsReunion.reunionId, r.id), eq(schema.inscriptionsReunion.email, o.email), isNull(schema.inscriptionsReunion.annuleeLe)));
    if (deja.length) return { ok: false as const, raison: 'deja' as const };
    const [{ n }] = rowsOf<{ n: number }>(
      await tx.execute(sql`select coalesce(sum(places), 0)::int as n from inscriptions_reunion where reunion_id = ${r.id} and annulee_le is null`),
    ) as [{ n: number }];
    if (Number(n) + o.places > r.capacite) return { ok: false as const, raison: 'complet' as const };
    const id = crypto.randomUUID();
    const jeton = jetonGestion(o.secret, 'inscription', id);
    await tx.insert(schema.inscriptionsReunion).values({
      id,
      reunionId: r.id,
      nom: o.nom,
      email: o.email,
      telephone: o.telephone,
      places: o.places,
      profil: o.profil,
      langue: o.langue,
      gestionTokenHash: sha256(jeton),
      creeLe: maintenant,
    });
    await courrielInscription(tx, id, 'inscription', jeton, o.publicUrl);
    return { ok: true as const, id, jeton };
  });
}

export async function inscriptionParJeton(db: DbOrTx, jeton: string) {
  if (!jeton || jeton.length < 20 || jeton.length > 100) return null;
  const [i] = await db
    .select()
    .from(schema.inscriptionsReunion)
    .where(eq(schema.inscriptionsReunion.gestionTokenHash, sha256(jeton)));
  if (!i) return null;
  const r = await reunion(db, i.reunionId);
  return r ? { inscription: i, reunion: r } : null;
}

export async function annulerInscription(db: DbOrTx, id: string, maintenant = new Date()): Promise<boolean> {
  const r = await db
    .update(schema.inscriptionsReunion)
    .set({ annuleeLe: maintenant })
    .where(and(eq(schema.inscriptionsReunion.id, id), isNull(schema.inscriptionsReunion.annuleeLe)))
    .returning({ id: schema.inscriptionsReunion.id });
  return r.length > 0;
}

/** Confirmation or reminder of a sign-up, with an .ics and the cancellation link. */
export async function courrielInscription(tx: DbOrTx, inscriptionId: string, type: 'inscription' | 'rappel', jeton: string, publicUrl: string): Promise<void> {
  const [i] = await tx.select().from(schema.inscriptionsReunion).where(eq(schema.inscriptionsReunion.id, inscriptionId));
  if (!i) return;
  const r = (await reunion(tx, i.reunionId, new Date(0)))!;
  const lang: Lang = isLang(i.langue) ? i.langue : 'fr';
  const t = (c: string, p?: Record<string, string | number>) => traduire(lang, c, p);
  const jour = jourLong(r.debut, lang);
  const ou = r.lieu ? adresseLieu(r.lieu, r.communeNom)! : t('rdv.reunions.enVisio');
  const lien = `${publicUrl}${localePath(lang, `/reunions/inscription/${jeton}`)}`;
  const sujet = t(type === 'inscription' ? 'rdv.reunions.courrielSujet' : 'rdv.reunions.courrielRappelSujet', { titre: r.titre, jour });
  const { texte, html } = miseEnPage({
    lang,
    titre: sujet,
    blocs: [
      { type: 'paragraphe', texte: t(type === 'inscription' ? 'rdv.reunions.courrielTexte' : 'rdv.reunions.courrielRappel', { titre: r.titre }) },
      { type: 'encadre', texte: t('rdv.reunions.quand', { jour, debut: heure(r.debut, lang), fin: heure(r.fin, lang) }) },
      { type: 'paragraphe', texte: ou },
      ...(r.lieu?.acces ? [{ type: 'paragraphe' as const, texte: r.lieu.acces }] : []),
      ...(r.lienVisio ? [{ type: 'paragraphe' as const, texte: r.lienVisio }] : []),
      { type: 'paragraphe', texte: t('rdv.courriel.agenda') },
      { type: 'lien', texte: t('rdv.reunions.courrielAnnuler'), url: lien },
    ],
  });
  const ics = fichierIcs({
    uid: `inscription-${i.id}@guichet-petite-enfance`,
    debut: r.debut,
    fin: r.fin,
    titre: r.titre,
    description: [r.description ?? '', lien].join('\n'),
    lieu: ou,
    url: lien,
    organisateur: { nom: r.relaisNom },
  });
  await mettreEnFile(tx, {
    destinataire: i.email,
    sujet,
    texte,
    html,
    piecesJointes: [pieceJointeIcs(ics)],
    type: `reunion-${type}`,
    langue: lang,
    objetType: 'inscription-reunion',
    objetId: i.id,
  });
}

// Staff side.
export const schemaReunion = z
  .object({
    titre: z.string().trim().min(3, 'Indiquez le titre').max(160),
    description: z
      .string()
      .trim()
      .max(2000)
      .transform((s) => s || null),
    public: z.enum(['famille', 'am']),
    jour: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Indiquez la date'),
    debut: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure de début au format HH:MM'),
    fin: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure de fin au format HH:MM'),
    lieuId: z.string(),
    lienVisio: z
      .string()
      .trim()
      .transform((s) => s || null)
      .refine((s) => s === null || /^https:\/\//.test(s), 'Le lien de visio doit commencer par https://'),
    capacite: z.coerce.number({ error: 'Indiquez le nombre de places' }).int().min(1, 'Au moins une place').max(500),
  })
  .refine((r) => r.fin > r.debut, { path: ['fin'], message: 'La fin doit être après le début' })
  .refine((r) => r.lieuId !== '' || r.lienVisio !== null, { path: ['lienVisio'], message: 'Sans lieu, indiquez le lien de visio' });

export async function inscriptionsDe(db: DbOrTx, reunionId: string) {
  return db
    .select()
    .from(schema.inscriptionsReunion)
    .where(eq(schema.inscriptionsReunion.reunionId, reunionId))
    .orderBy(asc(schema.inscriptionsReunion.creeLe));
}

export async function marquerPresence(db: DbOrTx, reunionId: string, presences: Record<string, 'present' | 'absent' | null>): Promise<void> {
  for (const [id, p] of Object.entries(presences)) {
    await db
      .update(schema.inscriptionsReunion)
      .set({ presence: p })
      .where(and(eq(schema.inscriptionsReunion.id, id), eq(schema.inscriptionsReunion.reunionId, reunionId)));
  }
}
