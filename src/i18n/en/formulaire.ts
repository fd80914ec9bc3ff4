export default {
  titreErreurs: { one: '{n} error', other: '{n} errors' },
  resume: {
    one: 'The form has {n} error. Correct it to continue:',
    other: 'The form has {n} errors. Correct them to continue:',
  },
  lien: '{champ}: {message}',
};
