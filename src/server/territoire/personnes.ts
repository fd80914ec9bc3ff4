/**
 * Screen "Personnes": invite staff by email (a link to choose a password,
 * valid 72 hours), change role, relais and sector, deactivate, reset. The
 * last active admin can be neither demoted nor deactivated.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db, type DbOrTx } from '../db';
import { hacherMotDePasse, type Staff } from '../auth/staff';
import { consommerJeton, creerJeton, lireJeton } from '../auth/tokens';
import { mettreEnFile } from '../mail/outbox';
import { journaliser } from '../audit';
import { champ, erreursZod, exigerAdmin, texte, uuid, uuidOptionnel, type Formulaire, type Resultat } from './commun';
import { retireDernierAdmin } from '../../domain/territoire/regles';
import { ROLES_STAFF } from '../../domain/securite/totp';
import { territoireCourant } from './parametres';
import { crechesParticipantes } from '../creches/donnees';

const USAGE_MOT_DE_PASSE = 'staff-mot-de-passe';
export const DUREE_INVITATION_HEURES = 72;
const ROLES = {
  admin: 'Administrateur du territoire',
  animatrice: 'Animatrice ou animateur de relais',
  commune: 'Commune (statistiques de la commune)',
} as const;
/** Every role an account can have (the crèche manager is not in ROLES, the roles of the territory's own staff). */
export const ROLES_COMPTE = { ...ROLES, 'gestionnaire-creche': 'Gestionnaire de crèche (voit les familles proposées à sa crèche)' } as const;

const schemaCompte = z
  .object({
    nom: texte(200, 'Indiquez le prénom et le nom'),
    role: z.enum(['admin', 'animatrice', 'commune', 'gestionnaire-creche'], 'Choisissez un rôle'),
    relaisId: uuidOptionnel('Relais inconnu'),
    structureId: uuidOptionnel('Crèche inconnue'),
    secteurId: uuidOptionnel('Secteur inconnu'),
    communeCode: z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined), z.string().optional()).transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'animatrice' && !v.relaisId) ctx.addIssue({ code: 'custom', path: ['relaisId'], message: 'Choisissez le relais de l’animatrice' });
    if (v.role === 'commune' && !v.communeCode) ctx.addIssue({ code: 'custom', path: ['communeCode'], message: 'Choisissez la commune' });
    if (v.role !== 'animatrice' && v.secteurId) ctx.addIssue({ code: 'custom', path: ['secteurId'], message: 'Seule une animatrice a un secteur' });
    if (v.role === 'gestionnaire-creche' && !v.structureId)
      ctx.addIssue({ code: 'custom', path: ['structureId'], message: 'Choisissez la crèche du gestionnaire' });
    if (v.role !== 'gestionnaire-creche' && v.structureId)
      ctx.addIssue({ code: 'custom', path: ['structureId'], message: 'Seul un gestionnaire de crèche est rattaché à une crèche' });
  });
const schemaInvitation = schemaCompte.and(
  z.object({
    email: z
      .string('Indiquez l’adresse électronique')
      .trim()
      .toLowerCase()
      .pipe(z.email('Adresse électronique invalide (exemple : prenom.nom@commune.fr)').max(200)),
  }),
);

export async function listerPersonnes(db: Db) {
  return db
    .select({
      id: schema.utilisateurs.id,
      email: schema.utilisateurs.email,
      nom: schema.utilisateurs.nom,
      role: schema.utilisateurs.role,
      actif: schema.utilisateurs.actif,
      relaisId: schema.utilisateurs.relaisId,
      secteurId: schema.utilisateurs.secteurId,
      communeCode: schema.utilisateurs.communeCode,
      structureId: schema.utilisateurs.structureId,
      derniereConnexionLe: schema.utilisateurs.derniereConnexionLe,
      totp: schema.utilisateurs.totpSecret,
    })
    .from(schema.utilisateurs)
    .orderBy(asc(schema.utilisateurs.nom))
    .then((r) => r.map(({ totp, ...u }) => ({ ...u, totp: totp !== null })));
}

/** Relais, sector and commune must exist and fit together. */
async function verifierRattachement(db: DbOrTx, v: z.infer<typeof schemaCompte>): Promise<Record<string, string> | null> {
  if (v.role === 'animatrice') {
    const [r] = await db.select().from(schema.relais).where(eq(schema.relais.id, v.relaisId!));
    if (!r) return { relaisId: 'Relais inconnu' };
    if (v.secteurId) {
      const [s] = await db
        .select()
        .from(schema.secteurs)
        .where(and(eq(schema.secteurs.id, v.secteurId), eq(schema.secteurs.relaisId, r.id)));
      if (!s) return { secteurId: 'Ce secteur n’appartient pas au relais choisi' };
    }
  }
  if (v.role === 'commune') {
    const [c] = await db.select().from(schema.communes).where(eq(schema.communes.code, v.communeCode!));
    if (!c) return { communeCode: 'Commune inconnue du territoire' };
  }
  if (v.role === 'gestionnaire-creche') {
    // Only a crèche taking part in the common application (PSU crèche or micro-crèche, active, of the territory).
    const t = await territoireCourant(db as Db);
    const creches = t ? await crechesParticipantes(db, t.id) : [];
    if (!creches.some((c) => c.id === v.structureId)) return { structureId: 'Cette structure ne participe pas à la candidature commune aux crèches' };
  }
  return null;
}

