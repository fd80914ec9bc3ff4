export default {
  titreErreurs: { one: '{n} erro', other: '{n} erros' },
  resume: {
    one: 'O formulário tem {n} erro. Corrija-o para continuar:',
    other: 'O formulário tem {n} erros. Corrija-os para continuar:',
  },
  lien: '{champ}: {message}',
};
