/**
 * Settings of a relais's agenda: motifs, weekly opening slots (plages) and
 * absences. One handler for the six small forms of the page, each with its
 * zod schema (rdv/agenda.ts); every write is limited to the relais the guard let through.
 */
import { and, asc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '../db';
import { journaliser } from '../audit';
import { animatricesDuRelais, lieuxDuRelais, relaisAgenda, schemaException, schemaMotif, schemaPlage } from '../rdv/agenda';
import { motifsDuRelais } from '../rdv/reservation';
import { ajouterJours, instantParis } from '../../domain/rdv/creneaux';
import { erreursZod, type ContexteStaff, type Erreurs, type Resultat, type Saisie } from './contexte';

const FORMULAIRES_PARAMETRES = ['motif', 'motif-bascule', 'plage', 'plage-fermer', 'exception', 'exception-supprimer'] as const;
export type FormulaireParametres = (typeof FORMULAIRES_PARAMETRES)[number];

export type ResultatParametres = Resultat<{ formulaire: FormulaireParametres | null }>;

/** The relais whose agenda is set: hers for an animatrice, the one chosen (?relais=) for the admin. */
async function relaisDesParametres(c: ContexteStaff, choisi: string | null) {
  const relais = await relaisAgenda(c.db, c.staff, choisi);
  const ici = `/admin/agenda/parametres${c.staff.role === 'admin' ? `?relais=${relais.id}` : ''}`;
  return { relais, ici };
}

const schemaCible = z.object({ formulaire: z.enum(FORMULAIRES_PARAMETRES), id: z.string().default('') });

export async function modifierParametresAgenda(c: ContexteStaff, choisi: string | null, saisie: Saisie): Promise<ResultatParametres> {
  const { db, staff } = c;
  const { relais, ici } = await relaisDesParametres(c, choisi);
  const cible = schemaCible.safeParse(saisie);
  if (!cible.success) return { ok: false, formulaire: null, erreurs: { formulaire: 'Formulaire inconnu' }, saisie };
  const { formulaire, id } = cible.data;
  const echec = (erreurs: Erreurs): ResultatParametres => ({ ok: false, formulaire, erreurs, saisie });
  const fait: ResultatParametres = { ok: true, redirection: ici };
  const motifs = await motifsDuRelais(db, relais.id, { tous: true });
  const motifsIds = new Set(motifs.map((m) => m.id));

  switch (formulaire) {
    case 'motif': {
      const p = schemaMotif.safeParse(saisie);
      if (!p.success) return echec(erreursZod(p.error));
      await db.insert(schema.motifsRdv).values({ ...p.data, relaisId: relais.id, ordre: motifsIds.size });
      await journaliser(db, staff, 'agenda.motif-creer', 'relais', relais.id, { nom: p.data.nom });
      return fait;
    }
    case 'motif-bascule': {
      const m = motifs.find((x) => x.id === id);
      if (!m) return echec({ formulaire: 'Motif inconnu' });
      await db
        .update(schema.motifsRdv)
        .set(saisie.champ === 'enLigne' ? { reservableEnLigne: !m.reservableEnLigne } : { actif: !m.actif })
        .where(eq(schema.motifsRdv.id, id));
      await journaliser(db, staff, 'agenda.motif-modifier', 'relais', relais.id, { motifId: id });
      return fait;
    }
    case 'plage': {
      const p = schemaPlage.safeParse(saisie);
      if (!p.success) return echec(erreursZod(p.error));
      if (!(await animatricesDuRelais(db, relais.id)).some((a) => a.id === p.data.animatriceId))
        return echec({ animatriceId: 'Choisissez une animatrice du relais' });
      if (p.data.lieuId && !(await lieuxDuRelais(db, relais.id)).some((l) => l.id === p.data.lieuId)) return echec({ lieuId: 'Lieu inconnu' });
      if (p.data.motifIds.some((m) => !motifsIds.has(m))) return echec({ motifIds: 'Motif inconnu' });
      await db.insert(schema.plagesOuverture).values({ ...p.data, relaisId: relais.id, lieuId: p.data.lieuId || null, valideAu: p.data.valideAu || null });
      await journaliser(db, staff, 'agenda.plage-creer', 'relais', relais.id);
      return fait;
    }
    case 'plage-fermer':
      if (z.uuid().safeParse(id).success)
        await db
          .update(schema.plagesOuverture)
          .set({ actif: false })
          .where(and(eq(schema.plagesOuverture.id, id), eq(schema.plagesOuverture.relaisId, relais.id)));
      await journaliser(db, staff, 'agenda.plage-fermer', 'relais', relais.id, { plageId: id });
      return fait;
    case 'exception': {
      const p = schemaException.safeParse(saisie);
      if (!p.success) return echec(erreursZod(p.error));
      const debut = instantParis(p.data.du, p.data.heureDu || '00:00');
      const fin = p.data.heureAu ? instantParis(p.data.au, p.data.heureAu) : instantParis(ajouterJours(p.data.au, 1), '00:00');
      if (fin <= debut) return echec({ au: 'La fin doit être après le début' });
      if (p.data.animatriceId && !(await animatricesDuRelais(db, relais.id)).some((a) => a.id === p.data.animatriceId))
        return echec({ animatriceId: 'Animatrice inconnue' });
      await db.insert(schema.exceptionsAgenda).values({ relaisId: relais.id, animatriceId: p.data.animatriceId || null, debut, fin, libelle: p.data.libelle });
      await journaliser(db, staff, 'agenda.absence-creer', 'relais', relais.id);
      return fait;
    }
    case 'exception-supprimer':
      if (z.uuid().safeParse(id).success)
        await db.delete(schema.exceptionsAgenda).where(and(eq(schema.exceptionsAgenda.id, id), eq(schema.exceptionsAgenda.relaisId, relais.id)));
      await journaliser(db, staff, 'agenda.absence-supprimer', 'relais', relais.id, { exceptionId: id });
      return fait;
  }
}

/** What the page shows. */
export async function lireParametresAgenda(c: ContexteStaff, choisi: string | null) {
  const { db } = c;
  const { relais } = await relaisDesParametres(c, choisi);
  const [animatrices, lieux, motifs, plages, exceptions] = await Promise.all([
    animatricesDuRelais(db, relais.id),
    lieuxDuRelais(db, relais.id),
    motifsDuRelais(db, relais.id, { tous: true }),
    db
      .select()
      .from(schema.plagesOuverture)
      .where(and(eq(schema.plagesOuverture.relaisId, relais.id), eq(schema.plagesOuverture.actif, true)))
      .orderBy(asc(schema.plagesOuverture.heureDebut)),
    db
      .select()
      .from(schema.exceptionsAgenda)
      .where(and(eq(schema.exceptionsAgenda.relaisId, relais.id), gte(schema.exceptionsAgenda.fin, c.maintenant)))
      .orderBy(asc(schema.exceptionsAgenda.debut)),
  ]);
  return { relais, animatrices, lieux, motifs, plages, exceptions };
}
