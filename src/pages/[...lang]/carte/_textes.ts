import type { T } from '../../../i18n';
import { TYPES_STRUCTURE } from '../../../domain/offre/filtres';
import type { TextesCarte } from '../../../islands/CarteOffre';

/** The strings the map island shows, translated on the server (islands have no t()). */
export function textesCarte(t: T): TextesCarte {
  return {
    region: t('carte.carte.region'),
    aide: t('carte.carte.aide'),
    chargement: t('carte.carte.chargement'),
    erreur: t('carte.carte.erreur'),
    nombre: t('carte.carte.nombre', { n: '{n}' }),
    groupe: t('carte.carte.groupe', { n: '{n}' }),
    zoomPlus: t('carte.carte.zoomPlus'),
    zoomMoins: t('carte.carte.zoomMoins'),
    fermerPopup: t('carte.carte.fermerPopup'),
    fondCommunes: t('carte.carte.fondCommunes'),
    sansNom: t('carte.lieu.sansNom'),
    demande: t('carte.lieu.demande'),
    voirListe: t('carte.lieu.voirListe'),
    etats: {
      disponible: t('carte.lieu.disponibleDepuis', { date: '{date}' }),
      'a-confirmer': t('carte.lieu.aConfirmer'),
      complet: t('carte.lieu.complet'),
      inconnu: t('carte.lieu.inconnu'),
    },
    confirmeIlYa: t('carte.lieu.confirmeIlYa', { n: '{n}' }),
    types: Object.fromEntries(TYPES_STRUCTURE.map((ty) => [ty, t(`carte.types.${ty}`)])),
  };
}
