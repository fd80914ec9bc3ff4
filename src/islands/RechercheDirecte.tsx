/**
 * Results as you type on /recherche, on top of a GET form that works without it:
 * it fetches the same server-rendered page for the typed words and swaps the
 * results block, then announces the new summary in a polite live region.
 */
import { useEffect, useState } from 'preact/hooks';

export default function RechercheDirecte() {
  const [annonce, setAnnonce] = useState('');

  useEffect(() => {
    const champ = document.getElementById('q') as HTMLInputElement | null;
    const bloc = document.getElementById('resultats-recherche');
    const form = champ?.form;
    if (!champ || !bloc || !form) return;
    let minuterie: ReturnType<typeof setTimeout> | undefined;
    let enCours: AbortController | undefined;

    const mettreAJour = async () => {
      const q = champ.value.trim();
      const url = new URL(form.action, location.href);
      if (q) url.searchParams.set('q', q);
      enCours?.abort();
      enCours = new AbortController();
      try {
        const rep = await fetch(url, { signal: enCours.signal, headers: { accept: 'text/html' } });
        if (!rep.ok) return;
        const doc = new DOMParser().parseFromString(await rep.text(), 'text/html');
        const nouveau = doc.getElementById('resultats-recherche');
        if (!nouveau) return;
        bloc.innerHTML = nouveau.innerHTML;
        history.replaceState(null, '', url.pathname + url.search);
        setAnnonce(
          [...bloc.querySelectorAll('h2')]
            .map((h) => h.textContent?.trim())
            .filter(Boolean)
            .join('. '),
        );
      } catch (e) {
        if ((e as Error).name !== 'AbortError') setAnnonce('');
      }
    };
    const surSaisie = () => {
      clearTimeout(minuterie);
      minuterie = setTimeout(() => void mettreAJour(), 300);
    };
    champ.addEventListener('input', surSaisie);
    return () => {
      champ.removeEventListener('input', surSaisie);
      clearTimeout(minuterie);
      enCours?.abort();
    };
  }, []);

  return (
    <p class="visually-hidden" role="status" aria-live="polite">
      {annonce}
    </p>
  );
}
