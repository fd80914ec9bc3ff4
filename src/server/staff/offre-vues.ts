/**
 * What the offer pages of the back office show (src/pages/admin/offre/):
 * the list of places with the freshness of their availability, and one place
 * with its sign-in code and history. Astro-independent: the pages pass the
 * query string and the handler's result (src/server/staff/offre.ts).
 */
import { journaliser } from '../audit';
import { indicateurs, listeOffre } from '../disponibilite/admin';
import { assurerComptePro } from '../disponibilite/comptes';
import { historique, lireStructure } from '../disponibilite/mise-a-jour';
import { etatAffiche, joursDepuis } from '../../domain/disponibilite/fraicheur';
import { champPlace } from '../../domain/disponibilite/mise-a-jour';
import { CLASSES_ETAT_DISPO, LIBELLES_ETAT_DISPO, TEXTES_ERREUR_DISPO, estARelancer, nomStructure } from '../../domain/disponibilite/libelles-staff';
import { dateEnMots, jourParis } from '../../domain/temps';
import { relancerOffre, type FiltresOffre } from './offre';
import { nombre } from './pluriel';
import type { ContexteStaff, Erreurs, Saisie } from './contexte';

type FiltresListeOffre = FiltresOffre & { anciens: boolean };

/** The list's filters from the query string (anything unknown falls back to the default). */
export function filtresOffre(q: URLSearchParams): FiltresListeOffre {
  return { communeCode: q.get('commune') || undefined, type: q.get('type') === 'structures' ? 'structures' : 'am', anciens: q.get('anciens') === 'oui' };
}

/** Sends the reminders (ticked places, or every stale one) and returns to the same list with the count (Post/Redirect/Get). */
export async function relancerDepuisListe(c: ContexteStaff, q: URLSearchParams, saisie: Saisie): Promise<string> {
  const { communeCode, type } = filtresOffre(q);
  const r = await relancerOffre(c, { communeCode, type }, saisie);
  const suite = new URLSearchParams(q);
  suite.set('envoyees', String(r.envoyees));
  suite.set('ignorees', String(r.ignorees));
  return `/admin/offre?${suite}`;
}

/** The message after a reminder: "3 relances envoyées. 1 non envoyée : …". Empty without one. */
export function messageRelances(q: URLSearchParams): string {
  const envoyees = Number(q.get('envoyees') ?? NaN);
  const ignorees = Number(q.get('ignorees') ?? 0);
  if (!Number.isInteger(envoyees)) return '';
  return (
    `${nombre(envoyees, 'relance envoyée', 'relances envoyées')}.` +
    (ignorees > 0 ? ` ${nombre(ignorees, 'non envoyée', 'non envoyées')} : sans e-mail, inactive, ou déjà relancée il y a moins de 30 jours.` : '')
  );
}

/** The list of places of her communes, stalest first, with the freshness of the AM's availability. */
export async function vueListeOffre(c: ContexteStaff, q: URLSearchParams) {
  const filtres = filtresOffre(q);
  const { db, staff, maintenant } = c;
  const seuil = c.config.DISPO_FRAICHEUR_JOURS;
  const jour = jourParis(maintenant);
  const { lignes: toutes, communes } = await listeOffre(db, staff, jour, filtres);
  // The freshness indicator is about AM, whichever list is shown.
  const tousAm = filtres.type === 'am' ? toutes : (await listeOffre(db, staff, jour, { communeCode: filtres.communeCode, type: 'am' })).lignes;
  const ind = indicateurs(tousAm, communes, maintenant, seuil);
  const lignes = toutes
    .map((l) => {
      const affiche = etatAffiche(l.statut, l.dispoConfirmeeLe, maintenant, seuil);
      const etat = l.actif ? affiche : 'inconnu';
      return {
        id: l.id,
        nom: nomStructure(l),
        actif: l.actif,
        visible: l.visible,
        communeNom: l.communeNom,
        email: l.email,
        aRelancer: estARelancer(affiche),
        etat: { libelle: LIBELLES_ETAT_DISPO[etat], classe: CLASSES_ETAT_DISPO[etat] },
        confirme: l.dispoConfirmeeLe ? `${dateEnMots(l.dispoConfirmeeLe)} (${joursDepuis(l.dispoConfirmeeLe, maintenant)} j)` : 'jamais',
        relance: l.derniereRelanceLe ? dateEnMots(l.derniereRelanceLe) : '—',
      };
    })
    .filter((l) => !filtres.anciens || l.aRelancer);
  return { filtres, seuil, communes, ind, lignes, message: messageRelances(q) };
}

/** The fields of the availability form (one place), in page order, with their labels for the error summary. */
export const CHAMPS_PLACE = {
  tranche: champPlace(0, 'tranche'),
  nombre: champPlace(0, 'nombre'),
  date: champPlace(0, 'date'),
  urgence: champPlace(0, 'urgence'),
};
export const LIBELLES_PLACE: Record<string, string> = {
  [CHAMPS_PLACE.tranche]: 'Tranche d’âge de la place',
  [CHAMPS_PLACE.nombre]: 'Nombre de places',
  [CHAMPS_PLACE.date]: 'À partir du',
  action: 'Mettre à jour après un appel',
};

/** The handler's error codes (field → code) as staff read them. */
export const textesErreursPlace = (erreurs: Erreurs): Erreurs => Object.fromEntries(Object.entries(erreurs).map(([k, v]) => [k, TEXTES_ERREUR_DISPO[v] ?? v]));

/**
 * One place: its data, displayed state, sign-in code and last updates; null
 * when it does not exist. Reading it is logged (it holds an AM's contact data).
 */
export async function vuePlace(c: ContexteStaff, id: string, fait: string | null) {
  const { db, staff, maintenant, config } = c;
  const structure = await lireStructure(db, id);
  if (!structure) return null;
  const compte = await assurerComptePro(db, id, null);
  const hist = await historique(db, id, 12);
  await journaliser(db, staff, 'voir', 'structure', id);
  const FAITS: Record<string, string> = {
    dispo: 'Disponibilité enregistrée (mise à jour par le relais, après appel).',
    confirmee: 'Disponibilité confirmée sans changement.',
    code: 'Nouveau code créé. L’ancien code ne marche plus.',
    lien: `Lien de connexion envoyé à ${structure.email ?? ''}.`,
    'sans-email': 'Pas d’adresse e-mail connue.',
  };
  return {
    structure,
    nom: nomStructure(structure),
    etat: etatAffiche(structure.dispoStatut, structure.dispoConfirmeeLe, maintenant, config.DISPO_FRAICHEUR_JOURS),
    compte,
    codeValide: compte.codeExpireLe > maintenant,
    hist,
    message: FAITS[fait ?? ''] ?? '',
    /** Professionals whose contacts are logged (src/pages/admin/contacts). */
    contactsPro: ['assistant-maternel', 'mam', 'garde-a-domicile'].includes(structure.type),
  };
}
