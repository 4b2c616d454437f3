// `npm test` on a fresh clone: install the locked dependencies first, so the README's
// test command works on its own. A no-op once node_modules matches the lock file.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('node_modules is missing: running `npm ci` first.');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
