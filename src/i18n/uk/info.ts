import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['info']> = {
  filAriane: 'Ви тут',
  sections: { familles: 'Для сімей', 'assistants-maternels': 'Для нянь', 'a-propos': 'Про сайт' },
  tableau: 'Таблиця (на малому екрані гортайте вбік)',
  sommaire: 'На цій сторінці',
  sources: 'Офіційні джерела',
  sourcesIntro: 'Щоб дізнатися більше, перегляньте ці державні сайти (французькою):',
  misAJour: 'Сторінку оновлено {date}.',
  versionFacile: 'Спрощена версія (французькою)',
  versionFacileAide: 'Та сама інформація короткими реченнями та з малюнками.',
  versionComplete: 'Повна версія',
  versionCompleteAide: 'Сторінка з усією докладною інформацією.',
  relais: {
    aucun: 'Незабаром тут будуть адреси служби. Тим часом подайте заявку на цьому порталі: служба звʼяжеться з вами.',
    communes: 'Громад: {n}',
    telephone: 'Телефон',
    courriel: 'Електронна пошта',
    adresse: 'Адреса',
    acces: 'Як дістатися',
    horaires: 'Години прийому',
  },
  plan: { titre: 'Мапа сайту', intro: 'Усі сторінки сайту за темами.', demarches: 'Послуги та інструменти' },
  lecture: { lire: 'Прочитати сторінку вголос', arreter: 'Зупинити читання', fin: 'Читання завершено.' },
  recherche: {
    communes: '{n, plural, one {# громада} few {# громади} many {# громад} other {# громади}}',
    lieux: '{n, plural, one {# місце догляду} few {# місця догляду} many {# місць догляду} other {# місця догляду}}',
    voirCarte: 'Місця догляду в {commune} та поблизу',
    demander: 'Подати заявку (громада: {commune})',
    titre: 'Пошук',
    champ: 'Що ви шукаєте?',
    aide: 'Наприклад: ясла, няня, допомога, нічні години.',
    bouton: 'Шукати',
    resultats: '{n, plural, one {# результат за запитом «{q}»} few {# результати за запитом «{q}»} many {# результатів за запитом «{q}»} other {# результату за запитом «{q}»}}',
    aucun: 'За запитом «{q}» сторінок не знайдено.',
    conseils: 'Спробуйте інше слово, коротше або поширеніше. Також можна переглянути мапу сайту або зателефонувати до Relais Petite Enfance.',
    autreLangue: 'Сторінка французькою',
    vide: 'Введіть одне або кілька слів і натисніть «Шукати».',
  },
};
export default d;
