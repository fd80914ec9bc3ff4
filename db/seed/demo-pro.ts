import { isNotNull } from 'drizzle-orm';
import * as s from '../schema';
import type { Db } from '../../src/server/db';
import type { SeedContext } from './index';
import { prng } from './offre';
import { motifRelance } from '../../src/domain/disponibilite/relances';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * Demo accounts of the pro space: one per AM and per structure with an email,
 * each with a short code (deterministic, so the demo is the same every time).
 */
async function comptesPro(db: Db, ctx: SeedContext): Promise<void> {
  const structures = await db
    .select({ id: s.structures.id, email: s.structures.email })
    .from(s.structures)
    .where(isNotNull(s.structures.email))
    .orderBy(s.structures.email);
  const r = prng(`codes-pro:${ctx.territoireId}`);
  const vus = new Set<string>();
  const code = () => {
    for (;;) {
      let c = '';
      for (let i = 0; i < 8; i++) c += ALPHABET[Math.floor(r() * ALPHABET.length)];
      const f = `${c.slice(0, 4)}-${c.slice(4)}`;
      if (!vus.has(f)) return (vus.add(f), f);
    }
  };
  const lignes = structures.map((x) => ({ structureId: x.id, email: x.email!.toLowerCase(), codeCourt: code() }));
  for (let i = 0; i < lignes.length; i += 200) await db.insert(s.comptesPro).values(lignes.slice(i, i + 200));

  // The demo relais already reminded, in the last weeks, every place the
  // scheduled task would remind today: the "last reminder" column is filled,
  // and a fresh demo does not email hundreds of fictional addresses at start.
  const jour = 86400_000;
  const etats = await db
    .select({ id: s.structures.id, email: s.structures.email, actif: s.structures.actif, dispoConfirmeeLe: s.structures.dispoConfirmeeLe })
    .from(s.structures)
    .where(isNotNull(s.structures.email));
  const dues = etats.filter((x) => motifRelance({ ...x, derniereRelanceLe: null }, ctx.maintenant) !== null);
  const relances = dues.map((x) => {
    const le = new Date(ctx.maintenant.getTime() - (2 + Math.floor(r() * 26)) * jour);
    return {
      destinataire: x.email!.toLowerCase(),
      sujet: 'Avez-vous une place ?',
      texte: '(relance de démonstration)',
      type: 'dispo-relance',
      objetType: 'structure',
      objetId: x.id,
      statut: 'envoye',
      tentatives: 1,
      envoyeLe: le,
      creeLe: le,
      prochaineTentativeLe: le,
    };
  });
  for (let i = 0; i < relances.length; i += 200) await db.insert(s.courriels).values(relances.slice(i, i + 200));
}

/** Demo seeding step for this area (see etapes.ts). */
export const etapes: ((db: Db, ctx: SeedContext) => Promise<void>)[] = [comptesPro];
