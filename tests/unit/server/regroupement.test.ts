import { describe, expect, it } from 'vitest';
import { regrouper } from '../../../src/server/regroupement';

/** An executor whose batches end when the test says so. */
function executeurManuel() {
  const lots: { entrees: number[]; finir: (r: string[]) => void; echouer: (e: unknown) => void }[] = [];
  const executer = (entrees: number[]) =>
    new Promise<string[]>((finir, echouer) => {
      lots.push({ entrees, finir, echouer });
    });
  return { lots, executer };
}
const tic = () => new Promise((r) => setTimeout(r, 0));

describe('natural batching (group commit)', () => {
  it('runs a lone call at once, alone, and gathers the calls that arrive meanwhile into the next batch', async () => {
    const { lots, executer } = executeurManuel();
    const appeler = regrouper(executer, { parallele: 1, taille: 50 });
    const premier = appeler(1);
    expect(lots.map((l) => l.entrees)).toEqual([[1]]);
    const suivants = [2, 3, 4].map((n) => appeler(n));
    expect(lots).toHaveLength(1);
    lots[0]!.finir(['un']);
    expect(await premier).toBe('un');
    await tic();
    expect(lots.map((l) => l.entrees)).toEqual([[1], [2, 3, 4]]);
    lots[1]!.finir(['deux', 'trois', 'quatre']);
    expect(await Promise.all(suivants)).toEqual(['deux', 'trois', 'quatre']);
  });

  it('keeps at most `taille` inputs per batch and `parallele` batches at once', async () => {
    const { lots, executer } = executeurManuel();
    const appeler = regrouper(executer, { parallele: 2, taille: 2 });
    const res = [1, 2, 3, 4, 5, 6].map((n) => appeler(n));
    expect(lots.map((l) => l.entrees)).toEqual([[1], [2]]);
    lots[0]!.finir(['a']);
    await tic();
    expect(lots.map((l) => l.entrees)).toEqual([[1], [2], [3, 4]]);
    lots[1]!.finir(['b']);
    lots[2]!.finir(['c', 'd']);
    await tic();
    expect(lots.map((l) => l.entrees)).toEqual([[1], [2], [3, 4], [5, 6]]);
    lots[3]!.finir(['e', 'f']);
    expect(await Promise.all(res)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('gives a failed batch’s error to each of its calls, and goes on with the next', async () => {
    const { lots, executer } = executeurManuel();
    const appeler = regrouper(executer, { parallele: 1, taille: 50 });
    const premier = appeler(1);
    const deux = [appeler(2), appeler(3)];
    lots[0]!.echouer(new Error('base indisponible'));
    await expect(premier).rejects.toThrow('base indisponible');
    await tic();
    lots[1]!.finir(['b', 'c']);
    expect(await Promise.all(deux)).toEqual(['b', 'c']);
  });

  it('refuses a batch whose executor answers for a different number of calls', async () => {
    const appeler = regrouper(
      async () => {
        await tic();
        return ['seul'];
      },
      { parallele: 1, taille: 50 },
    );
    const [a, b, c] = [appeler(1), appeler(2), appeler(3)];
    await expect(a).resolves.toBe('seul');
    await expect(b).rejects.toThrow('1 résultats pour 2 entrées');
    await expect(c).rejects.toThrow('1 résultats pour 2 entrées');
  });
});
