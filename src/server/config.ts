import { z } from 'zod';
import { lireTrustProxy } from './http/proxy';
import { configurerFuseau, FUSEAU_PAR_DEFAUT, fuseauValide } from '../domain/temps';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', 'oui', 'non']).transform((v) => ['true', '1', 'yes', 'oui'].includes(v));

const TERRITOIRES = ['ca-bethune-bruay', 'cc-vie-et-boulogne', 'cc-tonnerrois-en-bourgogne'] as const;

/**
 * Every environment variable the portal reads, parsed once at start.
 * The README lists the same variables; keep both in step.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  /** Proxies allowed to set X-Forwarded-For/-Proto/-Host: a hop count, or addresses/CIDRs/`loopback`/`private`, comma separated. */
  TRUST_PROXY: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        lireTrustProxy(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message.replace(/^TRUST_PROXY: /, '') });
      }
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  /** Public base URL used in emails and embed snippets. Defaults to http://HOST:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** postgres://… to use PostgreSQL; unset = embedded PGlite under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Prepared statements on PostgreSQL (src/server/db.ts); false for a pooler that cannot keep them. */
  DATABASE_PREPARE: bool.default(true),
  DATA_DIR: z.string().min(1).default('./data'),
  /** smtp://user:pass@host:port or smtps://…; unset = write .eml files to DATA_DIR/outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Connection and greeting timeout of the SMTP server (the socket timeout is twice this). */
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  /** HTTP SMS gateway (POST JSON {to, text, sender}); unset = SMS written to DATA_DIR/sms. See docs/production.md. */
  SMS_URL: z.url().optional(),
  SMS_TOKEN: z.string().optional(),
  SMS_EXPEDITEUR: z.string().max(11).default('RPE'),
  /** Room pattern of video RDVs, with {salle} (e.g. https://meet.jit.si/{salle}); unset = the relais sends the link itself. */
  VISIO_URL_TEMPLATE: z
    .url()
    .refine((v) => v.includes('{salle}') || v.includes('%7Bsalle%7D'), 'must contain {salle}')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Guichet Petite Enfance <ne-pas-repondre@guichet-petite-enfance.localhost>'),
  /** Secret for signing tokens and cookies; required in production (32+ chars). */
  SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TERRITOIRE: z.enum(TERRITOIRES).default('ca-bethune-bruay'),
  /** Seed the demo territory on first start (default: yes unless NODE_ENV=production). */
  SEED_DEMO: bool.optional(),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('petite-enfance-demo'),
  SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Run the background workers (mail outbox, scheduled jobs) in this instance. */
  WORKERS: bool.default(true),
  MAP_TILE_URL: z.string().optional(),
  MAP_TILE_ATTRIBUTION: z.string().default(''),
  /** Origins allowed to frame /embed/* (CSP frame-ancestors), space separated; '*' = any. */
  EMBED_FRAME_ANCESTORS: z.string().default('*'),
  DISPO_FRAICHEUR_JOURS: z.coerce.number().int().min(1).default(60),
  RETENTION_MOIS: z.coerce.number().int().min(1).default(24),
  /** Sent emails (and their .eml copies) are deleted after this many months. */
  COURRIELS_RETENTION_MOIS: z.coerce.number().int().min(1).max(120).default(3),
  SUIVI_DELAI_MOIS: z.coerce.number().int().min(1).max(12).default(3),
  RDV_ANNULATION_HEURES: z.coerce.number().min(0).default(4),
  /** IANA time zone of the territory: every calendar day and RDV time is read there. */
  TZ_PORTAIL: z.string().refine(fuseauValide, 'unknown time zone').default(FUSEAU_PAR_DEFAUT),
  /** How often the mail worker looks for emails to send. */
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
});

export type Config = z.infer<typeof configSchema> & {
  publicUrl: string;
  seedDemo: boolean;
  production: boolean;
};

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" (common in .env files and CI).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment variable(s):\n${lines.join('\n')}`);
  }
  const c = result.data;
  const production = c.NODE_ENV === 'production';
  if (production && !c.SECRET) throw new ConfigError('Invalid environment variable(s):\n  SECRET: required when NODE_ENV=production');
  if (production && c.PUBLIC_URL?.startsWith('https:') && !c.TRUST_PROXY) {
    throw new ConfigError(
      'Invalid environment variable(s):\n  TRUST_PROXY: required when PUBLIC_URL is https:// in production (the portal serves plain HTTP behind the proxy that terminates TLS; see docs/production.md)',
    );
  }
  return {
    ...c,
    production,
    seedDemo: c.SEED_DEMO ?? !production,
    publicUrl: (c.PUBLIC_URL ?? `http://${c.HOST}:${c.PORT}`).replace(/\/$/, ''),
  };
}

let cached: Config | undefined;
export function config(): Config {
  if (!cached) {
    cached = parseConfig();
    configurerFuseau(cached.TZ_PORTAIL);
  }
  return cached;
}
