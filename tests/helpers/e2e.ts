import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { simpleParser, type ParsedMail } from 'mailparser';

/** Zero axe violations against WCAG 2.2 A/AA rules. */
export async function verifierAccessibilite(page: Page, contexte = ''): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const lisible = r.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join('\n  ')}`,
  );
  expect(lisible, `axe violations ${contexte} on ${page.url()}`).toEqual([]);
}

/** Waits for an email captured by the test SMTP server. */
export async function attendreCourriel(o: { a: string; sujet?: RegExp; apres?: number; delai?: number }): Promise<ParsedMail> {
  const dir = process.env.E2E_MAIL_DIR!;
  const fin = Date.now() + (o.delai ?? 15_000);
  while (Date.now() < fin) {
    const fichiers = readdirSync(dir).sort().reverse();
    for (const f of fichiers) {
      if (o.apres && Number(f.split('-')[0]) < o.apres) continue;
      const m = await simpleParser(readFileSync(path.join(dir, f)));
      const to = Array.isArray(m.to) ? m.to.map((x) => x.text).join(',') : (m.to?.text ?? '');
      if (to.toLowerCase().includes(o.a.toLowerCase()) && (!o.sujet || o.sujet.test(m.subject ?? ''))) return m;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${o.a} matching ${o.sujet ?? 'any subject'}`);
}

export async function connexionStaff(page: Page, email: string): Promise<void> {
  await page.goto('/admin/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(process.env.E2E_DEMO_PASSWORD!);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).not.toHaveURL(/connexion/);
}

/** Records every CSP violation of the page and its frames, and console errors mentioning the policy. */
export async function surveillerCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__violationCsp', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __violationCsp: (v: string) => void }).__violationCsp(`${e.violatedDirective} ${e.blockedURI} ${location.pathname} ${e.sample}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}
