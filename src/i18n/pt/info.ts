import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['info']> = {
  filAriane: 'Está aqui',
  sections: { familles: 'Para as famílias', 'assistants-maternels': 'Para as amas', 'a-propos': 'Sobre este site' },
  tableau: 'Tabela (deslize-a num ecrã pequeno)',
  sommaire: 'Nesta página',
  sources: 'Fontes oficiais',
  sourcesIntro: 'Para saber mais, consulte estes sites públicos (em francês):',
  misAJour: 'Página atualizada em {date}.',
  versionFacile: 'Versão de leitura fácil (em francês)',
  versionFacileAide: 'A mesma informação, com frases curtas e imagens.',
  versionComplete: 'Versão completa',
  versionCompleteAide: 'A página com toda a informação detalhada.',
  relais: {
    aucun: 'Os locais de atendimento do relais serão indicados aqui em breve. Entretanto, faça um pedido neste portal: o relais entrará em contacto consigo.',
    communes: '{n} municípios',
    telephone: 'Telefone',
    courriel: 'E-mail',
    adresse: 'Morada',
    acces: 'Como chegar',
    horaires: 'Horário de atendimento',
  },
  plan: { titre: 'Mapa do site', intro: 'Todas as páginas do site, por tema.', demarches: 'Serviços e ferramentas' },
  lecture: { lire: 'Ler a página em voz alta', arreter: 'Parar a leitura', fin: 'Leitura terminada.' },
  recherche: {
    communes: '{n, plural, one {# município} other {# municípios}}',
    lieux: '{n, plural, one {# local de acolhimento} other {# locais de acolhimento}}',
    voirCarte: 'Locais de acolhimento em {commune} e arredores',
    demander: 'Fazer um pedido (município: {commune})',
    titre: 'Pesquisar',
    champ: 'O que procura?',
    aide: 'Por exemplo: creche, ama, apoios, horário noturno.',
    bouton: 'Pesquisar',
    resultats: '{n, plural, one {# resultado para «{q}»} other {# resultados para «{q}»}}',
    aucun: 'Nenhuma página corresponde a «{q}».',
    conseils: 'Experimente outra palavra, mais curta ou mais comum. Também pode consultar o mapa do site ou telefonar para o Relais Petite Enfance.',
    autreLangue: 'Página em francês',
    vide: 'Escreva uma ou mais palavras e carregue em Pesquisar.',
  },
};
export default d;
