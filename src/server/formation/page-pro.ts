/**
 * Loader of /pro/formations: reads the pro session (none → back to /pro),
 * runs the posted wish (./pro.ts), and builds the list with, per session,
 * the badge, the button and the error next to it, plus the error summary
 * in the form kit's shape.
 */
import type { ErreurChamp } from '../../components/form';
import { boutonVoeu, datesFormation, etatVoeu } from '../../domain/metier/formation-pro';
import { LIBELLES_FINANCEMENT, type FinancementFormation } from '../../domain/metier/vocabulaire';
import { jourParis } from '../../domain/temps';
import { espaceDuContexte, saisiePostee, unSeul, type ContextePro, type ReponsePro } from '../pro/contexte';
import { formationsPourAm, type FormationPourAm } from './catalogue';
import { agirFormationPro, champFormation } from './pro';

const FAITS: Record<string, string> = {
  souhait: 'C’est noté : le relais sait que cette formation vous intéresse.',
  retirer: 'Votre souhait est retiré.',
};

type FormationVue = Pick<FormationPourAm, 'id' | 'titre' | 'lieu' | 'organisme'> & {
  /** Field name of its wish button (`formation-<id>`): the button's id is `f-<champ>`, its error `err-<champ>`. */
  champ: string;
  dates: string;
  financement: string;
  etat: string | null;
  bouton: 'souhait' | 'retirer' | null;
  erreur: string | null;
};

type VueFormationsPro = {
  estAm: boolean;
  csrf: string;
  formations: FormationVue[];
  resume: ErreurChamp[];
  fait: string | null;
};

/** The summary: each error named by the session it is about ("Éveil musical : cette formation a déjà commencé."). */
export function resumeFormations(erreurs: Record<string, string>, formations: Pick<FormationVue, 'id' | 'champ' | 'titre' | 'bouton'>[]): ErreurChamp[] {
  return Object.entries(erreurs).map(([champ, message]) => {
    const f = formations.find((x) => x.champ === champ);
    // The link goes to the button; to the session's heading when it has none any more (begun); to the list when the session is gone.
    const cible = !f ? 'formations' : f.bouton ? undefined : `titre-${f.id}`;
    return { champ, message, libelle: f ? f.titre : 'Formations', cible };
  });
}

export async function chargerFormationsPro(ctx: ContextePro, maintenant = new Date()): Promise<ReponsePro<VueFormationsPro>> {
  const { db } = ctx.locals;
  const espace = await espaceDuContexte(ctx, maintenant);
  if (!espace) return { type: 'redirection', url: '/pro' };
  const posted = await saisiePostee(ctx);
  let statut = 200;
  let erreurs: Record<string, string> = {};
  if (posted) {
    const r = await agirFormationPro(db, espace, unSeul(posted), maintenant);
    if (r.ok) return { type: 'redirection', url: r.redirection };
    [statut, erreurs] = [r.statut, r.erreurs];
  }
  const estAm = espace.structure.type === 'assistant-maternel';
  const aujourdhui = jourParis(maintenant);
  const formations = (estAm ? await formationsPourAm(db, espace.structure, maintenant) : []).map((f) => {
    const champ = champFormation(f.id);
    return {
      id: f.id,
      titre: f.titre,
      lieu: f.lieu,
      organisme: f.organisme,
      champ,
      dates: datesFormation(f.debut, f.fin),
      financement: LIBELLES_FINANCEMENT[f.financement as FinancementFormation] ?? f.financement,
      etat: etatVoeu(f.statut),
      bouton: boutonVoeu(f.statut, f.debut, aujourdhui),
      erreur: erreurs[champ] ?? null,
    };
  });
  return {
    type: 'vue',
    statut,
    vue: {
      estAm,
      csrf: espace.session.csrf,
      formations,
      resume: resumeFormations(erreurs, formations),
      fait: FAITS[ctx.url.searchParams.get('fait') ?? ''] ?? null,
    },
  };
}
