/**
 * After staff put a family in touch with a professional: the family is told
 * who (name, kind, commune, the phone and email the professional agreed to
 * publish) in the language of its demande; the professional receives the
 * family's need (only with the family's sharing consent) with a private link
 * to answer "contacted / contract / no match"; a contract concludes the
 * demande (the follow-up email then goes out SUIVI_DELAI_MOIS months later,
 * src/server/jobs/taches-suivi.ts).
 */
import { and, asc, eq } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '../db';
import { journaliser } from '../audit';
import { creerJeton, lireJeton } from '../auth/tokens';
import { mettreEnFile } from '../mail/outbox';
import { miseEnPage, type BlocCourriel } from '../mail/gabarits';
import { isLang, traduire, type Lang } from '../../i18n';
import { changerEtat } from './transitions';
import { mettreEnFileSms } from '../sms/file';
import { transitionsPossibles } from '../../domain/demande/etats';
import { texteOffreAnonyme } from '../../domain/relance/offre';
import { coordonneesPubliees, typeSolutionDe, type ReponsePro } from '../../domain/demande/mise-en-relation';

const USAGE_REPONSE_PRO = 'mise-en-relation-reponse';
/** The professional's link stays valid this long (a contract may take weeks). */
const VALIDITE_LIEN_PRO_JOURS = 90;

const m = schema.misesEnRelation;
const s = schema.structures;

async function charger(db: DbOrTx, merId: string) {
  const [row] = await db
    .select({ mer: m, structure: s, communeNom: schema.communes.nom })
    .from(m)
    .innerJoin(s, eq(s.id, m.structureId))
    .innerJoin(schema.communes, eq(schema.communes.code, s.communeCode))
    .where(eq(m.id, merId));
  return row ?? null;
}

