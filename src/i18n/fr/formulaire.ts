// The form kit's own words (src/components/form/). Plural forms are chosen
// with Intl.PluralRules: one key per category the language uses ('other' is required).
export default {
  /** Prefix of the page title when a form comes back with errors: "2 erreurs – …". */
  titreErreurs: { one: '{n} erreur', other: '{n} erreurs' },
  /** Heading of the error summary. */
  resume: {
    one: 'Le formulaire contient {n} erreur. Corrigez-la pour continuer :',
    other: 'Le formulaire contient {n} erreurs. Corrigez-les pour continuer :',
  },
  /** One link of the summary: the field's name, then what is wrong. */
  lien: '{champ} : {message}',
};
