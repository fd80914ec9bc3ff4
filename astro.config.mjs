// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import precompression from './scripts/http/precompression.mjs';
import gestionnaireApp from './scripts/http/gestionnaire-app.mjs';
import empreintesCsp from './scripts/http/empreintes-csp.mjs';

export default defineConfig({
  output: 'server',
  // scripts/server.mjs enforces 1 MB / 5 MB per route first (src/server/http/entrees.ts); this is the backstop.
  adapter: node({ mode: 'standalone', bodySizeLimit: 6 * 1024 * 1024 }),
  integrations: [preact(), precompression()],
  // Builds for tests can go elsewhere so that parallel runs do not clobber dist/.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  server: { host: process.env.HOST ?? 'localhost', port: Number(process.env.PORT ?? 4321) },
  // csp: Astro hashes every script and style it emits (islands, inlined stylesheets) into a
  // per-page header; src/middleware.ts adds the other directives. No 'unsafe-inline'.
  security: { checkOrigin: true, csp: { algorithm: 'SHA-256' } },
  build: { inlineStylesheets: 'always' },
  vite: {
    // The server entry also exports Astro's handler without the static-file lookup (scripts/http/frontal.mjs);
    // CSP digests of the same inlined styles and scripts are computed once, not on every render.
    plugins: [gestionnaireApp(), empreintesCsp()],
    ssr: { external: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'pino', 'nodemailer'] },
  },
});
