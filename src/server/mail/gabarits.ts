/**
 * The one email layout of the portal: a plain-text part and a simple,
 * accessible HTML part (lang/dir set, real headings and paragraphs, a visible
 * link text, no images, no layout tables). Every area builds its emails here.
 */
import { LANG_INFO, traduire, type Lang } from '../../i18n';

export type BlocCourriel =
  | { type: 'paragraphe'; texte: string }
  | { type: 'titre'; texte: string }
  | { type: 'liste'; elements: string[] }
  | { type: 'lien'; texte: string; url: string }
  | { type: 'encadre'; texte: string };

type ContenuCourriel = {
  lang: Lang;
  /** Shown as the first heading and used as the HTML title. */
  titre: string;
  salutation?: string;
  blocs: BlocCourriel[];
  /** Replaces the default footer (automatic message, do not reply). */
  pied?: string;
};

function echapperHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Builds the text and HTML bodies of an email in language `lang`. */
export function miseEnPage(c: ContenuCourriel): { texte: string; html: string } {
  const info = LANG_INFO[c.lang];
  const pied = c.pied ?? traduire(c.lang, 'courriel.commun.pied');
  const signature = traduire(c.lang, 'courriel.commun.signature');
  const texte: string[] = [c.titre, '='.repeat(Math.min(60, c.titre.length)), ''];
  const html: string[] = [];
  if (c.salutation) {
    texte.push(c.salutation, '');
    html.push(`<p>${echapperHtml(c.salutation)}</p>`);
  }
  for (const b of c.blocs) {
    switch (b.type) {
      case 'paragraphe':
        texte.push(b.texte, '');
        html.push(`<p>${echapperHtml(b.texte)}</p>`);
        break;
      case 'titre':
        texte.push(b.texte.toUpperCase(), '');
        html.push(`<h2 style="font-size:1.15em;color:#1f4d47;margin:1.2em 0 0.4em">${echapperHtml(b.texte)}</h2>`);
        break;
      case 'liste':
        texte.push(...b.elements.map((x) => `- ${x}`), '');
        html.push(`<ul>${b.elements.map((x) => `<li>${echapperHtml(x)}</li>`).join('')}</ul>`);
        break;
      case 'lien':
        texte.push(`${b.texte} :`, b.url, '');
        html.push(
          `<p><a href="${echapperHtml(b.url)}" style="display:inline-block;padding:0.6em 1.1em;background:#1f4d47;color:#ffffff;border-radius:1.5em;font-weight:bold;text-decoration:underline">${echapperHtml(b.texte)}</a></p><p style="font-size:0.9em;color:#4a5350;word-break:break-all">${echapperHtml(b.url)}</p>`,
        );
        break;
      case 'encadre':
        texte.push(`> ${b.texte}`, '');
        html.push(`<p style="border-inline-start:6px solid #f2b33d;background:#fdf0d2;padding:0.8em 1em">${echapperHtml(b.texte)}</p>`);
        break;
    }
  }
  texte.push(signature, '', '--', pied);
  const corps = `<!doctype html>
<html lang="${info.htmlLang}" dir="${info.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${echapperHtml(c.titre)}</title></head>
<body style="margin:0;padding:1em;background:#fdf8f0;color:#1d2321;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic',Tahoma,sans-serif;font-size:16px;line-height:1.55">
<div style="max-width:40em;margin:0 auto;background:#ffffff;border:1px solid #c9c2b5;border-radius:0.6em;padding:1.2em" dir="${info.dir}">
<h1 style="font-size:1.4em;color:#1f4d47;margin:0 0 0.8em">${echapperHtml(c.titre)}</h1>
${html.join('\n')}
<p>${echapperHtml(signature)}</p>
<hr style="border:none;border-top:1px solid #c9c2b5">
<p style="font-size:0.9em;color:#4a5350">${echapperHtml(pied)}</p>
</div>
</body>
</html>`;
  return { texte: texte.join('\n'), html: corps };
}
