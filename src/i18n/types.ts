/** Any string where French has a string: other languages only need the same shape. */
export type Traduction<T> = T extends string ? string : T extends Record<string | number, unknown> ? { [K in keyof T]?: Traduction<T[K]> } : T;

type Join<K, P> = K extends string | number ? (P extends string | number ? `${K}.${P}` : never) : never;
/** Dot paths of every string leaf: 'demande.erreur.email'. */
export type Cle<T, D extends number = 6> = [D] extends [never]
  ? never
  : T extends string
    ? never
    : { [K in keyof T & (string | number)]: T[K] extends string ? `${K}` : Join<K, Cle<T[K], Prev[D]>> }[keyof T & (string | number)];
type Prev = [never, 0, 1, 2, 3, 4, 5, 6];
