// The edge of the portal, before Astro sees a request: body size limits with a
// readable 413 page, NUL bytes removed from the URL and from url-encoded
// forms. Self-contained so that scripts/server.mjs can import it directly.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Every form and API body. */
export const LIMITE_FORMULAIRE = 1024 * 1024;
/** File uploads of the back office (CSV of assistants maternels, GeoJSON of communes). */
export const LIMITE_IMPORT = 5 * 1024 * 1024;

export function limitePour(chemin: string, typeContenu: string): number {
  return chemin.startsWith('/admin/') && typeContenu.toLowerCase().startsWith('multipart/form-data') ? LIMITE_IMPORT : LIMITE_FORMULAIRE;
}

const MESSAGES: Record<number, [string, string]> = {
  400: ['Requête illisible', 'Le formulaire envoyé n’a pas pu être lu. Revenez à la page précédente et réessayez.'],
  413: [
    'Envoi trop volumineux',
    'Ce que vous avez envoyé dépasse la taille acceptée : 1 Mo pour un formulaire, 5 Mo pour un fichier importé. Revenez à la page précédente et réessayez avec moins de texte ou un fichier plus petit.',
  ],
  500: ['Erreur du portail', 'Le portail n’a pas pu traiter votre demande. Rien n’a été perdu de ce qui était déjà enregistré. Réessayez dans un instant.'],
  415: ['Format non accepté', 'Ce formulaire attend les données d’un formulaire web. Revenez à la page précédente et réessayez.'],
};

const STYLE_ERREUR = 'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}';
/** The CSP of these pages: no script at all, their one stylesheet by its hash (no 'unsafe-inline'). */
export const CSP_PAGE_ERREUR = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE_ERREUR).digest('base64')}'`;

/** A small self-contained HTML page (no script, no external resource). */
export function pageErreurSimple(statut: number): string {
  const [titre, texte] = MESSAGES[statut] ?? MESSAGES[400]!;
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${titre} – Guichet Petite Enfance</title>` +
    `<style>${STYLE_ERREUR}</style></head>` +
    `<body><main><h1>${titre}</h1><p>${texte}</p><p><a href="/">Accueil du portail</a></p></main></body></html>`
  );
}

function repondreErreur(res: ServerResponse, statut: number): void {
  const corps = pageErreurSimple(statut);
  res.writeHead(statut, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(corps),
    'cache-control': 'no-store',
    'content-security-policy': CSP_PAGE_ERREUR,
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.end(corps);
}

/** NUL bytes (raw or %00) out of the path and query string. */
export function nettoyerUrl(url: string): string {
  return url.includes('\0') || /%00/i.test(url) ? url.replace(/\0|%00/gi, '') : url;
}

/** NUL bytes out of an url-encoded body; invalid UTF-8 becomes U+FFFD. */
export function nettoyerFormulaire(corps: Buffer): Buffer {
  const texte = corps.toString('utf8');
  // eslint-disable-next-line no-control-regex -- NUL and non-ASCII bytes are what this looks for
  if (!/%00|\0|%[89a-f][0-9a-f]|[^\x00-\x7f]/i.test(texte)) return corps;
  const p = new URLSearchParams(texte);
  const propre = new URLSearchParams();
  for (const [k, v] of p) propre.append(k.replace(/\0/g, ''), v.replace(/\0/g, ''));
  return Buffer.from(propre.toString(), 'utf8');
}

function lireCorps(req: IncomingMessage, limite: number): Promise<Buffer | 'trop-gros' | 'coupe'> {
  return new Promise((resolve) => {
    const morceaux: Buffer[] = [];
    let recu = 0;
    let fini = false;
    const finir = (r: Buffer | 'trop-gros' | 'coupe') => {
      if (!fini) {
        fini = true;
        resolve(r);
      }
    };
    req.on('data', (c: Buffer) => {
      recu += c.length;
      if (recu > limite) {
        req.pause();
        finir('trop-gros');
        return;
      }
      morceaux.push(c);
    });
    req.on('end', () => finir(Buffer.concat(morceaux)));
    req.on('error', () => finir('coupe'));
    req.on('aborted', () => finir('coupe'));
  });
}

/**
 * Reads and checks the body of a POST/PUT/PATCH/DELETE. Returns false when it
 * has already answered (413, or the client went away). On success the body is
 * left in `req.body`, which Astro's Node adapter reads instead of the stream.
 */
export async function preparerEntree(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.url) req.url = nettoyerUrl(req.url);
  const methode = req.method ?? 'GET';
  if (methode === 'GET' || methode === 'HEAD' || methode === 'OPTIONS') return true;
  const type = String(req.headers['content-type'] ?? '');
  const chemin = (req.url ?? '/').split('?')[0]!;
  const limite = limitePour(chemin, type);
  const annonce = Number(req.headers['content-length'] ?? 0);
  if (annonce > limite) {
    // Up to 16 MB, let the client finish sending so that it reads the page instead of a broken pipe; beyond, cut.
    if (annonce <= 16 * 1024 * 1024) {
      req.on('end', () => repondreErreur(res, 413));
      req.resume();
    } else {
      repondreErreur(res, 413);
      req.resume();
    }
    return false;
  }
  const corps = await lireCorps(req, limite);
  if (corps === 'coupe') return false;
  if (corps === 'trop-gros') {
    repondreErreur(res, 413);
    req.resume();
    return false;
  }
  const propre = type.toLowerCase().startsWith('application/x-www-form-urlencoded') ? nettoyerFormulaire(corps) : corps;
  (req as IncomingMessage & { body?: Buffer }).body = propre;
  if (propre !== corps || req.headers['transfer-encoding']) {
    delete req.headers['transfer-encoding'];
    req.headers['content-length'] = String(propre.length);
  }
  return true;
}
