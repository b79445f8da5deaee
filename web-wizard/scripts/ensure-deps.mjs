// Runs `npm ci` unless node_modules already matches package-lock.json (npm writes node_modules/.package-lock.json
// after every install, so a lock file newer than it means the dependencies changed). Saves ~15 s per Maven build.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = 'package-lock.json';
const installed = 'node_modules/.package-lock.json';
if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) {
  console.log('web-wizard: node_modules is up to date with package-lock.json');
} else {
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
