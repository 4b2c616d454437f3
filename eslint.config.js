// Lint keeps the architecture honest: the dependency direction in DESIGN.md
// (ui → client → protocol → engine; worker → engine; engine → lib) is a rule here,
// so nobody has to remember it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/engine', './src/ui', 'The engine never imports UI code.'),
            zone('./src/engine', './src/client', 'The engine never imports the client.'),
            zone('./src/engine', './src/worker', 'The engine never imports the worker.'),
            zone('./src/engine', './src/persistence', 'The engine never touches persistence.'),
            zone('./src/engine', './src/protocol', 'The protocol depends on the engine, not the reverse.'),
            zone('./src/engine', './src/cli', 'Node-only code lives in src/cli; the engine must run in a worker.'),
            zone('./src/lib', './src/engine', 'src/lib is framework-free and imports nothing of the project.'),
            zone('./src/lib', './src/ui', 'src/lib imports nothing of the project.'),
            zone('./src/protocol', './src/ui', 'The protocol never imports UI code.'),
            zone('./src/protocol', './src/client', 'The protocol never imports the client.'),
            zone('./src/client', './src/ui', 'The client never imports UI code.'),
            zone('./src/worker', './src/ui', 'The worker never imports UI code.'),
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine must run in Node and in a Web Worker: no DOM, no React, no Node built-ins.
    files: ['src/engine/**/*.ts', 'src/lib/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*', 'recharts'], message: 'The engine never imports React.' },
            { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'child_process'], message: 'Node-only APIs belong in src/cli.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'document', message: 'The engine never touches the DOM.' },
        { name: 'window', message: 'The engine must run in a worker: no window.' },
        { name: 'process', message: 'Node-only: pass values in from src/cli.' },
        { name: 'Buffer', message: 'Use Uint8Array: the engine runs in browsers too.' },
      ],
    },
  },
);
