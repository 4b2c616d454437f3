// `npm test` on a fresh clone: install the locked dependencies first, so the README's
// test command works on its own. `npm install`, not `npm ci`: registry mirrors can lag
// behind on other platforms' optional packages (rollup's, for one), which npm leaves out
// of the lock file and `npm ci` then rejects; `npm install` keeps the locked versions.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('node_modules is missing: running `npm install` first.');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
