// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [preact()],
  // Builds for tests can go elsewhere so that parallel runs do not clobber dist/.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  server: { host: process.env.HOST ?? 'localhost', port: Number(process.env.PORT ?? 4321) },
  security: { checkOrigin: true },
  build: { inlineStylesheets: 'always' },
  vite: {
    ssr: { external: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'pino', 'nodemailer'] },
  },
});
