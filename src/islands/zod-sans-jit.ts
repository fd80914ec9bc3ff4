/**
 * Imported FIRST by islands that use zod schemas: zod decides when a schema is
 * built whether to compile parsers with `new Function`, probing for it, which
 * the page's CSP refuses and reports as a violation. In the browser schemas are
 * built without that probe; the server, which renders islands too, keeps its
 * faster parsers.
 */
import { config } from 'zod';

if (typeof window !== 'undefined') config({ jitless: true });
