/** French plurals of the back office through Intl.PluralRules (never "(s)"): `nombre(2, 'place', 'places')` → "2 places". */
const regles = new Intl.PluralRules('fr-FR');

function pluriel(n: number, un: string, plusieurs: string): string {
  return regles.select(n) === 'one' ? un : plusieurs;
}

export function nombre(n: number, un: string, plusieurs: string): string {
  return `${n} ${pluriel(n, un, plusieurs)}`;
}
