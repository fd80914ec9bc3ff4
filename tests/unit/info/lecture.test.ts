import { describe, expect, it } from 'vitest';
import { voixPour } from '../../../src/islands/LireAVoixHaute';

const v = (lang: string, name = lang) => ({ lang, name }) as SpeechSynthesisVoice;

describe('read aloud: the voice of the page’s language', () => {
  it('prefers the exact language, then the same language of another country, else none', () => {
    const voix = [v('en-US'), v('fr-CA'), v('fr-FR'), v('ar-SA'), v('uk_UA')];
    expect(voixPour(voix, 'fr-FR')?.lang).toBe('fr-FR');
    expect(voixPour(voix, 'fr')?.lang).toBe('fr-CA');
    expect(voixPour(voix, 'ar')?.lang).toBe('ar-SA');
    expect(voixPour(voix, 'uk')?.lang).toBe('uk_UA');
    expect(voixPour(voix, 'tr')).toBeUndefined();
  });
});
