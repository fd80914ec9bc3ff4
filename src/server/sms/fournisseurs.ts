/**
 * Who delivers SMS: an HTTP gateway (SMS_URL, SMS_TOKEN) or, without one,
 * files under DATA_DIR/sms (listed in the back office, like the email outbox).
 * The HTTP contract is a POST of JSON {to, text, sender} with a bearer token;
 * docs/production.md says which French providers fit and how to adapt.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type MessageSms = { id: string; a: string; texte: string };
export interface FournisseurSms {
  readonly nom: 'http' | 'fichier';
  envoyer(m: MessageSms): Promise<void>;
}

export class FournisseurHttp implements FournisseurSms {
  readonly nom = 'http' as const;
  constructor(
    private url: string,
    private jeton: string | undefined,
    private expediteur: string,
    private delaiMs = 10_000,
  ) {}
  async envoyer(m: MessageSms): Promise<void> {
    const r = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.jeton ? { authorization: `Bearer ${this.jeton}` } : {}), 'idempotency-key': m.id },
      body: JSON.stringify({ to: m.a, text: m.texte, sender: this.expediteur }),
      signal: AbortSignal.timeout(this.delaiMs),
    });
    if (!r.ok) throw new Error(`SMS gateway answered ${r.status}`);
  }
}

export class FournisseurFichier implements FournisseurSms {
  readonly nom = 'fichier' as const;
  constructor(private dossier: string) {}
  async envoyer(m: MessageSms): Promise<void> {
    await mkdir(this.dossier, { recursive: true });
    await writeFile(path.join(this.dossier, `${Date.now()}-${m.id}.json`), JSON.stringify({ to: m.a, text: m.texte }, null, 2));
  }
}

export function creerFournisseurSms(c: { SMS_URL?: string; SMS_TOKEN?: string; SMS_EXPEDITEUR: string; DATA_DIR: string }): FournisseurSms {
  return c.SMS_URL ? new FournisseurHttp(c.SMS_URL, c.SMS_TOKEN, c.SMS_EXPEDITEUR) : new FournisseurFichier(path.join(c.DATA_DIR, 'sms'));
}
