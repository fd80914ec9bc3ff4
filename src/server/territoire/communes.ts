/**
 * Screen "Communes": which relais (and sector) serves each commune, with
 * dates. History is kept: a change of relais ends the current membership on
 * the new start day. An overlap is refused with the dates of the one it
 * overlaps (the exclusion constraint of migration 0001 is the last guard).
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db } from '../db';
import type { Staff } from '../auth/staff';
import { journaliser } from '../audit';
import { champ, erreursZod, exigerAdmin, jour, jourOptionnel, nombre, uuid, uuidOptionnel, type Formulaire, type Resultat } from './commun';
import { adhesionDuJour, messageConflit, planifierAffectation, type Adhesion } from '../../domain/territoire/regles';
import { lireContours } from '../../domain/territoire/contours';
import { invaliderCacheOffre } from '../offre/requetes';
import { jourParis } from '../../domain/temps';

const schemaAffectation = z
  .object({
    communeCode: z.string('Choisissez une commune').trim().min(1, 'Choisissez une commune'),
    relaisId: uuid('Choisissez un relais'),
    secteurId: uuidOptionnel('Secteur inconnu'),
    debut: jour('Indiquez la date de début (format AAAA-MM-JJ)'),
    fin: jourOptionnel('Date de fin invalide (format AAAA-MM-JJ)'),
  })
  .superRefine((v, ctx) => {
    if (v.fin && v.fin <= v.debut) ctx.addIssue({ code: 'custom', path: ['fin'], message: 'La fin doit être après le début' });
  });

export async function tableauCommunes(db: Db, maintenant = new Date()) {
  const jourJ = jourParis(maintenant);
  const communes = await db
    .select({ code: schema.communes.code, nom: schema.communes.nom, codesPostaux: schema.communes.codesPostaux, aContour: schema.communes.centreLat })
    .from(schema.communes)
    .orderBy(asc(schema.communes.nom));
  const adhesions = await db
    .select({ a: schema.adhesions, relaisNom: schema.relais.nom, secteurNom: schema.secteurs.nom })
    .from(schema.adhesions)
    .innerJoin(schema.relais, eq(schema.relais.id, schema.adhesions.relaisId))
    .leftJoin(schema.secteurs, eq(schema.secteurs.id, schema.adhesions.secteurId))
    .orderBy(asc(schema.adhesions.debut));
  return communes.map((c) => {
    const historique = adhesions.filter((x) => x.a.communeCode === c.code).map((x) => ({ ...x.a, relaisNom: x.relaisNom, secteurNom: x.secteurNom }));
    return { ...c, aContour: c.aContour !== null, historique, actuelle: adhesionDuJour(historique, jourJ), aVenir: historique.filter((h) => h.debut > jourJ) };
  });
}

export async function affecterCommune(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const p = schemaAffectation.safeParse(Object.fromEntries(Object.keys(schemaAffectation.shape).map((k) => [k, champ(f, k)])));
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  const v = p.data;
  const [commune] = await db.select().from(schema.communes).where(eq(schema.communes.code, v.communeCode));
  if (!commune) return { ok: false, erreurs: { communeCode: 'Commune inconnue du territoire' } };
  const [relais] = await db.select().from(schema.relais).where(eq(schema.relais.id, v.relaisId));
  if (!relais) return { ok: false, erreurs: { relaisId: 'Relais inconnu' } };
  if (relais.fermeLe && (v.fin === null || v.fin > relais.fermeLe))
    return { ok: false, erreurs: { relaisId: `Ce relais ferme le ${relais.fermeLe} : choisissez un autre relais ou une fin avant cette date` } };
  if (v.secteurId) {
    const [s] = await db
      .select()
      .from(schema.secteurs)
      .where(and(eq(schema.secteurs.id, v.secteurId), eq(schema.secteurs.relaisId, v.relaisId)));
    if (!s) return { ok: false, erreurs: { secteurId: 'Ce secteur n’appartient pas au relais choisi' } };
  }
  return db.transaction(async (tx): Promise<Resultat> => {
    const existantes: Adhesion[] = (
      await tx
        .select({ a: schema.adhesions, relaisNom: schema.relais.nom })
        .from(schema.adhesions)
        .innerJoin(schema.relais, eq(schema.relais.id, schema.adhesions.relaisId))
        .where(eq(schema.adhesions.communeCode, v.communeCode))
        .for('update', { of: schema.adhesions })
    ).map((x) => ({ ...x.a, relaisNom: x.relaisNom }));
    const plan = planifierAffectation(existantes, v);
    if (!plan.ok) return { ok: false as const, erreurs: { debut: messageConflit(plan.conflit, plan.raison) } };
    if (plan.terminer) await tx.update(schema.adhesions).set({ fin: v.debut }).where(eq(schema.adhesions.id, plan.terminer.id));
    const [a] = await tx
      .insert(schema.adhesions)
      .values({ communeCode: v.communeCode, relaisId: v.relaisId, secteurId: v.secteurId, debut: v.debut, fin: v.fin })
      .returning({ id: schema.adhesions.id });
    await journaliser(tx, admin, 'commune.rattacher', 'commune', v.communeCode, {
      adhesionId: a!.id,
      relaisId: v.relaisId,
      secteurId: v.secteurId,
      debut: v.debut,
      fin: v.fin,
      terminee: plan.terminer?.id ?? null,
    });
    return { ok: true as const, message: `${commune.nom} : rattachée au relais « ${relais.nom} » à partir du ${v.debut}.` };
  });
}

/**
 * Removes a membership that has not started yet (a planned change entered by
 * mistake); the one it had ended is reopened when they touch.
 */