const rattachement = (v: z.infer<typeof schemaCompte>) => ({
  role: v.role,
  relaisId: v.role === 'animatrice' ? v.relaisId : null,
  secteurId: v.role === 'animatrice' ? v.secteurId : null,
  communeCode: v.role === 'commune' ? v.communeCode : null,
  structureId: v.role === 'gestionnaire-creche' ? v.structureId : null,
});

/** A password nobody knows: the account waits for its invitation link. */
async function motDePasseInutilisable(): Promise<string> {
  return hacherMotDePasse(randomBytes(32).toString('base64url'));
}

async function envoyerLien(tx: DbOrTx, o: { id: string; email: string; nom: string; publicUrl: string; invitation: boolean; maintenant: Date }) {
  const jeton = await creerJeton(tx, { usage: USAGE_MOT_DE_PASSE, sujetId: o.id, dureeHeures: DUREE_INVITATION_HEURES, maintenant: o.maintenant });
  const t = await territoireCourant(tx as Db);
  const qui = t?.nomCourt || t?.nom || 'Guichet Petite Enfance';
  const lien = `${o.publicUrl}/invitation/${jeton}`;
  await mettreEnFile(tx, {
    destinataire: o.email,
    type: o.invitation ? 'staff-invitation' : 'staff-reinitialisation',
    objetType: 'utilisateur',
    objetId: o.id,
    sujet: o.invitation ? `${qui} : votre accès à l’espace des relais` : `${qui} : choisir un nouveau mot de passe`,
    texte: `Bonjour ${o.nom},\n\n${o.invitation ? 'Un compte a été créé pour vous dans l’espace des relais.' : 'Votre mot de passe de l’espace des relais a été réinitialisé.'}\nChoisissez votre mot de passe avec ce lien, valable ${DUREE_INVITATION_HEURES} heures :\n${lien}\n\nSi vous n’attendiez pas ce message, ignorez-le.\n`,
  });
}

export async function inviterPersonne(db: Db, u: Staff | undefined, f: Formulaire, o: { publicUrl: string; maintenant?: Date }): Promise<Resultat<string>> {
  const admin = exigerAdmin(u);
  const p = schemaInvitation.safeParse(
    Object.fromEntries(['email', 'nom', 'role', 'relaisId', 'secteurId', 'communeCode', 'structureId'].map((k) => [k, champ(f, k)])),
  );
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  const erreurs = await verifierRattachement(db, p.data);
  if (erreurs) return { ok: false, erreurs };
  const [deja] = await db.select({ id: schema.utilisateurs.id }).from(schema.utilisateurs).where(eq(schema.utilisateurs.email, p.data.email));
  if (deja) return { ok: false, erreurs: { email: 'Un compte existe déjà pour cette adresse : utilisez « Réinitialiser » sur sa ligne' } };
  const hashInutilisable = await motDePasseInutilisable();
  const maintenant = o.maintenant ?? new Date();
  const id = await db.transaction(async (tx) => {
    const [n] = await tx
      .insert(schema.utilisateurs)
      .values({ email: p.data.email, nom: p.data.nom, motDePasseHash: hashInutilisable, ...rattachement(p.data) })
      .returning({ id: schema.utilisateurs.id });
    await envoyerLien(tx, { id: n!.id, email: p.data.email, nom: p.data.nom, publicUrl: o.publicUrl, invitation: true, maintenant });
    await journaliser(tx, admin, 'personne.inviter', 'utilisateur', n!.id, { role: p.data.role, relaisId: p.data.relaisId, structureId: p.data.structureId });
    return n!.id;
  });
  return { ok: true, message: `Invitation envoyée à ${p.data.email} (lien valable ${DUREE_INVITATION_HEURES} heures).`, valeur: id };
}

async function comptes(tx: DbOrTx) {
  return tx.select({ id: schema.utilisateurs.id, role: schema.utilisateurs.role, actif: schema.utilisateurs.actif }).from(schema.utilisateurs).for('update');
}

