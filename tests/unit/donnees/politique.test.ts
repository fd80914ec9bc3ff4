import { describe, expect, it } from 'vitest';
import { REGISTRE } from '../../../src/domain/donnees/registre';
import { DESTINATAIRES_PAR_TABLE, politiqueDonnees } from '../../../src/domain/donnees/politique';
import { DICTIONNAIRES } from '../../../src/i18n';

describe('personal-data page generated from the register', () => {
  const lignes = politiqueDonnees();

  it('has one row per family table of the register, each with its recipients said', () => {
    const famille = Object.entries(REGISTRE)
      .filter(([, r]) => r.personne === 'famille')
      .map(([t]) => t);
    expect(lignes.map((l) => l.table)).toEqual(famille);
    for (const t of famille) expect(DESTINATAIRES_PAR_TABLE, t).toHaveProperty(t);
  });

  it('follows the register: health data are shown for the demande, retention is the table’s', () => {
    const demandes = lignes.find((l) => l.table === 'demandes')!;
    expect(demandes.categories).toContain('sante');
    expect(demandes.retention).toBe(REGISTRE.demandes!.retention);
    expect(lignes.find((l) => l.table === 'courriels')!.retention).toBe('courriel');
  });

  it('every purpose, category, duration and recipient is written in every language', () => {
    const lire = (d: unknown, cle: string) =>
      cle.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), d);
    for (const [lang, dict] of Object.entries(DICTIONNAIRES)) {
      for (const l of lignes) {
        expect(lire(dict, l.finalite), `${lang} ${l.finalite}`).toEqual(expect.any(String));
        for (const c of l.categories) expect(lire(dict, `info.registre.categories.${c}`), `${lang} ${c}`).toEqual(expect.any(String));
        for (const d of l.destinataires) expect(lire(dict, `info.registre.destinataires.${d}`), `${lang} ${d}`).toEqual(expect.any(String));
        expect(lire(dict, `info.registre.retention.${l.retention}`), `${lang} ${l.retention}`).toEqual(expect.any(String));
      }
    }
  });
});
