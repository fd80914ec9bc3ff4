/**
 * Loader of /relation/<jeton>: a professional answers about a family she was
 * put in touch with. Reading the link changes nothing (mail scanners follow
 * links); only a POST of one of the answers records it. No sign-in: the link
 * is the key; a dead link answers 410.
 */
import type { Db } from '../db';
import { estReponsePro, type ReponsePro } from '../../domain/demande/mise-en-relation';
import { ordreReponsesPro } from '../../domain/demande/reponse-pro';
import { lireFormulaire } from '../formulaires/contrat';
import { lireReponsePro, repondrePro, type LectureReponsePro } from './mise-en-relation';

type VueRelation = { statut: 200 | 410; enregistre: ReponsePro | null; lu: LectureReponsePro; ordre: ReponsePro[] };

export async function chargerRelation(db: Db, o: { jeton: string; request: Request; url: URL; maintenant?: Date }): Promise<VueRelation> {
  let enregistre: ReponsePro | null = null;
  let statut: 200 | 410 = 200;
  if (o.request.method === 'POST') {
    const r = (await lireFormulaire(o.request)).reponse;
    if (estReponsePro(r) && (await repondrePro(db, o.jeton, r, o.maintenant))) enregistre = r;
    else statut = 410;
  }
  const lu = await lireReponsePro(db, o.jeton, o.maintenant);
  if (!lu.ok && !enregistre) statut = 410;
  return { statut, enregistre, lu, ordre: ordreReponsesPro(o.url.searchParams.get('reponse')) };
}
