/**
 * "Lire à voix haute" on the information pages: the browser's own speech
 * synthesis (Web Speech API) reads the page's text in the page's language.
 * Progressive enhancement: nothing is rendered without JavaScript, without
 * speech synthesis, or when the browser has voices but none for the language
 * (a French voice reading Arabic would help nobody). The text is read block by
 * block (headings, paragraphs, list items, table cells), which also avoids the
 * cut-off of long utterances in some browsers.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

type Props = {
  /** CSS selector of the element to read. */
  cible: string;
  lire: string;
  arreter: string;
  /** Announced when reading ends or stops. */
  fin: string;
};

/** Blocks of text of an element, in reading order; hidden elements and images are left out. */
function blocsATexte(racine: Element): string[] {
  const blocs: string[] = [];
  const SELECTEUR = 'h1, h2, h3, h4, p, li, caption, th, td, dt, dd, blockquote';
  for (const el of racine.querySelectorAll<HTMLElement>(SELECTEUR)) {
    if (el.closest('[hidden], [aria-hidden="true"], .visually-hidden, nav, button')) continue;
    // A block inside another readable block is read with its parent.
    if (el.parentElement?.closest(SELECTEUR) && racine.contains(el.parentElement.closest(SELECTEUR))) continue;
    const texte = (el.innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (texte) blocs.push(texte);
  }
  return blocs;
}

export function voixPour(voix: SpeechSynthesisVoice[], langue: string): SpeechSynthesisVoice | undefined {
  const l = langue.toLowerCase();
  return voix.find((v) => v.lang.toLowerCase() === l) ?? voix.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === l.split('-')[0]);
}

export default function LireAVoixHaute(p: Props) {
  const [possible, setPossible] = useState(false);
  const [enCours, setEnCours] = useState(false);
  const [annonce, setAnnonce] = useState('');
  const voix = useRef<SpeechSynthesisVoice | undefined>(undefined);
  const langue = typeof document === 'undefined' ? 'fr' : document.documentElement.lang || 'fr';

  useEffect(() => {
    if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return;
    const choisir = () => {
      const toutes = speechSynthesis.getVoices();
      voix.current = voixPour(toutes, langue);
      // No voice list yet: let the browser choose by language. A list without this language: no button.
      setPossible(toutes.length === 0 || voix.current !== undefined);
    };
    choisir();
    speechSynthesis.addEventListener('voiceschanged', choisir);
    return () => {
      speechSynthesis.removeEventListener('voiceschanged', choisir);
      speechSynthesis.cancel();
    };
  }, []);

  const arreter = () => {
    speechSynthesis.cancel();
    setEnCours(false);
    setAnnonce(p.fin);
  };

  const lire = () => {
    const racine = document.querySelector(p.cible);
    if (!racine) return;
    speechSynthesis.cancel();
    const blocs = blocsATexte(racine);
    blocs.forEach((texte, i) => {
      const u = new SpeechSynthesisUtterance(texte);
      u.lang = langue;
      if (voix.current) u.voice = voix.current;
      if (i === blocs.length - 1)
        u.onend = () => {
          setEnCours(false);
          setAnnonce(p.fin);
        };
      u.onerror = () => setEnCours(false);
      speechSynthesis.speak(u);
    });
    setAnnonce('');
    setEnCours(blocs.length > 0);
  };

  if (!possible) return null;
  return (
    <p class="lire-a-voix-haute">
      <button type="button" class="bouton bouton--secondaire" onClick={enCours ? arreter : lire}>
        <span aria-hidden="true">{enCours ? '■ ' : '▶ '}</span>
        {enCours ? p.arreter : p.lire}
      </button>
      <span class="visually-hidden" role="status">
        {annonce}
      </span>
    </p>
  );
}
