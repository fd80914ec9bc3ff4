// Lets a benchmark import the domain's TypeScript modules directly: Node
// strips the types, and this resolve hook adds the `.ts` that the app's own
// relative imports leave out (Vite resolves them in the build). Register it,
// then import the domain module dynamically:
//   await import('./ts.mjs'); const m = await import('../../src/domain/….ts');
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (err) {
      if (err?.code === 'ERR_MODULE_NOT_FOUND' && /^\.{1,2}\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier))
        return nextResolve(`${specifier}.ts`, context);
      throw err;
    }
  },
});
