import { describe, expect, it } from 'vitest';
import { erreurSansDonnees } from '../../../src/server/redaction';
import { cheminPourJournal, CHEMIN_A_JETON } from '../../../src/server/http/garde';

describe('what reaches the log', () => {
  it('drops SQL parameters and quoted values from database errors', () => {
    const cause = Object.assign(
      new Error('insert or update on table "demandes" violates foreign key constraint: Key (structure_id)=(Léa Martin) is not present'),
      { code: '23503' },
    );
    const err = Object.assign(new Error('Failed query: insert into "demandes" ("p1_nom", "email") values ($1, $2)\nparams: Martin,lea.martin@exemple.fr'), {
      cause,
    });
    const e = erreurSansDonnees(err);
    expect(JSON.stringify(e)).not.toMatch(/Martin|lea\.martin|exemple\.fr/);
    expect(e.code).toBe('23503');
  });

  it('masks private tokens and drops the query string of logged paths', () => {
    expect(cheminPourJournal(new URL('http://x/ar/suivi/AbCdEf0123456789?email=a@b.fr'))).toBe('/ar/suivi/[lien privé masqué]?…');
    expect(CHEMIN_A_JETON.test('/rdv/gerer/abc')).toBe(true);
    expect(CHEMIN_A_JETON.test('/relance/abc')).toBe(true);
    expect(CHEMIN_A_JETON.test('/carte')).toBe(false);
  });
});
