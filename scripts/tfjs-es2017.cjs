// Node resolves @tensorflow/* to builds compiled down to ES5, whose cpu kernels run about
// 3x slower than the ES2017 bundles that browsers get (tfjs-notes.md: 60% of the time in
// TensorBuffer.get). Preloaded with `node --require`, this maps every tfjs package to
// its ES2017 bundle. All packages are swapped together, so one tfjs-core instance
// (and one backend registry) is shared by all of them.
const Module = require('node:module');
const path = require('node:path');

const bundleFiles = {
  '@tensorflow/tfjs-core': 'tfjs-core/dist/tf-core.es2017.js',
  '@tensorflow/tfjs-backend-cpu': 'tfjs-backend-cpu/dist/tf-backend-cpu.es2017.js',
  '@tensorflow/tfjs-backend-wasm': 'tfjs-backend-wasm/dist/tf-backend-wasm.es2017.js',
  '@tensorflow/tfjs-layers': 'tfjs-layers/dist/tf-layers.es2017.js',
  '@tensorflow/tfjs-converter': 'tfjs-converter/dist/tf-converter.es2017.js',
  '@tensorflow/tfjs-data': 'tfjs-data/dist/tf-data.es2017.js',
};
const root = path.join(__dirname, '..', 'node_modules', '@tensorflow');
const bundles = Object.fromEntries(
  Object.entries(bundleFiles).map(([name, file]) => [name, path.join(root, file)]),
);
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveEs2017(request, ...rest) {
  const bundle = bundles[request];
  return bundle ?? originalResolve.call(this, request, ...rest);
};

module.exports = { bundles };