/** Queues the family's and the professional's emails for mise en relation `merId`, in the caller's transaction. */
export async function informerMiseEnRelation(
  tx: DbOrTx,
  merId: string,
  o: { publicUrl: string; maintenant: Date },
): Promise<{ famille: boolean; pro: boolean }> {
  const row = await charger(tx, merId);
  if (!row) return { famille: false, pro: false };
  const { mer, structure: st, communeNom } = row;
  const [dem] = await tx.select().from(schema.demandes).where(eq(schema.demandes.id, mer.demandeId));
  if (!dem) return { famille: false, pro: false };
  let famille = false;
  let pro = false;
  if (dem.email) {
    const lang: Lang = isLang(dem.langue) ? dem.langue : 'fr';
    const t = (k: string, p?: Record<string, string | number>) => traduire(lang, k, p);
    const c = coordonneesPubliees({ type: st.type, telephone: st.telephone, email: st.email, publication: st.publication });
    const lignes = [t('courriel.relation.qui', { nom: st.nom, type: t(`carte.types.${st.type}`), commune: communeNom })];
    if (c.telephone) lignes.push(t('courriel.relation.telephone', { telephone: c.telephone }));
    if (c.email) lignes.push(t('courriel.relation.email', { email: c.email }));
    const blocs: BlocCourriel[] = [
      { type: 'paragraphe', texte: t('courriel.relation.intro', { reference: dem.reference }) },
      { type: 'encadre', texte: lignes.join('\n') },
    ];
    if (!c.telephone && !c.email) blocs.push({ type: 'paragraphe', texte: t('courriel.relation.sansCoordonnees') });
    blocs.push({ type: 'paragraphe', texte: t('courriel.relation.conseil') });
    const sujet = t('courriel.relation.sujet', { reference: dem.reference, nom: st.nom });
    const prenom = dem.parents[0]?.prenom;
    const { texte, html } = miseEnPage({ lang, titre: sujet, salutation: prenom ? t('courriel.commun.bonjour', { prenom }) : undefined, blocs });
    await mettreEnFile(tx, {
      destinataire: dem.email,
      sujet,
      texte,
      html,
      type: 'mise-en-relation-famille',
      langue: lang,
      objetType: 'demande',
      objetId: dem.id,
    });
    famille = true;
  }
  {
    // The same news by SMS when the family chose SMS: first name only, the professional's published contact.
    const lang: Lang = isLang(dem.langue) ? dem.langue : 'fr';
    const c = coordonneesPubliees({ type: st.type, telephone: st.telephone, email: st.email, publication: st.publication });
    const contact = c.telephone ? ` ${c.telephone}` : c.email ? ` ${c.email}` : '';
    await mettreEnFileSms(tx, dem, {
      texte: traduire(lang, 'courriel.sms.relation', {
        prenom: dem.parents[0]?.prenom ?? '',
        nom: st.nom,
        type: traduire(lang, `carte.types.${st.type}`),
        commune: communeNom,
        contact,
      }),
      type: 'mise-en-relation-famille',
      langue: lang,
      objetType: 'demande',
      objetId: dem.id,
    });
  }
  // The family's need and contact go to the professional only with its sharing consent.
  if (dem.consentementPartage && st.email) {
    const enfants = await tx.select({ id: schema.enfants.id }).from(schema.enfants).where(eq(schema.enfants.demandeId, dem.id));
    const [commune] = dem.communeCode
      ? await tx.select({ nom: schema.communes.nom }).from(schema.communes).where(eq(schema.communes.code, dem.communeCode))
      : [];
    const besoin = texteOffreAnonyme({ ...dem, communeNom: commune?.nom ?? null, nbEnfants: Math.max(1, enfants.length) });
    const jeton = await creerJeton(tx, {
      usage: USAGE_REPONSE_PRO,
      sujetId: mer.id,
      dureeHeures: VALIDITE_LIEN_PRO_JOURS * 24,
      reutilisable: true,
      maintenant: o.maintenant,
    });
    const lien = (r: ReponsePro) => `${o.publicUrl}/relation/${jeton}?reponse=${r}`;
    const parent = dem.parents[0];
    const joindre = [dem.telephone && `téléphone ${dem.telephone}`, dem.email && `courriel ${dem.email}`].filter(Boolean).join(', ');
    const { texte, html } = miseEnPage({
      lang: 'fr',
      titre: 'Une famille va vous contacter',
      salutation: `Bonjour ${st.prenom ?? st.nom},`,
      blocs: [
        {
          type: 'paragraphe',
          texte: `Le relais petite enfance a donné vos coordonnées à une famille (demande ${dem.reference}), qui a accepté que son besoin vous soit transmis :`,
        },
        { type: 'encadre', texte: besoin },
        ...(parent ? [{ type: 'paragraphe' as const, texte: `Famille : ${parent.prenom} ${parent.nom}${joindre ? ` — ${joindre}` : ''}.` }] : []),
        { type: 'paragraphe', texte: 'Dites-nous où vous en êtes, d’un clic (sans mot de passe) :' },
        { type: 'lien', texte: 'J’ai contacté la famille', url: lien('contacte') },
        { type: 'lien', texte: 'Nous avons signé un contrat', url: lien('contrat') },
        { type: 'lien', texte: 'Pas d’accord possible', url: lien('sans-suite') },
      ],
    });
    await mettreEnFile(tx, {
      destinataire: st.email,
      sujet: `Une famille cherche un accueil (demande ${dem.reference})`,
      texte,
      html,
      type: 'mise-en-relation-pro',
      langue: 'fr',
      objetType: 'mise-en-relation',
      objetId: mer.id,
    });
    pro = true;
  }
  await tx
    .update(m)
    .set({ familleInformeeLe: famille ? o.maintenant : null, proInformeeLe: pro ? o.maintenant : null })
    .where(eq(m.id, mer.id));
  return { famille, pro };
}

/**
 * Records the outcome of a mise en relation (by the professional's link or by
 * staff). A contract concludes the demande when it is still open.
 */
