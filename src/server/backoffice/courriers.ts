/**
 * Emails and letters to families from the back office: the "sans solution"
 * letter listing the alternatives, and the follow-up emails with one-click
 * answers. Everything goes through the transactional outbox.
 */
import { eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { mettreEnFile } from '../mail/outbox';
import { miseEnPage, type BlocCourriel } from '../mail/gabarits';
import { creerJeton } from '../auth/tokens';
import { isLang, traduire, type Lang } from '../../i18n';
import { alternatives, type Alternatives } from '../../domain/relance/alternatives';
import { etatAffiche } from '../../domain/disponibilite/fraicheur';
import { REPONSES, VALIDITE_LIEN_JOURS, type TypeRelance } from '../../domain/relance/regles';
import { centresCommunes, lieuxCandidats } from './suggestions';

export function langueDe(l: string | null | undefined): Lang {
  return isLang(l) ? l : 'fr';
}

/** The alternatives still open to the family of demande `id`. */
async function alternativesPour(tx: DbOrTx, id: string, maintenant: Date, seuilFraicheurJours = 60): Promise<Alternatives> {
  const [dem] = await tx.select().from(schema.demandes).where(eq(schema.demandes.id, id));
  if (!dem) throw new Error(`Demande ${id} introuvable`);
  const [communes, lieux] = await Promise.all([centresCommunes(tx), lieuxCandidats(tx)]);
  const age = dem.ageMoisAuDebut;
  return alternatives({
    modesSouhaites: dem.modesSouhaites,
    communeCode: dem.communeCode,
    communes,
    lieux: lieux
      .filter((l) => age === null || (age >= l.ageMinMois && age <= l.ageMaxMois))
      .map((l) => ({
        nom: l.nom,
        type: l.type,
        communeCode: l.communeCode,
        placesDisponibles:
          etatAffiche(l.dispoStatut, l.dispoConfirmeeLe, maintenant, seuilFraicheurJours) === 'disponible' ? l.places.reduce((a, p) => a + p.nombre, 0) : 0,
      })),
  });
}

/** The "sans solution" letter in the family's language (text and HTML). */
export async function courrierSansSolution(
  tx: DbOrTx,
  id: string,
  maintenant: Date,
): Promise<{ sujet: string; texte: string; html: string; lang: Lang; alternatives: Alternatives }> {
  const [dem] = await tx.select().from(schema.demandes).where(eq(schema.demandes.id, id));
  const [relais] = dem!.relaisId ? await tx.select().from(schema.relais).where(eq(schema.relais.id, dem!.relaisId)) : [];
  const lang = langueDe(dem!.langue);
  const t = (k: string, p?: Record<string, string | number>) => traduire(lang, k, p);
  const alt = await alternativesPour(tx, id, maintenant);
  const blocs: BlocCourriel[] = [{ type: 'paragraphe', texte: t('relance.sansSolution.intro', { reference: dem!.reference }) }];
  if (alt.autresModes.length) {
    blocs.push(
      { type: 'titre', texte: t('relance.sansSolution.autresModes') },
      { type: 'liste', elements: alt.autresModes.map((m) => t(`relance.sansSolution.mode.${m}`)) },
    );
  }
  blocs.push({ type: 'titre', texte: t('relance.sansSolution.voisines') });
  blocs.push(
    alt.voisines.length
      ? {
          type: 'liste',
          elements: alt.voisines.map((v) =>
            t('relance.sansSolution.voisine', { commune: v.commune, km: String(v.km).replace('.', lang === 'en' ? '.' : ','), places: v.places }),
          ),
        }
      : { type: 'paragraphe', texte: t('relance.sansSolution.aucuneVoisine') },
  );
  if (alt.listesAttente.length) {
    blocs.push(
      { type: 'titre', texte: t('relance.sansSolution.listes') },
      { type: 'paragraphe', texte: t('relance.sansSolution.listeExplication') },
      { type: 'liste', elements: alt.listesAttente.map((l) => t('relance.sansSolution.liste', { nom: l.nom, commune: l.commune })) },
    );
  }
  if (relais)
    blocs.push({ type: 'encadre', texte: t('relance.sansSolution.contact', { relais: relais.nom, telephone: relais.telephone ?? relais.email ?? '' }) });
  const sujet = t('relance.sansSolution.sujet', { reference: dem!.reference });
  const { texte, html } = miseEnPage({ lang, titre: t('relance.sansSolution.titre'), blocs });
  return { sujet, texte, html, lang, alternatives: alt };
}

/** Queues the letter by email when the family gave an address (otherwise staff print it from the demande page). */
export async function envoyerCourrierSansSolution(tx: DbOrTx, id: string, maintenant: Date): Promise<boolean> {
  const [dem] = await tx.select({ email: schema.demandes.email }).from(schema.demandes).where(eq(schema.demandes.id, id));
  if (!dem?.email) return false;
  const c = await courrierSansSolution(tx, id, maintenant);
  await mettreEnFile(tx, {
    destinataire: dem.email,
    sujet: c.sujet,
    texte: c.texte,
    html: c.html,
    type: 'demande-sans-solution',
    langue: c.lang,
    objetType: 'demande',
    objetId: id,
  });
  return true;
}

/**
 * Writes a follow-up email ('suivi' or 'actualite') with one link per answer.
 * `relanceId` given = the reminder of an existing relance. Returns the relance id,
 * or null when the family has no email address.
 */
export async function envoyerRelance(
  tx: DbOrTx,
  o: { demandeId: string; type: TypeRelance; baseUrl: string; maintenant: Date; relanceId?: string },
): Promise<string | null> {
  const [dem] = await tx
    .select({ email: schema.demandes.email, langue: schema.demandes.langue, reference: schema.demandes.reference })
    .from(schema.demandes)
    .where(eq(schema.demandes.id, o.demandeId));
  if (!dem?.email) return null;
  let relanceId = o.relanceId;
  if (relanceId) await tx.update(schema.relances).set({ rappelLe: o.maintenant }).where(eq(schema.relances.id, relanceId));
  else {
    const [r] = await tx
      .insert(schema.relances)
      .values({ demandeId: o.demandeId, type: o.type, envoyeeLe: o.maintenant })
      .returning({ id: schema.relances.id });
    relanceId = r!.id;
  }
  const lang = langueDe(dem.langue);
  const t = (k: string, p?: Record<string, string | number>) => traduire(lang, k, p);
  const jeton = await creerJeton(tx, {
    usage: `relance-${o.type}`,
    sujetId: relanceId,
    dureeHeures: VALIDITE_LIEN_JOURS * 24,
    donnees: { lang },
    maintenant: o.maintenant,
  });
  const rappel = !!o.relanceId;
  const intro =
    o.type === 'suivi'
      ? t(rappel ? 'relance.suivi.rappelIntro' : 'relance.suivi.intro', { reference: dem.reference })
      : t('relance.actualite.intro', { reference: dem.reference });
  const blocs: BlocCourriel[] = [
    { type: 'paragraphe', texte: intro },
    ...REPONSES[o.type].map((r) => ({ type: 'lien' as const, texte: t(`relance.${o.type}.reponse.${r}`), url: `${o.baseUrl}/relance/${jeton}?reponse=${r}` })),
  ];
  const sujet =
    o.type === 'suivi'
      ? t(rappel ? 'relance.suivi.rappelSujet' : 'relance.suivi.sujet', { reference: dem.reference })
      : t('relance.actualite.sujet', { reference: dem.reference });
  const { texte, html } = miseEnPage({ lang, titre: t(`relance.${o.type}.titre`), blocs });
  await mettreEnFile(tx, {
    destinataire: dem.email,
    sujet,
    texte,
    html,
    type: `relance-${o.type}${rappel ? '-rappel' : ''}`,
    langue: lang,
    objetType: 'demande',
    objetId: o.demandeId,
  });
  return relanceId;
}
