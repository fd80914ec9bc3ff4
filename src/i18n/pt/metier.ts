import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['metier']> = {
  calcul: {
    titre: 'Calcular o salário mensal de uma ama (assistant maternel)',
    intro:
      'Indique o salário por hora, as horas de acolhimento por semana e, em ano incompleto, o número de semanas de acolhimento por ano. O cálculo segue a convenção coletiva francesa dos particulares empregadores e do emprego ao domicílio.',
    type: 'Acolhimento ao longo do ano',
    types: {
      complete: 'Ano completo: a criança é acolhida 52 semanas por ano (férias da ama incluídas)',
      incomplete: 'Ano incompleto: a criança é acolhida 46 semanas por ano ou menos',
    },
    salaire: 'Salário por hora, em euros',
    salaireAide: 'Bruto ou líquido: o resultado será do mesmo tipo. Exemplo: 4,20',
    heures: 'Horas de acolhimento por semana',
    heuresAide: 'Exemplo: 40 ou 37,5. No máximo 45 horas: acima disso, as horas são pagas a uma taxa mais alta, prevista no contrato.',
    semaines: 'Semanas de acolhimento por ano',
    semainesAide: 'Só para o ano incompleto: de 1 a 46 semanas.',
    calculer: 'Calcular',
    resultat: 'Resultado',
    mensuel: 'Salário mensal: {montant}',
    formule: 'Cálculo: {salaire} × {heures} horas × {semaines} semanas ÷ 12 meses',
    heuresMois: 'Horas pagas por mês: {heures}',
    congesInclus: 'As férias pagas estão incluídas neste salário.',
    congesEnPlus:
      'As férias pagas são pagas à parte. Estimativa para um ano: {montant} (um décimo dos salários do ano). Se a ama ganhar mais mantendo o salário durante as férias, é esse o montante devido.',
    congesOptions: 'Conforme o contrato, são pagas de uma só vez em junho, no momento das férias ou em duodécimos: mais {douzieme} por mês.',
    finContrat: 'No fim do contrato, se a ama trabalhou mais horas do que as pagas, a diferença é-lhe paga: é a regularização.',
    indemnites: 'A este salário juntam-se as indemnizações de manutenção e, se for o caso, as refeições e as deslocações.',
    avertissement: 'Este cálculo é uma estimativa. O Relais Petite Enfance pode verificá-lo consigo.',
    source: 'Fonte: convenção coletiva nacional francesa dos particulares empregadores e do emprego ao domicílio (IDCC 3239), artigos 102 e 108.',
    erreurs: {
      type: 'Escolha ano completo ou ano incompleto.',
      salaire: 'Indique um salário por hora em euros, por exemplo 4,20.',
      heures: 'Indique um número de horas por semana entre 1 e 45.',
      semaines: 'Em ano incompleto, indique um número de semanas entre 1 e 46. Para 52 semanas, escolha o ano completo.',
    },
  },
  evenements: {
    titre: 'Descobrir a profissão de ama: próximos encontros',
    intro:
      'O Relais Petite Enfance organiza encontros para descobrir a profissão: job-dating entre pais e amas, reuniões de informação, dias abertos. A inscrição é gratuita.',
    aucun: 'Não há nenhum encontro previsto de momento. Volte em breve ou ligue para o relais.',
    prochains: 'Próximos encontros',
    tous: 'Todos os encontros',
    quand: '{jour}, das {debut} às {fin}',
    ou: 'Local: {lieu}',
    places: 'Lugares disponíveis: {n}',
    complet: 'Esgotado',
    voir: 'Ver e inscrever-se: {titre}',
    inscriptionTitre: 'Inscrever-se',
    nom: 'Nome e apelido',
    email: 'Endereço de e-mail',
    telephone: 'Telefone',
    consentementLegende: 'Os seus dados',
    consentement: 'Aceito que o relais guarde o meu nome e os meus contactos para organizar este encontro. São apagados {mois} meses depois.',
    valider: 'Inscrever-me',
    inscrit: 'Está feito: está inscrito. Até breve!',
    dejaInscrit: 'Este endereço de e-mail já está inscrito neste encontro.',
    plusDePlace: 'Já não há lugares. Veja os outros encontros.',
    introuvable: 'Este encontro já não aceita inscrições.',
    types: {
      'job-dating': 'Job-dating «assmat dating»',
      'reunion-information': 'Reunião de informação sobre a profissão',
      journee: 'Dia de descoberta da profissão',
      autre: 'Encontro',
    },
    erreurs: {
      nom: 'Indique o seu nome e apelido.',
      email: 'Indique um endereço de e-mail válido, por exemplo nome@exemplo.pt.',
      telephone: 'Indique um número de telefone francês, por exemplo 06 12 34 56 78, ou deixe vazio.',
      consentement: 'Assinale a caixa para aceitar que o relais guarde os seus contactos para este encontro.',
    },
  },
};
export default d;