export async function modifierPersonne(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const id = uuid('Personne inconnue').safeParse(champ(f, 'utilisateurId'));
  if (!id.success) return { ok: false, erreurs: { utilisateurId: 'Personne inconnue' } };
  const p = schemaCompte.safeParse(Object.fromEntries(['nom', 'role', 'relaisId', 'secteurId', 'communeCode', 'structureId'].map((k) => [k, champ(f, k)])));
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  const erreurs = await verifierRattachement(db, p.data);
  if (erreurs) return { ok: false, erreurs };
  return db.transaction(async (tx): Promise<Resultat> => {
    const tous = await comptes(tx);
    const cible = tous.find((c) => c.id === id.data);
    if (!cible) return { ok: false as const, erreurs: { utilisateurId: 'Personne inconnue' } };
    if (retireDernierAdmin(tous, cible.id, { role: p.data.role, actif: cible.actif }))
      return { ok: false as const, erreurs: { role: 'C’est le dernier administrateur actif : nommez d’abord un autre administrateur' } };
    await tx
      .update(schema.utilisateurs)
      .set({ nom: p.data.nom, ...rattachement(p.data) })
      .where(eq(schema.utilisateurs.id, cible.id));
    // A change of role or relais takes effect now: open sessions end.
    await tx.delete(schema.sessions).where(eq(schema.sessions.utilisateurId, cible.id));
    await journaliser(tx, admin, 'personne.modifier', 'utilisateur', cible.id, {
      role: p.data.role,
      relaisId: p.data.relaisId,
      secteurId: p.data.secteurId,
      structureId: p.data.structureId,
    });
    return { ok: true as const, message: 'Personne enregistrée.' };
  });
}

export async function changerActivation(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const id = uuid('Personne inconnue').safeParse(champ(f, 'utilisateurId'));
  if (!id.success) return { ok: false, erreurs: { utilisateurId: 'Personne inconnue' } };
  const actif = champ(f, 'actif') === 'oui';
  return db.transaction(async (tx): Promise<Resultat> => {
    const tous = await comptes(tx);
    const cible = tous.find((c) => c.id === id.data);
    if (!cible) return { ok: false as const, erreurs: { utilisateurId: 'Personne inconnue' } };
    if (retireDernierAdmin(tous, cible.id, { role: cible.role, actif }))
      return { ok: false as const, erreurs: { utilisateurId: 'C’est le dernier administrateur actif : il ne peut pas être désactivé' } };
    await tx.update(schema.utilisateurs).set({ actif }).where(eq(schema.utilisateurs.id, cible.id));
    if (!actif) await tx.delete(schema.sessions).where(eq(schema.sessions.utilisateurId, cible.id));
    await journaliser(tx, admin, actif ? 'personne.reactiver' : 'personne.desactiver', 'utilisateur', cible.id);
    return { ok: true as const, message: actif ? 'Compte réactivé.' : 'Compte désactivé : ses sessions sont fermées.' };
  });
}

/** Locks the password, ends the sessions, removes the second factor, sends a new link. */
export async function reinitialiserPersonne(db: Db, u: Staff | undefined, f: Formulaire, o: { publicUrl: string; maintenant?: Date }): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const id = uuid('Personne inconnue').safeParse(champ(f, 'utilisateurId'));
  if (!id.success) return { ok: false, erreurs: { utilisateurId: 'Personne inconnue' } };
  const hashInutilisable = await motDePasseInutilisable();
  return db.transaction(async (tx): Promise<Resultat> => {
    const [cible] = await tx.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.id, id.data));
    if (!cible) return { ok: false as const, erreurs: { utilisateurId: 'Personne inconnue' } };
    await tx
      .update(schema.utilisateurs)
      .set({ motDePasseHash: hashInutilisable, totpSecret: null, totpSecretAttente: null, totpDernierPas: null })
      .where(eq(schema.utilisateurs.id, cible.id));
    await tx.delete(schema.codesSecours).where(eq(schema.codesSecours.utilisateurId, cible.id));
    await tx.delete(schema.sessions).where(eq(schema.sessions.utilisateurId, cible.id));
    await envoyerLien(tx, {
      id: cible.id,
      email: cible.email,
      nom: cible.nom,
      publicUrl: o.publicUrl,
      invitation: false,
      maintenant: o.maintenant ?? new Date(),
    });
    await journaliser(tx, admin, 'personne.reinitialiser', 'utilisateur', cible.id);
    return { ok: true as const, message: `Lien envoyé à ${cible.email} (valable ${DUREE_INVITATION_HEURES} heures).` };
  });
}

/** For the invitation page: who the link is for, or why it does not work. */
export async function lireInvitation(
  db: Db,
  jeton: string,
  maintenant = new Date(),
): Promise<{ ok: true; email: string; nom: string } | { ok: false; raison: 'inconnu' | 'expire' | 'utilise' }> {
  const j = await lireJeton(db, USAGE_MOT_DE_PASSE, jeton, maintenant);
  if (!j.ok) return j;
  const [u] = await db
    .select()
    .from(schema.utilisateurs)
    .where(and(eq(schema.utilisateurs.id, j.sujetId), eq(schema.utilisateurs.actif, true)));
  return u ? { ok: true, email: u.email, nom: u.nom } : { ok: false, raison: 'inconnu' };
}

