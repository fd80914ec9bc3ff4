import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['metier']> = {
  calcul: {
    titre: 'Bir çocuk bakıcısının (assistant maternel) aylık maaşını hesaplayın',
    intro:
      'Saatlik ücreti, haftalık bakım saatlerini ve eksik yıl için yıllık bakım haftası sayısını girin. Hesaplama, Fransız özel işverenler ve ev içi istihdam toplu sözleşmesine göre yapılır.',
    type: 'Yıl boyunca bakım',
    types: {
      complete: 'Tam yıl: çocuk yılda 52 hafta bakılır (bakıcının ücretli izni dahil)',
      incomplete: 'Eksik yıl: çocuk yılda 46 hafta veya daha az bakılır',
    },
    salaire: 'Saatlik ücret, avro olarak',
    salaireAide: 'Brüt veya net: sonuç aynı türde olur. Örnek: 4,20',
    heures: 'Haftalık bakım saati',
    heuresAide: 'Örnek: 40 veya 37,5. En fazla 45 saat: bunun üzerindeki saatler sözleşmedeki daha yüksek ücretle ödenir.',
    semaines: 'Yıllık bakım haftası',
    semainesAide: 'Yalnızca eksik yıl için: 1 ile 46 hafta arası.',
    calculer: 'Hesapla',
    resultat: 'Sonuç',
    mensuel: 'Aylık maaş: {montant}',
    formule: 'Hesaplama: {salaire} × {heures} saat × {semaines} hafta ÷ 12 ay',
    heuresMois: 'Her ay ödenen saat: {heures}',
    congesInclus: 'Ücretli izin bu maaşa dahildir.',
    congesEnPlus:
      'Ücretli izin ayrıca ödenir. Bir yıl için tahmin: {montant} (yıllık maaşların onda biri). Bakıcı izin sırasında maaşını koruyarak daha fazla kazanıyorsa, bu tutar ödenir.',
    congesOptions: 'Sözleşmeye göre haziranda bir kerede, izin sırasında veya on ikide bir olarak ödenir: her ay {douzieme} fazla.',
    finContrat: 'Sözleşme sonunda bakıcı ödenen saatlerden fazla çalıştıysa, aradaki fark ödenir: buna düzeltme (régularisation) denir.',
    indemnites: 'Bu maaşa bakım giderleri ve gerekirse yemek ve yol masrafları eklenir.',
    avertissement: 'Bu hesaplama bir tahmindir. Relais Petite Enfance sizinle birlikte kontrol edebilir.',
    source: 'Kaynak: Fransız özel işverenler ve ev içi istihdam ulusal toplu sözleşmesi (IDCC 3239), madde 102 ve 108.',
    erreurs: {
      type: 'Tam yıl veya eksik yıl seçin.',
      salaire: 'Avro olarak saatlik ücret girin, örneğin 4,20.',
      heures: '1 ile 45 arasında haftalık saat sayısı girin.',
      semaines: 'Eksik yıl için 1 ile 46 arasında hafta sayısı girin. 52 hafta için tam yılı seçin.',
    },
  },
  evenements: {
    titre: 'Çocuk bakıcılığı mesleğini keşfedin: yaklaşan buluşmalar',
    intro:
      'Relais Petite Enfance mesleği tanıtmak için buluşmalar düzenler: ebeveynler ve bakıcılar arasında iş buluşmaları, bilgilendirme toplantıları, açık kapı günleri. Kayıt ücretsizdir.',
    aucun: 'Şu anda planlanmış bir buluşma yok. Yakında tekrar bakın veya relais’i arayın.',
    prochains: 'Yaklaşan buluşmalar',
    tous: 'Tüm buluşmalar',
    quand: '{jour}, {debut} – {fin}',
    ou: 'Yer: {lieu}',
    places: 'Kalan yer: {n}',
    complet: 'Dolu',
    voir: 'Görün ve kaydolun: {titre}',
    inscriptionTitre: 'Kaydol',
    nom: 'Ad ve soyad',
    email: 'E-posta adresi',
    telephone: 'Telefon',
    consentementLegende: 'Verileriniz',
    consentement: 'Relais’in bu buluşmayı düzenlemek için adımı ve iletişim bilgilerimi saklamasını kabul ediyorum. {mois} ay sonra silinirler.',
    valider: 'Beni kaydet',
    inscrit: 'Tamam: kaydınız yapıldı. Görüşmek üzere!',
    dejaInscrit: 'Bu e-posta adresi bu buluşmaya zaten kayıtlı.',
    plusDePlace: 'Yer kalmadı. Diğer buluşmalara bakın.',
    introuvable: 'Bu buluşma artık kayda açık değil.',
    types: {
      'job-dating': 'İş buluşması “assmat dating”',
      'reunion-information': 'Meslek hakkında bilgilendirme toplantısı',
      journee: 'Mesleği keşif günü',
      autre: 'Buluşma',
    },
    erreurs: {
      nom: 'Adınızı ve soyadınızı girin.',
      email: 'Geçerli bir e-posta adresi girin, örneğin ad@ornek.com.',
      telephone: 'Fransız telefon numarası girin, örneğin 06 12 34 56 78, veya boş bırakın.',
      consentement: 'Relais’in bu buluşma için iletişim bilgilerinizi saklamasını kabul etmek için kutuyu işaretleyin.',
    },
  },
};
export default d;
