/**
 * GET /embed.js: the one <script> a commune pastes. It inserts an iframe on
 * /embed/carte with its data-* attributes and resizes it when the frame
 * reports its height (messages accepted from the portal's origin only).
 */
import type { APIRoute } from 'astro';
import { LANGS } from '../i18n';
import { traduire } from '../i18n';

export const GET: APIRoute = () => {
  const titres = Object.fromEntries(LANGS.map((l) => [l, traduire(l, 'carte.embed.iframe')]));
  const js = `/* Guichet Petite Enfance — carte intégrable */
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origine = new URL(script.src, document.baseURI).origin;
  var d = script.dataset;
  var titres = ${JSON.stringify(titres)};
  var q = new URLSearchParams();
  if (d.commune) q.set('commune', d.commune);
  if (d.lang) q.set('lang', d.lang);
  if (d.type) q.set('type', d.type);
  var iframe = document.createElement('iframe');
  iframe.src = origine + '/embed/carte?' + q.toString();
  iframe.title = d.titre || titres[d.lang] || titres.fr;
  iframe.setAttribute('scrolling', 'no');
  iframe.style.cssText = 'display:block;width:100%;height:600px;border:0;overflow:hidden';
  iframe.className = 'gpe-carte';
  script.parentNode.insertBefore(iframe, script.nextSibling);
  window.addEventListener('message', function (e) {
    if (e.origin !== origine || e.source !== iframe.contentWindow) return;
    var m = e.data;
    if (!m || m.type !== 'gpe-carte:hauteur' || typeof m.hauteur !== 'number' || !isFinite(m.hauteur)) return;
    iframe.style.height = Math.max(150, Math.min(Math.round(m.hauteur), 20000)) + 'px';
  });
})();
`;
  return new Response(js, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      'Access-Control-Allow-Origin': '*',
    },
  });
};
