// Vite plugin (astro.config.mjs): the server entry of @astrojs/node also
// exports `appHandler`, Astro's handler without its static-file step. The
// standalone `handler` looks for a file on disk (stat, then `send`) before
// every request, POSTs included; scripts/http/frontal.mjs serves the static
// files from memory and sends the other methods straight to `appHandler`
// (issue 20: 5–9 % of a demande submission's server CPU).
export default function gestionnaireApp() {
  return {
    name: 'gpe:astro-node-app-handler',
    enforce: 'post',
    transform(code, id) {
      if (!/@astrojs[\\/]node[\\/]dist[\\/]server\.js$/.test(id.split('?')[0])) return null;
      if (!code.includes('export {') || !code.includes('const app = createApp(')) {
        this.error('@astrojs/node server entry changed: scripts/http/gestionnaire-app.mjs must be updated');
      }
      return {
        code:
          `import { createAppHandler as __gpeCreateAppHandler } from "./serve-app.js";\n` +
          code.replace('export {', 'const appHandler = __gpeCreateAppHandler(app, options);\nexport {\n  appHandler,'),
        map: null,
      };
    },
  };
}
