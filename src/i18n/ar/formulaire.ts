// Arabic uses all six plural categories of Intl.PluralRules.
export default {
  titreErreurs: { zero: 'لا أخطاء', one: 'خطأ واحد', two: 'خطآن', few: '{n} أخطاء', many: '{n} خطأً', other: '{n} خطأ' },
  resume: {
    zero: 'لا توجد أخطاء في الاستمارة.',
    one: 'في الاستمارة خطأ واحد. صحّحه للمتابعة:',
    two: 'في الاستمارة خطآن. صحّحهما للمتابعة:',
    few: 'في الاستمارة {n} أخطاء. صحّحها للمتابعة:',
    many: 'في الاستمارة {n} خطأً. صحّحها للمتابعة:',
    other: 'في الاستمارة {n} خطأ. صحّحها للمتابعة:',
  },
  lien: '{champ}: {message}',
};
