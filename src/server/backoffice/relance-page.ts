/**
 * The one-click answer page of a follow-up email (src/pages/relance/[jeton].astro):
 * the link only opens it, the POST applies the answer (src/server/backoffice/relances.ts).
 * Astro-independent: the page passes the token, the posted answer (or null on
 * GET) and the answer preselected by the email's link.
 */
import type { Db } from '../db';
import { lireRelance, repondreRelance, type RelanceLue } from './relances';
import { REPONSES, cleMerci, type Reponse } from '../../domain/relance/regles';

type VueRelance = {
  lu: RelanceLue;
  /** 200, 422 (no answer chosen) or 410 (link unknown, expired or used). */
  statut: 200 | 422 | 410;
  /** i18n key of the thanks for the answer given, once applied. */
  merci: string | null;
  erreur: boolean;
  invalide: boolean;
  choisi: string;
  reponses: readonly string[];
};

export async function pageRelance(db: Db, jeton: string, poste: string | null, preselection: string | null, maintenant = new Date()): Promise<VueRelance> {
  const lu = await lireRelance(db, jeton, maintenant);
  const vue: VueRelance = {
    lu,
    statut: 200,
    merci: null,
    erreur: false,
    invalide: !lu.ok,
    choisi: poste ?? preselection ?? '',
    reponses: lu.ok ? REPONSES[lu.type] : [],
  };
  if (poste !== null) {
    const r = await repondreRelance(db, jeton, poste, maintenant);
    if (r.ok) vue.merci = cleMerci(r.reponse as Reponse);
    else if (r.raison === 'choix') vue.erreur = true;
    else vue.invalide = true;
  }
  vue.statut = vue.merci ? 200 : vue.invalide ? 410 : vue.erreur ? 422 : 200;
  return vue;
}
