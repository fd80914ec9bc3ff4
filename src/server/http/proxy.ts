// TRUST_PROXY: which peers may tell us the client's address, protocol and host
// through X-Forwarded-*. Self-contained (only node:net) so that
// scripts/server.mjs can import it directly with Node's type stripping.
import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** `null`: no proxy trusted (X-Forwarded-* ignored and removed). */
type ConfianceProxy = null | { sauts: number } | { reseaux: BlockList };

const MOTS: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * `TRUST_PROXY` values: unset, `false` or `0` (no proxy); a number N of proxy
 * hops in front of the portal; or a comma-separated list of addresses, CIDRs
 * and the words `loopback` and `private`. Throws with a readable message.
 */
export function lireTrustProxy(v: string | undefined): ConfianceProxy {
  const s = (v ?? '').trim();
  if (!s || s === 'false' || s === '0') return null;
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    if (n > 10) throw new Error('TRUST_PROXY: a hop count must be between 0 and 10');
    return { sauts: n };
  }
  const reseaux = new BlockList();
  for (const brut of s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    for (const item of MOTS[brut] ?? [brut]) {
      const [adresse, prefixe] = item.split('/');
      const type = isIP(adresse ?? '');
      if (!type) throw new Error(`TRUST_PROXY: "${brut}" is neither a hop count, an address, a CIDR, "loopback" nor "private"`);
      const famille = type === 6 ? 'ipv6' : 'ipv4';
      if (prefixe === undefined) {
        reseaux.addAddress(adresse!, famille);
        continue;
      }
      const p = Number(prefixe);
      if (!/^\d+$/.test(prefixe) || p > (type === 6 ? 128 : 32)) throw new Error(`TRUST_PROXY: bad prefix in "${brut}"`);
      reseaux.addSubnet(adresse!, p, famille);
    }
  }
  return { reseaux };
}

function normaliser(a: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return m ? m[1]! : a;
}

function estDeConfiance(confiance: NonNullable<ConfianceProxy>, adresse: string, rang: number): boolean {
  if ('sauts' in confiance) return rang < confiance.sauts;
  const a = normaliser(adresse);
  const type = isIP(a);
  return type !== 0 && confiance.reseaux.check(a, type === 6 ? 'ipv6' : 'ipv4');
}

function valeurs(h: string | string[] | undefined): string[] {
  const s = Array.isArray(h) ? h.join(',') : (h ?? '');
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

type VueClient = { adresse: string; protocole: 'http' | 'https' | null; hote: string | null };

/**
 * What the request says about its client, given the TCP peer. Walks the
 * X-Forwarded-For chain from the nearest hop and stops at the first address
 * that is not trusted. Protocol and host come from the nearest proxy only.
 */
export function resoudreClient(pair: string, entetes: Record<string, string | string[] | undefined>, confiance: ConfianceProxy): VueClient {
  const pairNet = normaliser(pair);
  if (!confiance || !estDeConfiance(confiance, pairNet, 0)) return { adresse: pairNet, protocole: null, hote: null };
  const chaine = [pairNet, ...valeurs(entetes['x-forwarded-for']).reverse().map(normaliser)];
  let i = 0;
  while (i < chaine.length - 1 && estDeConfiance(confiance, chaine[i]!, i)) i++;
  const adresse = isIP(chaine[i]!) ? chaine[i]! : pairNet;
  const proto = valeurs(entetes['x-forwarded-proto']).at(-1)?.toLowerCase();
  const hote = valeurs(entetes['x-forwarded-host']).at(-1);
  return {
    adresse,
    protocole: proto === 'https' || proto === 'http' ? proto : null,
    hote: hote && /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(hote) ? hote : null,
  };
}

const pairsReels = new WeakMap<object, string>();

/**
 * Rewrites a Node request before Astro turns it into a Request: Host, socket
 * address and "encrypted" flag reflect the client as told by a trusted proxy,
 * and the X-Forwarded-* headers are removed so nothing downstream trusts them.
 * Must run synchronously right before the Astro handler (keep-alive sockets
 * carry several requests).
 */
export function appliquerProxy(req: IncomingMessage, confiance: ConfianceProxy): VueClient {
  const socket = req.socket as unknown as Record<string, unknown> & object;
  let pair = pairsReels.get(socket);
  if (pair === undefined) {
    pair = String(req.socket.remoteAddress ?? '');
    pairsReels.set(socket, pair);
  }
  const vue = resoudreClient(pair, req.headers, confiance);
  for (const h of ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded']) delete req.headers[h];
  if (vue.hote) req.headers.host = vue.hote;
  Object.defineProperty(socket, 'remoteAddress', { value: vue.adresse, configurable: true, writable: true });
  Object.defineProperty(socket, 'encrypted', { value: vue.protocole === 'https', configurable: true, writable: true });
  return vue;
}
