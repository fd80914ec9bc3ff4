/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    app: import('./server/boot').AppContext;
    db: import('./server/db').Db;
    lang: import('./i18n/langs').Lang;
    /** Path without the language prefix, e.g. '/demande'. */
    cheminSansLangue: string;
    t: import('./i18n').T;
    staff?: import('./server/auth/staff').Staff;
    csrf?: string;
    /** Set by the staff guard when it answers with the 403 page. */
    refus?: import('./server/auth/garde').Refus;
    /** Nonce-free CSP tweaks: pages like /embed/* may be framed. */
    autoriserCadre?: boolean;
  }
}
