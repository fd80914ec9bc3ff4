import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['relance']> = {
  suivi: {
    sujet: '{reference} numaralı başvurunuz: durum nedir?',
    titre: 'Çocuk bakımı arayışınız ne durumda?',
    intro:
      'Birkaç ay önce erken çocukluk bilgi merkezi (relais petite enfance) çocuğunuz için bakım aramanıza yardım etti ({reference} numaralı başvuru). Ne durumda olduğunuzu tek tıkla bize bildirin: bu, ailelere daha iyi destek olmamıza yardımcı olur.',
    rappelSujet: 'Hatırlatma: {reference} numaralı başvurunuz, durum nedir?',
    rappelIntro: 'Yanıtınızı henüz almadık. Ne durumda olduğunuzu bildirmek için tek bir tık yeterli ({reference} numaralı başvuru).',
    reponse: {
      contrat: 'Bulduk: sözleşme imzalandı veya yer kabul edildi',
      recherche: 'Hâlâ arıyoruz',
      'plus-besoin': 'Artık çocuk bakımına ihtiyacımız yok',
    },
  },
  actualite: {
    sujet: '{reference} numaralı başvurunuz hâlâ geçerli mi?',
    titre: 'Hâlâ çocuk bakımına ihtiyacınız var mı?',
    intro:
      '{reference} numaralı başvurunuz erken çocukluk bilgi merkezinde hâlâ açık. Size en iyi şekilde yardımcı olabilmemiz için hâlâ çocuk bakımı arayıp aramadığınızı bize bildirin.',
    reponse: {
      oui: 'Evet, hâlâ arıyorum',
      non: 'Hayır, artık merkezin yardımına ihtiyacım yok',
    },
  },
  page: {
    titre: 'Erken çocukluk bilgi merkezine yanıtınız',
    demande: '{reference} numaralı başvuru',
    choix: 'Yanıtınız',
    confirmer: 'Yanıtımı gönder',
    explication: 'Seçiminizi kontrol edin, ardından göndermek için düğmeye basın.',
    merci: 'Teşekkürler, yanıtınız kaydedildi.',
    merciContrat: 'Teşekkürler, size ve çocuğunuza her şeyin en iyisini dileriz! Başvurunuz kapatıldı.',
    merciRecherche: 'Teşekkürler. Başvurunuz açık kalıyor: merkezden biri sizinle yeniden iletişime geçecek.',
    merciPlusBesoin: 'Teşekkürler. Başvurunuz kapatıldı. İstediğiniz zaman yeni bir başvuru yapabilirsiniz.',
    merciOui: 'Teşekkürler. Başvurunuz açık kalıyor ve merkez sizinle birlikte aramaya devam ediyor.',
    merciNon: 'Teşekkürler. Başvurunuz kapatıldı. İstediğiniz zaman yeni bir başvuru yapabilirsiniz.',
    invalide: 'Bu bağlantı artık geçerli değil: daha önce kullanılmış veya süresi dolmuş. Durumunuz değiştiyse merkezle iletişime geçin.',
    erreurChoix: 'Bir yanıt seçin.',
    erreurTitre: 'Yanıtınız gönderilmedi',
  },
  sansSolution: {
    sujet: '{reference} numaralı başvurunuz: hâlâ mümkün olan çözümler',
    titre: 'Yer bulamadık, ancak başka seçenekler var',
    intro: 'Merkez, {reference} numaralı başvurunuza uygun bir bakım bulamadı. Başvurunuz kapatıldı, ancak hâlâ açık olan tüm seçenekler aşağıda.',
    autresModes: 'Diğer çocuk bakımı türleri',
    mode: {
      collectif: 'Bir kreş veya mikro kreş (toplu bakım)',
      'assistant-maternel': 'Kendi evinde çalışan onaylı bir çocuk bakıcısı',
      mam: 'Onaylı çocuk bakıcıları evi (MAM)',
      'garde-a-domicile': 'Evinizde bir bakıcı, gerekirse başka bir aileyle paylaşılan',
    },
    voisines: 'Komşu belediyelerdeki yerler',
    voisine: '{places, plural, one {{commune} ({km} km): bildirilen # boş yer} other {{commune} ({km} km): bildirilen # boş yer}}',
    aucuneVoisine: 'Bugün komşu belediyelerde bildirilmiş boş yer yok. Bu sık değişir: birkaç hafta sonra tekrar sorun.',
    listes: 'Kreşlerin bekleme listeleri',
    liste: '{nom} ({commune})',
    listeExplication: 'Bu kreşlerin bekleme listesine kaydolabilirsiniz: yıl içinde bazen bir yer boşalır.',
    contact: 'Konuşmak veya yeni bir başvuru yapmak için merkezle iletişime geçin: {relais}, {telephone}.',
  },
};
export default d;
