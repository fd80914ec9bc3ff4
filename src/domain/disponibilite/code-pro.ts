/**
 * How long the short code of an assistant maternel (or a structure manager)
 * stays valid: 180 days from its creation, a span that covers the January
 * and June availability campaigns one after the other (decision of
 * 6 December 2026, issue 16: a code printed on a sheet or read out on the
 * phone must not work for ever). The relais creates a new one in one click;
 * the emailed sign-in link needs no code.
 */
export const CODE_PRO_VALIDITE_JOURS = 180;

export function codeProExpireLe(creeLe: Date): Date {
  return new Date(creeLe.getTime() + CODE_PRO_VALIDITE_JOURS * 86_400_000);
}

export function codeProValide(creeLe: Date, maintenant: Date): boolean {
  return maintenant.getTime() < codeProExpireLe(creeLe).getTime();
}
