/**
 * The « Sites et horaires » page (admin): the view model of every site's
 * form (create, edit with its weekly hours, add a closure), with what a
 * failed post typed and its errors on the form that was posted only.
 */
import type { Db } from '../db';
import type { Erreurs } from './commun';
import { valeur, type Etat } from './page';
import { listerSites } from './sites';
import { listerRelais } from './relais';
import { listeCommunes } from '../requetes/territoire';
import { feriesDe } from '../../domain/territoire/feries';
import { JOURS_SEMAINE } from '../../domain/territoire/regles';
import { champsHoraires, resumeHoraires, saisieHoraires } from '../../domain/territoire/affichage';
import { jourParis } from '../../domain/temps';

/** Field name → visible label, in the order of the fields (error summary). */
export const LIBELLES_SITES: Record<string, string> = {
  nom: 'Nom du site',
  relaisId: 'Relais',
  secteurId: 'Secteur',
  adresse: 'Adresse',
  codePostal: 'Code postal',
  communeCode: 'Commune',
  telephone: 'Téléphone',
  acces: 'Accès',
  lat: 'Latitude',
  lon: 'Longitude',
  ...Object.fromEntries(
    JOURS_SEMAINE.flatMap((j, i) => [
      [`h${i + 1}a-debut`, `${j}, première plage`],
      [`h${i + 1}b-debut`, `${j}, deuxième plage`],
    ]),
  ),
  debut: 'Premier jour fermé',
  fin: 'Dernier jour fermé',
  motif: 'Motif',
  lieuId: 'Site',
  fermetureId: 'Fermeture',
};

const CHAMPS_SITE = ['nom', 'relaisId', 'secteurId', 'adresse', 'codePostal', 'communeCode', 'telephone', 'acces', 'lat', 'lon'] as const;
const CHAMPS_FERMETURE = ['debut', 'fin', 'motif'] as const;
const texte = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export async function chargerSites(db: Db, e: Etat, maintenant = new Date()) {
  const [sites, relais, communes] = await Promise.all([listerSites(db, maintenant), listerRelais(db), listeCommunes(db)]);
  const aujourdhui = jourParis(maintenant);
  const annee = Number(aujourdhui.slice(0, 4));
  const feries = [...feriesDe(annee), ...feriesDe(annee + 1)].filter(([j]) => j >= aujourdhui).slice(0, 6);
  const options = {
    relais: [{ value: '', label: '— choisir —' }, ...relais.filter((r) => !r.fermeLe).map((r) => ({ value: r.id, label: r.nom }))],
    secteurs: [{ value: '', label: 'Aucun secteur' }, ...relais.flatMap((r) => r.secteurs.map((s) => ({ value: s.id, label: `${r.nom} — ${s.nom}` })))],
    communes: [{ value: '', label: '— choisir —' }, ...communes.map((c) => ({ value: c.code, label: `${c.nom} (${c.code})` }))],
  };
  /** Was this form (creer, or modifier/fermeture of one site) the one posted and refused? */
  const poste = (form: string, cle: string) => e.action === form && (form === 'creer' || e.f.lieuId === cle);
  const saisie = (form: string, cle: string, champs: readonly string[], stocke: Record<string, unknown>) =>
    Object.fromEntries(champs.map((k) => [k, poste(form, cle) ? valeur(e, form, k) : texte(stocke[k])]));
  const erreurs = (form: string, cle: string): Erreurs => (poste(form, cle) ? e.erreurs : {});
  const nouveau = {
    form: 'creer',
    cle: 'nouveau',
    site: null,
    erreurs: erreurs('creer', 'nouveau'),
    valeurs: saisie('creer', 'nouveau', [...CHAMPS_SITE, ...champsHoraires()], {}),
    fermeture: null,
  };
  const existants = sites.map((site) => ({
    form: 'modifier',
    cle: site.id,
    site: { ...site, resumeHoraires: resumeHoraires(site.horaires) },
    erreurs: erreurs('modifier', site.id),
    valeurs: saisie('modifier', site.id, [...CHAMPS_SITE, ...champsHoraires()], { ...site, ...saisieHoraires(site.horaires) }),
    fermeture: {
      ouvert: poste('fermeture', site.id),
      erreurs: erreurs('fermeture', site.id),
      valeurs: saisie('fermeture', site.id, CHAMPS_FERMETURE, {}),
    },
  }));
  // Errors of one site's forms: the summary links to that site's fields (f-<field>-<site>).
  const ids: Record<string, string> =
    e.action === 'modifier' || e.action === 'fermeture' ? Object.fromEntries(Object.keys(e.erreurs).map((k) => [k, `f-${k}-${e.f.lieuId}`])) : {};
  return { formulaires: [nouveau, ...existants], aucunSite: sites.length === 0, feries, options, ids };
}
export type VueSites = Awaited<ReturnType<typeof chargerSites>>;
