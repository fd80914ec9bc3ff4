import pino from 'pino';

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { app: 'guichet-petite-enfance' },
  redact: ['req.headers.cookie', 'email', 'telephone', 'motDePasse'],
});
