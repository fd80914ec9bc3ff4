/**
 * What the one-tap confirmation page (/pro/confirmer/<jeton>) says, as keys
 * of the pro dictionary: the question before the tap, the thanks after it,
 * or why the link is refused. Pure: the page's loader translates.
 */
type EtatRelance = { ok: true; reponse: string; statut: 'places' | 'complet' | 'inconnu' } | { ok: false; raison: 'inconnu' | 'expire' | 'utilise' };

export type TexteConfirmation =
  { etape: 'refus'; titre: string; texte: string } | { etape: 'merci'; titre: string; texte: string } | { etape: 'question'; titre: string; texte: string };

/** `enregistre`: the POST recorded the answer. */
export function texteConfirmation(e: EtatRelance, enregistre: boolean): TexteConfirmation {
  if (!e.ok) {
    const texte = e.raison === 'expire' ? 'pro.confirmer.expire' : e.raison === 'utilise' ? 'pro.confirmer.utilise' : 'pro.confirmer.inconnu';
    return { etape: 'refus', titre: 'pro.confirmer.refuseTitre', texte };
  }
  if (enregistre) {
    const texte = e.statut === 'places' ? 'pro.confirmer.merciPlaces' : e.statut === 'complet' ? 'pro.confirmer.merciComplet' : 'pro.confirmer.merciInconnu';
    return { etape: 'merci', titre: 'pro.confirmer.merciTitre', texte };
  }
  const texte =
    e.reponse === 'plus-de-place' ? 'pro.confirmer.plusDePlace' : e.statut === 'complet' ? 'pro.confirmer.toujoursComplet' : 'pro.confirmer.toujours';
  return { etape: 'question', titre: 'pro.confirmer.titre', texte };
}
