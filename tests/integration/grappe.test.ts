/**
 * Cluster mode (PROCESSUS, scripts/http/grappe.mjs): a cache invalidation made
 * by one worker reaches the others through the primary at once, a dead worker
 * is restarted, only the first worker keeps the background jobs, SIGTERM
 * drains them all. No database: the workers' cached value is read from a file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Reponse = { pid: number; index: string; workers: string | null; valeur: string };
let serveur: ChildProcess;
let url = '';
let dossier = '';

const portLibre = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
// `connection: close` on both sides: each request is a new connection, handed by the primary to the next worker.
const lire = async (chemin = '/lire'): Promise<Reponse> =>
  (await fetch(`${url}${chemin}`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(5000) })).json() as Promise<Reponse>;
/** Reads until every one of the `n` workers has answered (a connection handed to a dying worker may fail); returns the last answer of each. */
async function parTravailleur(n = 2): Promise<Map<number, Reponse>> {
  const vus = new Map<number, Reponse>();
  for (let i = 0; i < 200 && vus.size < n; i++) {
    const r = await lire().catch(() => null);
    if (r) vus.set(r.pid, r);
    else await new Promise((attente) => setTimeout(attente, 100));
  }
  expect(vus.size).toBe(n);
  return vus;
}

beforeAll(async () => {
  dossier = mkdtempSync(path.join(os.tmpdir(), 'gpe-grappe-'));
  const fichier = path.join(dossier, 'valeur');
  writeFileSync(fichier, 'v1');
  serveur = spawn(process.execPath, ['tests/helpers/grappe-serveur.mjs'], {
    env: { ...process.env, GRAPPE_FICHIER: fichier, GRAPPE_N: '2', PORT: String(await portLibre()), WORKERS: 'true' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  url = await new Promise<string>((resolve, reject) => {
    serveur.on('message', (m: { pret?: string }) => m.pret && resolve(m.pret));
    serveur.once('exit', (c) => reject(new Error(`cluster exited ${c}`)));
  });
});
afterAll(() => {
  if (serveur.exitCode === null) serveur.kill('SIGKILL');
  rmSync(dossier, { recursive: true, force: true });
});

describe('cluster mode', () => {
  it('a write through one worker is seen at once through the other (invalidation relayed by the primary)', async () => {
    const avant = await parTravailleur();
    for (const r of avant.values()) expect(r.valeur).toBe('v1'); // both workers now hold 'v1' in their cache
    const ecrit = await lire('/ecrire?v=v2');
    // The very first answer of the other worker after the write is fresh (its cache kept 'v1' for 60 s otherwise).
    for (let i = 0; i < 50; i++) {
      const r = await lire();
      if (r.pid !== ecrit.pid) {
        expect(r.valeur).toBe('v2');
        break;
      }
      expect(r.valeur).toBe('v2');
    }
    for (const r of (await parTravailleur()).values()) expect(r.valeur).toBe('v2');
  });

  it('only the first worker runs the background jobs', async () => {
    const index = [...(await parTravailleur()).values()].map((r) => [r.index, r.workers]).sort();
    expect(index).toEqual([
      ['0', 'true'],
      ['1', 'false'],
    ]);
  });

  it('a worker that dies is restarted; SIGTERM stops every worker and the primary exits 0', async () => {
    const avant = new Set((await parTravailleur()).keys());
    await lire('/mourir').catch(() => {});
    let apres = new Set<number>();
    for (let i = 0; i < 100; i++) {
      apres = new Set((await parTravailleur().catch(() => new Map<number, Reponse>())).keys());
      if ([...apres].some((p) => !avant.has(p))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect([...apres].filter((p) => !avant.has(p))).toHaveLength(1);
    const pids = [...apres];
    const code = await new Promise<number | null>((resolve) => {
      serveur.once('exit', resolve);
      serveur.kill('SIGTERM');
    });
    expect(code).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
