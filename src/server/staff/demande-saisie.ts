/**
 * Staff file a demande for a family who called, came in, wrote, or was sent
 * by a partner: the same schema and the same creerDemande() as the public form,
 * plus the channel the family used.
 */
import { z } from 'zod';
import { journaliser } from '../audit';
import { jetonAleatoire } from '../auth/tokens';
import { creerDemande } from '../demande/creer';
import { listeCommunes } from '../requetes/territoire';
import { nettoyerFormulaire, validerDemande, type FormulaireDemande } from '../../domain/demande/schema';
import { jourParis } from '../../domain/temps';
import type { ContexteStaff, Resultat, Saisie } from './contexte';

export const CANAUX_SAISIE = {
  telephone: 'Téléphone',
  'accueil-physique': 'Accueil physique',
  mail: 'Courrier ou courriel',
  partenaire: 'Partenaire (PMI, CAF, travailleur social…)',
} as const;
const schemaCanal = z.enum(Object.keys(CANAUX_SAISIE) as [keyof typeof CANAUX_SAISIE, ...(keyof typeof CANAUX_SAISIE)[]]);

/** Errors are i18n keys of the demande form ('demande.erreur.…'), as on the public form. */
export type ResultatSaisieDemande = Resultat<{ formulaire: FormulaireDemande; canal: string }>;

/** What the empty form starts with. */
function formulaireVierge(): { formulaire: FormulaireDemande; canal: string } {
  return {
    formulaire: {
      canalPrefere: 'telephone',
      langueContact: 'fr',
      nbEnfants: '1',
      e0Statut: 'ne',
      mode1: 'assistant-maternel',
      idempotencyKey: jetonAleatoire(),
    },
    canal: 'telephone',
  };
}

export async function saisirDemande(c: ContexteStaff, saisie: Saisie): Promise<ResultatSaisieDemande> {
  const communes = await listeCommunes(c.db);
  const formulaire = nettoyerFormulaire(saisie);
  const canalBrut = typeof saisie.canal === 'string' ? saisie.canal : '';
  const r = validerDemande(formulaire, { aujourdhui: jourParis(c.maintenant), codesCommunes: communes.map((x) => x.code) });
  const canal = schemaCanal.safeParse(canalBrut);
  if (!canal.success || !r.ok) {
    const erreurs: Record<string, string> = { ...(r.ok ? {} : r.erreurs), ...(canal.success ? {} : { canal: 'demande.erreur.choix' }) };
    return { ok: false, erreurs, saisie, formulaire, canal: canalBrut };
  }
  const d = await creerDemande(c.db, r.donnees, {
    canal: canal.data,
    parUtilisateurId: c.staff.id,
    langue: 'fr',
    publicUrl: c.config.publicUrl,
    maintenant: c.maintenant,
  });
  await journaliser(c.db, c.staff, 'creer', 'demande', d.id, { canal: canal.data });
  return { ok: true, redirection: `/admin/demandes/nouvelle?creee=${encodeURIComponent(d.reference)}&id=${d.id}` };
}

/**
 * What the page shows: the empty form, or what was typed with its errors
 * (i18n keys of the public form translated by `t`, staff texts as they are),
 * and the communes to choose from.
 */
export async function vueSaisieDemande(c: ContexteStaff, resultat: ResultatSaisieDemande | null, t: (cle: string) => string) {
  const echec = resultat && !resultat.ok ? resultat : null;
  const { formulaire, canal } = echec ?? formulaireVierge();
  const erreurs = Object.fromEntries(Object.entries(echec?.erreurs ?? {}).map(([k, m]) => [k, m.startsWith('demande.') ? t(m) : m]));
  return { formulaire, canal, erreurs, communes: await listeCommunes(c.db) };
}
