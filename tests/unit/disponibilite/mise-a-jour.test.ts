import { describe, expect, it } from 'vitest';
import { dateSaisie, lireFormulaireDispo, lirePublication, positionSelonPublication } from '../../../src/domain/disponibilite/mise-a-jour';

const o = { lignes: 3, aujourdhui: '2026-11-24', nombreModifiable: false };

describe('an assistant maternel updates her availability', () => {
  it('"Je n\'ai pas de place" needs nothing else', () => {
    expect(lireFormulaireDispo({ action: 'complet', p0_tranche: 'bebe' }, o)).toEqual({ ok: true, miseAJour: { statut: 'complet', places: [] } });
  });
  it('"J\'ai une place" for a baby from next month', () => {
    const r = lireFormulaireDispo(
      { action: 'places', p0_tranche: 'bebe', p0_date: '2026-12-01', p0_jours: ['1', '2', '4'], p0_atypiques: 'tot', p0_urgence: 'oui' },
      o,
    );
    expect(r).toEqual({
      ok: true,
      miseAJour: {
        statut: 'places',
        places: [
          {
            trancheAge: 'bebe',
            nombre: 1,
            aPartirDu: '2026-12-01',
            jours: [1, 2, 4],
            heureDebut: null,
            heureFin: null,
            horairesAtypiques: { tot: true },
            urgence: true,
            periscolaire: false,
          },
        ],
      },
    });
  });
  it('without a date the place is free from today; empty rows are ignored', () => {
    const r = lireFormulaireDispo({ action: 'places', p0_tranche: 'grand', p1_tranche: '', p2_date: '2026-12-01' }, o);
    expect(r.ok && r.miseAJour.places.map((p) => [p.trancheAge, p.aPartirDu])).toEqual([['grand', '2026-11-24']]);
  });
  it('a date typed as JJ/MM/AAAA on an old phone is understood', () => {
    expect(dateSaisie('05/01/2027')).toBe('2027-01-05');
    expect(dateSaisie('31/02/2027')).toBeNull();
    expect(dateSaisie('demain')).toBeNull();
  });
  it('"J\'ai une place" without an age group says so next to the first row', () => {
    expect(lireFormulaireDispo({ action: 'places' }, o)).toEqual({ ok: false, erreurs: { p0_tranche: 'aucune-place' } });
  });
  it('reports a bad date and hours that end before they start, on their fields', () => {
    const r = lireFormulaireDispo(
      { action: 'places', p0_tranche: 'bebe', p0_date: '32/13/2026', p1_tranche: 'marcheur', p1_debut: '18:00', p1_fin: '08:00' },
      o,
    );
    expect(r).toEqual({ ok: false, erreurs: { p0_date: 'date', p1_fin: 'heures' } });
  });
  it('a structure manager sets how many places; an AM cannot', () => {
    const s = lireFormulaireDispo({ action: 'places', p0_tranche: 'marcheur', p0_nombre: '3' }, { ...o, nombreModifiable: true });
    expect(s.ok && s.miseAJour.places[0]!.nombre).toBe(3);
    const a = lireFormulaireDispo({ action: 'places', p0_tranche: 'marcheur', p0_nombre: '3' }, o);
    expect(a.ok && a.miseAJour.places[0]!.nombre).toBe(1);
    expect(lireFormulaireDispo({ action: 'places', p0_tranche: 'marcheur', p0_nombre: '0' }, { ...o, nombreModifiable: true })).toEqual({
      ok: false,
      erreurs: { p0_nombre: 'nombre' },
    });
  });
  it('an unknown age group or action is refused', () => {
    expect(lireFormulaireDispo({ action: 'places', p0_tranche: 'ado' }, o).ok).toBe(false);
    expect(lireFormulaireDispo({ action: 'rien' }, o)).toEqual({ ok: false, erreurs: { action: 'action' } });
  });
});

describe('what an assistant maternel agrees to publish', () => {
  const maison = { lat: 50.5, lon: 2.5 };
  const centre = { lat: 50.4, lon: 2.4 };
  it('reads the ticked boxes only', () => {
    expect(lirePublication({ publier: ['prenom', 'telephone', 'inconnu'] })).toEqual({ prenom: true, telephone: true, email: false, adresse: false });
  });
  it('publishing her street address puts her exactly on the map', () => {
    expect(positionSelonPublication(true, { ...maison, positionPublique: 'commune', latPublique: 50.4, lonPublique: 2.4 }, centre)).toEqual({
      positionPublique: 'exacte',
      latPublique: 50.5,
      lonPublique: 2.5,
    });
  });
  it('withdrawing it moves her to the commune centre, never her home', () => {
    expect(positionSelonPublication(false, { ...maison, positionPublique: 'exacte', latPublique: 50.5, lonPublique: 2.5 }, centre)).toEqual({
      positionPublique: 'commune',
      latPublique: 50.4,
      lonPublique: 2.4,
    });
  });
  it('keeps an existing blurred point', () => {
    expect(positionSelonPublication(false, { ...maison, positionPublique: 'floue', latPublique: 50.51, lonPublique: 2.49 }, centre)).toEqual({
      positionPublique: 'floue',
      latPublique: 50.51,
      lonPublique: 2.49,
    });
  });
});
