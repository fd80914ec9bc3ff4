export default {
  titreErreurs: { one: '{n} hata', other: '{n} hata' },
  resume: {
    one: 'Formda {n} hata var. Devam etmek için düzeltin:',
    other: 'Formda {n} hata var. Devam etmek için düzeltin:',
  },
  lien: '{champ}: {message}',
};
