/**
 * Handlers of the family RDV pages: book from the follow-up link
 * (/rdv/<jeton de suivi>) and see, move or cancel a RDV from the emailed link
 * (/rdv/gerer/<jeton>). The booking rules live in src/domain/rdv and
 * src/server/rdv; this module reads the post and says what to render.
 * Contract: ./contrat.ts.
 */
import { z } from 'zod';
import { localePath, type T } from '../../i18n';
import { demandeParJeton } from '../demande/suivi';
import { annulerRdv, creneauxDisponibles, deplacerRdv, rdvParJeton, reserverRdv } from '../rdv/reservation';
import { choixPourFamille, validerChoix, validerReservation, type ChoixRdv, type ChoixValide, type ErreursRdv } from '../rdv/famille';
import { ajouterJours, fusionnerAnimatrices, instantParis, modifiableEnLigne, regrouperParJour } from '../../domain/rdv/creneaux';
import { estOuverte } from '../../domain/demande/etats';
import { jourParis } from '../../domain/temps';
import { limiteAtteinte, noterUsage } from '../auth/limites';
import { adresseClient, lireFormulaire, redirection, valeursSimples, vue, type ContexteFormulaire, type Reponse } from './contrat';

/** Days of free slots shown per page. */
export const JOURS_AFFICHES = 14;

/** The navigation fields every RDV form posts. Unknown buttons mean the primary one. */
const navigation = z.object({
  aller: z.enum(['voir', 'choix', 'suivants', 'precedents', 'reserver', 'deplacer', 'annuler']).catch('voir'),
  depuis: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});

/** The first day shown: posted (never before today), moved by "next/previous days". */
function periode(aujourdhui: string, depuis: string | undefined, aller: z.infer<typeof navigation>['aller']): string {
  let d = depuis && depuis > aujourdhui ? depuis : aujourdhui;
  if (aller === 'suivants') d = ajouterJours(d, JOURS_AFFICHES);
  else if (aller === 'precedents') d = ajouterJours(d, -JOURS_AFFICHES) < aujourdhui ? aujourdhui : ajouterJours(d, -JOURS_AFFICHES);
  return d;
}

type Jours = { jour: string; creneaux: { debut: Date }[] }[];

type VuePriseRdv = {
  demande: Awaited<ReturnType<typeof demandeParJeton>>;
  ouverte: boolean;
  choix: ChoixRdv | null;
  etape: 'choix' | 'creneau';
  valeurs: Record<string, string>;
  erreurs: ErreursRdv;
  valide: ChoixValide | null;
  creneauPris: boolean;
  /** Too many bookings from this address or in this relais' diary (429, the choice kept). */
  limite: boolean;
  aujourdhui: string;
  depuis: string;
  jours: Jours;
  /** The site chosen on the first step (recalled on the slot step). */
  lieuChoisi: ChoixRdv['lieux'][number] | null;
};

/** The visible name of each field of the booking form, as the error summary names it (in page order). */
export function libellesPriseRdv(t: T): Record<keyof ErreursRdv & string, string> {
  return {
    motif: t('rdv.prise.motif'),
    mode: t('rdv.prise.mode'),
    lieu: t('rdv.prise.lieu'),
    creneau: t('rdv.prise.creneaux'),
    telephone: t('rdv.prise.telephone'),
    email: t('rdv.prise.email'),
  };
}

