import { asc, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '../db';
import { jourParis } from '../../domain/temps';
import { communesDuRelaisLe } from '../requetes/adhesions';
import type { Staff } from '../auth/staff';
import { AccesRefuse } from '../auth/acces';
import type { Perimetre } from './indicateurs';

type OptionPerimetre = { valeur: string; libelle: string; groupe: string; perimetre: Perimetre };

/**
 * The scopes a staff member may look at: admin everything; an animatrice her
 * relais, its sectors and communes; a commune viewer her commune only.
 */
export async function perimetresAutorises(db: Db, u: Staff, jour = jourParis()): Promise<OptionPerimetre[]> {
  const out: OptionPerimetre[] = [];
  const communesDe = async (relaisId?: string) => {
    const q = db.select({ code: schema.communes.code, nom: schema.communes.nom }).from(schema.communes);
    if (!relaisId) return q.orderBy(asc(schema.communes.nom));
    return q.where(sql`${schema.communes.code} in ${communesDuRelaisLe(jour, relaisId)}`).orderBy(asc(schema.communes.nom));
  };
  if (u.role === 'commune') {
    if (!u.communeCode) return [];
    const [c] = await db.select().from(schema.communes).where(eq(schema.communes.code, u.communeCode));
    return c ? [{ valeur: `commune:${c.code}`, libelle: c.nom, groupe: 'Commune', perimetre: { type: 'commune', communeCode: c.code } }] : [];
  }
  const relais = await db.select().from(schema.relais).orderBy(asc(schema.relais.nom));
  const visibles = u.role === 'admin' ? relais : relais.filter((r) => r.id === u.relaisId);
  if (u.role === 'admin') out.push({ valeur: 'territoire', libelle: 'Tout le territoire', groupe: 'Territoire', perimetre: { type: 'territoire' } });
  for (const r of visibles) {
    out.push({ valeur: `relais:${r.id}`, libelle: r.nom, groupe: 'Relais', perimetre: { type: 'relais', relaisId: r.id } });
    const secteurs = await db.select().from(schema.secteurs).where(eq(schema.secteurs.relaisId, r.id)).orderBy(asc(schema.secteurs.nom));
    for (const s of secteurs)
      out.push({
        valeur: `secteur:${s.id}`,
        libelle: `${r.nom} — secteur ${s.nom}`,
        groupe: 'Secteurs',
        perimetre: { type: 'secteur', relaisId: r.id, secteurId: s.id },
      });
  }
  const communes = u.role === 'admin' ? await communesDe() : u.relaisId ? await communesDe(u.relaisId) : [];
  for (const c of communes) out.push({ valeur: `commune:${c.code}`, libelle: c.nom, groupe: 'Communes', perimetre: { type: 'commune', communeCode: c.code } });
  return out;
}

/** The scope asked for in the URL, if allowed; the first allowed scope when none is asked. */
export function choisirPerimetre(options: OptionPerimetre[], demande: string | null): OptionPerimetre {
  if (!options.length) throw new AccesRefuse();
  if (!demande) return options[0]!;
  const o = options.find((x) => x.valeur === demande);
  if (!o) throw new AccesRefuse('Périmètre non autorisé');
  return o;
}
