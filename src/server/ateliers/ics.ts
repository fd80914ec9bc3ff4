/** The calendar (.ics) of a professional's confirmed atelier sessions, with the `ics` library. */
import { createEvents, type EventAttributes } from 'ics';
import type { DbOrTx } from '../db';
import { mesInscriptions } from './inscriptions';

export async function calendrierAteliers(db: DbOrTx, structureId: string, maintenant: Date): Promise<string> {
  const miennes = (await mesInscriptions(db, structureId, maintenant)).filter((m) => m.statut === 'inscrite' && !m.annulee);
  const evenements: EventAttributes[] = miennes.map((m) => ({
    uid: `atelier-${m.id}@guichet-petite-enfance`,
    productId: 'guichet-petite-enfance/ateliers',
    start: m.debut.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: m.fin.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: m.theme,
    description: `Atelier d’éveil — ${m.relaisNom}`,
    location: `${m.lieuNom}, ${m.lieuAdresse}`,
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
  }));
  if (!evenements.length) return 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:guichet-petite-enfance/ateliers\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n';
  const { error, value } = createEvents(evenements);
  if (error || !value) throw new Error(`ICS: ${error?.message ?? 'vide'}`);
  return value;
}
