import { ping, type Db } from './db';

/** What GET /healthz answers: 200 when the database answers, 503 otherwise. */
export async function etatDeSante(db: Db, kind: 'pglite' | 'postgres'): Promise<{ statut: 200 | 503; corps: string }> {
  const ok = await ping(db);
  return { statut: ok ? 200 : 503, corps: JSON.stringify({ status: ok ? 'ok' : 'degraded', database: ok ? 'up' : 'down', kind }) };
}
