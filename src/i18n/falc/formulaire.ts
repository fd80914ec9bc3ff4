export default {
  titreErreurs: { one: '{n} erreur', other: '{n} erreurs' },
  resume: {
    one: 'Il y a {n} erreur. Corrigez la case en rouge :',
    other: 'Il y a {n} erreurs. Corrigez les cases en rouge :',
  },
  lien: '{champ} : {message}',
};
