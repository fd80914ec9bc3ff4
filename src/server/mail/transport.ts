import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config';

export type MessageSortant = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: { filename: string; contentType: string; content: string }[] | null;
  headers?: Record<string, string>;
};
export interface Transport {
  envoyer(m: MessageSortant): Promise<{ messageId: string }>;
}

/** SMTP when SMTP_URL is set; otherwise each message becomes DATA_DIR/outbox/<time>-<id>.eml. */
export function creerTransport(c: Pick<Config, 'SMTP_URL' | 'DATA_DIR'> & { SMTP_TIMEOUT_MS?: number }): Transport {
  if (c.SMTP_URL) {
    // A server that accepts and never answers must fail the send, not hang the worker.
    const ms = c.SMTP_TIMEOUT_MS ?? 10_000;
    const t = nodemailer.createTransport({ url: c.SMTP_URL, connectionTimeout: ms, greetingTimeout: ms, socketTimeout: 2 * ms, dnsTimeout: ms } as Parameters<
      typeof nodemailer.createTransport
    >[0]);
    return {
      async envoyer(m) {
        const info = await t.sendMail({ ...m, html: m.html ?? undefined, attachments: m.attachments ?? undefined });
        return { messageId: info.messageId };
      },
    };
  }
  const dossier = path.join(c.DATA_DIR, 'outbox');
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async envoyer(m) {
      const info = await t.sendMail({ ...m, html: m.html ?? undefined, attachments: m.attachments ?? undefined });
      mkdirSync(dossier, { recursive: true });
      const nom = `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 24)}.eml`;
      writeFileSync(path.join(dossier, nom), info.message as Buffer);
      return { messageId: info.messageId };
    },
  };
}
