/** The .ics attachment of RDV and réunion emails, built with the `ics` library. */
import { createEvent } from 'ics';

type EvenementIcs = {
  uid: string;
  debut: Date;
  fin: Date;
  titre: string;
  description: string;
  lieu?: string | null;
  url?: string;
  organisateur?: { nom: string; email?: string | null };
  sequence?: number;
  annule?: boolean;
};

/** An RFC 5545 calendar with one event, times in UTC (every calendar app shows them in local time). */
export function fichierIcs(e: EvenementIcs): string {
  const { error, value } = createEvent({
    uid: e.uid,
    productId: 'guichet-petite-enfance/rdv',
    method: 'PUBLISH',
    start: e.debut.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: e.fin.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: e.titre,
    description: e.description,
    location: e.lieu ?? undefined,
    url: e.url,
    status: e.annule ? 'CANCELLED' : 'CONFIRMED',
    sequence: e.sequence ?? 0,
    // An ORGANIZER without an address is invalid iCalendar (a CAL-ADDRESS is required).
    organizer: e.organisateur?.email ? { name: e.organisateur.nom, email: e.organisateur.email } : undefined,
    busyStatus: 'BUSY',
    alarms: e.annule ? undefined : [{ action: 'display', description: e.titre, trigger: { hours: 24, before: true } }],
  });
  if (error || !value) throw new Error(`ICS: ${error?.message ?? 'empty'}`);
  return value;
}

export function pieceJointeIcs(ics: string, nom = 'rendez-vous.ics') {
  return { filename: nom, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics };
}