export async function annulerAffectation(db: Db, u: Staff | undefined, f: Formulaire, maintenant = new Date()): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const id = uuid('Rattachement inconnu').safeParse(champ(f, 'adhesionId'));
  if (!id.success) return { ok: false, erreurs: { adhesionId: 'Rattachement inconnu' } };
  const jourJ = jourParis(maintenant);
  return db.transaction(async (tx): Promise<Resultat> => {
    const [a] = await tx
      .select()
      .from(schema.adhesions)
      .where(and(eq(schema.adhesions.id, id.data), gt(schema.adhesions.debut, jourJ)));
    if (!a) return { ok: false as const, erreurs: { adhesionId: 'Seul un rattachement qui n’a pas encore commencé peut être annulé' } };
    await tx.delete(schema.adhesions).where(eq(schema.adhesions.id, a.id));
    if (a.fin === null)
      await tx
        .update(schema.adhesions)
        .set({ fin: null })
        .where(and(eq(schema.adhesions.communeCode, a.communeCode), eq(schema.adhesions.fin, a.debut)));
    await journaliser(tx, admin, 'commune.annuler-rattachement', 'commune', a.communeCode, {
      adhesionId: a.id,
      relaisId: a.relaisId,
      debut: a.debut,
      fin: a.fin,
    });
    return { ok: true as const, message: 'Rattachement prévu annulé.' };
  });
}

/** Uploads commune outlines (GeoJSON, IGN Admin Express style): all or nothing. */
export async function importerContours(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat<number>> {
  const admin = exigerAdmin(u);
  const texteFichier = champ(f, 'fichier');
  if (!texteFichier) return { ok: false, erreurs: { fichier: 'Choisissez un fichier GeoJSON' } };
  const codes = (await db.select({ code: schema.communes.code }).from(schema.communes)).map((c) => c.code);
  const r = lireContours(texteFichier, new Set(codes));
  if (!r.ok) return { ok: false, erreurs: { fichier: r.erreur } };
  await db.transaction(async (tx) => {
    for (const c of r.contours)
      await tx.update(schema.communes).set({ contour: c.geometrie, centreLon: c.centre[0], centreLat: c.centre[1] }).where(eq(schema.communes.code, c.code));
    await journaliser(tx, admin, 'communes.contours', 'territoire', null, { communes: r.contours.length, ignorees: r.ignorees });
  });
  invaliderCacheOffre(db);
  (globalThis as { __gpeContours?: unknown }).__gpeContours = undefined; // /api/communes.geojson rebuilds at once
  return {
    ok: true,
    message: `Contours enregistrés : ${nombre(r.contours.length, 'commune', 'communes')}${r.ignorees ? ` ; ${nombre(r.ignorees, 'contour hors du territoire ignoré', 'contours hors du territoire ignorés')}` : ''}.`,
    valeur: r.contours.length,
  };
}

export const ACTIONS_COMMUNES = { rattacher: affecterCommune, annuler: annulerAffectation, contours: importerContours } as const;
