import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['courriel']> = {
  commun: {
    bonjour: 'Merhaba {prenom},',
    signature: 'Erken Çocukluk Tek Durak Merkezi',
    pied: 'Bu mesaj otomatik olarak gönderilmiştir, lütfen yanıtlamayın. Sorularınız için Relais Petite Enfance (çocuk bakımı bilgi servisi) ile iletişime geçin.',
  },
  confirmation: {
    sujet: '{reference} numaralı çocuk bakımı başvurunuz alındı',
    recue: 'Çocuk bakımı başvurunuzu aldık. Başvuru numaranız {reference}.',
    prochaine: '{relais} en geç {date} tarihine kadar ({jours} gün içinde) sizinle iletişime geçecek.',
    contactRelais: '{relais} ile iletişim: {contact}.',
    horsTerritoire:
      'Başvurunuzu aldık (numara {reference}). Belediyeniz bölgemizde değil: buradaki hiçbir servis başvurunuzu işleyemez. Başvuruyu yalnızca ihtiyaçları saymak için saklıyoruz.',
    horsTerritoireMairie: 'Belediyenize başvurun: size yardımcı olabilecek servisi söyleyecektir.',
    horsTerritoireCaf: 'CAF’ın sitesi monenfant.fr’ye bakın: yakınınızdaki kreşleri ve çocuk bakıcılarını listeler.',
    suiviTitre: 'Başvurunuzu takip edin',
    suiviTexte: 'Bu kişisel bağlantıyla başvurunuzun durumunu görebilir, değiştirebilir, geri çekebilir veya verilerinizi silebilirsiniz.',
    suiviLien: 'Başvurumu gör',
    garderLien: 'Bu mesajı saklayın: bağlantı kişiseldir, kimseyle paylaşmayın.',
  },
  lien: {
    sujet: '{reference} numaralı başvuruyu takip bağlantınız',
    texte: '{reference} numaralı başvurunuzu takip etmek için yeni bir bağlantı istediniz.',
    ancien: 'Bu yeni bağlantı, artık çalışmayan eski bağlantının yerini alır.',
    pasVous: 'Bir şey istemediyseniz bu mesajı dikkate almayın: başvurunuz değişmedi.',
  },
  relation: {
    sujet: '{reference} numaralı başvuru: merkez size {nom} öneriyor',
    intro: 'Erken çocukluk merkezi, {reference} numaralı başvurunuz için bu çocuk bakım uzmanıyla iletişime geçmenizi öneriyor:',
    qui: '{nom} — {type}, {commune}',
    telephone: 'Telefon: {telephone}',
    email: 'E-posta: {email}',
    sansCoordonnees: 'Bu uzman iletişim bilgilerini yayınlamadı: merkez bunları size verecek ya da ihtiyacınızı ona iletti.',
    conseil: 'Kısa sürede iletişime geçin. Ardından sözleşme imzalayıp imzalamadığınızı merkeze bildirin.',
  },
  sms: {
    relation: 'Merhaba {prenom}, merkez size {nom} öneriyor ({type}, {commune}){contact}. Ayrıntılar e-postada veya takip sayfanızda.',
    lien: 'Merhaba {prenom}, {reference} numaralı başvurunuz alındı. Buradan takip edin: {lien}',
  },
};
export default d;
