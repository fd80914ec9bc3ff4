/**
 * Emails of the crèche places: the offer with its deadline, the alternatives
 * letter, the 3-monthly confirmation reminder. Queued in the caller's
 * transaction. No private link in them (only its hash is stored): the family
 * answers from the follow-up page whose link it received with its demande.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { isLang, traduire, type Lang } from '../../i18n';
import { mettreEnFile } from '../mail/outbox';
import { miseEnPage, type BlocCourriel } from '../mail/gabarits';
import { dateEnMots } from '../../domain/temps';
import { choisirAlternatives, type Alternatives } from '../../domain/creches/lettre';
import { DELAI_APRES_RAPPEL_JOURS } from '../../domain/creches/vocabulaire';

type Famille = { demandeId: string; email: string | null; langue: string; prenom: string };

function outils(langue: string) {
  const lang: Lang = isLang(langue) ? langue : 'fr';
  return { lang, t: (cle: string, p?: Record<string, string | number>) => traduire(lang, cle, p) };
}

export async function mettreEnFileOffre(tx: DbOrTx, f: Famille, o: { creche: string; debut: string; echeance: string }): Promise<void> {
  if (!f.email) return;
  const { lang, t } = outils(f.langue);
  const titre = t('creches.courriel.offreSujet');
  const { texte, html } = miseEnPage({
    lang,
    titre,
    salutation: t('courriel.commun.bonjour', { prenom: f.prenom }),
    blocs: [
      { type: 'encadre', texte: t('creches.courriel.offreTexte', { creche: o.creche, date: dateEnMots(o.debut, lang) }) },
      { type: 'paragraphe', texte: t('creches.courriel.offreRepondre', { echeance: dateEnMots(o.echeance, lang) }) },
    ],
  });
  await mettreEnFile(tx, { destinataire: f.email, sujet: titre, texte, html, type: 'creche-offre', langue: lang, objetType: 'demande', objetId: f.demandeId });
}

/** The options still open for a family (nearest first), from the offer of the territory. */
export async function alternativesPour(
  db: DbOrTx,
  territoireId: string,
  communeCode: string | null,
  maintenant: Date,
  exclure: string[] = [],
): Promise<Alternatives> {
  const s = schema.structures;
  const offre = await db
    .select({
      id: s.id,
      nom: s.nom,
      type: s.type,
      communeNom: schema.communes.nom,
      lat: s.latPublique,
      lon: s.lonPublique,
      dispoStatut: s.dispoStatut,
      dispoConfirmeeLe: s.dispoConfirmeeLe,
      telephone: s.telephone,
      publication: s.publication,
    })
    .from(s)
    .innerJoin(schema.communes, eq(schema.communes.code, s.communeCode))
    .where(
      and(
        eq(schema.communes.territoireId, territoireId),
        eq(s.actif, true),
        eq(s.visible, true),
        eq(s.dispoStatut, 'places'),
        inArray(s.type, ['assistant-maternel', 'mam', 'creche', 'micro-creche']),
      ),
    );
  let centre: { lat: number; lon: number } | null = null;
  if (communeCode) {
    const [c] = await db
      .select({ lat: schema.communes.centreLat, lon: schema.communes.centreLon })
      .from(schema.communes)
      .where(eq(schema.communes.code, communeCode));
    if (c && c.lat !== null && c.lon !== null) centre = { lat: Number(c.lat), lon: Number(c.lon) };
  }
  // An AM's phone only when she chose to publish it.
  const options = offre.map(({ publication, ...x }) => ({ ...x, telephone: x.type === 'assistant-maternel' && !publication.telephone ? null : x.telephone }));
  return choisirAlternatives(options, centre, maintenant, { exclure });
}

/** Lines of the letter, in the family's language (also shown on /suivi). */
export function lignesLettre(a: Alternatives, t: (cle: string, p?: Record<string, string | number>) => string, prochaine: string | null): BlocCourriel[] {
  const blocs: BlocCourriel[] = [];
  const ligne = (x: Alternatives['am'][number]) => [x.nom, x.communeNom, x.telephone].filter(Boolean).join(' — ');
  for (const [cle, xs] of [
    ['am', a.am],
    ['mam', a.mam],
    ['creches', a.creches],
  ] as const) {
    if (!xs.length) continue;
    blocs.push({ type: 'titre', texte: t(`creches.lettre.${cle}`) });
    blocs.push({ type: 'liste', elements: xs.map(ligne) });
  }
  if (!a.am.length && !a.mam.length && !a.creches.length) blocs.push({ type: 'paragraphe', texte: t('creches.lettre.aucune') });
  blocs.push({ type: 'paragraphe', texte: prochaine ? t('creches.lettre.session', { date: prochaine }) : t('creches.lettre.sessionInconnue') });
  blocs.push({ type: 'paragraphe', texte: t('creches.lettre.relais') });
  return blocs;
}

export async function mettreEnFileLettre(tx: DbOrTx, f: Famille, a: Alternatives, prochaine: string | null): Promise<void> {
  if (!f.email) return;
  const { lang, t } = outils(f.langue);
  const titre = t('creches.courriel.lettreSujet');
  const { texte, html } = miseEnPage({
    lang,
    titre,
    salutation: t('courriel.commun.bonjour', { prenom: f.prenom }),
    blocs: [{ type: 'paragraphe', texte: t('creches.courriel.lettreTexte') }, ...lignesLettre(a, t, prochaine ? dateEnMots(prochaine, lang) : null)],
  });
  await mettreEnFile(tx, { destinataire: f.email, sujet: titre, texte, html, type: 'creche-lettre', langue: lang, objetType: 'demande', objetId: f.demandeId });
}

export async function mettreEnFileRappel(tx: DbOrTx, f: Famille): Promise<void> {
  if (!f.email) return;
  const { lang, t } = outils(f.langue);
  const titre = t('creches.courriel.rappelSujet');
  const { texte, html } = miseEnPage({
    lang,
    titre,
    salutation: t('courriel.commun.bonjour', { prenom: f.prenom }),
    blocs: [{ type: 'paragraphe', texte: t('creches.courriel.rappelTexte', { jours: DELAI_APRES_RAPPEL_JOURS }) }],
  });
  await mettreEnFile(tx, { destinataire: f.email, sujet: titre, texte, html, type: 'creche-rappel', langue: lang, objetType: 'demande', objetId: f.demandeId });
}
