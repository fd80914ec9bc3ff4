// Vite plugin (astro.config.mjs): Astro's `generateCspDigest` remembers its
// results. Every render hashes again the same inlined stylesheets and scripts
// of the page for its CSP header (crypto.subtle, through the thread pool):
// 5–7 % of a demande submission's server CPU (issue 20), for strings that are
// constants of the build. Kept: 512 digests at most (server islands hash
// content that differs per request: the memory is then emptied, not grown).
const MEMO = `
const __gpeDigests = new Map();
async function generateCspDigest(data, algorithm) {
  const cle = algorithm + "\\u0000" + data;
  let d = __gpeDigests.get(cle);
  if (d === undefined) {
    if (__gpeDigests.size >= 512) __gpeDigests.clear();
    d = __gpeCspDigest(data, algorithm);
    __gpeDigests.set(cle, d);
    d.catch(() => __gpeDigests.delete(cle));
  }
  return d;
}
async function __gpeCspDigest(data, algorithm) {`;

export default function empreintesCsp() {
  return {
    name: 'gpe:astro-csp-digest-memo',
    enforce: 'post',
    transform(code, id) {
      if (!/astro[\\/]dist[\\/]core[\\/]encryption\.js$/.test(id.split('?')[0])) return null;
      const signature = 'async function generateCspDigest(data, algorithm) {';
      if (!code.includes(signature)) this.error('astro/dist/core/encryption.js changed: scripts/http/empreintes-csp.mjs must be updated');
      return { code: code.replace(signature, MEMO), map: null };
    },
  };
}
