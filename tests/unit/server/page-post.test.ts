import { describe, expect, it } from 'vitest';
import { relecture, traiterPost, type ContextePost } from '../../../src/server/staff/page-post';
import type { Resultat } from '../../../src/server/staff/contexte';

function contexte(methode: string, corps = ''): ContextePost & { redirections: string[] } {
  const redirections: string[] = [];
  return {
    request: new Request('http://x/admin/page', {
      method: methode,
      body: methode === 'POST' ? corps : undefined,
      headers: methode === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    }),
    response: { status: 200 },
    redirect: (chemin, statut) => {
      redirections.push(`${statut} ${chemin}`);
      return new Response(null, { status: statut, headers: { location: chemin } });
    },
    redirections,
  };
}

describe('the POST half of a staff page', () => {
  it('does nothing on a GET', async () => {
    const c = contexte('GET');
    let appele = false;
    expect(
      await traiterPost(c, async () => {
        appele = true;
        return { ok: true, redirection: '/' } as Resultat;
      }),
    ).toBeNull();
    expect(appele).toBe(false);
  });

  it('answers 303 where the handler says, with the fields posted minus the CSRF token', async () => {
    const c = contexte('POST', '_csrf=jeton&nom=Atelier&jours=1&jours=3');
    let recu: unknown;
    const r = await traiterPost(c, async (saisie) => {
      recu = saisie;
      return { ok: true, redirection: '/admin/ateliers?fait=cree' } as Resultat;
    });
    expect(r).toBeInstanceOf(Response);
    expect(c.redirections).toEqual(['303 /admin/ateliers?fait=cree']);
    expect(recu).toEqual({ nom: 'Atelier', jours: ['1', '3'] });
  });

  it('hands back a failure with 422 when it names errors, 200 when it only asks for more (next slots)', async () => {
    const c = contexte('POST', 'nom=x');
    const r = await traiterPost(c, async (saisie): Promise<Resultat> => ({ ok: false, erreurs: { nom: 'Trop court' }, saisie }));
    expect(r).toEqual({ ok: false, erreurs: { nom: 'Trop court' }, saisie: { nom: 'x' } });
    expect(c.response.status).toBe(422);
    const d = contexte('POST', 'aller=voir');
    await traiterPost(d, async (saisie): Promise<Resultat> => ({ ok: false, erreurs: {}, saisie }));
    expect(d.response.status).toBe(200);
  });
});

describe('reading back a failed post', () => {
  const echec = { saisie: { nom: 'Atelier', vide: '', modes: ['visio', 'telephone'] }, erreurs: { nom: 'Trop court' } };

  it('gives what was typed (empty included), the checked boxes and the errors, defaults otherwise', () => {
    const r = relecture(echec);
    expect(r.actif).toBe(true);
    expect(r.v('nom', 'defaut')).toBe('Atelier');
    expect(r.v('vide', 'defaut')).toBe('');
    expect(r.v('absent', 'defaut')).toBe('defaut');
    expect(r.coches('modes')).toEqual(['visio', 'telephone']);
    expect(r.err('nom')).toBe('Trop court');
    expect(r.err('vide')).toBeUndefined();
  });

  it('on a page of several forms, keeps the values and errors in the form that was posted', () => {
    const poste = relecture(echec, 'motif', 'motif');
    const autre = relecture(echec, 'plage', 'motif');
    expect(poste.v('nom')).toBe('Atelier');
    expect(autre.actif).toBe(false);
    expect(autre.v('nom', '09:00')).toBe('09:00');
    expect(autre.coches('modes')).toEqual([]);
    expect(autre.err('nom')).toBeUndefined();
  });

  it('with nothing posted, gives the defaults', () => {
    const r = relecture(null, 'motif', null);
    expect(r.actif).toBe(false);
    expect(r.v('dureeMinutes', '30')).toBe('30');
  });
});
