// Called by the Maven build of flotilla-server (exec-maven-plugin): installs dependencies from the
// committed lockfile (npm ci) when the lockfile changed, then runs the unit tests and the production
// build only when an input changed since the last successful build (stamp in node_modules), so
// Java-only rebuilds stay fast. `node scripts/build-if-changed.mjs --force` always rebuilds.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const INPUTS = ['package.json', 'package-lock.json', 'index.html', 'vite.config.ts', 'tsconfig.json', 'src', 'public', 'scripts'];
const lockStamp = join(root, 'node_modules', '.flotilla-lock.sha256');
const buildStamp = join(root, 'node_modules', '.flotilla-build.sha256');
const force = process.argv.includes('--force');

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

function hash(paths) {
  const h = createHash('sha256');
  for (const file of paths.flatMap((p) => files(join(root, p)))) {
    h.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return h.digest('hex');
}

function read(path) {
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : '';
}

function npm(...args) {
  console.log(`[console] npm ${args.join(' ')}`);
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) {
    console.error(`[console] npm ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

const lock = hash(['package-lock.json']);
if (force || read(lockStamp) !== lock || !existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  npm('ci', '--no-audit', '--no-fund');
  writeFileSync(lockStamp, lock + '\n');
}
const inputs = hash(INPUTS);
if (!force && read(buildStamp) === inputs && existsSync(join(root, 'dist', 'index.html'))) {
  console.log('[console] inputs unchanged since the last build: skipping npm test and npm run build');
  process.exit(0);
}
npm('test');
npm('run', 'build');
writeFileSync(buildStamp, inputs + '\n');
console.log('[console] built into console/dist');
