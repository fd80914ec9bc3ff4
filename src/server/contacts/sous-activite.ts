/**
 * "Sous-activité": the AM of the relais whose declared free places have
 * stayed free, without interruption, for more than N months (from the
 * availability history), so that an animatrice calls them (motif
 * « sous-activité » in the professionals' log).
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { subMonths } from 'date-fns';
import { schema, type DbOrTx } from '../db';
import type { Staff } from '../auth/staff';
import { communesDuRelaisLe } from '../requetes/adhesions';
import { jourParis } from '../../domain/temps';
import { placesLibresDepuis, SOUS_ACTIVITE_MOIS_DEFAUT, SOUS_ACTIVITE_MOIS_MAX } from '../../domain/contacts/regles';
import { relaisDuStaff } from './journal';

type AmSousActivite = {
  id: string;
  nom: string;
  communeNom: string;
  telephone: string | null;
  email: string | null;
  placesLibresDepuis: Date;
  dernierContactLe: Date | null;
};

export function lireMois(v: string | null | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= SOUS_ACTIVITE_MOIS_MAX ? n : SOUS_ACTIVITE_MOIS_DEFAUT;
}

export async function amEnSousActivite(
  db: DbOrTx,
  u: Staff | undefined,
  o: { mois: number; maintenant?: Date; relaisId?: string | null },
): Promise<AmSousActivite[]> {
  const maintenant = o.maintenant ?? new Date();
  const relaisId = relaisDuStaff(u, o.relaisId ?? null);
  const s = schema.structures;
  const am = await db
    .select({ id: s.id, nom: s.nom, communeNom: schema.communes.nom, telephone: s.telephone, email: s.email, creeLe: s.creeLe })
    .from(s)
    .innerJoin(schema.communes, eq(schema.communes.code, s.communeCode))
    .where(
      and(
        eq(s.type, 'assistant-maternel'),
        eq(s.actif, true),
        eq(s.dispoStatut, 'places'),
        relaisId ? inArray(s.communeCode, communesDuRelaisLe(jourParis(maintenant), relaisId)) : undefined,
      ),
    );
  if (!am.length) return [];
  const ids = am.map((a) => a.id);
  const h = schema.dispoHistorique;
  const historique = await db.select({ structureId: h.structureId, le: h.le, statut: h.statut }).from(h).where(inArray(h.structureId, ids));
  const c = schema.contacts;
  const contacts = await db
    .select({ structureId: c.structureId, le: c.le })
    .from(c)
    .where(and(isNull(c.demandeId), inArray(c.structureId, ids)))
    .orderBy(desc(c.le));
  const limite = subMonths(maintenant, o.mois);
  const out: AmSousActivite[] = [];
  for (const a of am) {
    const sien = historique.filter((x) => x.structureId === a.id);
    // A listing created (by an import) with free places and never updated since: free since its creation.
    const depuis = sien.length ? placesLibresDepuis(sien) : a.creeLe;
    if (!depuis || depuis.getTime() > limite.getTime()) continue;
    const { creeLe: _c, ...reste } = a;
    out.push({ ...reste, placesLibresDepuis: depuis, dernierContactLe: contacts.find((x) => x.structureId === a.id)?.le ?? null });
  }
  return out.sort((x, y) => x.placesLibresDepuis.getTime() - y.placesLibresDepuis.getTime() || x.nom.localeCompare(y.nom));
}
