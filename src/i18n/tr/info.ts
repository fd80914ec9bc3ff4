import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['info']> = {
  filAriane: 'Buradasınız',
  sections: { familles: 'Aileler için', 'assistants-maternels': 'Çocuk bakıcıları için', 'a-propos': 'Site hakkında' },
  tableau: 'Tablo (küçük ekranda yana kaydırın)',
  sommaire: 'Bu sayfada',
  sources: 'Resmî kaynaklar',
  sourcesIntro: 'Daha fazla bilgi için şu kamu sitelerine bakın (Fransızca):',
  misAJour: 'Sayfanın güncellenme tarihi: {date}.',
  versionFacile: 'Kolay okunur sürüm (Fransızca)',
  versionFacileAide: 'Aynı bilgiler, kısa cümleler ve resimlerle.',
  versionComplete: 'Tam sürüm',
  versionCompleteAide: 'Tüm ayrıntılı bilgileri içeren sayfa.',
  relais: {
    aucun: 'Relais’nin kabul yerleri yakında burada gösterilecek. Bu arada bu portaldan başvuru yapın: relais sizinle iletişime geçecek.',
    communes: '{n} belediye',
    telephone: 'Telefon',
    courriel: 'E-posta',
    adresse: 'Adres',
    acces: 'Ulaşım',
    horaires: 'Açılış saatleri',
  },
  plan: { titre: 'Site haritası', intro: 'Sitenin tüm sayfaları, konulara göre.', demarches: 'İşlemler ve araçlar' },
  lecture: { lire: 'Sayfayı sesli oku', arreter: 'Okumayı durdur', fin: 'Okuma bitti.' },
  recherche: {
    communes: '{n, plural, one {# belediye} other {# belediye}}',
    lieux: '{n, plural, one {# bakım yeri} other {# bakım yeri}}',
    voirCarte: '{commune} ve çevresindeki bakım yerleri',
    demander: 'Başvuru yap (belediye: {commune})',
    titre: 'Ara',
    champ: 'Ne arıyorsunuz?',
    aide: 'Örneğin: kreş, çocuk bakıcısı, yardımlar, gece saatleri.',
    bouton: 'Ara',
    resultats: '{n, plural, one {“{q}” için # sonuç} other {“{q}” için # sonuç}}',
    aucun: '“{q}” ile eşleşen sayfa yok.',
    conseils: 'Daha kısa ya da daha yaygın başka bir kelime deneyin. Site haritasına da bakabilir veya Relais Petite Enfance’ı arayabilirsiniz.',
    autreLangue: 'Fransızca sayfa',
    vide: 'Bir veya birkaç kelime yazın, ardından Ara’ya basın.',
  },
};
export default d;
