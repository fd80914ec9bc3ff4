/** RDV emails (confirmation, move, reminder, cancellation) with their .ics, in the family's language. */
import { isLang, localePath, traduire, type Lang } from '../../i18n';
import { mettreEnFile } from '../mail/outbox';
import { miseEnPage, type BlocCourriel } from '../mail/gabarits';
import type { DbOrTx } from '../db';
import { courtSms, heure, jourLong } from '../../domain/rdv/format';
import { fichierIcs, pieceJointeIcs } from './ics';
import { langueRdv, type ContexteRdv } from './contexte';
import { config } from '../config';
import { lienVisio } from './visio';

type TypeCourrielRdv = 'confirmation' | 'deplacement' | 'rappel' | 'annulation';

const MOTIFS_TRADUITS = new Set(['premier-rdv', 'employer-am', 'pro-am']);

/** The motif's name in the reader's language when the motif has a known key. */
export function libelleMotif(lang: Lang, m: { nom: string; cle: string | null }): string {
  return m.cle && MOTIFS_TRADUITS.has(m.cle) ? traduire(lang, `rdv.motifs.${m.cle}.nom`) : m.nom;
}

function lienGestion(publicUrl: string, lang: string, jeton: string): string {
  return `${publicUrl}${localePath(isLang(lang) ? lang : 'fr', `/rdv/gerer/${jeton}`)}`;
}

/** One line of address: 'Antenne communautaire de Lillers, 7 rue de la Haye, 62190 Lillers'. */
export function adresseLieu(l: { nom: string; adresse: string; codePostal: string } | null, communeNom: string | null): string | null {
  if (!l) return null;
  return `${l.nom}, ${l.adresse}, ${l.codePostal} ${communeNom ?? ''}`.trim();
}

/** The reminder text for an SMS gateway (ASCII-friendly, short). */
export function texteSms(ctx: ContexteRdv, jeton: string, publicUrl: string): string {
  const l = langueRdv(ctx);
  const lang: Lang = isLang(l) ? l : 'fr';
  const t = (c: string, p?: Record<string, string | number>) => traduire(lang, c, p);
  const [jour, h] = courtSms(ctx.rdv.debut).split(' ');
  const ou = ctx.rdv.mode === 'sur-place' ? (ctx.lieu?.nom ?? '') : t(ctx.rdv.mode === 'telephone' ? 'rdv.courriel.smsTelephone' : 'rdv.courriel.smsVisio');
  return t('rdv.courriel.sms', { jour: jour!, heure: h!, ou, lien: lienGestion(publicUrl, lang, jeton) });
}

export async function mettreEnFileCourrielRdv(tx: DbOrTx, ctx: ContexteRdv, type: TypeCourrielRdv, jeton: string, publicUrl: string): Promise<void> {
  const { rdv, motif, relais, lieu, communeNom } = ctx;
  if (!rdv.email) return;
  const l = langueRdv(ctx);
  const lang: Lang = isLang(l) ? l : 'fr';
  const t = (c: string, p?: Record<string, string | number>) => traduire(lang, c, p);
  const jour = jourLong(rdv.debut, lang);
  const h = heure(rdv.debut, lang);
  const duree = t('rdv.duree', { minutes: Math.round((rdv.fin.getTime() - rdv.debut.getTime()) / 60000) });
  const nomMotif = libelleMotif(lang, motif);
  const adresse = adresseLieu(lieu, communeNom);
  const heures = config().RDV_ANNULATION_HEURES;
  const visio = lienVisio(config().VISIO_URL_TEMPLATE, rdv, jeton);
  const blocs: BlocCourriel[] = [
    { type: 'paragraphe', texte: t(`rdv.courriel.${type}`, { relais: relais.nom }) },
    { type: 'encadre', texte: t('rdv.courriel.quand', { jour, heure: h, duree }) },
    { type: 'liste', elements: [t('rdv.courriel.motif', { motif: nomMotif }), t('rdv.courriel.mode', { mode: t(`rdv.modes.${rdv.mode}`) })] },
  ];
  if (type !== 'annulation') {
    if (rdv.mode === 'sur-place' && adresse) {
      blocs.push({ type: 'titre', texte: t('rdv.courriel.adresseTitre') }, { type: 'paragraphe', texte: adresse });
      if (lieu?.acces) blocs.push({ type: 'paragraphe', texte: lieu.acces });
    } else if (rdv.mode === 'telephone' && rdv.telephone) {
      blocs.push({ type: 'paragraphe', texte: t('rdv.gerer.appel', { telephone: rdv.telephone }) });
    } else if (rdv.mode === 'visio') {
      if (visio) blocs.push({ type: 'lien', texte: t('rdv.courriel.visioLien'), url: visio });
      else blocs.push({ type: 'paragraphe', texte: t('rdv.gerer.visio') });
    }
    blocs.push({ type: 'paragraphe', texte: t('rdv.courriel.agenda') });
    blocs.push({ type: 'lien', texte: t('rdv.courriel.gererLien'), url: lienGestion(publicUrl, lang, jeton) });
    blocs.push({ type: 'paragraphe', texte: t('rdv.courriel.limite', { heures, telephone: relais.telephone ?? relais.email ?? '' }) });
  }
  const sujet = t(`rdv.courriel.${type}Sujet`, { jour, heure: h });
  const { texte, html } = miseEnPage({
    lang,
    titre: sujet,
    salutation: rdv.nomContact ? t('courriel.commun.bonjour', { prenom: rdv.nomContact }) : undefined,
    blocs,
  });
  const ics = fichierIcs({
    uid: `rdv-${rdv.id}@guichet-petite-enfance`,
    debut: rdv.debut,
    fin: rdv.fin,
    titre: `${relais.nom} — ${nomMotif}`,
    description: [t('rdv.courriel.mode', { mode: t(`rdv.modes.${rdv.mode}`) }), lienGestion(publicUrl, lang, jeton)].join('\n'),
    lieu: rdv.mode === 'sur-place' ? adresse : (visio ?? t(`rdv.modes.${rdv.mode}`)),
    url: lienGestion(publicUrl, lang, jeton),
    organisateur: { nom: relais.nom, email: relais.email },
    sequence: rdv.nbDeplacements + (type === 'annulation' ? 1 : 0),
    annule: type === 'annulation',
  });
  await mettreEnFile(tx, {
    destinataire: rdv.email,
    sujet,
    texte,
    html,
    piecesJointes: [pieceJointeIcs(ics)],
    type: `rdv-${type}`,
    langue: lang,
    objetType: 'rdv',
    objetId: rdv.id,
  });
}
