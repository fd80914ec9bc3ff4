import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['rdv']> = {
  motifs: {
    'premier-rdv': { nom: 'Primeira consulta sobre o seu pedido de acolhimento', aide: 'Analisamos a sua necessidade e as soluções possíveis.' },
    'employer-am': { nom: 'Contratar uma ama: os procedimentos', aide: 'Contrato, salário, apoios da CAF: respondemos às suas perguntas.' },
    'pro-am': { nom: 'Marcação profissional (amas)', aide: 'Para as amas do relais.' },
  },
  modes: { 'sur-place': 'Presencialmente, no relais', telephone: 'Por telefone', visio: 'Por videochamada' },
  duree: '{minutes} minutos',
  prise: {
    titre: 'Marcar uma consulta com o Relais Petite Enfance',
    intro: 'Escolha o assunto, a forma e o local da consulta. Depois mostramos-lhe os horários livres.',
    demande: 'Para o pedido {reference}', motif: 'Assunto da consulta', mode: 'Como prefere a consulta?', lieu: 'Local da consulta', lieuAide: 'Escolha o local mais prático para si.',
    voirCreneaux: 'Ver os horários livres', creneaux: 'Escolha uma data e uma hora', creneauxAide: 'Todas as horas são de Paris.',
    aucunCreneau: 'Não há horários livres neste período. Experimente as semanas seguintes, outro local, ou ligue para o relais.',
    periode: 'De {du} a {au}', precedents: 'Semanas anteriores', suivants: 'Semanas seguintes',
    telephone: 'Número para onde a animadora vai ligar', telephoneAide: 'Por exemplo 06 12 34 56 78.', email: 'Endereço de e-mail para receber a confirmação',
    reserver: 'Marcar esta consulta', modifierChoix: 'Alterar o assunto, a forma ou o local',
    creneauPris: 'Lamentamos, outra pessoa acabou de reservar este horário. Escolha outro.',
    indisponible: 'Não é possível marcar online para este pedido. Ligue para o seu relais.',
    aucunMotif: 'O seu relais ainda não oferece marcações online. Ligue para marcar.',
    lienInconnu: 'Este link não funciona. Verifique se está completo ou peça um novo link de acompanhamento.',
    retourSuivi: 'Voltar ao acompanhamento do meu pedido',
  },
  erreurs: {
    resume: '{n, plural, one {O formulário contém # erro:} other {O formulário contém # erros:}}', motif: 'Escolha o assunto da consulta.', mode: 'Escolha a forma da consulta.', lieu: 'Escolha o local da consulta.',
    creneau: 'Escolha uma data e uma hora.', telephone: 'Indique um número de telefone válido (10 algarismos).', email: 'Indique um e-mail válido, por exemplo nome@exemplo.pt.',
    nom: 'Indique o seu nome.', places: 'Indique um número de pessoas entre 1 e 5.',
  },
  gerer: {
    titre: 'A sua consulta', confirme: 'Marcado! Enviámos-lhe um e-mail de confirmação com a consulta para adicionar à sua agenda.', confirmeSansEmail: 'Marcado! Anote bem a data e a hora.',
    deplace: 'A sua consulta foi alterada. Enviámos-lhe um e-mail.', annule: 'A sua consulta foi cancelada. O horário fica livre para outra família.',
    details: 'Detalhes da consulta', quand: 'Quando', quandValeur: '{jour} às {heure}', motif: 'Assunto', mode: 'Como', lieu: 'Onde', acces: 'Acesso', statut: 'Estado',
    statuts: { reserve: 'Marcada', honore: 'Realizada', absent: 'Faltou', excuse: 'Justificada', annule: 'Cancelada' },
    appel: 'A animadora vai ligar-lhe para o {telephone}.', visio: 'O link da videochamada ser-lhe-á enviado por e-mail antes da consulta.',
    deplacerTitre: 'Alterar a consulta', deplacerAide: 'Escolha uma nova data e hora.', deplacer: 'Mudar para este horário',
    annulerTitre: 'Cancelar a consulta', annulerAide: 'Se não puder vir, cancele: o horário poderá servir outra família.', annuler: 'Cancelar esta consulta',
    tropTard: 'Faltam menos de {heures} horas para a consulta: já não pode ser alterada online. Ligue para o relais: {telephone}.',
    limite: 'Pode alterar ou cancelar esta consulta online até {heures} horas antes.', lienInconnu: 'Este link não funciona ou a consulta já não existe.',
    nouveau: 'Para marcar outra consulta, abra o link de acompanhamento do seu pedido.',
  },
  bloc: { titre: 'Consultas', aucun: 'Não tem nenhuma consulta com o relais.', prendre: 'Marcar uma consulta', prochain: 'A sua consulta: {quand}', gerer: 'Ver, alterar ou cancelar', passes: 'Consultas passadas ou canceladas' },
  courriel: {
    confirmationSujet: 'Consulta confirmada a {jour} às {heure}', deplacementSujet: 'Consulta alterada para {jour} às {heure}', rappelSujet: 'Lembrete: consulta a {jour} às {heure}',
    annulationSujet: 'Consulta de {jour} às {heure} cancelada', confirmation: 'A sua consulta com {relais} está confirmada.', deplacement: 'A sua consulta com {relais} foi alterada. Eis a nova data.',
    rappel: 'Lembramos a sua consulta com {relais}.', annulation: 'A sua consulta com {relais} foi cancelada.', quand: 'A {jour} às {heure} ({duree}).', motif: 'Assunto: {motif}.', mode: 'Como: {mode}.',
    adresseTitre: 'Morada e acesso', agenda: 'O ficheiro anexo «rendez-vous.ics» adiciona a consulta à sua agenda.', gererLien: 'Alterar ou cancelar a consulta',
    limite: 'Pode alterá-la ou cancelá-la até {heures} horas antes. Depois, ligue para o relais: {telephone}.',
    sms: 'Lembrete RPE: consulta {jour} as {heure}, {ou}. Alterar/cancelar: {lien}', smsTelephone: 'por telefone', visioLien: 'Entrar na videochamada', smsVisio: 'por video',
  },
  reunions: {
    titre: 'Reuniões informativas', intro: 'Os relais organizam reuniões gratuitas em grupo para pais, futuros pais e amas. Inscreva-se online.',
    aucune: 'Não há nenhuma reunião prevista de momento.', quand: '{jour}, das {debut} às {fin}', places: '{n, plural, one {# lugar livre} other {# lugares livres}}', complet: 'Completo', enVisio: 'Por vídeo (o link ser-lhe-á enviado)',
    publics: { famille: 'Para pais e futuros pais', am: 'Para amas' }, sInscrire: 'Inscrever-me', inscriptionTitre: 'Inscrever-se na reunião',
    nom: 'O seu nome completo', email: 'O seu e-mail', telephone: 'O seu telefone', nbPlaces: 'Número de pessoas que virão', profil: 'Você é',
    profils: { famille: 'Pai, mãe ou futuro pai', am: 'Ama' }, valider: 'Confirmar a inscrição', inscrit: 'Está inscrito. Enviámos-lhe um e-mail de confirmação.',
    dejaInscrit: 'Este e-mail já está inscrito nesta reunião.', plusDePlace: 'Já não há lugares suficientes para esta reunião.', annulerInscription: 'Cancelar a minha inscrição',
    inscriptionAnnulee: 'A sua inscrição foi cancelada.', retour: 'Todas as reuniões', courrielSujet: 'Inscrição na reunião «{titre}» a {jour}',
    courrielRappelSujet: 'Lembrete: reunião «{titre}» a {jour}', courrielTexte: 'Está inscrito na reunião «{titre}».', courrielRappel: 'Lembramos a reunião «{titre}».', courrielAnnuler: 'Cancelar a minha inscrição',
  },
};
export default d;
