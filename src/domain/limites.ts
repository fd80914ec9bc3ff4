/**
 * Rate limits of the family forms that cause work or email for someone else
 * (figures chosen on 6 December 2026, issue 16; no official source: sized so
 * that a household never meets them and a script soon does).
 *
 * Each use is counted twice: per client address (one machine sending many) and
 * per target (one family's email sent many links, one relais' diary filled
 * from rotating addresses). The counts live in the database, so the limits
 * hold across instances.
 */
export const USAGES_LIMITES = ['demande', 'rdv', 'lien-perdu', 'lien-pro', 'reunion', 'reunion-seance', 'evenement', 'evenement-seance'] as const;
export type UsageLimite = (typeof USAGES_LIMITES)[number];

type Limite = { max: number; minutes: number };

export const LIMITES: Record<UsageLimite, { parAdresse: Limite; parCible: Limite }> = {
  // Target: the family's email (or phone). A household files one demande, maybe two for twins' corrections.
  demande: { parAdresse: { max: 5, minutes: 60 }, parCible: { max: 3, minutes: 24 * 60 } },
  // Target: the relais whose diary is booked. A relais takes a few bookings a day.
  rdv: { parAdresse: { max: 6, minutes: 60 }, parCible: { max: 20, minutes: 60 } },
  // Target: the email that receives the links.
  'lien-perdu': { parAdresse: { max: 5, minutes: 60 }, parCible: { max: 3, minutes: 60 } },
  // AM sign-in link by email (/pro). Target: the email, also capped at 3 a quarter-hour by demanderLien.
  'lien-pro': { parAdresse: { max: 10, minutes: 60 }, parCible: { max: 5, minutes: 60 } },
  // Sign-up to a réunion d'information (/reunions/<id>). Target: the email, which receives a confirmation each time.
  // A family signs up to one or two réunions; an AM maybe a few.
  reunion: { parAdresse: { max: 5, minutes: 60 }, parCible: { max: 3, minutes: 60 } },
  // Target: the réunion itself, filled from rotating addresses (counted per target only; the address is counted by 'reunion').
  'reunion-seance': { parAdresse: { max: 5, minutes: 60 }, parCible: { max: 20, minutes: 60 } },
  // Sign-up to an event of the métier (/evenements/<id>). Target: the email.
  evenement: { parAdresse: { max: 5, minutes: 60 }, parCible: { max: 3, minutes: 60 } },
  // Target: the event itself (counted per target only, as for 'reunion-seance').
  'evenement-seance': { parAdresse: { max: 5, minutes: 60 }, parCible: { max: 30, minutes: 60 } },
};

/** True when one more use would go over either limit, given the uses already counted in each window. */
export function limiteDepassee(usage: UsageLimite, dejaParAdresse: number, dejaParCible: number): boolean {
  const l = LIMITES[usage];
  return dejaParAdresse >= l.parAdresse.max || dejaParCible >= l.parCible.max;
}
