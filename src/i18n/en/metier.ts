import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['metier']> = {
  calcul: {
    titre: 'Work out the monthly salary of a childminder (assistant maternel)',
    intro:
      'Enter the hourly salary, the hours of care per week and, for a part year, the number of weeks of care per year. The calculation follows the French collective agreement for private employers and home employment.',
    type: 'Care over the year',
    types: {
      complete: 'Full year: the child is cared for 52 weeks a year (the childminder’s paid leave included)',
      incomplete: 'Part year: the child is cared for 46 weeks a year or fewer',
    },
    salaire: 'Hourly salary, in euros',
    salaireAide: 'Gross or net: the result will be of the same kind. Example: 4.20',
    heures: 'Hours of care per week',
    heuresAide: 'Example: 40 or 37.5. 45 hours at most: beyond that, hours are paid at the higher rate set in the contract.',
    semaines: 'Weeks of care per year',
    semainesAide: 'Only for a part year: from 1 to 46 weeks.',
    calculer: 'Calculate',
    resultat: 'Result',
    mensuel: 'Monthly salary: {montant}',
    formule: 'Calculation: {salaire} × {heures} hours × {semaines} weeks ÷ 12 months',
    heuresMois: 'Hours paid each month: {heures}',
    congesInclus: 'Paid leave is included in this salary.',
    congesEnPlus:
      'Paid leave is paid on top. Estimate for one year: {montant} (one tenth of the year’s salaries). If the childminder would earn more by keeping the salary during the leave, that amount is due instead.',
    congesOptions: 'Depending on the contract, it is paid in one go in June, when the leave is taken, or in twelfths: {douzieme} more each month.',
    finContrat:
      'At the end of the contract, if the childminder worked more hours than the hours paid, the difference is paid: this is the adjustment (régularisation).',
    indemnites: 'Maintenance allowances are added to this salary and, where relevant, meal and travel costs.',
    avertissement: 'This calculation is an estimate. The Relais Petite Enfance can check it with you.',
    source: 'Source: French national collective agreement for private employers and home employment (IDCC 3239), articles 102 and 108.',
    erreurs: {
      type: 'Choose full year or part year.',
      salaire: 'Enter an hourly salary in euros, for example 4.20.',
      heures: 'Enter a number of hours per week between 1 and 45.',
      semaines: 'For a part year, enter a number of weeks between 1 and 46. For 52 weeks, choose the full year.',
    },
  },
  evenements: {
    titre: 'Discover the childminder profession: upcoming events',
    intro:
      'The Relais Petite Enfance organises events to discover the profession: job-dating between parents and childminders, information meetings, open days. Signing up is free.',
    aucun: 'No event is planned at the moment. Come back soon or call the relais.',
    prochains: 'Upcoming events',
    tous: 'All events',
    quand: '{jour}, from {debut} to {fin}',
    ou: 'Place: {lieu}',
    places: 'Places left: {n}',
    complet: 'Full',
    voir: 'See and sign up: {titre}',
    inscriptionTitre: 'Sign up',
    nom: 'First name and surname',
    email: 'Email address',
    telephone: 'Phone',
    consentementLegende: 'Your data',
    consentement: 'I agree that the relais keeps my name and contact details to organise this event. They are erased {mois} months later.',
    valider: 'Sign me up',
    inscrit: 'Done: you are signed up. See you soon!',
    dejaInscrit: 'This email address is already signed up for this event.',
    plusDePlace: 'There are no places left. Look at the other events.',
    introuvable: 'This event is no longer open for sign-up.',
    types: {
      'job-dating': 'Job-dating “assmat dating”',
      'reunion-information': 'Information meeting about the profession',
      journee: 'Discovery day of the profession',
      autre: 'Meeting',
    },
    erreurs: {
      nom: 'Enter your first name and surname.',
      email: 'Enter a valid email address, for example name@example.com.',
      telephone: 'Enter a French phone number, for example 06 12 34 56 78, or leave it empty.',
      consentement: 'Tick the box to agree that the relais keeps your contact details for this event.',
    },
  },
};
export default d;
