/**
 * Emails of the pro space, in plain French (the pro space is French only;
 * short sentences, one action per button).
 */
import { dateEnMots } from '../../domain/temps';
import type { Courriel } from '../mail/outbox';

type Contenu = Pick<Courriel, 'sujet' | 'texte' | 'html' | 'type'>;

const echapper = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const bouton = (href: string, libelle: string, principal = true) =>
  `<p style="margin:18px 0"><a href="${echapper(href)}" style="display:inline-block;padding:14px 22px;border-radius:8px;font-size:18px;font-weight:bold;text-decoration:none;${principal ? 'background:#1f4d47;color:#ffffff' : 'background:#ffffff;color:#1f4d47;border:2px solid #1f4d47'}">${echapper(libelle)}</a></p>`;
const page = (corps: string) =>
  `<!doctype html><html lang="fr"><body style="font-family:system-ui,sans-serif;font-size:17px;line-height:1.5;color:#1d2321;max-width:36rem">${corps}</body></html>`;

export function courrielLienConnexion(o: { lien: string; nom: string; heures: number }): Contenu {
  return {
    type: 'pro-lien-connexion',
    sujet: 'Votre lien pour entrer dans votre espace',
    texte: `Bonjour ${o.nom},\n\nPour entrer dans votre espace, ouvrez ce lien :\n${o.lien}\n\nLe lien marche une seule fois, pendant ${o.heures} heures.\nVous n'avez rien demandé ? Ne faites rien.\n`,
    html: page(
      `<p>Bonjour ${echapper(o.nom)},</p><p>Pour entrer dans votre espace, appuyez sur le bouton.</p>${bouton(o.lien, 'Entrer dans mon espace')}<p>Le lien marche une seule fois, pendant ${o.heures} heures.</p><p>Vous n’avez rien demandé ? Ne faites rien.</p>`,
    ),
  };
}

const TRANCHES: Record<string, string> = {
  bebe: 'un bébé',
  marcheur: 'un enfant qui marche',
  grand: 'un grand (plus de 3 ans)',
  periscolaire: 'un enfant en périscolaire',
};
function resumePlaces(places: { trancheAge: string; nombre: number; aPartirDu: string }[]): string {
  return places
    .map((p) => `${p.nombre > 1 ? `${p.nombre} places` : '1 place'} pour ${TRANCHES[p.trancheAge] ?? p.trancheAge}, à partir du ${dateEnMots(p.aPartirDu)}`)
    .join(' ; ');
}

export function courrielRelance(o: {
  nom: string;
  statut: 'places' | 'complet' | 'inconnu';
  places: { trancheAge: string; nombre: number; aPartirDu: string }[];
  confirmeeLe: Date | null;
  liens: { toujours: string; plusDePlace: string; espace: string };
  joursValidite: number;
}): Contenu {
  const etat =
    o.statut === 'places'
      ? `Sur la carte, vous avez : ${resumePlaces(o.places)}.`
      : o.statut === 'complet'
        ? 'Sur la carte, vous n’avez pas de place.'
        : 'Sur la carte, on ne sait pas si vous avez une place.';
  const depuis = o.confirmeeLe ? ` Dernière confirmation : le ${dateEnMots(o.confirmeeLe)}.` : '';
  const boutons: [string, string, boolean][] =
    o.statut === 'places'
      ? [
          [o.liens.toujours, 'Oui, toujours disponible', true],
          [o.liens.plusDePlace, 'Non, plus de place', true],
          [o.liens.espace, 'Changer ma place', false],
        ]
      : o.statut === 'complet'
        ? [
            [o.liens.toujours, 'Toujours pas de place', true],
            [o.liens.espace, 'J’ai une place', true],
          ]
        : [
            [o.liens.plusDePlace, 'Je n’ai pas de place', true],
            [o.liens.espace, 'J’ai une place', true],
          ];
  return {
    type: 'dispo-relance',
    sujet: o.statut === 'places' ? 'Avez-vous toujours une place ?' : 'Avez-vous une place ?',
    texte: `Bonjour ${o.nom},\n\n${etat}${depuis}\nLes familles regardent la carte. Dites-nous si c'est toujours vrai.\n\n${boutons.map(([h, l]) => `${l} :\n${h}`).join('\n\n')}\n\nLes liens marchent pendant ${o.joursValidite} jours.\n`,
    html: page(
      `<p>Bonjour ${echapper(o.nom)},</p><p>${echapper(etat)}${echapper(depuis)}</p><p>Les familles regardent la carte. Dites-nous si c’est toujours vrai.</p>${boutons.map(([h, l, p]) => bouton(h, l, p)).join('')}<p>Les liens marchent pendant ${o.joursValidite} jours.</p>`,
    ),
  };
}
