import { expect, it } from 'vitest';
import { clesManquantes, LANGS, traduire } from '../../../src/i18n';

it('a family reads the follow-up emails and pages in each of the 8 languages', () => {
  for (const l of LANGS)
    expect(
      clesManquantes(l).filter((k) => k.startsWith('relance.')),
      l,
    ).toEqual([]);
  expect(traduire('ar', 'relance.page.confirmer')).not.toBe(traduire('fr', 'relance.page.confirmer'));
  expect(traduire('uk', 'relance.suivi.sujet', { reference: 'D-2026-00042' })).toContain('D-2026-00042');
});
