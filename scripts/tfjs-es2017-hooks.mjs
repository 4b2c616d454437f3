// ESM half of tfjs-es2017.cjs: `import '@tensorflow/...'` from ES modules goes through
// Node's ESM resolver, which Module._resolveFilename does not see.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { bundles } = require('./tfjs-es2017.cjs');

export async function resolve(specifier, context, nextResolve) {
  const bundle = bundles[specifier];
  return bundle ? { url: pathToFileURL(bundle).href, shortCircuit: true } : nextResolve(specifier, context);
}