export async function traiterPriseRdv(ctx: ContexteFormulaire, jeton: string): Promise<Reponse<VuePriseRdv>> {
  const { db, lang, app } = ctx.locals;
  const demande = await demandeParJeton(db, jeton);
  const ouverte = !!demande && !!demande.relaisId && estOuverte(demande.etat);
  const choix = ouverte ? await choixPourFamille(db, demande!.relaisId!) : null;
  const aujourdhui = jourParis();
  let etape: VuePriseRdv['etape'] = 'choix';
  let valeurs: Record<string, string> = {};
  let erreurs: ErreursRdv = {};
  let valide: ChoixValide | null = null;
  let creneauPris = false;
  let limite = false;
  let depuis = aujourdhui;

  if (ouverte && choix && ctx.request.method === 'POST') {
    valeurs = valeursSimples(await lireFormulaire(ctx.request));
    const nav = navigation.parse(valeurs);
    depuis = periode(aujourdhui, nav.depuis, 'voir');
    const c = validerChoix(valeurs, choix);
    if (!c.ok) erreurs = c.erreurs;
    else if (nav.aller !== 'choix') {
      valide = c.v;
      etape = 'creneau';
      depuis = periode(aujourdhui, nav.depuis, nav.aller);
      if (nav.aller === 'reserver') {
        const r = validerReservation(valeurs, valide.mode);
        const qui = { ip: adresseClient(ctx), cible: demande!.relaisId };
        if (!r.ok) erreurs = r.erreurs;
        else if (await limiteAtteinte(db, 'rdv', qui))
          limite = true; // the page says so; the chosen slot stays selected
        else {
          const res = await reserverRdv(db, {
            relaisId: demande!.relaisId!,
            motifId: valide.motif.id,
            mode: valide.mode,
            lieuId: valide.lieuId,
            debut: r.debut,
            demandeId: demande!.id,
            parFamille: true,
            langue: lang,
            email: r.email ?? demande!.email,
            telephone: r.telephone ?? demande!.telephone,
            nomContact: demande!.parents[0]?.prenom ?? null,
            secret: app.secret,
            publicUrl: app.config.publicUrl,
          });
          if (res.ok) {
            await noterUsage(db, 'rdv', qui);
            return redirection(localePath(lang, `/rdv/gerer/${res.jeton}?ok=reserve`));
          }
          creneauPris = true;
          delete valeurs.creneau;
        }
      }
    }
  } else if (demande) {
    valeurs = { telephone: demande.telephone ?? '', email: demande.email ?? '' };
    if (choix?.motifs.length === 1) valeurs.motif = choix.motifs[0]!.id;
  }

  let jours: Jours = [];
  if (etape === 'creneau' && valide) {
    const { creneaux } = await creneauxDisponibles(db, {
      relaisId: demande!.relaisId!,
      motifId: valide.motif.id,
      lieuId: valide.lieuId,
      du: instantParis(depuis, '00:00'),
      au: instantParis(ajouterJours(depuis, JOURS_AFFICHES), '00:00'),
    });
    jours = regrouperParJour(fusionnerAnimatrices(creneaux));
  }
  const statut = limite ? 429 : creneauPris ? 409 : Object.keys(erreurs).length ? 422 : 200;
  const lieuChoisi = (valide?.lieuId && choix?.lieux.find((l) => l.id === valide!.lieuId)) || null;
  return vue({ demande, ouverte, choix, etape, valeurs, erreurs, valide, creneauPris, limite, aujourdhui, depuis, jours, lieuChoisi }, statut);
}

type VueGestionRdv = {
  ctx: Awaited<ReturnType<typeof rdvParJeton>>;
  modifiable: boolean;
  limite: number;
  erreur: string | undefined;
  creneauPris: boolean;
  tropTard: boolean;
  aujourdhui: string;
  depuis: string;
  jours: Jours;
};

export async function traiterGestionRdv(c: ContexteFormulaire, jeton: string): Promise<Reponse<VueGestionRdv>> {
  const { db, lang, app } = c.locals;
  const limite = app.config.RDV_ANNULATION_HEURES;
  let ctx = await rdvParJeton(db, jeton);
  const aujourdhui = jourParis();
  let depuis = aujourdhui;
  let erreur: string | undefined;
  let creneauPris = false;
  let tropTard = false;

  if (ctx && c.request.method === 'POST') {
    const brut = valeursSimples(await lireFormulaire(c.request));
    const nav = navigation.parse(brut);
    depuis = periode(aujourdhui, nav.depuis, nav.aller);
    const base = { parFamille: true, secret: app.secret, publicUrl: app.config.publicUrl, heuresLimite: limite };
    if (nav.aller === 'annuler') {
      const r = await annulerRdv(db, { ...base, rdvId: ctx.rdv.id });
      if (r.ok) return redirection(localePath(lang, `/rdv/gerer/${jeton}?ok=annule`));
      tropTard = r.raison === 'trop-tard';
    } else if (nav.aller === 'deplacer') {
      const debut = new Date(brut.creneau ?? '');
      if (Number.isNaN(debut.getTime())) erreur = 'rdv.erreurs.creneau';
      else {
        const r = await deplacerRdv(db, { ...base, rdvId: ctx.rdv.id, debut });
        if (r.ok) return redirection(localePath(lang, `/rdv/gerer/${jeton}?ok=deplace`));
        if (r.raison === 'trop-tard') tropTard = true;
        else creneauPris = true;
      }
    }
    ctx = await rdvParJeton(db, jeton);
  }

  const rdv = ctx?.rdv;
  const modifiable = !!rdv && modifiableEnLigne(rdv.debut, new Date(), limite, rdv.statut);
  let jours: Jours = [];
  if (ctx && rdv && modifiable) {
    const { creneaux } = await creneauxDisponibles(db, {
      relaisId: rdv.relaisId,
      motifId: rdv.motifId,
      lieuId: rdv.lieuId,
      sauf: rdv.id,
      du: instantParis(depuis, '00:00'),
      au: instantParis(ajouterJours(depuis, JOURS_AFFICHES), '00:00'),
    });
    jours = regrouperParJour(fusionnerAnimatrices(creneaux).filter((x) => x.debut.getTime() !== rdv.debut.getTime()));
  }
  const statut = erreur ? 422 : creneauPris || tropTard ? 409 : 200;
  return vue({ ctx, modifiable, limite, erreur, creneauPris, tropTard, aujourdhui, depuis, jours }, statut);
}
