import { isNotNull } from 'drizzle-orm';
import * as s from '../schema';
import type { Db } from '../../src/server/db';
import type { SeedContext } from './index';
import { prng } from './offre';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * Demo accounts of the pro space: one per AM and per structure with an email,
 * each with a short code (deterministic, so the demo is the same every time).
 */
async function comptesPro(db: Db, ctx: SeedContext): Promise<void> {
  const structures = await db.select({ id: s.structures.id, email: s.structures.email }).from(s.structures).where(isNotNull(s.structures.email)).orderBy(s.structures.email);
  const r = prng(`codes-pro:${ctx.territoireId}`);
  const vus = new Set<string>();
  const code = () => {
    for (;;) {
      let c = '';
      for (let i = 0; i < 8; i++) c += ALPHABET[Math.floor(r() * ALPHABET.length)];
      const f = `${c.slice(0, 4)}-${c.slice(4)}`;
      if (!vus.has(f)) return vus.add(f), f;
    }
  };
  const lignes = structures.map((x) => ({ structureId: x.id, email: x.email!.toLowerCase(), codeCourt: code() }));
  for (let i = 0; i < lignes.length; i += 200) await db.insert(s.comptesPro).values(lignes.slice(i, i + 200));
}

/** Demo seeding step for this area (see etapes.ts). */
export const etapes: ((db: Db, ctx: SeedContext) => Promise<void>)[] = [comptesPro];
