import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['relance']> = {
  suivi: {
    sujet: 'O seu pedido {reference}: como estão as coisas?',
    titre: 'Como está a correr a procura de um modo de acolhimento?',
    intro:
      'Há alguns meses, o centro de informação para a primeira infância (relais petite enfance) ajudou-o a procurar um modo de acolhimento para a sua criança (pedido {reference}). Diga-nos com um clique em que ponto está: isso ajuda-nos a acompanhar melhor as famílias.',
    rappelSujet: 'Lembrete: o seu pedido {reference}, como estão as coisas?',
    rappelIntro: 'Ainda não recebemos a sua resposta. Basta um clique para nos dizer em que ponto está (pedido {reference}).',
    reponse: {
      contrat: 'Encontrámos: contrato assinado ou vaga aceite',
      recherche: 'Ainda estamos à procura',
      'plus-besoin': 'Já não precisamos de um modo de acolhimento',
    },
  },
  actualite: {
    sujet: 'O seu pedido {reference} continua atual?',
    titre: 'Ainda precisa de um modo de acolhimento?',
    intro:
      'O seu pedido {reference} continua aberto no centro de informação para a primeira infância. Para o ajudarmos da melhor forma, diga-nos se ainda procura um modo de acolhimento.',
    reponse: {
      oui: 'Sim, ainda estou à procura',
      non: 'Não, já não preciso da ajuda do centro',
    },
  },
  page: {
    titre: 'A sua resposta ao centro de informação para a primeira infância',
    demande: 'Pedido {reference}',
    choix: 'A sua resposta',
    confirmer: 'Enviar a minha resposta',
    explication: 'Verifique a sua escolha e carregue no botão para a enviar.',
    merci: 'Obrigado, a sua resposta foi registada.',
    merciContrat: 'Obrigado e boa continuação para si e para a sua criança! O seu pedido está encerrado.',
    merciRecherche: 'Obrigado. O seu pedido continua aberto: alguém do centro voltará a contactá-lo.',
    merciPlusBesoin: 'Obrigado. O seu pedido está encerrado. Pode fazer um novo pedido a qualquer momento.',
    merciOui: 'Obrigado. O seu pedido continua aberto e o centro continua a procurar consigo.',
    merciNon: 'Obrigado. O seu pedido está encerrado. Pode fazer um novo pedido a qualquer momento.',
    invalide: 'Esta ligação já não é válida: já foi utilizada ou expirou. Se a sua situação mudou, contacte o centro.',
    erreurChoix: 'Escolha uma resposta.',
    erreurTitre: 'A sua resposta não foi enviada',
  },
  sansSolution: {
    sujet: 'O seu pedido {reference}: as soluções que continuam possíveis',
    titre: 'Não encontrámos vaga, mas existem outras opções',
    intro:
      'O centro não encontrou um modo de acolhimento que corresponda ao seu pedido {reference}. O seu pedido está encerrado, mas aqui estão todas as opções que continuam abertas.',
    autresModes: 'Outros modos de acolhimento',
    mode: {
      collectif: 'Uma creche ou uma micro-creche (acolhimento coletivo)',
      'assistant-maternel': 'Uma ama licenciada (assistante maternelle), em casa dela',
      mam: 'Uma casa de amas licenciadas (MAM)',
      'garde-a-domicile': 'Uma ama em sua casa, eventualmente partilhada com outra família',
    },
    voisines: 'Vagas nos municípios vizinhos',
    voisine: '{places, plural, one {{commune} ({km} km): # vaga livre declarada} other {{commune} ({km} km): # vagas livres declaradas}}',
    aucuneVoisine: 'Hoje não há vagas livres declaradas nos municípios vizinhos. Isto muda muitas vezes: volte a perguntar dentro de algumas semanas.',
    listes: 'As listas de espera das creches',
    liste: '{nom} ({commune})',
    listeExplication: 'Pode inscrever-se na lista de espera destas creches: por vezes uma vaga fica livre durante o ano.',
    contact: 'Para falar sobre isto ou fazer um novo pedido, contacte o centro: {relais}, {telephone}.',
  },
};
export default d;
