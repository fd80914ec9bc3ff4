/**
 * What the family's consents allow (pure rules, tested without a database).
 * - Relaying the need to assistants maternels requires the sharing consent,
 *   and stays within the demande's relais unless staff choose other communes
 *   explicitly, with a reason.
 * - Health and disability details are shown only to staff of the demande's
 *   relais (not to a territory administrator of another relais, nor to a commune).
 */
type DemandeConsentements = { consentementPartage: boolean; relaisId: string | null };

type ControleRelais =
  | { ok: true; horsRelais: string[] }
  /** Error messages by field: consentement | communes | motifHorsRelais. */
  | { ok: false; erreurs: Record<string, string> };

const MOTIF_HORS_RELAIS_MIN = 10;

export function controlerRelais(
  d: DemandeConsentements,
  o: { communes: string[]; communesDuRelais: ReadonlySet<string>; horsRelais: boolean; motif: string | null },
): ControleRelais {
  if (!d.consentementPartage)
    return {
      ok: false,
      erreurs: { consentement: 'La famille n’a pas accepté que sa demande soit transmise à des professionnels : elle ne peut pas être relayée.' },
    };
  const dehors = o.communes.filter((c) => !o.communesDuRelais.has(c));
  if (!dehors.length) return { ok: true, horsRelais: [] };
  if (!o.horsRelais)
    return {
      ok: false,
      erreurs: { communes: `Commune(s) hors du relais de la demande : ${dehors.join(', ')}. Cochez « relayer hors du relais » et indiquez pourquoi.` },
    };
  if ((o.motif ?? '').trim().length < MOTIF_HORS_RELAIS_MIN)
    return { ok: false, erreurs: { motifHorsRelais: 'Indiquez pourquoi vous relayez hors du relais de la demande (10 caractères au moins).' } };
  return { ok: true, horsRelais: dehors };
}

/** Whether a staff member may read the health details of a demande. */
export function voitSante(u: { role: string; relaisId: string | null } | null | undefined, d: { relaisId: string | null }): boolean {
  return !!u && u.role !== 'commune' && !!u.relaisId && u.relaisId === d.relaisId;
}

/** The demande without its health details, for a reader who may not see them. */
export function sansSante<T extends { handicapPrecisions: string | null; besoinsAccessibilite?: string | null; relaisId: string | null }>(
  u: { role: string; relaisId: string | null } | null | undefined,
  d: T,
): T {
  return voitSante(u, d) ? d : { ...d, handicapPrecisions: null, besoinsAccessibilite: d.besoinsAccessibilite === undefined ? undefined : null };
}
