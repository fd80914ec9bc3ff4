/**
 * Natural batching ("group commit", issue 20): calls that arrive while
 * `parallele` batches are already running with the database wait, and go
 * together in the next batch, one statement for all of them. A lone call runs
 * at once, alone: batching adds no delay when the site is quiet, and under
 * load every round trip, statement and commit is shared by the calls waiting
 * (docs/decisions/2026-12-06-depot-par-lots.md).
 *
 * `executer` gets the waiting inputs in arrival order and gives one result per
 * input, in the same order; if it throws, every call of that batch gets the
 * error.
 */
export type OptionsRegroupement = {
  /** Batches running at once. */
  parallele: number;
  /** Inputs per batch at most. */
  taille: number;
};

export function regrouper<E, S>(executer: (lot: E[]) => Promise<S[]>, o: OptionsRegroupement): (entree: E) => Promise<S> {
  const file: { entree: E; ok: (s: S) => void; ko: (err: unknown) => void }[] = [];
  let enCours = 0;
  const lancer = () => {
    while (enCours < o.parallele && file.length) {
      const lot = file.splice(0, o.taille);
      enCours++;
      executer(lot.map((x) => x.entree))
        .then(
          (res) => {
            if (res.length !== lot.length) throw new Error(`regrouper : ${res.length} résultats pour ${lot.length} entrées`);
            lot.forEach((x, i) => x.ok(res[i]!));
          },
          (err: unknown) => lot.forEach((x) => x.ko(err)),
        )
        .catch((err: unknown) => lot.forEach((x) => x.ko(err)))
        .finally(() => {
          enCours--;
          lancer();
        });
    }
  };
  return (entree) =>
    new Promise<S>((ok, ko) => {
      file.push({ entree, ok, ko });
      lancer();
    });
}
