import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['info']> = {
  filAriane: 'Usted está aquí',
  sections: { familles: 'Para las familias', 'assistants-maternels': 'Para asistentes maternales', 'a-propos': 'Sobre este sitio' },
  tableau: 'Tabla (deslícela en una pantalla pequeña)',
  sommaire: 'En esta página',
  sources: 'Fuentes oficiales',
  sourcesIntro: 'Para saber más, consulte estos sitios públicos (en francés):',
  misAJour: 'Página actualizada el {date}.',
  versionFacile: 'Versión de lectura fácil (en francés)',
  versionFacileAide: 'La misma información con frases cortas e imágenes.',
  versionComplete: 'Versión completa',
  versionCompleteAide: 'La página con toda la información detallada.',
  relais: {
    aucun: 'Pronto se indicarán aquí los lugares de atención del relais. Mientras tanto, haga una solicitud en este portal: el relais se pondrá en contacto con usted.',
    communes: '{n} municipios',
    telephone: 'Teléfono',
    courriel: 'Correo electrónico',
    adresse: 'Dirección',
    acces: 'Cómo llegar',
    horaires: 'Horario de atención',
  },
  plan: { titre: 'Mapa del sitio', intro: 'Todas las páginas del sitio, por tema.', demarches: 'Trámites y herramientas' },
  lecture: { lire: 'Leer la página en voz alta', arreter: 'Detener la lectura', fin: 'Lectura terminada.' },
  recherche: {
    communes: '{n, plural, one {# municipio} other {# municipios}}',
    lieux: '{n, plural, one {# lugar de cuidado} other {# lugares de cuidado}}',
    voirCarte: 'Lugares de cuidado en {commune} y alrededores',
    demander: 'Hacer una solicitud (municipio: {commune})',
    titre: 'Buscar',
    champ: '¿Qué está buscando?',
    aide: 'Por ejemplo: guardería, asistente maternal, ayudas, horario nocturno.',
    bouton: 'Buscar',
    resultats: '{n, plural, one {# resultado para «{q}»} other {# resultados para «{q}»}}',
    aucun: 'Ninguna página corresponde a «{q}».',
    conseils: 'Pruebe con otra palabra, más corta o más común. También puede consultar el mapa del sitio o llamar al Relais Petite Enfance.',
    autreLangue: 'Página en francés',
    vide: 'Escriba una o varias palabras y pulse Buscar.',
  },
};
export default d;
