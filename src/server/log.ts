import pino from 'pino';
import { erreurSansDonnees } from './redaction';

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { app: 'guichet-petite-enfance' },
  redact: ['req.headers.cookie', 'email', 'telephone', 'motDePasse', '*.email', '*.telephone', 'destinataire', 'nom', 'prenom'],
  // Errors of the database quote the values of the query: never log them.
  serializers: { err: erreurSansDonnees, error: erreurSansDonnees },
});
