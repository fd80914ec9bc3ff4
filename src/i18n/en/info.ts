import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['info']> = {
  filAriane: 'You are here',
  sections: { familles: 'For families', 'assistants-maternels': 'For childminders', 'a-propos': 'About this site' },
  tableau: 'Table (scroll sideways on a small screen)',
  sommaire: 'On this page',
  sources: 'Official sources',
  sourcesIntro: 'To find out more, see these public websites (in French):',
  misAJour: 'Page updated on {date}.',
  versionFacile: 'Easy-to-read version (in French)',
  versionFacileAide: 'The same information with short sentences and pictures.',
  versionComplete: 'Full version',
  versionCompleteAide: 'The page with all the detailed information.',
  relais: {
    aucun: 'The relais offices will be listed here soon. In the meantime, make an application on this portal: the relais will contact you.',
    communes: '{n} municipalities',
    telephone: 'Phone',
    courriel: 'Email',
    adresse: 'Address',
    acces: 'Getting there',
    horaires: 'Opening hours',
  },
  plan: { titre: 'Site map', intro: 'Every page of the site, by topic.', demarches: 'Services and tools' },
  lecture: { lire: 'Read the page aloud', arreter: 'Stop reading', fin: 'Reading finished.' },
  recherche: {
    communes: '{n, plural, one {# municipality} other {# municipalities}}',
    lieux: '{n, plural, one {# childcare place} other {# childcare places}}',
    voirCarte: 'Childcare in and around {commune}',
    demander: 'Make a request (municipality: {commune})',
    titre: 'Search',
    champ: 'What are you looking for?',
    aide: 'For example: nursery, childminder, financial help, night hours.',
    bouton: 'Search',
    resultats: '{n, plural, one {# result for “{q}”} other {# results for “{q}”}}',
    aucun: 'No page matches “{q}”.',
    conseils: 'Try another word, shorter or more common. You can also look at the site map or call the Relais Petite Enfance.',
    autreLangue: 'Page in French',
    vide: 'Type one or more words, then press Search.',
  },
};
export default d;
