import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['courriel']> = {
  commun: {
    bonjour: 'مرحبًا {prenom}،',
    signature: 'الشبّاك الموحّد للطفولة المبكرة',
    pied: 'أُرسلت هذه الرسالة تلقائيًا، يُرجى عدم الرد عليها. لأي سؤال، اتصلوا بمركز الطفولة المبكرة (Relais Petite Enfance).',
  },
  confirmation: {
    sujet: 'لقد استلمنا طلب رعاية الطفل رقم {reference}',
    recue: 'لقد استلمنا طلبكم للحصول على رعاية لطفلكم. رقم الطلب هو {reference}.',
    prochaine: 'سيتصل بكم {relais} في موعد أقصاه {date} (خلال {jours} يومًا).',
    contactRelais: 'للتواصل مع {relais}: {contact}.',
    horsTerritoire: 'لقد استلمنا طلبكم (رقم {reference}). بلديتكم ليست ضمن منطقتنا، لذلك لا يستطيع أي مركز لدينا معالجته. نحتفظ به فقط لإحصاء الاحتياجات.',
    horsTerritoireMairie: 'اتصلوا ببلدية مدينتكم: ستدلّكم على الجهة التي يمكنها مساعدتكم.',
    horsTerritoireCaf: 'زوروا موقع monenfant.fr التابع لصندوق الإعانات العائلية (CAF): يعرض دور الحضانة والمربّيات المعتمدات قرب منزلكم.',
    suiviTitre: 'متابعة طلبكم',
    suiviTexte: 'بهذا الرابط الشخصي يمكنكم معرفة مرحلة طلبكم وتعديله أو سحبه أو حذف بياناتكم.',
    suiviLien: 'عرض طلبي',
    garderLien: 'احتفظوا بهذه الرسالة: الرابط شخصي، لا تشاركوه مع أحد.',
  },
  lien: {
    sujet: 'رابطكم لمتابعة الطلب {reference}',
    texte: 'طلبتم رابطًا جديدًا لمتابعة طلبكم {reference}.',
    ancien: 'هذا الرابط الجديد يحلّ محلّ الرابط القديم الذي لم يعد يعمل.',
    pasVous: 'إذا لم تطلبوا شيئًا، تجاهلوا هذه الرسالة: طلبكم لم يتغيّر.',
  },
  relation: {
    sujet: 'الطلب {reference}: يقترح عليكم المركز {nom}',
    intro: 'يقترح عليكم مركز الطفولة المبكرة الاتصال بهذا المهني في مجال رعاية الأطفال بخصوص طلبكم {reference}:',
    qui: '{nom} — {type}، {commune}',
    telephone: 'الهاتف: {telephone}',
    email: 'البريد الإلكتروني: {email}',
    sansCoordonnees: 'لم ينشر هذا المهني بيانات الاتصال الخاصة به: سيعطيكم المركز إياها، أو قد أرسل إليه احتياجكم.',
    conseil: 'اتصلوا به بسرعة. ثم أخبروا المركز إن وقّعتم عقدًا.',
  },
  sms: {
    relation: 'مرحبًا {prenom}، يقترح عليكم المركز {nom} ({type}، {commune}){contact}. التفاصيل بالبريد الإلكتروني أو في صفحة المتابعة.',
    lien: 'مرحبًا {prenom}، تم استلام طلبكم {reference}. تابعوه هنا: {lien}',
  },
};
export default d;
