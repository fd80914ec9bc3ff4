import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['courriel']> = {
  commun: {
    bonjour: 'Olá, {prenom},',
    signature: 'O Balcão Único da Primeira Infância',
    pied: 'Esta mensagem é enviada automaticamente; não responda. Para qualquer questão, contacte o seu Relais Petite Enfance (serviço de informação sobre o acolhimento de crianças).',
  },
  confirmation: {
    sujet: 'Recebemos o seu pedido de acolhimento {reference}',
    recue: 'Recebemos o seu pedido de acolhimento para a criança. O número é {reference}.',
    prochaine: '{relais} vai contactá-lo(a) o mais tardar em {date} (no prazo de {jours} dias).',
    contactRelais: 'Para contactar {relais}: {contact}.',
    horsTerritoire:
      'Recebemos o seu pedido (número {reference}). O seu município não faz parte do nosso território: nenhum serviço daqui o poderá tratar. Guardamo-lo apenas para contar as necessidades.',
    horsTerritoireMairie: 'Contacte a câmara municipal (mairie) do seu município: ela indicará o serviço que o(a) pode ajudar.',
    horsTerritoireCaf: 'Consulte monenfant.fr, o site da CAF: mostra as creches e as amas perto de si.',
    suiviTitre: 'Acompanhar o seu pedido',
    suiviTexte: 'Com esta ligação pessoal pode ver em que ponto está o seu pedido, alterá-lo, retirá-lo ou apagar os seus dados.',
    suiviLien: 'Ver o meu pedido',
    garderLien: 'Guarde esta mensagem: a ligação é pessoal, não a partilhe.',
  },
  lien: {
    sujet: 'A sua ligação para acompanhar o pedido {reference}',
    texte: 'Pediu uma nova ligação para acompanhar o seu pedido {reference}.',
    ancien: 'Esta nova ligação substitui a antiga, que já não funciona.',
    pasVous: 'Se não pediu nada, ignore esta mensagem: o seu pedido não mudou.',
  },
  relation: {
    sujet: 'Pedido {reference}: o relais propõe-lhe {nom}',
    intro: 'O relais da primeira infância propõe-lhe contactar este profissional de acolhimento para o seu pedido {reference}:',
    qui: '{nom} — {type}, {commune}',
    telephone: 'Telefone: {telephone}',
    email: 'E-mail: {email}',
    sansCoordonnees: 'Este profissional não publicou os seus contactos: o relais vai dar-lhos ou já lhe transmitiu a sua necessidade.',
    conseil: 'Entre em contacto rapidamente. Depois, diga ao relais se assinou um contrato.',
  },
  sms: {
    relation: 'Olá {prenom}, o relais propõe-lhe {nom} ({type}, {commune}){contact}. Detalhes por e-mail ou na sua página de acompanhamento.',
    lien: 'Olá {prenom}, o seu pedido {reference} foi recebido. Acompanhe-o aqui: {lien}',
  },
};
export default d;
