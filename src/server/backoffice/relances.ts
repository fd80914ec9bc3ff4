/**
 * The family's one-click answers to follow-up emails. The link only shows a
 * confirmation page; the answer is applied by the POST (mail scanners that
 * open links change nothing).
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { schema, type Db } from '../db';
import { consommerJeton, lireJeton } from '../auth/tokens';
import { changerEtat } from '../demande/transitions';
import { estPossible } from '../../domain/demande/etats';
import { effetReponse, estReponse, typeSolutionDe, type Reponse, type TypeRelance } from '../../domain/relance/regles';
import { langueDe } from './courriers';
import type { Lang } from '../../i18n';

export type RelanceLue = { ok: true; type: TypeRelance; relanceId: string; demandeId: string; reference: string; lang: Lang } | { ok: false; lang: Lang };

const USAGES: TypeRelance[] = ['suivi', 'actualite'];

async function trouver(
  db: Db,
  jeton: string,
  maintenant: Date,
  consommer: boolean,
  tx?: Db,
): Promise<{ type: TypeRelance; sujetId: string; lang: Lang } | null> {
  for (const type of USAGES) {
    const r = consommer ? await consommerJeton(tx ?? db, `relance-${type}`, jeton, maintenant) : await lireJeton(db, `relance-${type}`, jeton, maintenant);
    if (r.ok) return { type, sujetId: r.sujetId, lang: langueDe((r.donnees as { lang?: string } | null)?.lang) };
  }
  return null;
}

/** What the confirmation page shows (does not consume the link). */
export async function lireRelance(db: Db, jeton: string, maintenant = new Date()): Promise<RelanceLue> {
  if (!/^[\w-]{20,100}$/.test(jeton)) return { ok: false, lang: 'fr' };
  const j = await trouver(db, jeton, maintenant, false);
  if (!j) return { ok: false, lang: 'fr' };
  const [r] = await db
    .select({
      id: schema.relances.id,
      demandeId: schema.relances.demandeId,
      reponduLe: schema.relances.reponduLe,
      reference: schema.demandes.reference,
      anonymisee: schema.demandes.anonymiseeLe,
    })
    .from(schema.relances)
    .innerJoin(schema.demandes, eq(schema.demandes.id, schema.relances.demandeId))
    .where(eq(schema.relances.id, j.sujetId));
  if (!r || r.reponduLe || r.anonymisee) return { ok: false, lang: j.lang };
  return { ok: true, type: j.type, relanceId: r.id, demandeId: r.demandeId, reference: r.reference, lang: j.lang };
}

type ResultatReponse = { ok: true; reponse: Reponse; lang: Lang } | { ok: false; raison: 'lien' | 'choix'; lang: Lang };

/** Applies the family's answer: consumes the link, records it, moves the demande if needed. */
export async function repondreRelance(db: Db, jeton: string, reponse: string, maintenant = new Date()): Promise<ResultatReponse> {
  const lu = await lireRelance(db, jeton, maintenant);
  if (!lu.ok) return { ok: false, raison: 'lien', lang: lu.lang };
  if (!estReponse(lu.type, reponse)) return { ok: false, raison: 'choix', lang: lu.lang };
  return db.transaction(async (tx) => {
    const j = await trouver(db, jeton, maintenant, true, tx as unknown as Db);
    if (!j) return { ok: false, raison: 'lien', lang: lu.lang } as const;
    const pris = await tx
      .update(schema.relances)
      .set({ reponse, reponduLe: maintenant })
      .where(and(eq(schema.relances.id, lu.relanceId), isNull(schema.relances.reponduLe)))
      .returning({ id: schema.relances.id });
    if (!pris.length) return { ok: false, raison: 'lien', lang: lu.lang } as const;
    const [dem] = await tx.select({ etat: schema.demandes.etat }).from(schema.demandes).where(eq(schema.demandes.id, lu.demandeId)).for('update');
    const [derniere] = await tx
      .select({ type: schema.structures.type })
      .from(schema.misesEnRelation)
      .innerJoin(schema.structures, eq(schema.structures.id, schema.misesEnRelation.structureId))
      .where(eq(schema.misesEnRelation.demandeId, lu.demandeId))
      .orderBy(desc(schema.misesEnRelation.le))
      .limit(1);
    const effet = effetReponse(lu.type, reponse, dem!.etat, typeSolutionDe(derniere?.type));
    if (effet.transition && estPossible(effet.transition, dem!.etat, 'famille')) {
      await changerEtat(
        tx,
        lu.demandeId,
        effet.transition,
        { acteur: 'famille' },
        { maintenant, typeSolution: effet.typeSolution ?? null, motif: `Réponse au courriel de ${lu.type === 'suivi' ? 'suivi' : 'relance'} : ${reponse}` },
      );
    }
    if (effet.aTraiter) await tx.update(schema.relances).set({ aTraiterLe: maintenant }).where(eq(schema.relances.id, lu.relanceId));
    return { ok: true, reponse, lang: lu.lang } as const;
  });
}
