/**
 * The map over the list: same filters (it reads /api/offre with the query of
 * the page), markers clustered with leaflet.markercluster. It only adds
 * comfort: the server-rendered list stays the main path. Every marker is a
 * focusable button named after its place; each list entry gets a
 * "Voir sur la carte" button that zooms to its marker and focuses it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import './CarteOffre.css';
import type * as Leaflet from 'leaflet';
import { interpoler } from '../i18n/messages';
import { lirePoints, type PointsOffre } from '../domain/offre/points-lecture';

export type TextesCarte = {
  region: string;
  aide: string;
  chargement: string;
  erreur: string;
  nombre: string;
  groupe: string;
  fondCommunes: string;
  /** Leaflet's own controls, in the page's language. */
  zoomPlus: string;
  zoomMoins: string;
  fermerPopup: string;
  sansNom: string;
  demande: string;
  voirListe: string;
  confirmeIlYa: string;
  etats: Record<'disponible' | 'a-confirmer' | 'complet' | 'inconnu', string>;
  types: Record<string, string>;
};

type Props = {
  apiUrl: string;
  communesUrl: string;
  tuiles: { url: string; attribution: string } | null;
  centre: { lat: number; lon: number } | null;
  /** Places listed on the current page (for "see in the list" links). */
  idsPage: string[];
  demandeBase: string;
  textes: TextesCarte;
  /** Embedded widget: smaller map, links open outside the frame. */
  compact?: boolean;
  /** Prefix for absolute links (widget on another site). */
  base?: string;
};

/** What a marker knows before its details are fetched (light format, /api/offre/points); dates come with the details. */
type Proprietes = {
  id: string;
  type: string;
  nom: string | null;
  commune: { code: string; nom: string };
  disponibilite: { etat: keyof TextesCarte['etats']; disponibleDepuis: string | null; joursDepuisConfirmation: number | null };
};

// Placeholders and plurals (Intl.PluralRules of the page's language).
const remplir = (s: string, v: Record<string, string | number>) =>
  interpoler(s, v, typeof document === 'undefined' ? 'fr' : document.documentElement.lang || 'fr');

function libelleEtat(p: Proprietes, tx: TextesCarte): string {
  const d = p.disponibilite;
  const date = d.disponibleDepuis
    ? new Date(`${d.disponibleDepuis}T12:00:00Z`).toLocaleDateString(document.documentElement.lang || 'fr', { dateStyle: 'long', timeZone: 'UTC' })
    : '';
  const base = remplir(tx.etats[d.etat], { date });
  return d.etat === 'disponible' || d.etat === 'complet' ? `${base} (${remplir(tx.confirmeIlYa, { n: d.joursDepuisConfirmation ?? 0 })})` : base;
}

/**
 * A group opened from the keyboard (Enter) hands the focus to what it held once
 * the map has zoomed in, or to the first place spread around it at the last
 * zoom: the focus never falls back to the top of the page (WCAG 2.4.3).
 */
function suivreLeFocus(groupe: Leaflet.MarkerClusterGroup, nettoyages: (() => void)[]) {
  let enfants: Leaflet.Marker[] | null = null;
  let minuteur: ReturnType<typeof setTimeout> | undefined;
  const focaliser = (m: Leaflet.Marker | undefined) => (m?.getElement() as HTMLElement | undefined)?.focus();
  const suivre = () => {
    if (!enfants) return;
    const visibles = enfants.map((m) => groupe.getVisibleParent(m) as Leaflet.Marker | null).filter((m): m is Leaflet.Marker => Boolean(m?.getElement()));
    enfants = null;
    focaliser(visibles[0]);
  };
  groupe.on('clusterclick', (e) => {
    const c = (e as unknown as { layer: Leaflet.MarkerCluster }).layer;
    if (document.activeElement !== c.getElement()) return;
    enfants = c.getAllChildMarkers();
    clearTimeout(minuteur);
    // After the zoom and its animation (or without one).
    minuteur = setTimeout(suivre, 900);
  });
  groupe.on('animationend', () => setTimeout(suivre, 0));
  groupe.on('spiderfied', (e) => {
    if (!enfants) return;
    enfants = null;
    focaliser((e as unknown as { markers: Leaflet.Marker[] }).markers[0]);
  });
  nettoyages.push(() => clearTimeout(minuteur));
}

