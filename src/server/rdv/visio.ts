/**
 * Video RDV rooms: VISIO_URL_TEMPLATE is a room pattern with `{salle}`
 * (e.g. https://meet.jit.si/{salle}, or a BigBlueButton/Jitsi of the
 * territory). Each visio RDV gets its own room name, derived from its private
 * management token: stable (same link in the confirmation, the reminder and
 * the agenda) and not guessable from the RDV's id.
 */
import { createHash } from 'node:crypto';
import { jetonGestion } from './contexte';

export function salleVisio(jeton: string): string {
  return `rpe-${createHash('sha256').update(`visio:${jeton}`).digest('hex').slice(0, 20)}`;
}

/** The room link of a RDV, or null when it is not a visio RDV or no template is configured. */
export function lienVisio(template: string | undefined, rdv: { mode: string }, jeton: string): string | null {
  if (rdv.mode !== 'visio' || !template) return null;
  return template.replaceAll('{salle}', salleVisio(jeton));
}

/** The same link from the portal's secret and the RDV id (staff pages). */
export function lienVisioRdv(template: string | undefined, secret: string, rdv: { id: string; mode: string }): string | null {
  return lienVisio(template, rdv, jetonGestion(secret, 'rdv', rdv.id));
}
