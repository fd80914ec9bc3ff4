import { describe, expect, it } from 'vitest';
import { lienAgenda, lireFiltresAgenda, periodeAgenda } from '../../../src/domain/rdv/agenda-vue';

const AUJOURDHUI = '2026-12-09'; // a Wednesday
const lire = (q: string) => lireFiltresAgenda(new URLSearchParams(q), AUJOURDHUI, ['anim-1'], ['lieu-1']);

describe('the agenda query string', () => {
  it('defaults to the week of today, every animatrice and site, cancelled RDVs hidden', () => {
    expect(lire('')).toEqual({ vue: 'semaine', date: AUJOURDHUI, animatriceId: '', lieuId: '', annules: false });
  });

  it('keeps a real date, the day view, the relais’ own animatrice and site, and "distance"', () => {
    expect(lire('vue=jour&date=2027-01-04&animatrice=anim-1&lieu=lieu-1&annules=oui')).toEqual({
      vue: 'jour',
      date: '2027-01-04',
      animatriceId: 'anim-1',
      lieuId: 'lieu-1',
      annules: true,
    });
    expect(lire('lieu=distance').lieuId).toBe('distance');
  });

  it('falls back to today on a date that does not exist or is not a date, and ignores foreign ids', () => {
    for (const d of ['2026-02-30', '2026-13-01', '09/12/2026', 'x', '%00']) expect(lire(`date=${d}`).date, d).toBe(AUJOURDHUI);
    expect(lire('animatrice=autre&lieu=autre&vue=mois')).toMatchObject({ animatriceId: '', lieuId: '', vue: 'semaine' });
  });

  it('covers Monday to Sunday of the week, or the day itself', () => {
    const semaine = periodeAgenda({ vue: 'semaine', date: AUJOURDHUI });
    expect(semaine.debut).toBe('2026-12-07');
    expect(semaine.nbJours).toBe(7);
    expect(semaine.jours).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
    expect(periodeAgenda({ vue: 'jour', date: AUJOURDHUI })).toEqual({ debut: AUJOURDHUI, nbJours: 1, jours: [AUJOURDHUI] });
  });

  it('links keep the view and filters, the relais only when given, and change what is asked', () => {
    const f = lire('vue=jour&date=2027-01-04&animatrice=anim-1&lieu=distance');
    const lien = new URL(lienAgenda(f, null, { date: '2027-01-05' }), 'http://x');
    expect(lien.pathname).toBe('/admin/agenda');
    expect(Object.fromEntries(lien.searchParams)).toEqual({ vue: 'jour', date: '2027-01-05', animatrice: 'anim-1', lieu: 'distance' });
    const admin = new URL(lienAgenda(lire(''), 'relais-2'), 'http://x');
    expect(Object.fromEntries(admin.searchParams)).toEqual({ vue: 'semaine', date: AUJOURDHUI, relais: 'relais-2' });
  });
});
