/**
 * What the card of one place shows (list of /carte and the embedded widget),
 * computed from the PUBLIC projection in the page's language: the page only
 * lays it out.
 */
import { dateEnMots, jourParis } from '../temps';
import type { ResultatOffre } from './recherche';

/** The page's translation function (src/i18n `T`). */
type Traduire = (cle: string, params?: Record<string, string | number>) => string;

interface OptionsFiche {
  t: Traduire;
  lang: string;
  /** BCP 47 language of numbers and dates. */
  htmlLang: string;
  maintenant: Date;
  /** Localised path of /demande. */
  demandePath: string;
  /** Prefix for absolute links (widget on another site). */
  base?: string;
}

interface VueFicheLieu {
  nom: string;
  ages: string;
  distance: string | null;
  atypiques: string[];
  groupesLibres: string;
  demande: string;
  aContact: boolean;
  texteDisponible: string;
  /** "Confirmed today / n days ago". */
  confirmation: string;
  /** "To confirm" detail, with the date of the last confirmation. */
  aConfirmer: string | null;
}

export function vueFicheLieu(o: ResultatOffre, seuilJours: number, x: OptionsFiche): VueFicheLieu {
  const { t } = x;
  const d = o.disponibilite;
  const aujourdhui = jourParis(x.maintenant);
  const dateLongue = (iso: string) => dateEnMots(iso, x.lang);
  const langueDates = x.lang === 'falc' ? 'fr' : x.htmlLang;
  const params = new URLSearchParams({ structure: o.id, commune: o.commune.code });
  return {
    nom: o.nom ?? t('carte.lieu.sansNom'),
    ages:
      o.ages.maxMois <= 36
        ? t('carte.lieu.agesMois', { min: o.ages.minMois, max: o.ages.maxMois })
        : t('carte.lieu.agesAns', { min: o.ages.minMois, max: Math.floor(o.ages.maxMois / 12) }),
    distance: o.distanceKm === null ? null : t('carte.lieu.distance', { km: o.distanceKm.toLocaleString(langueDates) }),
    atypiques: (['tot', 'tard', 'weekend'] as const).filter((k) => o.horairesAtypiques[k]).map((k) => t(`carte.horaires.${k}`)),
    groupesLibres: [...new Set(d.places.map((p) => p.groupeAge))].map((g) => t(`carte.ages.${g}`)).join(', '),
    demande: `${x.base ?? ''}${x.demandePath}?${params.toString()}`,
    aContact: Boolean(o.contact.telephone || o.contact.email || o.contact.siteWeb || o.adresse),
    texteDisponible:
      d.disponibleDepuis && d.disponibleDepuis <= aujourdhui
        ? t('carte.lieu.disponibleDepuis', { date: dateLongue(d.disponibleDepuis) })
        : t('carte.lieu.disponibleAPartir', { date: dateLongue(d.disponibleDepuis ?? aujourdhui) }),
    confirmation: d.joursDepuisConfirmation === 0 ? t('carte.lieu.confirmeAujourdhui') : t('carte.lieu.confirmeIlYa', { n: d.joursDepuisConfirmation ?? 0 }),
    aConfirmer: d.etat === 'a-confirmer' && d.confirmeeLe ? t('carte.lieu.aConfirmerDetail', { date: dateLongue(d.confirmeeLe), jours: seuilJours }) : null,
  };
}