export async function appliquerIssue(
  tx: DbOrTx,
  merId: string,
  issue: (typeof schema.misesEnRelation.$inferSelect)['issue'],
  par: { pro: true } | { staffId: string },
  maintenant: Date,
): Promise<boolean> {
  const row = await charger(tx, merId);
  if (!row) return false;
  await tx
    .update(m)
    .set({ issue, issueLe: maintenant, issuePar: 'pro' in par ? 'pro' : 'staff' })
    .where(eq(m.id, merId));
  if (issue === 'contrat') {
    const [dem] = await tx.select({ etat: schema.demandes.etat }).from(schema.demandes).where(eq(schema.demandes.id, row.mer.demandeId));
    const acteur = 'pro' in par ? ('systeme' as const) : ('staff' as const);
    if (dem && transitionsPossibles(dem.etat, acteur).includes('conclure')) {
      await changerEtat(
        tx,
        row.mer.demandeId,
        'conclure',
        { acteur, utilisateurId: 'staffId' in par ? par.staffId : null },
        {
          maintenant,
          typeSolution: typeSolutionDe(row.structure.type),
          motif: `Contrat signé avec ${row.structure.nom}${'pro' in par ? ' (réponse du professionnel)' : ''}`,
          details: { structureId: row.structure.id, miseEnRelationId: merId },
        },
      );
    }
  }
  return true;
}

export type LectureReponsePro = { ok: true; nom: string; reference: string; besoin: string; issue: string } | { ok: false };

/** What the professional's answer page shows (the token is not consumed). */
export async function lireReponsePro(db: DbOrTx, jeton: string, maintenant = new Date()): Promise<LectureReponsePro> {
  if (!jeton || jeton.length > 100) return { ok: false };
  const lu = await lireJeton(db, USAGE_REPONSE_PRO, jeton, maintenant);
  if (!lu.ok) return { ok: false };
  const row = await charger(db, lu.sujetId);
  if (!row) return { ok: false };
  const [dem] = await db.select().from(schema.demandes).where(eq(schema.demandes.id, row.mer.demandeId));
  if (!dem || dem.anonymiseeLe) return { ok: false };
  const [commune] = dem.communeCode ? await db.select({ nom: schema.communes.nom }).from(schema.communes).where(eq(schema.communes.code, dem.communeCode)) : [];
  const enfants = await db.select({ id: schema.enfants.id }).from(schema.enfants).where(eq(schema.enfants.demandeId, dem.id));
  return {
    ok: true,
    nom: row.structure.prenom ?? row.structure.nom,
    reference: dem.reference,
    issue: row.mer.issue,
    besoin: texteOffreAnonyme({ ...dem, communeNom: commune?.nom ?? null, nbEnfants: Math.max(1, enfants.length) }),
  };
}

/** The professional's one-click answer (POST of her answer page). */
export async function repondrePro(db: Db, jeton: string, reponse: ReponsePro, maintenant = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const lu = await lireJeton(tx, USAGE_REPONSE_PRO, jeton, maintenant);
    if (!lu.ok) return false;
    const fait = await appliquerIssue(tx, lu.sujetId, reponse, { pro: true }, maintenant);
    if (fait) {
      const [mer] = await tx.select({ demandeId: m.demandeId }).from(m).where(eq(m.id, lu.sujetId));
      await journaliser(tx, null, 'mise-en-relation.issue', 'demande', mer!.demandeId, { miseEnRelationId: lu.sujetId, issue: reponse, par: 'pro' });
    }
    return fait;
  });
}

type PropositionFamille = { nom: string; type: string; communeNom: string; telephone: string | null; email: string | null; le: Date; issue: string };

/** Who was proposed to the family, with only what the professional agreed to publish. */
export async function propositionsPourFamille(db: DbOrTx, demandeId: string): Promise<PropositionFamille[]> {
  const rows = await db
    .select({ mer: m, structure: s, communeNom: schema.communes.nom })
    .from(m)
    .innerJoin(s, eq(s.id, m.structureId))
    .innerJoin(schema.communes, eq(schema.communes.code, s.communeCode))
    .where(and(eq(m.demandeId, demandeId)))
    .orderBy(asc(m.le));
  return rows.map((r) => ({
    nom: r.structure.nom,
    type: r.structure.type,
    communeNom: r.communeNom,
    le: r.mer.le,
    issue: r.mer.issue,
    ...coordonneesPubliees({ type: r.structure.type, telephone: r.structure.telephone, email: r.structure.email, publication: r.structure.publication }),
  }));
}
