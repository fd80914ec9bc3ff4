/** What the family booking pages need: the choices offered and the form's validation. */
import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { MODES, type Mode } from '../../domain/rdv/creneaux';
import { motifsDuRelais, type MotifRow } from './reservation';

export type ChoixRdv = { motifs: MotifRow[]; lieux: (typeof schema.lieux.$inferSelect)[]; distance: boolean };

/** Motifs families may book online, and the sites where some animatrice receives. */
export async function choixPourFamille(db: DbOrTx, relaisId: string, publicVise: 'famille' | 'am' = 'famille'): Promise<ChoixRdv> {
  const motifs = await motifsDuRelais(db, relaisId, { enLigne: true, public: publicVise });
  const plages = await db
    .select({ lieuId: schema.plagesOuverture.lieuId, motifIds: schema.plagesOuverture.motifIds })
    .from(schema.plagesOuverture)
    .where(and(eq(schema.plagesOuverture.relaisId, relaisId), eq(schema.plagesOuverture.actif, true)));
  const ids = new Set(motifs.map((m) => m.id));
  const utiles = plages.filter((p) => p.motifIds.some((m) => ids.has(m)));
  const lieuxIds = [...new Set(utiles.map((p) => p.lieuId).filter((x): x is string => !!x))];
  const lieux = lieuxIds.length ? await db.select().from(schema.lieux).where(inArray(schema.lieux.id, lieuxIds)) : [];
  return {
    motifs: motifs.filter((m) => utiles.some((p) => p.motifIds.includes(m.id))),
    lieux: lieux.sort((a, b) => a.nom.localeCompare(b.nom)),
    distance: utiles.some((p) => p.lieuId === null),
  };
}

/** Modes a motif can really be booked in (allowed by the motif and backed by some plage). */
export function modesPossibles(m: MotifRow, c: ChoixRdv): Mode[] {
  return MODES.filter((x) => m.modes.includes(x) && (x === 'sur-place' ? c.lieux.length > 0 : c.distance));
}

export type ErreursRdv = Partial<Record<'motif' | 'mode' | 'lieu' | 'creneau' | 'telephone' | 'email', string>>;
export type ChoixValide = { motif: MotifRow; mode: Mode; lieuId: string | null };

/** Step 1: motif, mode and (on site) the site. Error values are dictionary keys. */
export function validerChoix(f: Record<string, unknown>, c: ChoixRdv): { ok: true; v: ChoixValide } | { ok: false; erreurs: ErreursRdv } {
  const erreurs: ErreursRdv = {};
  const motif = c.motifs.find((m) => m.id === f.motif);
  if (!motif) erreurs.motif = 'rdv.erreurs.motif';
  const mode = MODES.find((m) => m === f.mode);
  if (!mode || (motif && !modesPossibles(motif, c).includes(mode))) erreurs.mode = 'rdv.erreurs.mode';
  const lieu = c.lieux.find((l) => l.id === f.lieu);
  if (mode === 'sur-place' && !lieu) erreurs.lieu = 'rdv.erreurs.lieu';
  if (Object.keys(erreurs).length) return { ok: false, erreurs };
  return { ok: true, v: { motif: motif!, mode: mode!, lieuId: mode === 'sur-place' ? lieu!.id : null } };
}

const telephone = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^(?:0|\+33|0033)[1-9]\d{8}$/));
const email = z.string().trim().toLowerCase().pipe(z.email());

/** Step 2: the slot, and the phone number for a phone RDV. */
export function validerReservation(
  f: Record<string, unknown>,
  mode: Mode,
): { ok: true; debut: Date; telephone: string | null; email: string | null } | { ok: false; erreurs: ErreursRdv } {
  const erreurs: ErreursRdv = {};
  const brut = typeof f.creneau === 'string' ? f.creneau : '';
  const debut = new Date(brut);
  if (!brut || Number.isNaN(debut.getTime())) erreurs.creneau = 'rdv.erreurs.creneau';
  const tel = typeof f.telephone === 'string' && f.telephone.trim() ? telephone.safeParse(f.telephone) : null;
  if (mode === 'telephone' && !tel?.success) erreurs.telephone = 'rdv.erreurs.telephone';
  else if (tel && !tel.success) erreurs.telephone = 'rdv.erreurs.telephone';
  const mail = typeof f.email === 'string' && f.email.trim() ? email.safeParse(f.email) : null;
  if (mail && !mail.success) erreurs.email = 'rdv.erreurs.email';
  if (Object.keys(erreurs).length) return { ok: false, erreurs };
  return { ok: true, debut, telephone: tel?.success ? String(f.telephone).trim() : null, email: mail?.success ? mail.data : null };
}
