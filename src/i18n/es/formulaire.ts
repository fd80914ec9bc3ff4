export default {
  titreErreurs: { one: '{n} error', other: '{n} errores' },
  resume: {
    one: 'El formulario tiene {n} error. Corríjalo para continuar:',
    other: 'El formulario tiene {n} errores. Corríjalos para continuar:',
  },
  lien: '{champ}: {message}',
};
