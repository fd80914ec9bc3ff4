import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['info']> = {
  filAriane: 'Vous êtes ici',
  sections: { familles: 'Pour les parents', 'assistants-maternels': 'Pour les assistantes maternelles', 'a-propos': 'Sur ce site' },
  tableau: 'Tableau',
  sommaire: 'Dans cette page',
  sources: 'Pour en savoir plus',
  sourcesIntro: 'Ces sites donnent plus d’informations :',
  misAJour: 'Page écrite le {date}.',
  versionFacile: 'Version facile à lire',
  versionFacileAide: 'Des phrases courtes et des images.',
  versionComplete: 'Version complète',
  versionCompleteAide: 'La page avec toutes les informations. Elle est plus difficile à lire.',
  relais: {
    aucun: 'Bientôt, vous verrez ici les adresses du relais. Vous pouvez déjà faire une demande sur ce site. Le relais va vous appeler.',
    communes: '{n} communes',
    telephone: 'Téléphone',
    courriel: 'E-mail',
    adresse: 'Adresse',
    acces: 'Comment venir',
    horaires: 'Quand le relais est ouvert',
  },
  plan: { titre: 'Toutes les pages du site', intro: 'Voici toutes les pages du site.', demarches: 'Ce que vous pouvez faire sur le site' },
  lecture: { lire: 'Écouter la page', arreter: 'Arrêter', fin: 'La lecture est finie.' },
  recherche: {
    communes: '{n, plural, one {# commune} other {# communes}}',
    lieux: '{n, plural, one {# lieu pour garder votre enfant} other {# lieux pour garder votre enfant}}',
    voirCarte: 'Voir les lieux à {commune}',
    demander: 'Faire une demande pour {commune}',
    titre: 'Chercher',
    champ: 'Qu’est-ce que vous cherchez ?',
    aide: 'Par exemple : crèche, argent de la Caf, assistante maternelle.',
    bouton: 'Chercher',
    resultats: '{n, plural, one {# page pour « {q} »} other {# pages pour « {q} »}}',
    aucun: 'Nous ne trouvons pas de page pour « {q} ».',
    conseils: 'Essayez avec un autre mot. Vous pouvez aussi regarder toutes les pages du site. Vous pouvez aussi appeler le relais.',
    autreLangue: 'Page en français plus difficile',
    vide: 'Écrivez un mot. Puis appuyez sur « Chercher ».',
  },
};
export default d;
