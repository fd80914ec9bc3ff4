import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { hash } from '@node-rs/argon2';
import * as s from '../schema';
import type { Db } from '../../src/server/db';
import { TERRITOIRES, normaliserNom, type TerritoireDef } from './territoires';
import { genererOffre, type CommuneSeed } from './offre';

const DEBUT_ADHESIONS = '2025-01-01';

type Feature = {
  properties: { code: string; nom: string; codesPostaux: string[]; population: number; centre: [number, number] };
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
};

function lireTerritoire(def: TerritoireDef): { properties: { epci: string; nom: string; sources: string }; features: Feature[] } {
  const dir = path.resolve(process.env.SEED_DATA_DIR ?? 'db/seed/data');
  return JSON.parse(readFileSync(path.join(dir, def.fichier), 'utf8'));
}

export type SeedOptions = {
  territoire: string;
  /** Demo staff accounts are created only when a password is given (never in production). */
  demoPassword?: string;
  /** "Today" for availability dates (tests pin it). */
  maintenant?: Date;
  /** Extra seeding steps registered by other areas (demo demandes, RDV slots…), run in order. */
  etapes?: ((db: Db, ctx: SeedContext) => Promise<void>)[];
};
export type SeedContext = {
  territoireId: string;
  maintenant: Date;
  relais: { id: string; slug: string; secteurs: Record<string, string>; lieux: string[] }[];
  utilisateurs: Record<string, string>; // email → id
};

type CommuneProps = Feature['properties'];

/** Each commune to the relais (of kind 'proches') whose first place is nearest to its centre. */
function repartirAuPlusProche(def: TerritoireDef, reste: CommuneProps[], parNom: Map<string, CommuneProps>): Map<string, string[]> {
  const sieges = def.relais
    .filter((r) => typeof r.communes === 'object' && !Array.isArray(r.communes) && 'proches' in r.communes)
    .map((r) => {
      const c = parNom.get(normaliserNom(r.lieux[0]?.communeNom ?? ''));
      if (!c) throw new Error(`Commune du premier lieu inconnue pour ${r.slug}`);
      return { slug: r.slug, centre: c.centre };
    });
  const res = new Map<string, string[]>(sieges.map((s) => [s.slug, []]));
  const cosLat = Math.cos((50 * Math.PI) / 180);
  for (const c of reste) {
    const d = (p: [number, number]) => ((p[0] - c.centre[0]) * cosLat) ** 2 + (p[1] - c.centre[1]) ** 2;
    const proche = [...sieges].sort((a, b) => d(a.centre) - d(b.centre))[0];
    if (proche) res.get(proche.slug)!.push(c.code);
  }
  return res;
}

/**
 * Seeds a demo territory once. Safe when several instances start together:
 * a transaction-scoped advisory lock serialises them and the `amorcage` row
 * tells the later ones it is done.
 */
