// FALC: easy to read and understand.
import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['metier']> = {
  calcul: {
    titre: 'Calculer le salaire de l’assistant maternel chaque mois',
    intro:
      'Vous payez la même somme chaque mois. Écrivez le prix d’une heure, les heures par semaine et les semaines par an. Le calcul suit les règles de la convention collective.',
    type: 'Combien de semaines par an ?',
    types: {
      complete: 'Toute l’année : 52 semaines. Les vacances de l’assistant maternel sont comprises.',
      incomplete: 'Pas toute l’année : 46 semaines ou moins.',
    },
    salaire: 'Prix d’une heure, en euros',
    salaireAide: 'Exemple : 4,20',
    heures: 'Nombre d’heures par semaine',
    heuresAide: 'Exemple : 40. Pas plus de 45 heures.',
    semaines: 'Nombre de semaines par an',
    semainesAide: 'Seulement si ce n’est pas toute l’année : de 1 à 46.',
    calculer: 'Calculer',
    resultat: 'Le résultat',
    mensuel: 'Vous payez chaque mois : {montant}',
    formule: 'Le calcul : {salaire} × {heures} heures × {semaines} semaines ÷ 12 mois',
    heuresMois: 'Heures payées chaque mois : {heures}',
    congesInclus: 'Les vacances payées sont déjà comprises.',
    congesEnPlus: 'Vous payez aussi les vacances de l’assistant maternel. Pour une année, c’est environ {montant}.',
    congesOptions:
      'Vous pouvez payer en une fois en juin, ou pendant les vacances, ou un peu chaque mois : {douzieme} de plus par mois. C’est écrit dans le contrat.',
    finContrat: 'À la fin du contrat : si l’assistant maternel a travaillé plus d’heures que les heures payées, vous payez les heures en plus.',
    indemnites: 'Vous payez aussi les frais : entretien, repas, voiture.',
    avertissement: 'Ce calcul donne une idée. Le relais petite enfance peut vous aider à vérifier.',
    source: 'Règles : convention collective des particuliers employeurs (IDCC 3239), articles 102 et 108.',
    erreurs: {
      type: 'Choisissez : toute l’année ou pas toute l’année.',
      salaire: 'Écrivez le prix d’une heure. Exemple : 4,20.',
      heures: 'Écrivez un nombre d’heures entre 1 et 45.',
      semaines: 'Écrivez un nombre de semaines entre 1 et 46. Pour 52 semaines, choisissez toute l’année.',
    },
  },
  evenements: {
    titre: 'Découvrir le métier d’assistant maternel : les rendez-vous',
    intro: 'Le relais petite enfance organise des rencontres. Vous pouvez découvrir le métier. C’est gratuit.',
    aucun: 'Il n’y a pas de rendez-vous pour le moment. Vous pouvez appeler le relais.',
    prochains: 'Les prochains rendez-vous',
    tous: 'Tous les rendez-vous',
    quand: '{jour}, de {debut} à {fin}',
    ou: 'Adresse : {lieu}',
    places: 'Places libres : {n}',
    complet: 'Plus de place',
    voir: 'Voir et s’inscrire : {titre}',
    inscriptionTitre: 'S’inscrire',
    nom: 'Votre prénom et votre nom',
    email: 'Votre adresse e-mail',
    telephone: 'Votre téléphone',
    consentementLegende: 'Vos informations',
    consentement: 'Je suis d’accord : le relais garde mon nom et mon adresse e-mail pour ce rendez-vous. Le relais les efface {mois} mois après.',
    valider: 'M’inscrire',
    inscrit: 'C’est bon : vous êtes inscrit. À bientôt !',
    dejaInscrit: 'Vous êtes déjà inscrit avec cette adresse e-mail.',
    plusDePlace: 'Il n’y a plus de place. Regardez les autres rendez-vous.',
    introuvable: 'On ne peut plus s’inscrire à ce rendez-vous.',
    types: {
      'job-dating': 'Rencontre entre parents et assistants maternels',
      'reunion-information': 'Réunion pour découvrir le métier',
      journee: 'Journée pour découvrir le métier',
      autre: 'Rencontre',
    },
    erreurs: {
      nom: 'Écrivez votre prénom et votre nom.',
      email: 'Écrivez votre adresse e-mail. Exemple : nom@exemple.fr.',
      telephone: 'Écrivez un numéro de téléphone. Exemple : 06 12 34 56 78. Ou laissez vide.',
      consentement: 'Cochez la case pour dire que vous êtes d’accord.',
    },
  },
};
export default d;
