// Preload for Node (`node --import ./scripts/tfjs-es2017.mjs`): see tfjs-es2017.cjs.
import { register, createRequire } from 'node:module';

createRequire(import.meta.url)('./tfjs-es2017.cjs');
register('./tfjs-es2017-hooks.mjs', import.meta.url);
