import { addDays } from 'date-fns';
import { jourLong } from '../../domain/temps';
import { isLang, localePath, traduire, type Lang } from '../../i18n';
import { delaiPremierContact } from '../../domain/demande/suivi';
import { mettreEnFile, type Courriel } from '../mail/outbox';
import { miseEnPage, type BlocCourriel } from '../mail/gabarits';
import type { DbOrTx } from '../db';

export function lienSuivi(publicUrl: string, lang: string, jeton: string): string {
  return `${publicUrl}${localePath(isLang(lang) ? lang : 'fr', `/suivi/${jeton}`)}`;
}

/** Long date in the family's language ('mercredi 1er avril 2026'). */
export function dateLongue(d: Date, lang: Lang): string {
  return jourLong(d, lang);
}

type RelaisContact = { nom: string; telephone: string | null; email: string | null; delaiPremierContactJours: number };

/** The confirmation email of a new demande (rendered before any write: it only needs the reference and the relais). */
export function courrielConfirmation(o: {
  demandeId: string;
  reference: string;
  email: string;
  langue: string;
  jeton: string;
  publicUrl: string;
  relais: RelaisContact | null;
  urgence: boolean;
  creeLe: Date;
  prenom: string;
}): Courriel {
  const lang: Lang = isLang(o.langue) ? o.langue : 'fr';
  const t = (cle: string, p?: Record<string, string | number>) => traduire(lang, cle, p);
  const blocs: BlocCourriel[] = [];
  if (o.relais) {
    const jours = delaiPremierContact(o.urgence, o.relais.delaiPremierContactJours);
    blocs.push({ type: 'paragraphe', texte: t('courriel.confirmation.recue', { reference: o.reference }) });
    blocs.push({
      type: 'encadre',
      texte: t('courriel.confirmation.prochaine', { relais: o.relais.nom, date: dateLongue(addDays(o.creeLe, jours), lang), jours }),
    });
    const contact = [o.relais.telephone, o.relais.email].filter(Boolean).join(' · ');
    if (contact) blocs.push({ type: 'paragraphe', texte: t('courriel.confirmation.contactRelais', { relais: o.relais.nom, contact }) });
  } else {
    blocs.push({ type: 'paragraphe', texte: t('courriel.confirmation.horsTerritoire', { reference: o.reference }) });
    blocs.push({ type: 'liste', elements: [t('courriel.confirmation.horsTerritoireMairie'), t('courriel.confirmation.horsTerritoireCaf')] });
  }
  blocs.push({ type: 'titre', texte: t('courriel.confirmation.suiviTitre') });
  blocs.push({ type: 'paragraphe', texte: t('courriel.confirmation.suiviTexte') });
  blocs.push({ type: 'lien', texte: t('courriel.confirmation.suiviLien'), url: lienSuivi(o.publicUrl, lang, o.jeton) });
  blocs.push({ type: 'paragraphe', texte: t('courriel.confirmation.garderLien') });
  const titre = t('courriel.confirmation.sujet', { reference: o.reference });
  const { texte, html } = miseEnPage({ lang, titre, salutation: t('courriel.commun.bonjour', { prenom: o.prenom }), blocs });
  return {
    destinataire: o.email,
    sujet: titre,
    texte,
    html,
    type: 'demande-confirmation',
    langue: lang,
    objetType: 'demande',
    objetId: o.demandeId,
  };
}

/** A new private link (the lost-link form). */
export async function mettreEnFileLien(
  tx: DbOrTx,
  o: { demandeId: string; reference: string; email: string; langue: string; jeton: string; publicUrl: string },
): Promise<void> {
  const lang: Lang = isLang(o.langue) ? o.langue : 'fr';
  const t = (cle: string, p?: Record<string, string | number>) => traduire(lang, cle, p);
  const titre = t('courriel.lien.sujet', { reference: o.reference });
  const { texte, html } = miseEnPage({
    lang,
    titre,
    blocs: [
      { type: 'paragraphe', texte: t('courriel.lien.texte', { reference: o.reference }) },
      { type: 'lien', texte: t('courriel.confirmation.suiviLien'), url: lienSuivi(o.publicUrl, lang, o.jeton) },
      { type: 'paragraphe', texte: t('courriel.lien.ancien') },
      { type: 'paragraphe', texte: t('courriel.lien.pasVous') },
    ],
  });
  await mettreEnFile(tx, { destinataire: o.email, sujet: titre, texte, html, type: 'demande-lien', langue: lang, objetType: 'demande', objetId: o.demandeId });
}
