/**
 * Loader of /pro/ateliers: reads the pro session, runs the posted action
 * (./pro.ts), then loads the programme, her sign-ups and the analyse de la
 * pratique, with the dates already written out. French only, like /pro.
 */
import type { ErreurChamp } from '../../components/form';
import { limiteAnnulation } from '../../domain/ateliers/inscriptions';
import { heure, jourLong } from '../../domain/temps';
import { espaceDuContexte, saisiePostee, unSeul, type ContextePro, type ReponsePro } from '../pro/contexte';
import type { EspacePro } from '../pro/ecran';
import { monAnalysePratique } from './analyse-pratique';
import { texteEnfants } from './courriels';
import { estProfessionnelAccueil, mesInscriptions, programmePro } from './inscriptions';
import { agirAteliersPro } from './pro';

const FAITS: Record<string, string> = {
  inscrite: 'C’est noté : vous êtes inscrite. Un e-mail de confirmation vous est envoyé.',
  attente: 'La séance est complète : vous êtes sur la liste d’attente. Si une place se libère, vous serez inscrite et prévenue par e-mail.',
  annulee: 'Votre inscription est annulée.',
  volontaire: 'C’est noté : le relais vous placera dans un groupe et vous préviendra.',
};

/** "mardi 3 mars 2026, 9:30 – 11:00" */
const quand = (d: Date, f: Date): string => `${jourLong(d, 'fr')}, ${heure(d, 'fr')} – ${heure(f, 'fr')}`;
/** "enfants de la naissance à 36 mois" */
export const texteAges = (min: number, max: number): string => `enfants de ${min === 0 ? 'la naissance' : `${min} mois`} à ${max} mois`;
/** "2 places pour les professionnels, 5 pour les enfants." or the waiting-list notice. */
export const textePlaces = (pro: number, enfants: number): string =>
  pro < 1 ? 'Complet : inscription sur liste d’attente.' : `${pro} place${pro > 1 ? 's' : ''} pour les professionnels, ${enfants} pour les enfants.`;

/** Label of the field an error belongs to, for the summary ("Nombre d’enfants : …"). */
export function libelleErreurAtelier(champ: string): string {
  if (champ.startsWith('enfants-')) return 'Nombre d’enfants';
  if (champ.startsWith('annuler-')) return 'Annulation';
  return champ === 'volontaire' ? 'Analyse de la pratique' : 'Formulaire';
}

type Programme = Awaited<ReturnType<typeof programmePro>>[number];
type Mienne = Awaited<ReturnType<typeof mesInscriptions>>[number];

type VueAteliersPro = {
  espace: EspacePro;
  /** Signed in as an AM or a home childminder: the only ones the ateliers are for. */
  autorise: boolean;
  erreurs: Record<string, string>;
  resume: ErreurChamp[];
  fait: string | null;
  aVenir: (Mienne & { quand: string; jour: string; enfantsTexte: string; limite: string })[];
  programme: (Programme & { jour: string; horaire: string; ages: string; places: string; complet: boolean; valeur: string })[];
  analyse: { groupeNom: string | null; seances: string[] } | null;
};

export async function chargerAteliersPro(ctx: ContextePro, maintenant = new Date()): Promise<ReponsePro<VueAteliersPro>> {
  const { db, app } = ctx.locals;
  const espace = await espaceDuContexte(ctx, maintenant);
  const posted = await saisiePostee(ctx);
  let statut = 200;
  let erreurs: Record<string, string> = {};
  const saisie = posted ? unSeul(posted) : {};
  if (posted) {
    const r = await agirAteliersPro(db, espace, saisie, { maintenant, publicUrl: app.config.publicUrl });
    if (r.ok) return { type: 'redirection', url: r.redirection };
    [statut, erreurs] = [r.statut, r.erreurs];
  }
  const structure = espace?.structure ?? null;
  const autorise = !!structure && estProfessionnelAccueil(structure.type);
  const [programme, miennes, analyse] = autorise
    ? await Promise.all([
        programmePro(db, structure.id, maintenant),
        mesInscriptions(db, structure.id, maintenant),
        monAnalysePratique(db, structure.id, maintenant),
      ])
    : [[], [], null];
  const limite = (d: Date) => `${jourLong(limiteAnnulation(d), 'fr')} à ${heure(limiteAnnulation(d), 'fr')}`;
  return {
    type: 'vue',
    statut,
    vue: {
      espace,
      autorise,
      erreurs,
      resume: Object.entries(erreurs).map(([champ, message]) => ({ champ, message, libelle: libelleErreurAtelier(champ) })),
      fait: FAITS[ctx.url.searchParams.get('fait') ?? ''] ?? null,
      aVenir: miennes
        .filter((m) => m.aVenir)
        .map((m) => ({ ...m, quand: quand(m.debut, m.fin), jour: jourLong(m.debut, 'fr'), enfantsTexte: texteEnfants(m.enfants), limite: limite(m.debut) })),
      programme: programme.map((s) => ({
        ...s,
        jour: jourLong(s.debut, 'fr'),
        horaire: `${heure(s.debut, 'fr')} – ${heure(s.fin, 'fr')}`,
        ages: texteAges(s.ageMinMois, s.ageMaxMois),
        places: textePlaces(s.restantesPro, s.restantesEnfants),
        complet: s.restantesPro < 1,
        valeur: saisie.seanceId === s.id ? (saisie.enfants ?? '') : '1',
      })),
      analyse: analyse && { groupeNom: analyse.groupeNom, seances: analyse.seances.map((x) => quand(x.debut, x.fin)) },
    },
  };
}
