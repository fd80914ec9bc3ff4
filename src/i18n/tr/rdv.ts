import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['rdv']> = {
  motifs: {
    'premier-rdv': { nom: 'Çocuk bakımı başvurunuz için ilk randevu', aide: 'İhtiyacınızı ve olası çözümleri birlikte ele alıyoruz.' },
    'employer-am': { nom: 'Çocuk bakıcısı (assistant maternel) istihdam etmek: işlemler', aide: 'Sözleşme, maaş, CAF yardımları: sorularınızı yanıtlıyoruz.' },
    'pro-am': { nom: 'Mesleki randevu (çocuk bakıcıları)', aide: 'Relais’ye bağlı çocuk bakıcıları için.' },
  },
  modes: { 'sur-place': 'Yüz yüze, relais’de', telephone: 'Telefonla', visio: 'Görüntülü görüşmeyle' },
  duree: '{minutes} dakika',
  prise: {
    titre: 'Relais Petite Enfance ile randevu alın',
    intro: 'Randevunun konusunu, şeklini ve yerini seçin. Ardından boş saatleri gösteriyoruz.',
    demande: '{reference} numaralı başvuru için', motif: 'Randevunun konusu', mode: 'Randevu nasıl olsun?', lieu: 'Randevu yeri', lieuAide: 'Size en uygun yeri seçin.',
    voirCreneaux: 'Boş saatleri gör', creneaux: 'Bir tarih ve saat seçin', creneauxAide: 'Tüm saatler Paris saatidir.',
    aucunCreneau: 'Bu dönemde boş saat kalmadı. Sonraki haftaları, başka bir yeri deneyin veya relais’yi arayın.',
    periode: '{du} – {au}', precedents: 'Önceki haftalar', suivants: 'Sonraki haftalar',
    telephone: 'Animatörün sizi arayacağı numara', telephoneAide: 'Örneğin 06 12 34 56 78.', email: 'Onay için e-posta adresi',
    reserver: 'Bu randevuyu al', modifierChoix: 'Konuyu, şekli veya yeri değiştir',
    creneauPris: 'Üzgünüz, bu saat az önce başkası tarafından alındı. Başka bir saat seçin.',
    indisponible: 'Bu başvuru için internetten randevu alınamıyor. Relais’nizi arayın.',
    aucunMotif: 'Relais’niz henüz internetten randevu sunmuyor. Randevu için arayın.',
    lienInconnu: 'Bu bağlantı çalışmıyor. Tam olduğunu kontrol edin veya yeni bir takip bağlantısı isteyin.',
    retourSuivi: 'Başvurumun takibine dön',
  },
  erreurs: {
    resume: '{n, plural, one {Formda # hata var:} other {Formda # hata var:}}', motif: 'Randevunun konusunu seçin.', mode: 'Randevunun şeklini seçin.', lieu: 'Randevu yerini seçin.',
    creneau: 'Bir tarih ve saat seçin.', telephone: 'Geçerli bir telefon numarası girin (10 rakam).', email: 'Geçerli bir e-posta girin, örneğin ad@ornek.fr.',
    nom: 'Adınızı girin.', places: '1 ile 5 arasında bir kişi sayısı girin.',
  },
  gerer: {
    titre: 'Randevunuz', confirme: 'Randevunuz alındı! Takviminize eklemeniz için randevuyu içeren bir onay e-postası gönderdik.', confirmeSansEmail: 'Randevunuz alındı! Tarihi ve saati not edin.',
    deplace: 'Randevunuzun saati değiştirildi. Size bir e-posta gönderdik.', annule: 'Randevunuz iptal edildi. Saat başka bir aile için boşaldı.',
    details: 'Randevu bilgileri', quand: 'Ne zaman', quandValeur: '{jour}, saat {heure}', motif: 'Konu', mode: 'Nasıl', lieu: 'Nerede', acces: 'Ulaşım', statut: 'Durum',
    statuts: { reserve: 'Alındı', honore: 'Gerçekleşti', absent: 'Gelmedi', excuse: 'Mazeretli', annule: 'İptal edildi' },
    appel: 'Animatör sizi {telephone} numarasından arayacak.', visio: 'Görüntülü görüşme bağlantısı randevudan önce e-postayla gönderilecek.',
    deplacerTitre: 'Randevuyu değiştir', deplacerAide: 'Yeni bir tarih ve saat seçin.', deplacer: 'Bu saate taşı',
    annulerTitre: 'Randevuyu iptal et', annulerAide: 'Gelemeyecekseniz iptal edin: saat başka bir aileye verilebilir.', annuler: 'Bu randevuyu iptal et',
    tropTard: 'Randevuya {heures} saatten az kaldı: artık internetten değiştirilemez. Relais’yi arayın: {telephone}.',
    limite: 'Bu randevuyu {heures} saat öncesine kadar internetten değiştirebilir veya iptal edebilirsiniz.', lienInconnu: 'Bu bağlantı çalışmıyor veya randevu artık yok.',
    nouveau: 'Başka bir randevu almak için başvurunuzun takip bağlantısını açın.',
  },
  bloc: { titre: 'Randevular', aucun: 'Relais ile randevunuz yok.', prendre: 'Randevu al', prochain: 'Randevunuz: {quand}', gerer: 'Gör, değiştir veya iptal et', passes: 'Geçmiş veya iptal edilmiş randevular' },
  courriel: {
    confirmationSujet: 'Randevu onaylandı: {jour}, saat {heure}', deplacementSujet: 'Randevu taşındı: {jour}, saat {heure}', rappelSujet: 'Hatırlatma: {jour}, saat {heure} randevusu',
    annulationSujet: '{jour}, saat {heure} randevusu iptal edildi', confirmation: '{relais} ile randevunuz onaylandı.', deplacement: '{relais} ile randevunuz değiştirildi. Yeni tarih aşağıda.',
    rappel: '{relais} ile randevunuzu hatırlatırız.', annulation: '{relais} ile randevunuz iptal edildi.', quand: '{jour}, saat {heure} ({duree}).', motif: 'Konu: {motif}.', mode: 'Nasıl: {mode}.',
    adresseTitre: 'Adres ve ulaşım', agenda: 'Ekteki «rendez-vous.ics» dosyası randevuyu takviminize ekler.', gererLien: 'Randevuyu değiştir veya iptal et',
    limite: '{heures} saat öncesine kadar değiştirebilir veya iptal edebilirsiniz. Sonrasında relais’yi arayın: {telephone}.',
    sms: 'RPE hatirlatma: randevu {jour} saat {heure}, {ou}. Degistir/iptal: {lien}', smsTelephone: 'telefonla', visioLien: 'Görüntülü görüşmeye katılın', smsVisio: 'goruntulu',
  },
  reunions: {
    titre: 'Bilgilendirme toplantıları', intro: 'Relais’ler ebeveynler, anne-baba adayları ve çocuk bakıcıları için ücretsiz grup toplantıları düzenler. İnternetten kaydolun.',
    aucune: 'Şu anda planlanmış toplantı yok.', quand: '{jour}, {debut} – {fin}', places: '{n, plural, one {# boş yer} other {# boş yer}}', complet: 'Dolu', enVisio: 'Görüntülü (bağlantı size gönderilecek)',
    publics: { famille: 'Ebeveynler ve anne-baba adayları için', am: 'Çocuk bakıcıları için' }, sInscrire: 'Kaydol', inscriptionTitre: 'Toplantıya kaydol',
    nom: 'Adınız ve soyadınız', email: 'E-posta adresiniz', telephone: 'Telefonunuz', nbPlaces: 'Gelecek kişi sayısı', profil: 'Siz',
    profils: { famille: 'Ebeveyn veya anne-baba adayı', am: 'Çocuk bakıcısı' }, valider: 'Kaydımı onayla', inscrit: 'Kaydınız alındı. Size bir onay e-postası gönderdik.',
    dejaInscrit: 'Bu e-posta adresi bu toplantıya zaten kayıtlı.', plusDePlace: 'Bu toplantı için yeterli yer kalmadı.', annulerInscription: 'Kaydımı iptal et',
    inscriptionAnnulee: 'Kaydınız iptal edildi.', retour: 'Tüm toplantılar', courrielSujet: '«{titre}» toplantısına kayıt, {jour}',
    courrielRappelSujet: 'Hatırlatma: «{titre}» toplantısı, {jour}', courrielTexte: '«{titre}» toplantısına kayıtlısınız.', courrielRappel: '«{titre}» toplantısını hatırlatırız.', courrielAnnuler: 'Kaydımı iptal et',
  },
};
export default d;
