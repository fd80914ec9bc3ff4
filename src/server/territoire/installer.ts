/**
 * Writes a territory chosen from the COG (see src/domain/territoire/cog.ts):
 * the territory row and its communes, in one transaction. Running it again
 * updates names and postcodes; it never deletes a commune (demandes point to them).
 */
import { createRequire } from 'node:module';
import { eq, inArray, like, sql } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '../db';
import { invalider } from '../cache';
import { indexerCog, type CogCommune, type CogEpci, type IndexCog, type PlanTerritoire } from '../../domain/territoire/cog';

let cache: IndexCog | undefined;
/** The COG shipped by @etalab/decoupage-administratif, indexed once. */
export function cogOfficiel(): IndexCog {
  if (!cache) {
    const require = createRequire(import.meta.url);
    cache = indexerCog(
      require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[],
      require('@etalab/decoupage-administratif/data/epci.json') as CogEpci[],
    );
  }
  return cache;
}

type ResultatInstallation = { ok: true; territoireId: string; creees: number; misesAJour: number } | { ok: false; erreurs: string[] };

const MARQUE = 'territoire:';

export async function installerTerritoire(db: Db, plan: PlanTerritoire): Promise<ResultatInstallation> {
  const res = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('gpe:seed'))`);
    const codes = plan.communes.map((c) => c.code);
    const existantes = await tx
      .select({ code: schema.communes.code, territoireId: schema.communes.territoireId })
      .from(schema.communes)
      .where(inArray(schema.communes.code, codes));
    const ailleurs = existantes.filter((c) => c.territoireId !== plan.id);
    if (ailleurs.length) {
      return { ok: false as const, erreurs: ailleurs.map((c) => `La commune ${c.code} appartient déjà au territoire « ${c.territoireId} ».`) };
    }
    const sources = 'Code officiel géographique (INSEE) via @etalab/decoupage-administratif';
    await tx
      .insert(schema.territoires)
      .values({ id: plan.id, nom: plan.nom, siren: plan.siren, sources })
      .onConflictDoUpdate({ target: schema.territoires.id, set: { siren: plan.siren, sources } });
    const deja = new Set(existantes.map((c) => c.code));
    for (const c of plan.communes) {
      const valeurs = { nom: c.nom, codesPostaux: c.codesPostaux, population: c.population, epciSiren: c.epciSiren };
      if (deja.has(c.code)) await tx.update(schema.communes).set(valeurs).where(eq(schema.communes.code, c.code));
      else await tx.insert(schema.communes).values({ code: c.code, territoireId: plan.id, ...valeurs });
    }
    await tx
      .insert(schema.amorcage)
      .values({ cle: `${MARQUE}${plan.id}`, details: { communes: codes.length } })
      .onConflictDoUpdate({ target: schema.amorcage.cle, set: { details: { communes: codes.length } } });
    await tx
      .insert(schema.journalAudit)
      .values({ action: 'territoire.installer', objetType: 'territoire', objetId: plan.id, details: { communes: codes.length, siren: plan.siren } });
    return { ok: true as const, territoireId: plan.id, creees: codes.length - deja.size, misesAJour: deja.size };
  });
  // Communes and routing cached by this process (other instances within AGE_MAX_MS).
  if (res.ok) invalider('territoire');
  return res;
}

/** True once `npm run territoire` has set up a real territory: the demo is then never seeded. */
export async function territoireReelInstalle(db: DbOrTx): Promise<boolean> {
  const r = await db
    .select({ cle: schema.amorcage.cle })
    .from(schema.amorcage)
    .where(like(schema.amorcage.cle, `${MARQUE}%`))
    .limit(1);
  return r.length > 0;
}
