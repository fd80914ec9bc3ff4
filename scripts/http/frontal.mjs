// Front layer of the Node server (issue 20), before Astro's handler:
// - files of the build's client folder served from memory, with the brotli
//   and gzip copies written at build time (scripts/http/precompression.mjs),
//   `Cache-Control: public, max-age=31536000, immutable` for hashed assets
//   (/_astro/), ETag and 304;
// - public pages and API answers kept by the page cache
//   (src/server/cache/pages.ts, filled by the middleware) answered without
//   entering Astro.
// Anything else (and Range requests) goes to Astro's handler unchanged; other
// methods than GET/HEAD to Astro's app handler, without its static-file lookup.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};
/** Files above this are left to Astro's handler (streamed from disk). */
const TAILLE_MAX_EN_MEMOIRE = 2 * 1024 * 1024;
const IMMUABLE = 'public, max-age=31536000, immutable';

/** Preferred encoding accepted: br, then gzip (q=0 refused), or null. Same rule as src/server/http/compression.ts. */
export function encodageAccepte(accept) {
  if (!accept) return null;
  const ok = new Set();
  for (const partie of String(accept).toLowerCase().split(',')) {
    const [nom, ...params] = partie.split(';').map((x) => x.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (nom && !(q && Number(q.slice(2)) === 0)) ok.add(nom);
  }
  return ok.has('br') ? 'br' : ok.has('gzip') || ok.has('*') ? 'gzip' : null;
}

/** Every servable file of the client folder, read once: URL path → entry. */
export function indexerStatiques(dossier) {
  const index = new Map();
  const parcourir = (rel) => {
    let noms;
    try {
      noms = readdirSync(path.join(dossier, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of noms) {
      const r = path.posix.join(rel, d.name);
      if (d.name.startsWith('.')) continue;
      if (d.isDirectory()) {
        parcourir(r);
        continue;
      }
      if (/\.(br|gz)$/.test(d.name)) continue;
      const type = TYPES[path.extname(d.name).toLowerCase()];
      const fichier = path.join(dossier, r);
      const st = statSync(fichier);
      if (!type || st.size > TAILLE_MAX_EN_MEMOIRE) continue;
      const corps = readFileSync(fichier);
      const lire = (ext) => {
        try {
          return readFileSync(fichier + ext);
        } catch {
          return undefined;
        }
      };
      const urlPath = '/' + r;
      index.set(urlPath, {
        type,
        corps,
        br: lire('.br'),
        gzip: lire('.gz'),
        etag: `"${createHash('sha1').update(corps).digest('base64url')}"`,
        modifie: st.mtime.toUTCString(),
        cacheControl: urlPath.startsWith('/_astro/') ? IMMUABLE : 'public, max-age=0',
      });
    }
  };
  parcourir('');
  return index;
}

function repondre(req, res, statut, entetes, e) {
  const encodage = e.br || e.gzip ? encodageAccepte(req.headers['accept-encoding']) : null;
  const corps = encodage === 'br' && e.br ? e.br : encodage && e.gzip ? e.gzip : e.corps;
  const enc = corps === e.br ? 'br' : corps === e.gzip ? 'gzip' : null;
  const etag = enc ? `W/${e.etag}` : e.etag;
  entetes.ETag = etag;
  if (e.br || e.gzip) entetes.Vary = 'Accept-Encoding';
  const siPas = req.headers['if-none-match'];
  if (
    siPas &&
    siPas.split(',').some((x) => {
      const v = x.trim();
      return v === etag || v === e.etag || v === `W/${e.etag}` || v === '*';
    })
  ) {
    res.writeHead(304, entetes);
    res.end();
    return;
  }
  if (enc) entetes['Content-Encoding'] = enc;
  entetes['Content-Length'] = corps.length;
  res.writeHead(statut, entetes);
  res.end(req.method === 'HEAD' ? undefined : corps);
}

/**
 * A request listener: static files and cached pages from memory, the rest to
 * `handler` (Astro's standalone handler); methods other than GET and HEAD to
 * `appHandler` (Astro's, without the static-file step, scripts/http/gestionnaire-app.mjs)
 * when the build exports it. `clientDir` is the build's client folder.
 */
export function frontal(clientDir, handler, appHandler) {
  const statiques = indexerStatiques(clientDir);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // Not a file: straight to Astro's app handler (no static-file lookup on disk), with the
      // standalone handler's malformed-URL check.
      if (!appHandler) return handler(req, res);
      try {
        decodeURI(req.url);
      } catch {
        res.writeHead(400);
        res.end('Bad request.');
        return;
      }
      return appHandler(req, res);
    }
    if (req.headers.range) return handler(req, res);
    const q = req.url.indexOf('?');
    let chemin = q < 0 ? req.url : req.url.slice(0, q);
    try {
      chemin = decodeURI(chemin);
    } catch {
      return handler(req, res);
    }
    const s = statiques.get(chemin);
    if (s) return repondre(req, res, 200, { 'Content-Type': s.type, 'Cache-Control': s.cacheControl, 'Last-Modified': s.modifie, 'Accept-Ranges': 'bytes' }, s);
    // Pages by path; public API answers by path and query (src/server/cache/pages.ts).
    const page = globalThis[Symbol.for('gpe.cache.pages')]?.lire(q < 0 ? chemin : req.url, req.headers.cookie);
    if (page) {
      page.objetEntetes ??= Object.fromEntries(page.entetes);
      return repondre(req, res, page.statut, { ...page.objetEntetes }, page);
    }
    return handler(req, res);
  };
}
