declare module '@socialgouv/jours-feries' {
  /** Holiday name → midnight of that day in Europe/Paris, as a Date. */
  export default function joursFeries(annee: number, options?: { alsace?: boolean }): Record<string, Date>;
}
