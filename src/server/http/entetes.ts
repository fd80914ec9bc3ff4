// Response headers that depend on how the client reached us (after TRUST_PROXY).

/** One year, with subdomains left alone: a commune may run other sites on its domain. */
export const HSTS = 'max-age=31536000';

/** HSTS only over HTTPS (browsers ignore it over HTTP, and it must never pin a plain-HTTP dev host). */
export function entetesTransport(res: Response, url: URL): void {
  if (url.protocol === 'https:') res.headers.set('Strict-Transport-Security', HSTS);
}

export { entetesJetonPrive } from './garde';