const schemaMotDePasse = z
  .object({
    motDePasse: z.string('Choisissez un mot de passe').min(12, 'Le mot de passe doit faire au moins 12 caractères').max(200, '200 caractères au plus'),
    confirmation: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.motDePasse !== v.confirmation) ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques' });
  });

export async function choisirMotDePasse(
  db: Db,
  jeton: string,
  f: Formulaire,
  maintenant = new Date(),
): Promise<Resultat | { ok: false; raison: 'inconnu' | 'expire' | 'utilise' }> {
  const p = schemaMotDePasse.safeParse({ motDePasse: champ(f, 'motDePasse'), confirmation: champ(f, 'confirmation') });
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  const hash = await hacherMotDePasse(p.data.motDePasse);
  return db.transaction(async (tx): Promise<Resultat | { ok: false; raison: 'inconnu' | 'expire' | 'utilise' }> => {
    const j = await consommerJeton(tx, USAGE_MOT_DE_PASSE, jeton, maintenant);
    if (!j.ok) return { ok: false as const, raison: j.raison };
    const r = await tx
      .update(schema.utilisateurs)
      .set({ motDePasseHash: hash })
      .where(and(eq(schema.utilisateurs.id, j.sujetId), eq(schema.utilisateurs.actif, true)))
      .returning({ id: schema.utilisateurs.id });
    if (!r.length) return { ok: false as const, raison: 'inconnu' as const };
    // Older links for the same person stop working.
    await tx
      .update(schema.jetons)
      .set({ utiliseLe: maintenant })
      .where(and(eq(schema.jetons.usage, USAGE_MOT_DE_PASSE), eq(schema.jetons.sujetId, j.sujetId), ne(schema.jetons.hash, '')));
    await tx.insert(schema.journalAudit).values({ utilisateurId: j.sujetId, action: 'personne.mot-de-passe', objetType: 'utilisateur', objetId: j.sujetId });
    return { ok: true as const, message: 'Mot de passe enregistré : vous pouvez vous connecter.' };
  });
}

/** Which roles must sign in with a second factor (checkboxes `roles`). */
export async function exigerDoubleFacteur(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const t = await territoireCourant(db);
  if (!t) return { ok: false, erreurs: { roles: 'Aucun territoire : lancez d’abord npm run territoire' } };
  const brut = f.roles === undefined ? [] : Array.isArray(f.roles) ? f.roles : [f.roles];
  const p = z.array(z.enum(ROLES_STAFF, 'Rôle inconnu')).safeParse(brut);
  if (!p.success) return { ok: false, erreurs: { roles: 'Rôle inconnu' } };
  const roles = [...new Set(p.data)];
  await db.transaction(async (tx) => {
    await tx.update(schema.territoires).set({ totpRoles: roles }).where(eq(schema.territoires.id, t.id));
    await journaliser(tx, admin, 'territoire.totp-exiger', 'territoire', t.id, { avant: t.totpRoles, apres: roles });
  });
  return {
    ok: true,
    message: roles.length
      ? `Double authentification exigée pour : ${roles.map((r) => ROLES_COMPTE[r]).join(', ')}. Chacun la met en place à sa prochaine page.`
      : 'Double authentification facultative pour tous les rôles.',
  };
}

/** Removes a person's second factor (lost phone and codes): she sets it up again at her next sign-in if her role requires it. */
export async function retirerDoubleFacteur(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const id = uuid('Personne inconnue').safeParse(champ(f, 'utilisateurId'));
  if (!id.success) return { ok: false, erreurs: { utilisateurId: 'Personne inconnue' } };
  return db.transaction(async (tx): Promise<Resultat> => {
    const [cible] = await tx.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.id, id.data));
    if (!cible) return { ok: false as const, erreurs: { utilisateurId: 'Personne inconnue' } };
    if (!cible.totpSecret) return { ok: false as const, erreurs: { utilisateurId: 'Cette personne n’a pas de double authentification' } };
    await tx.update(schema.utilisateurs).set({ totpSecret: null, totpSecretAttente: null, totpDernierPas: null }).where(eq(schema.utilisateurs.id, cible.id));
    await tx.delete(schema.codesSecours).where(eq(schema.codesSecours.utilisateurId, cible.id));
    await tx.delete(schema.sessions).where(eq(schema.sessions.utilisateurId, cible.id));
    await journaliser(tx, admin, 'personne.totp-reinitialiser', 'utilisateur', cible.id);
    return { ok: true as const, message: `Double authentification retirée pour ${cible.nom} : ses sessions sont fermées.` };
  });
}
