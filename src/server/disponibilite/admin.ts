/** Lists for the relais staff: places of her communes, freshness, who to remind. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import type { Staff } from '../auth/staff';
import { fraicheurGlobale, fraicheurParCommune, type FraicheurCommune } from '../../domain/disponibilite/relances';
import { communesGerees } from './perimetre';
import { TYPE_RELANCE } from './relances';

type LigneOffre = {
  id: string;
  type: string;
  nom: string;
  prenom: string | null;
  nomFamille: string | null;
  communeCode: string;
  communeNom: string;
  actif: boolean;
  visible: boolean;
  statut: 'places' | 'complet' | 'inconnu';
  dispoConfirmeeLe: Date | null;
  email: string | null;
  telephone: string | null;
  agrement: string | null;
  derniereRelanceLe: Date | null;
  compte: boolean;
};

export async function listeOffre(
  db: DbOrTx,
  u: Staff,
  jour: string,
  o: { communeCode?: string; type?: 'am' | 'structures' } = {},
): Promise<{ lignes: LigneOffre[]; communes: { code: string; nom: string }[] }> {
  const communes = await communesGerees(db, u, jour);
  const codes = o.communeCode ? communes.filter((c) => c.code === o.communeCode).map((c) => c.code) : communes.map((c) => c.code);
  if (!codes.length) return { lignes: [], communes };
  const derniere = sql<
    string | null
  >`(select max(c.cree_le) from courriels c where c.type = ${TYPE_RELANCE} and c.objet_type = 'structure' and c.objet_id = ${schema.structures.id}::text)`;
  const compte = sql<boolean>`exists (select 1 from comptes_pro cp where cp.structure_id = ${schema.structures.id})`;
  const rows = await db
    .select({
      id: schema.structures.id,
      type: schema.structures.type,
      nom: schema.structures.nom,
      prenom: schema.structures.prenom,
      nomFamille: schema.structures.nomFamille,
      communeCode: schema.structures.communeCode,
      communeNom: schema.communes.nom,
      actif: schema.structures.actif,
      visible: schema.structures.visible,
      statut: schema.structures.dispoStatut,
      dispoConfirmeeLe: schema.structures.dispoConfirmeeLe,
      email: schema.structures.email,
      telephone: schema.structures.telephone,
      agrement: schema.structures.agrement,
      derniere,
      compte,
    })
    .from(schema.structures)
    .innerJoin(schema.communes, eq(schema.communes.code, schema.structures.communeCode))
    .where(
      and(
        inArray(schema.structures.communeCode, codes),
        o.type === 'am'
          ? eq(schema.structures.type, 'assistant-maternel')
          : o.type === 'structures'
            ? sql`${schema.structures.type} in ('creche', 'micro-creche', 'mam')`
            : sql`${schema.structures.type} in ('assistant-maternel', 'creche', 'micro-creche', 'mam')`,
      ),
    )
    .orderBy(asc(schema.structures.dispoConfirmeeLe), asc(schema.structures.nom));
  // Never confirmed first, then oldest confirmation first.
  const lignes = rows
    .map(({ derniere: d, ...r }) => ({ ...r, derniereRelanceLe: d ? new Date(d) : null }))
    .sort((a, b) => (a.dispoConfirmeeLe?.getTime() ?? -Infinity) - (b.dispoConfirmeeLe?.getTime() ?? -Infinity));
  return { lignes, communes };
}

export function indicateurs(
  lignes: LigneOffre[],
  communes: { code: string; nom: string }[],
  maintenant: Date,
  seuilJours: number,
): { global: FraicheurCommune; parCommune: (FraicheurCommune & { nom: string })[] } {
  const base = lignes.map((l) => ({ communeCode: l.communeCode, type: l.type, actif: l.actif, dispoConfirmeeLe: l.dispoConfirmeeLe }));
  const noms = new Map(communes.map((c) => [c.code, c.nom]));
  return {
    global: fraicheurGlobale(base, maintenant, seuilJours),
    parCommune: fraicheurParCommune(base, maintenant, seuilJours)
      .map((c) => ({ ...c, nom: noms.get(c.communeCode) ?? c.communeCode }))
      .sort((a, b) => a.nom.localeCompare(b.nom, 'fr')),
  };
}
