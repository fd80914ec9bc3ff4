/** Réunions d'information in the back office: create one, record attendance. */
import { z } from 'zod';
import { schema } from '../db';
import { journaliser } from '../audit';
import { AccesRefuse, peutVoirRdv } from '../auth/acces';
import { lieuxDuRelais, relaisAgenda } from '../rdv/agenda';
import { inscriptionsDe, marquerPresence, reunion, reunionsAVenir, schemaReunion } from '../rdv/reunions';
import { instantParis } from '../../domain/rdv/creneaux';
import { erreursZod, un, type ContexteStaff, type Resultat, type Saisie } from './contexte';

/** Defaults of the creation form. */
export const NOUVELLE_REUNION: Saisie = { public: 'famille', capacite: '20', debut: '18:00', fin: '19:30', lieuId: '' };

export async function creerReunion(c: ContexteStaff, relaisChoisi: string | null, saisie: Saisie): Promise<Resultat> {
  const relais = await relaisAgenda(c.db, c.staff, relaisChoisi);
  const p = schemaReunion.safeParse(Object.fromEntries(Object.keys(saisie).map((k) => [k, un(saisie, k)])));
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error), saisie };
  if (p.data.lieuId && !(await lieuxDuRelais(c.db, relais.id)).some((l) => l.id === p.data.lieuId))
    return { ok: false, erreurs: { lieuId: 'Lieu inconnu' }, saisie };
  const [r] = await c.db
    .insert(schema.reunionsInfo)
    .values({
      relaisId: relais.id,
      titre: p.data.titre,
      description: p.data.description,
      public: p.data.public,
      lieuId: p.data.lieuId || null,
      lienVisio: p.data.lienVisio,
      capacite: p.data.capacite,
      debut: instantParis(p.data.jour, p.data.debut),
      fin: instantParis(p.data.jour, p.data.fin),
    })
    .returning({ id: schema.reunionsInfo.id });
  await journaliser(c.db, c.staff, 'reunion.creer', 'reunion', r!.id);
  return { ok: true, redirection: `/admin/agenda/reunions/${r!.id}?fait=creee` };
}

export async function lireReunions(c: ContexteStaff, relaisChoisi: string | null) {
  const relais = await relaisAgenda(c.db, c.staff, relaisChoisi);
  const [lieux, reunions] = await Promise.all([
    lieuxDuRelais(c.db, relais.id),
    reunionsAVenir(c.db, { relaisId: relais.id, avecAnnulees: true, depuis: new Date(c.maintenant.getTime() - 60 * 86400_000), maintenant: c.maintenant }),
  ]);
  return { relais, lieux, reunions };
}

/** The réunion if this person's relais runs it (AccesRefuse otherwise), null if there is none. */
async function reunionDuRelais(c: ContexteStaff, id: string) {
  const r = await reunion(c.db, id, c.maintenant);
  if (r && !peutVoirRdv(c.staff, r)) throw new AccesRefuse();
  return r;
}

const presence = z.enum(['present', 'absent']).nullable().catch(null);

export async function noterPresences(c: ContexteStaff, id: string, saisie: Saisie): Promise<Resultat> {
  const r = await reunionDuRelais(c, id);
  if (!r) return { ok: false, erreurs: { formulaire: 'Réunion introuvable' }, saisie };
  const presences: Record<string, 'present' | 'absent' | null> = {};
  for (const k of Object.keys(saisie))
    if (k.startsWith('p-') && z.uuid().safeParse(k.slice(2)).success) presences[k.slice(2)] = presence.parse(un(saisie, k) || null);
  await marquerPresence(c.db, r.id, presences);
  await journaliser(c.db, c.staff, 'reunion.presences', 'reunion', r.id);
  return { ok: true, redirection: `/admin/agenda/reunions/${r.id}?fait=presences` };
}

/** The réunion and its sign-ups (the read is written to the audit log). */
export async function lireReunion(c: ContexteStaff, id: string) {
  const r = await reunionDuRelais(c, id);
  if (!r) return null;
  const inscriptions = await inscriptionsDe(c.db, r.id);
  await journaliser(c.db, c.staff, 'reunion.consulter', 'reunion', r.id);
  return { reunion: r, inscriptions };
}
