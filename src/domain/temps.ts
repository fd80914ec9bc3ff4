/**
 * The portal's one time module: its time zone, "today", calendar days, job
 * period keys and date formatters. Nothing else in src names a zone.
 *
 * The zone comes from configuration (TZ_PORTAIL, parsed in server/config.ts,
 * which calls `configurerFuseau`); before that, or in the browser, the
 * environment variable or the default below is used.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** Default of TZ_PORTAIL. */
export const FUSEAU_PAR_DEFAUT = 'Europe/Paris';

/** True when `tz` is an IANA zone name the runtime knows. */
export function fuseauValide(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

let fuseauConfigure: string | undefined;

/** Called once by the configuration (TZ_PORTAIL). */
export function configurerFuseau(tz: string): void {
  if (!fuseauValide(tz)) throw new Error(`Unknown time zone: ${tz}`);
  if (tz !== fuseauConfigure) memo.clear();
  fuseauConfigure = tz;
}

/** The portal's time zone: every calendar day and RDV time is read there. */
export function fuseau(): string {
  if (fuseauConfigure) return fuseauConfigure;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.TZ_PORTAIL;
  return env && fuseauValide(env) ? env : FUSEAU_PAR_DEFAUT;
}

/** The zone as an SQL string literal (validated name, safe to inline in `at time zone`). */
export function fuseauSql(): string {
  return `'${fuseau()}'`;
}

const deux = (n: number) => String(n).padStart(2, '0');

/** The wall-clock reading of an instant in the portal's zone. */
function local(d: Date): TZDate {
  return new TZDate(d.getTime(), fuseau());
}

/** The last calendar day asked for, with its bounds (ms): nearly every call asks about today. */
let dernierJour: { fuseau: string; debut: number; fin: number; jour: string; annee: number } | undefined;

function jourLocal(d: Date): { jour: string; annee: number; fin: number } {
  const t = d.getTime();
  const tz = fuseau();
  const m = dernierJour;
  if (m && m.fuseau === tz && t >= m.debut && t < m.fin) return m;
  const z = local(d);
  const [a, mo, j] = [z.getFullYear(), z.getMonth(), z.getDate()];
  const jour = {
    fuseau: tz,
    debut: new TZDate(a, mo, j, tz).getTime(),
    fin: new TZDate(a, mo, j + 1, tz).getTime(),
    jour: `${a}-${deux(mo + 1)}-${deux(j)}`,
    annee: a,
  };
  // Kept only when the bounds hold the instant (a day without midnight is computed each time).
  if (jour.debut <= t && t < jour.fin) dernierJour = jour;
  return jour;
}

/** The calendar day of an instant in the portal's zone, as 'YYYY-MM-DD'. */
export function jourParis(d: Date = new Date()): string {
  return jourLocal(d).jour;
}

/** The instant (ms) the portal's calendar day of `d` ends: the next local midnight. */
export function finDuJourParisMs(d: Date = new Date()): number {
  return jourLocal(d).fin;
}

/** Calendar days from day `de` to day `a` ('YYYY-MM-DD'; negative when `a` comes first). */
export function joursEntre(de: string, a: string): number {
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${de}T00:00:00Z`)) / 86_400_000);
}

/** Today in the portal's zone ('YYYY-MM-DD'). Never `toISOString().slice(0, 10)`, which is the UTC day. */
export function aujourdhui(maintenant: Date = new Date()): string {
  return jourParis(maintenant);
}

/** 'YYYY-MM' of an instant in the portal's zone. */
export function moisParis(d: Date = new Date()): string {
  return jourParis(d).slice(0, 7);
}

/** Year of an instant in the portal's zone. */
export function anneeParis(d: Date = new Date()): number {
  return jourLocal(d).annee;
}

/** 'HH:MM' (24 h) of an instant in the portal's zone. */
export function heureParis(d: Date): string {
  const z = local(d);
  return `${deux(z.getHours())}:${deux(z.getMinutes())}`;
}

// A local date + time always maps to the same instant, so results are memoised
// (slot computation calls this a lot).
const memo = new Map<string, number>();

/** The instant of a local day ('YYYY-MM-DD') and time ('HH:MM') in the portal's zone. */
export function instantParis(jour: string, heure: string): Date {
  return new Date(instantParisMs(jour, heure));
}

/** Same as `instantParis`, in milliseconds (slot computation). */
export function instantParisMs(jour: string, heure: string): number {
  const cle = jour + heure;
  let t = memo.get(cle);
  if (t === undefined) {
    const [y, m, d] = jour.split('-').map(Number) as [number, number, number];
    const [h, mi] = heure.split(':').map(Number) as [number, number];
    t = new TZDate(y, m - 1, d, h, mi, fuseau()).getTime();
    if (memo.size > 50_000) memo.clear();
    memo.set(cle, t);
  }
  return t;
}

/** Midnight of a local day in the portal's zone. */
export function debutJourParis(jour: string): Date {
  return instantParis(jour, '00:00');
}

/** Midnight of the first day of the month of `maintenant`, in the portal's zone. */
export function debutDuMoisParis(maintenant: Date): Date {
  return debutJourParis(`${moisParis(maintenant)}-01`);
}

/** Month number (1–12) of an instant in the portal's zone. */
export function numeroMoisParis(d: Date): number {
  return local(d).getMonth() + 1;
}

// ── Job period keys ──────────────────────────────────────────────────────────

/** Daily key ('YYYY-MM-DD') once local time is past `heure` o'clock, else null. */
export function chaqueJourApres(heure: number): (d: Date) => string | null {
  return (d) => (local(d).getHours() < heure ? null : jourParis(d));
}

/** Hourly key: the local date and hour ('YYYY-MM-DDTHH'). */
export function chaqueHeure(d: Date): string {
  return `${jourParis(d)}T${deux(local(d).getHours())}`;
}

/** Minute key: the local date, hour and minute ('YYYY-MM-DDTHH:mm'), for tasks that must react within minutes. */
export function chaqueMinute(d: Date): string {
  return `${chaqueHeure(d)}:${deux(local(d).getMinutes())}`;
}

// ── Formatters ───────────────────────────────────────────────────────────────

/** Intl locale for a portal language (FALC reads French; Arabic with Latin digits, as on French documents). */
export function localeDe(lang: string): string {
  if (lang === 'falc' || lang === 'fr') return 'fr-FR';
  if (lang === 'ar') return 'ar-u-nu-latn';
  return lang;
}

const estFrancais = (lang: string) => localeDe(lang) === 'fr-FR';

// Building an Intl formatter costs far more than formatting (about 0.5 ms, once per
// confirmation email before issue 20): one per locale and options, kept (a few dozen in practice, 200 at most).
const formateurs = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function garder<F extends Intl.DateTimeFormat | Intl.NumberFormat>(cle: string, f: F): F {
  if (formateurs.size >= 200) formateurs.clear();
  formateurs.set(cle, f);
  return f;
}
function formateurDate(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cle = `d|${locale}|${JSON.stringify(options)}`;
  return (formateurs.get(cle) as Intl.DateTimeFormat | undefined) ?? garder(cle, new Intl.DateTimeFormat(locale, options));
}
function formateurNombre(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cle = `n|${locale}|${JSON.stringify(options)}`;
  return (formateurs.get(cle) as Intl.NumberFormat | undefined) ?? garder(cle, new Intl.NumberFormat(locale, options));
}
/** A 'YYYY-MM-DD' day is read at noon so that no zone moves it to another day. */
const instantDe = (d: Date | string) => (typeof d === 'string' ? instantParis(d.slice(0, 10), '12:00') : d);

function formaterDate(d: Date | string, lang: string, options: Intl.DateTimeFormatOptions): string {
  const parties = formateurDate(localeDe(lang), { ...options, timeZone: fuseau() }).formatToParts(instantDe(d));
  // French writes the first day of the month "1er" ("1er avril").
  return parties.map((p) => (p.type === 'day' && estFrancais(lang) && p.value === '1' && options.day === 'numeric' ? '1er' : p.value)).join('');
}

/** '1er avril 2026' (months lowercase in French), '1 April 2026'… */
export function dateEnMots(d: Date | string, lang = 'fr'): string {
  return formaterDate(d, lang, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** 'mercredi 1er avril 2026' in the reader's language. */
export function jourLong(d: Date | string, lang: string): string {
  return formaterDate(d, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** '09:00': 24 h in every language. */
export function heure(d: Date, lang: string): string {
  return formateurDate(localeDe(lang), { timeZone: fuseau(), hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/**
 * A wall-clock time 'HH:MM' (opening hours, not an instant) in the reader's
 * language, on 24 h: '8 h 30' in French, '08:30' in English, Arabic (Latin
 * digits), Turkish, Ukrainian…
 */
export function heureMurale(hhmm: string, lang: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  if (estFrancais(lang)) return `${h} h${m ? ` ${String(m).padStart(2, '0')}` : ''}`;
  return formateurDate(localeDe(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5, h, m));
}

/**
 * Opening hours of a week (day 1 = Monday … 7), as lines: consecutive days
 * with the same ranges share one line ("du lundi au vendredi : 9 h – 12 h")
 * when there are three or more of them.
 * Each range is already formatted; days stay numbers for the page to name.
 */
export function lignesHoraires(horaires: { jour: number; debut: string; fin: string }[], lang: string): { du: number; au: number; plages: string[] }[] {
  const parJour = new Map<number, string[]>();
  for (const h of [...horaires].sort((a, b) => a.jour - b.jour || a.debut.localeCompare(b.debut))) {
    parJour.set(h.jour, [...(parJour.get(h.jour) ?? []), `${heureMurale(h.debut, lang)} – ${heureMurale(h.fin, lang)}`]);
  }
  const lignes: { du: number; au: number; plages: string[] }[] = [];
  for (const jour of [...parJour.keys()].sort((a, b) => a - b)) {
    const plages = parJour.get(jour)!;
    const der = lignes.at(-1);
    if (der && der.au === jour - 1 && der.plages.join('|') === plages.join('|')) der.au = jour;
    else lignes.push({ du: jour, au: jour, plages });
  }
  // Two days are named one by one ("lundi", "mardi"), three or more as a span ("du lundi au mercredi").
  return lignes.flatMap((l) =>
    l.au === l.du + 1
      ? [
          { ...l, au: l.du },
          { ...l, du: l.au },
        ]
      : [l],
  );
}

/** '26/10/2026' (back office). */
export function dateCourteFr(d: Date | string): string {
  return format(local(instantDe(d)), 'dd/MM/yyyy');
}

/** '26/10/2026 à 09:00' (back office), or with another separator. */
export function dateHeureFr(d: Date, separateur = ' à '): string {
  return `${format(local(d), 'dd/MM/yyyy')}${separateur}${format(local(d), 'HH:mm')}`;
}

/** Short form for SMS, ASCII only: '26/10 09:00'. */
export function courtSms(d: Date): string {
  return format(local(d), 'dd/MM HH:mm');
}

// ── Numbers ──────────────────────────────────────────────────────────────────

/** '1 234,56' in the reader's language (Latin digits in Arabic), with no narrow space trouble. */
export function nombre(x: number, lang: string, decimales = 2): string {
  const entier = Number.isInteger(x);
  return formateurNombre(localeDe(lang), { minimumFractionDigits: entier ? 0 : decimales, maximumFractionDigits: decimales })
    .format(x)
    .replace(/\u202f/g, '\u00a0');
}

/** An amount in cents as '1 234,56 €' / '€1,234.56' in the reader's language, two decimals. */
export function montantEuros(cents: number, lang: string): string {
  return formateurNombre(localeDe(lang), { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format(cents / 100)
    .replace(/\u202f/g, '\u00a0');
}
