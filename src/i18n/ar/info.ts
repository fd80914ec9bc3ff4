import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['info']> = {
  filAriane: 'أنت هنا',
  sections: { familles: 'للعائلات', 'assistants-maternels': 'للحاضنات المعتمدات', 'a-propos': 'عن الموقع' },
  tableau: 'جدول (مرّره أفقيًا على الشاشة الصغيرة)',
  sommaire: 'في هذه الصفحة',
  sources: 'المصادر الرسمية',
  sourcesIntro: 'لمعرفة المزيد، اطّلع على هذه المواقع العمومية (باللغة الفرنسية):',
  misAJour: 'آخر تحديث لهذه الصفحة: {date}.',
  versionFacile: 'نسخة سهلة القراءة (بالفرنسية)',
  versionFacileAide: 'المعلومات نفسها بجمل قصيرة وصور.',
  versionComplete: 'النسخة الكاملة',
  versionCompleteAide: 'الصفحة بكل المعلومات المفصّلة.',
  relais: {
    aucun: 'ستُعرض هنا قريبًا أماكن استقبال المكتب. في الأثناء، قدّم طلبًا عبر هذا الموقع وسيتصل بك المكتب.',
    communes: 'عدد البلديات: {n}',
    telephone: 'الهاتف',
    courriel: 'البريد الإلكتروني',
    adresse: 'العنوان',
    acces: 'الوصول',
    horaires: 'أوقات الاستقبال',
  },
  plan: { titre: 'خريطة الموقع', intro: 'كل صفحات الموقع مرتبة حسب الموضوع.', demarches: 'الخدمات والأدوات' },
  lecture: { lire: 'قراءة الصفحة بصوت عالٍ', arreter: 'إيقاف القراءة', fin: 'انتهت القراءة.' },
  recherche: {
    communes: '{n, plural, zero {لا توجد بلديات} one {بلدية واحدة} two {بلديتان} few {# بلديات} many {# بلديةً} other {# بلدية}}',
    lieux: '{n, plural, zero {لا توجد أماكن رعاية} one {مكان رعاية واحد} two {مكانا رعاية} few {# أماكن رعاية} many {# مكانًا للرعاية} other {# مكان رعاية}}',
    voirCarte: 'أماكن رعاية الأطفال في {commune} وما حولها',
    demander: 'تقديم طلب (البلدية: {commune})',
    titre: 'بحث',
    champ: 'عمّ تبحث؟',
    aide: 'مثلًا: حضانة، حاضنة معتمدة، مساعدات، ساعات الليل.',
    bouton: 'بحث',
    resultats: '{n, plural, zero {لا توجد نتائج لـ «{q}»} one {نتيجة واحدة لـ «{q}»} two {نتيجتان لـ «{q}»} few {# نتائج لـ «{q}»} many {# نتيجةً لـ «{q}»} other {# نتيجة لـ «{q}»}}',
    aucun: 'لا توجد صفحة تطابق «{q}».',
    conseils: 'جرّب كلمة أخرى أقصر أو أكثر شيوعًا. يمكنك أيضًا الاطلاع على خريطة الموقع أو الاتصال بمكتب Relais Petite Enfance.',
    autreLangue: 'صفحة بالفرنسية',
    vide: 'اكتب كلمة أو أكثر ثم اضغط على «بحث».',
  },
};
export default d;