export async function seedDemo(db: Db, opts: SeedOptions): Promise<boolean> {
  const def = TERRITOIRES[opts.territoire];
  if (!def) throw new Error(`Unknown territoire ${opts.territoire}`);
  const cle = `demo:${def.id}`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('gpe:seed'))`);
    const deja = await tx
      .select()
      .from(s.amorcage)
      .where(sql`${s.amorcage.cle} = ${cle}`);
    if (deja.length) return false;
    const maintenant = opts.maintenant ?? new Date();
    const geo = lireTerritoire(def);
    await tx.insert(s.territoires).values({ id: def.id, nom: def.nom, siren: geo.properties.epci, sources: geo.properties.sources });
    const communes = geo.features.map((f) => f.properties);
    for (let i = 0; i < geo.features.length; i += 25) {
      await tx.insert(s.communes).values(
        geo.features.slice(i, i + 25).map((f) => ({
          code: f.properties.code,
          territoireId: def.id,
          nom: f.properties.nom,
          codesPostaux: f.properties.codesPostaux,
          population: f.properties.population,
          centreLon: f.properties.centre[0],
          centreLat: f.properties.centre[1],
          contour: f.geometry,
        })),
      );
    }
    const parNom = new Map(communes.map((c) => [normaliserNom(c.nom), c]));
    const parCode = new Map(communes.map((c) => [c.code, c]));
    const ctx: SeedContext = { territoireId: def.id, maintenant, relais: [], utilisateurs: {} };
    const assignees = new Set<string>();
    const principal = def.relais[0]!;
    const principales = new Set<string>();
    let proches: Map<string, string[]> | undefined;

    for (const r of def.relais) {
      const [rel] = await tx
        .insert(s.relais)
        .values({ territoireId: def.id, slug: r.slug, nom: r.nom, email: r.email, telephone: r.telephone, adresse: r.adresse })
        .returning();
      const secteurs: Record<string, string> = {};
      for (const nom of r.secteurs) {
        const [sec] = await tx.insert(s.secteurs).values({ relaisId: rel!.id, nom }).returning();
        secteurs[nom] = sec!.id;
      }
      const lieuxIds: string[] = [];
      for (const l of r.lieux) {
        const c = parNom.get(normaliserNom(l.communeNom));
        if (!c) throw new Error(`Commune inconnue pour le lieu ${l.nom}: ${l.communeNom}`);
        const [lieu] = await tx
          .insert(s.lieux)
          .values({
            relaisId: rel!.id,
            secteurId: l.secteur ? secteurs[l.secteur] : null,
            nom: l.nom,
            adresse: l.adresse,
            codePostal: l.codePostal,
            communeCode: c.code,
            lat: c.centre[1],
            lon: c.centre[0],
            horaires: l.horaires,
            acces: l.acces,
            telephone: r.telephone,
          })
          .returning();
        lieuxIds.push(lieu!.id);
      }
      ctx.relais.push({ id: rel!.id, slug: r.slug, secteurs, lieux: lieuxIds });

      let membres: { code: string; secteur?: string; debut?: string; fin?: string }[] = [];
      if (Array.isArray(r.communes)) {
        // Matched by INSEE code when given (seed spellings differ, e.g. « MONT BERNENCHON »), else by name; unknown ones are skipped.
        membres = r.communes.flatMap((m) => {
          const c = m.code ? parCode.get(m.code) : parNom.get(normaliserNom(m.nom));
          return c ? [{ code: c.code, secteur: m.secteur, debut: m.debut, fin: m.fin }] : [];
        });
        if (r === principal) membres.forEach((m) => principales.add(m.code));
      } else if (r.communes === 'reste') {
        const reste = communes.filter((c) => !assignees.has(c.code));
        if (r === principal) reste.forEach((c) => principales.add(c.code));
        membres = reste.map((c) => ({ code: c.code }));
      } else {
        // Nearest relais of the 'proches' kind, computed once for all of them.
        proches ??= repartirAuPlusProche(
          def,
          communes.filter((c) => !assignees.has(c.code)),
          parNom,
        );
        membres = (proches.get(r.slug) ?? []).map((code) => ({ code }));
        // Communes that joined the main relais later belonged to this one before.
        if (r.communes.historique && Array.isArray(principal.communes)) {
          for (const m of principal.communes.filter((m) => m.debut && m.debut > DEBUT_ADHESIONS)) {
            const c = m.code ? parCode.get(m.code) : parNom.get(normaliserNom(m.nom));
            if (c) membres.push({ code: c.code, debut: DEBUT_ADHESIONS, fin: m.debut });
          }
        }
      }
      for (const m of membres) if (!m.fin) assignees.add(m.code);
      if (membres.length)
        await tx.insert(s.adhesions).values(
          membres.map((m) => ({
            communeCode: m.code,
            relaisId: rel!.id,
            secteurId: m.secteur ? secteurs[m.secteur] : null,
            debut: m.debut ?? DEBUT_ADHESIONS,
            fin: m.fin ?? null,
          })),
        );
    }

    // The offer.
    const communesSeed: CommuneSeed[] = geo.features.map((f) => ({
      code: f.properties.code,
      nom: f.properties.nom,
      population: f.properties.population,
      centre: f.properties.centre,
      geometry: f.geometry,
      principale: principales.has(f.properties.code),
    }));
    const offre = genererOffre(def.id, communesSeed, def.offre);
    const jour = 24 * 3600 * 1000;
    for (let i = 0; i < offre.length; i += 100) {
      const lot = offre.slice(i, i + 100);
      const inseres = await tx
        .insert(s.structures)
        .values(
          lot.map(({ dispo, ...st }) => ({
            ...st,
            dispoStatut: dispo.statut,
            dispoConfirmeeLe: dispo.confirmeeIlYaJours === null ? null : new Date(maintenant.getTime() - dispo.confirmeeIlYaJours * jour),
          })),
        )
        .returning({ id: s.structures.id });
      const places = lot.flatMap((st, j) =>
        st.dispo.places.map((p) => ({
          structureId: inseres[j]!.id,
          trancheAge: p.trancheAge,
          nombre: p.nombre,
          aPartirDu: new Date(maintenant.getTime() + p.dansJours * jour).toISOString().slice(0, 10),
        })),
      );
      if (places.length) await tx.insert(s.placesDisponibles).values(places);
      const hist = lot.flatMap((st, j) =>
        st.dispo.confirmeeIlYaJours === null
          ? []
          : [
              {
                structureId: inseres[j]!.id,
                statut: st.dispo.statut,
                source: 'demo',
                le: new Date(maintenant.getTime() - st.dispo.confirmeeIlYaJours * jour),
              },
            ],
      );
      if (hist.length) await tx.insert(s.dispoHistorique).values(hist);
    }

    // Demo staff accounts.
    if (opts.demoPassword) {
      const motDePasseHash = await hash(opts.demoPassword);
      const main = ctx.relais[0]!;
      const comptes: (typeof s.utilisateurs.$inferInsert)[] = [{ email: 'admin@exemple.fr', nom: 'Alex Administrateur (démo)', role: 'admin', motDePasseHash }];
      const secteurNoms = Object.keys(main.secteurs);
      if (secteurNoms.length) {
        for (const sec of secteurNoms)
          comptes.push({
            email: `animatrice.${normaliserNom(sec).toLowerCase()}@exemple.fr`,
            nom: `Camille Animatrice ${sec} (démo)`,
            role: 'animatrice',
            relaisId: main.id,
            secteurId: main.secteurs[sec],
            motDePasseHash,
          });
      } else {
        comptes.push({ email: 'animatrice@exemple.fr', nom: 'Camille Animatrice (démo)', role: 'animatrice', relaisId: main.id, motDePasseHash });
      }
      ctx.relais.slice(1).forEach((r, i) =>
        comptes.push({
          email: `animatrice.relais${i + 2}@exemple.fr`,
          nom: `Dominique Animatrice ${r.slug} (démo)`,
          role: 'animatrice',
          relaisId: r.id,
          motDePasseHash,
        }),
      );
      const communeVue =
        communes.find((c) => principales.has(c.code) && normaliserNom(c.nom) === 'LILLERS') ??
        [...communes].filter((c) => principales.has(c.code)).sort((a, b) => b.population - a.population)[0];
      if (communeVue)
        comptes.push({ email: 'commune@exemple.fr', nom: `Mairie de ${communeVue.nom} (démo)`, role: 'commune', communeCode: communeVue.code, motDePasseHash });
      const inseres = await tx.insert(s.utilisateurs).values(comptes).returning({ id: s.utilisateurs.id, email: s.utilisateurs.email });
      for (const u of inseres) ctx.utilisateurs[u.email] = u.id;
    }
    for (const etape of opts.etapes ?? []) await etape(tx as unknown as Db, ctx);
    await tx.insert(s.amorcage).values({ cle, details: { structures: offre.length, communes: communes.length } });
    return true;
  });
}