export default function CarteOffre(props: Props) {
  const conteneur = useRef<HTMLDivElement>(null);
  const racine = useRef<HTMLDivElement>(null);
  const [etat, setEtat] = useState<'chargement' | 'pret' | 'erreur'>('chargement');
  const [nombre, setNombre] = useState(0);
  const tx = props.textes;

  useEffect(() => {
    // Shown only once JavaScript runs: without it, no grey box saying "loading" forever.
    racine.current?.setAttribute('data-js', '');
    let carte: Leaflet.Map | undefined;
    let fini = false;
    const nettoyages: (() => void)[] = [];
    (async () => {
      const L = (await import('leaflet')).default;
      (window as unknown as { L: typeof L }).L = L;
      await import('leaflet.markercluster');
      // The light points format (id, type, commune, coordinates, state); details on demand (/api/offre/lieu/<id>).
      const urlPoints = props.apiUrl.replace(/^([^?]*\/api\/offre)(?=\?|$)/, '$1/points');
      const [reponse, contours] = await Promise.all([
        fetch(urlPoints, { headers: { accept: 'application/json' } }),
        props.tuiles ? Promise.resolve(null) : fetch(props.communesUrl).then((r) => (r.ok ? r.json() : null)),
      ]);
      if (!reponse.ok) throw new Error(`offre ${reponse.status}`);
      const brut = (await reponse.json()) as PointsOffre;
      const fc = {
        features: lirePoints(brut).map((x) => ({
          geometry: { coordinates: [x.lon, x.lat] },
          properties: {
            id: x.id,
            type: x.type,
            nom: x.nom,
            commune: x.commune,
            disponibilite: { etat: x.etat, disponibleDepuis: null, joursDepuisConfirmation: null },
          } as Proprietes,
        })),
      };
      const idCourt = (uuid: string) => uuid.replaceAll('-', '').toLowerCase().slice(0, brut.longueurId);
      const idsPage = new Set(props.idsPage.map(idCourt));
      if (fini || !conteneur.current) return;

      carte = L.map(conteneur.current, { scrollWheelZoom: !props.compact, zoomSnap: 0.5, minZoom: 6, maxZoom: 18, zoomControl: false });
      L.control.zoom({ zoomInTitle: tx.zoomPlus, zoomOutTitle: tx.zoomMoins }).addTo(carte);
      const carteCourante = carte;
      carte.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
      let fond: Leaflet.GeoJSON | undefined;
      if (props.tuiles) {
        L.tileLayer(props.tuiles.url, { attribution: props.tuiles.attribution, maxZoom: 19 }).addTo(carte);
      } else if (contours) {
        fond = L.geoJSON(contours as GeoJSON.FeatureCollection, {
          interactive: false,
          attribution: tx.fondCommunes,
          style: { color: '#1f4d47', weight: 1, fillColor: '#e3efec', fillOpacity: 0.6 },
        }).addTo(carte);
      }

      const groupe = L.markerClusterGroup({
        showCoverageOnHover: false,
        // Wide enough that two 40 px groups do not cover each other (WCAG 2.5.8 target size), even on a narrow map.
        maxClusterRadius: 80,
        // Places at the same spot (an approximate position is the commune's centre) spread around it at the
        // last zoom, 32 px apart at least: 24 px markers that never cover each other.
        spiderfyDistanceMultiplier: 1.3,
        iconCreateFunction: (c) => {
          const n = c.getChildCount();
          return L.divIcon({
            className: 'marqueur-groupe',
            html: `<span aria-hidden="true">${n}</span><span class="visually-hidden">${remplir(tx.groupe, { n })}</span>`,
            iconSize: [40, 40],
          });
        },
      });
      const parId = new Map<string, Leaflet.Marker>();
      for (const f of fc.features) {
        const p = f.properties;
        const [lon, lat] = f.geometry.coordinates as [number, number];
        const nom = p.nom ?? tx.sansNom;
        const titre = `${nom} — ${tx.types[p.type] ?? p.type}, ${p.commune.nom} — ${libelleEtat(p, tx)}`;
        const span = document.createElement('span');
        span.className = 'visually-hidden';
        span.textContent = titre;
        const m = L.marker([lat, lon], {
          keyboard: true,
          title: titre,
          icon: L.divIcon({
            className: `marqueur-offre marqueur-offre--${p.disponibilite.etat}`,
            html: `<span aria-hidden="true"></span>${span.outerHTML}`,
            iconSize: [24, 24],
          }),
        });
        m.bindPopup(() => contenuPopup(p, nom, titre));
        const fiche = () => document.querySelector(`[data-offre][data-id-court="${p.id}"]`);
        m.on('popupclose', (e) => {
          fiche()?.classList.remove('fiche-lieu--active');
          // Focus goes back to the marker (or the map when the marker is inside a cluster) if it was in the popup.
          const el = e.popup.getElement();
          if (el && (el.contains(document.activeElement) || document.activeElement === document.body))
            ((m.getElement() as HTMLElement | undefined) ?? conteneur.current)?.focus();
        });
        m.on('popupopen', (e) => {
          fiche()?.classList.add('fiche-lieu--active');
          const el = e.popup.getElement();
          const fermer = el?.querySelector<HTMLElement>('.leaflet-popup-close-button');
          if (fermer) {
            fermer.setAttribute('aria-label', tx.fermerPopup);
            fermer.title = tx.fermerPopup;
          }
          if (el && !el.dataset.echap) {
            el.dataset.echap = '1';
            el.addEventListener('keydown', (k) => {
              if (k.key === 'Escape') {
                k.stopPropagation();
                carteCourante.closePopup();
              }
            });
          }
          (el?.querySelector('.popup-offre') as HTMLElement | null)?.focus();
        });
        parId.set(p.id, m);
        groupe.addLayer(m);
      }
      carte.addLayer(groupe);
      suivreLeFocus(groupe, nettoyages);
      if (fc.features.length) carte.fitBounds(groupe.getBounds(), { padding: [24, 24], maxZoom: 14 });
      else if (props.centre) carte.setView([props.centre.lat, props.centre.lon], 12);
      else if (fond) carte.fitBounds(fond.getBounds());
      else carte.setView([46.6, 2.4], 6);

      function contenuPopup(p: Proprietes, nom: string, titre: string): HTMLElement {
        const div = document.createElement('div');
        div.className = 'popup-offre';
        div.tabIndex = -1;
        div.setAttribute('aria-label', titre);
        const h = document.createElement('p');
        h.className = 'popup-offre__nom';
        h.textContent = nom;
        const meta = document.createElement('p');
        meta.textContent = `${tx.types[p.type] ?? p.type} · ${p.commune.nom}`;
        const dispo = document.createElement('p');
        dispo.textContent = libelleEtat(p, tx);
        div.append(h, meta, dispo);
        // Name and dated availability: fetched when the popup opens.
        fetch(`${props.base ?? ''}/api/offre/lieu/${p.id}`, { headers: { accept: 'application/geo+json' } })
          .then((r) => (r.ok ? r.json() : null))
          .then(
            (f: { properties: Proprietes } | null) => {
              if (f) {
                dispo.textContent = libelleEtat(f.properties, tx);
                d.href = lienDemande(f.properties.id);
              }
            },
            () => {},
          );
        const ficheListe = document.querySelector<HTMLElement>(`[data-offre][data-id-court="${p.id}"]`);
        if (idsPage.has(p.id) && ficheListe) {
          const a = document.createElement('a');
          a.href = `#${ficheListe.id}`;
          a.textContent = tx.voirListe;
          div.append(a, document.createTextNode(' · '));
        }
        const d = document.createElement('a');
        const lienDemande = (structure?: string) =>
          `${props.base ?? ''}${props.demandeBase}?${structure ? `structure=${encodeURIComponent(structure)}&` : ''}commune=${encodeURIComponent(p.commune.code)}`;
        d.href = lienDemande(ficheListe?.dataset.offre);
        d.textContent = tx.demande;
        if (props.compact) {
          d.target = '_blank';
          d.rel = 'noopener';
        }
        div.append(d);
        return div;
      }

      // "Voir sur la carte" buttons of the server-rendered list.
      for (const el of document.querySelectorAll<HTMLElement>('[data-offre]')) el.dataset.idCourt = idCourt(el.dataset.offre!);
      for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-voir-carte]')) {
        const m = parId.get(idCourt(b.dataset.voirCarte!));
        if (!m) continue;
        const voir = () => {
          conteneur.current?.scrollIntoView({ block: 'center' });
          groupe.zoomToShowLayer(m, () => {
            m.openPopup();
          });
        };
        b.hidden = false;
        b.addEventListener('click', voir);
        nettoyages.push(() => {
          b.removeEventListener('click', voir);
          b.hidden = true;
        });
      }
      setNombre(fc.features.length);
      setEtat('pret');
    })().catch((e) => {
      console.error('carte', e);
      if (!fini) setEtat('erreur');
    });
    return () => {
      fini = true;
      nettoyages.forEach((n) => n());
      carte?.remove();
    };
  }, [props.apiUrl]);

  return (
    <div ref={racine} class={`carte-offre${props.compact ? ' carte-offre--compacte' : ''}`}>
      <p class="aide" id="carte-offre-aide">
        {tx.aide}
      </p>
      <div
        ref={conteneur}
        class="carte-offre__carte"
        role="region"
        aria-label={tx.region}
        aria-describedby="carte-offre-aide"
        data-etat={etat}
        data-nombre={nombre}
      />
      <p class="carte-offre__statut" role="status">
        {etat === 'chargement' ? tx.chargement : etat === 'erreur' ? tx.erreur : remplir(tx.nombre, { n: nombre })}
      </p>
    </div>
  );
}
