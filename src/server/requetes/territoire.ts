import { asc, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '../db';
import { memoiser } from '../cache';
import { jourParis } from '../../domain/temps';
import { adhesionEnVigueur } from './adhesions';

export async function territoireCourant(db: Db) {
  const [t] = await db.select().from(schema.territoires).limit(1);
  return t ?? null;
}

/** Relais with their sites and the number of member communes today, read once per territory change (`invalider('territoire')`). */
export function relaisEtLieux(db: Db, jour = jourParis()) {
  return memoiser(db, `relaisEtLieux:${jour}`, ['territoire'], () => lireRelaisEtLieux(db, jour));
}

async function lireRelaisEtLieux(db: Db, jour: string) {
  // Closed relais and sites are no longer shown to families.
  const relais = (await db.select().from(schema.relais).orderBy(asc(schema.relais.nom))).filter((r) => !r.fermeLe || r.fermeLe > jour);
  const lieux = await db
    .select({ l: schema.lieux, commune: schema.communes.nom })
    .from(schema.lieux)
    .innerJoin(schema.communes, eq(schema.lieux.communeCode, schema.communes.code))
    .orderBy(asc(schema.lieux.nom));
  const comptes = await db
    .select({ relaisId: schema.adhesions.relaisId, n: sql<number>`count(*)::int` })
    .from(schema.adhesions)
    .where(adhesionEnVigueur(jour))
    .groupBy(schema.adhesions.relaisId);
  // The relais with the most sites (the territory's main one) first.
  return relais
    .map((r) => ({
      ...r,
      communes: comptes.find((c) => c.relaisId === r.id)?.n ?? 0,
      lieux: lieux.filter((x) => x.l.relaisId === r.id && (!x.l.fermeLe || x.l.fermeLe > jour)).map((x) => ({ ...x.l, communeNom: x.commune })),
    }))
    .sort((a, b) => b.lieux.length - a.lieux.length || a.nom.localeCompare(b.nom, 'fr'));
}

/** Communes of the territory (name, code, postal codes), for select lists and autocomplete. */
export function listeCommunes(db: Db) {
  // Read once per territory change (`invalider('territoire')`): every step of the demande form lists them (issue 20).
  return memoiser(db, 'communes', ['territoire'], () =>
    db
      .select({ code: schema.communes.code, nom: schema.communes.nom, codesPostaux: schema.communes.codesPostaux })
      .from(schema.communes)
      .orderBy(asc(schema.communes.nom)),
  );
}
