// `npm start`: build, then start the desktop app when Electron can run here;
// otherwise say why in one line and start the web host (same renderer, same
// api) with the same arguments. Usage: npm start -- [--workspace PATH] [--port N]
//
// The desktop app needs two things npm ci does not provide on every machine:
// Electron's binary (its postinstall download is disabled in package.json) and
// better-sqlite3 built for Electron's ABI. Both are fetched or built here on
// first start. The Electron build of better-sqlite3 is made in a temporary
// copy and lands in better-sqlite3/build-electron/, so the Node build that
// tests, CLI and web host load is never replaced; src/main/workspace.ts reads
// it from there.

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const rootRequire = createRequire(join(ROOT, 'package.json'));

const ELECTRON_DIR = packageDir('electron');
const ELECTRON_VERSION = readJson(join(ELECTRON_DIR, 'package.json')).version;
/** Electron's NODE_MODULE_VERSION: a native module for it exports node_register_module_v<this>. */
const ELECTRON_ABI = readText(join(ELECTRON_DIR, 'abi_version'));
const SQLITE_DIR = packageDir('better-sqlite3');
const SQLITE_ELECTRON_BUILD = join(SQLITE_DIR, 'build-electron', 'better_sqlite3.node');
/** Which Electron version the build above is for; a different Electron needs a new build. */
const SQLITE_ELECTRON_STAMP = join(SQLITE_DIR, 'build-electron', 'electron-version');

const MINUTE = 60_000;
/** After this long without an answer, tell the user the launcher is still at work. */
const PATIENCE_MS = 3000;

const args = process.argv.slice(2);

build();
const reason = (await ensureElectronBinary()) ?? (await ensureSqliteForElectron());
if (reason === null) {
  const env = { ...process.env };
  // Set in the environment, it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  run(electronBinary(), ['.', ...desktopArguments(args)], env);
} else {
  console.log(`Scholia: ${reason}; starting the web host instead.`);
  run(process.execPath, [join(ROOT, 'out', 'cli', 'main.js'), 'serve', ...args], process.env);
}

/** What `npm run build` does: the desktop app and renderer, then the command line and web host (out/cli). */
function build() {
  const steps = [
    [packageBin('electron-vite'), 'build', '--logLevel', 'warn'],
    [packageBin('vite'), 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn'],
  ];
  for (const step of steps) {
    const result = spawnSync(process.execPath, step, { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error('Scholia: the build failed (see above).');
      process.exit(1);
    }
  }
}

/** Where the electron package says its binary is (as its index.js does), or null when it is not there. */
function electronBinary() {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, executable ?? 'electron') : executable && join(ELECTRON_DIR, 'dist', executable);
  return binary && existsSync(binary) ? binary : null;
}

/** Null when Electron's binary is there (downloading it if need be), else why not. */
async function ensureElectronBinary() {
  if (electronBinary() !== null) return null;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return "Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD forbids downloading it";
  const outcome = await attempt(process.execPath, [join(ELECTRON_DIR, 'install.js')], {
    cwd: ELECTRON_DIR,
    timeoutMs: 10 * MINUTE,
    waiting: `downloading Electron ${ELECTRON_VERSION} (first start only)`,
  });
  if (electronBinary() !== null) return null;
  return `Electron's binary is not installed and could not be downloaded (${outcome.ok ? 'the download left no binary' : outcome.why})`;
}

/** Null when better-sqlite3 is built for this Electron (building it if need be), else why not. */
async function ensureSqliteForElectron() {
  if (existsSync(SQLITE_ELECTRON_BUILD) && readText(SQLITE_ELECTRON_STAMP) === ELECTRON_VERSION) return null;
  const work = mkdtempSync(join(tmpdir(), 'scholia-sqlite-electron-'));
  try {
    // A project of its own holding a copy of the package without its builds: what every tool below expects.
    const copy = join(work, 'node_modules', 'better-sqlite3');
    const skipped = [join(SQLITE_DIR, 'build'), join(SQLITE_DIR, 'build-electron')];
    cpSync(SQLITE_DIR, copy, { recursive: true, filter: (source) => !skipped.some((dir) => isInside(source, dir)) });
    const sqliteVersion = readJson(join(copy, 'package.json')).version;
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'scholia-sqlite-electron', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
    const failures = [];
    for (const way of sqliteBuildWays(work, copy)) {
      const outcome = await attempt(way.command, way.args, { cwd: way.cwd, timeoutMs: way.timeoutMs, waiting: way.waiting, env: buildEnvironment() });
      const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
      const why = !outcome.ok ? outcome.why : !existsSync(built) ? 'it built nothing' : !isForElectron(built) ? `it built for another ABI than Electron's (${ELECTRON_ABI})` : null;
      if (why === null) {
        mkdirSync(dirname(SQLITE_ELECTRON_BUILD), { recursive: true });
        copyFileSync(built, SQLITE_ELECTRON_BUILD);
        writeFileSync(SQLITE_ELECTRON_STAMP, ELECTRON_VERSION);
        return null;
      }
      rmSync(join(copy, 'build'), { recursive: true, force: true });
      failures.push(`${way.name}: ${why}`);
    }
    const tried = failures.length > 0 ? failures.join('; ') : 'no build tool found';
    return `better-sqlite3 has no build for Electron ${ELECTRON_VERSION} and none could be made (${tried})`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The ways to get better-sqlite3 for Electron that this machine has, quickest first. */
function sqliteBuildWays(work, copy) {
  const ways = [];
  const target = ['--arch', process.arch];
  const prebuild = optionalBin('prebuild-install', createRequire(join(SQLITE_DIR, 'package.json')));
  if (prebuild) {
    // What better-sqlite3's own install does, for Electron: download a prebuilt binary.
    ways.push({
      name: 'prebuild-install',
      command: process.execPath,
      args: [prebuild, '--runtime', 'electron', '--target', ELECTRON_VERSION, ...target],
      cwd: copy,
      timeoutMs: 2 * MINUTE,
      waiting: `downloading better-sqlite3 for Electron ${ELECTRON_VERSION}`,
    });
  }
  const compiling = `building better-sqlite3 for Electron ${ELECTRON_VERSION} (first start only, a minute or two)`;
  const rebuild = optionalBin('@electron/rebuild', rootRequire, 'electron-rebuild');
  if (rebuild) {
    ways.push({
      name: '@electron/rebuild',
      command: process.execPath,
      args: [rebuild, '--version', ELECTRON_VERSION, '--module-dir', work, '--which-module', 'better-sqlite3', '--force', ...target],
      cwd: work,
      timeoutMs: 15 * MINUTE,
      waiting: compiling,
    });
  }
  const nodeGyp = nodeGypScript();
  if (nodeGyp) {
    ways.push({
      name: 'node-gyp',
      command: process.execPath,
      args: [nodeGyp, 'rebuild', '--release', `--target=${ELECTRON_VERSION}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
      cwd: copy,
      timeoutMs: 15 * MINUTE,
      waiting: compiling,
    });
  }
  return ways;
}

/**
 * The environment without npm settings that choose a build target: npm passes
 * its config to scripts, and a `nodedir` there (Debian's npm sets /usr) makes
 * node-gyp build against Node's headers whatever --target says.
 */
function buildEnvironment() {
  const targetSettings = /^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|build_from_source)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !targetSettings.test(name)));
}

/** Whether a native module was built for Electron's ABI (it names its registration function after it). */
function isForElectron(file) {
  return ELECTRON_ABI !== null && readFileSync(file).includes(`node_register_module_v${ELECTRON_ABI}`);
}

/** npm's own node-gyp (npm names it to scripts it runs), a local one, or the one beside npm. */
function nodeGypScript() {
  const candidates = [
    process.env.npm_config_node_gyp,
    resolveOptional(rootRequire, 'node-gyp/bin/node-gyp.js'),
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((file) => file && existsSync(file)) ?? null;
}

/**
 * Runs a helper with its output captured (only the reason for a failure is
 * shown), printing one line if it takes long. Resolves with ok or why not.
 */
function attempt(command, commandArgs, { cwd, timeoutMs, waiting, env = process.env }) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const patience = setTimeout(() => console.log(`Scholia: ${waiting}…`), PATIENCE_MS);
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    const settle = (outcome) => {
      clearTimeout(patience);
      clearTimeout(deadline);
      resolve(outcome);
    };
    child.on('error', (error) => settle({ ok: false, why: error.message }));
    child.on('close', (code) => {
      if (timedOut) settle({ ok: false, why: `no answer within ${timeoutMs / MINUTE} minutes` });
      else settle(code === 0 ? { ok: true } : { ok: false, why: explainFailure(output) ?? `exit code ${code}` });
    });
  });
}

/** What went wrong, from a tool's output: a network failure if there was one, else its first error line. */
function explainFailure(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const network = lines.map((line) => line.match(/getaddrinfo \w+ \S+|\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EAI_AGAIN)\b.*/)).find(Boolean);
  if (network) return network[0];
  if (lines.some((line) => /network connectivity/i.test(line))) {
    const download = lines.map((line) => line.match(/GET (https?:\S+)/)).find(Boolean);
    return download ? `could not download ${download[1]}` : 'no network access';
  }
  const line = lines.find((l) => /\w*Error:/.test(l) && !/^at\s/.test(l)) ?? lines.find((l) => /ERR!|error/i.test(l)) ?? lines.at(-1);
  if (line === undefined) return null;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The web host's --port means nothing to the desktop app. */
function desktopArguments(all) {
  const kept = [];
  for (let i = 0; i < all.length; i++) {
    if (all[i] === '--port') i++;
    else if (!all[i].startsWith('--port=')) kept.push(all[i]);
  }
  return kept;
}

function run(command, commandArgs, env) {
  const child = spawn(command, commandArgs, { cwd: ROOT, stdio: 'inherit', env });
  // Ctrl+C already reaches the child (same process group): passing SIGINT on
  // would interrupt its orderly shutdown. Signals sent to the launcher alone go on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  // `npm start` runs this launcher through a shell that does not pass a TERM
  // on, so `kill -TERM <npm>` leaves the launcher orphaned: when the parent
  // goes away, take the app down with it rather than leave it listening.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) child.kill('SIGTERM');
  }, 500).unref();
  child.on('error', (error) => {
    console.error(`Scholia: cannot start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function packageDir(name, from = rootRequire) {
  return dirname(from.resolve(`${name}/package.json`));
}

function packageBin(name, from = rootRequire, binName = name) {
  const dir = packageDir(name, from);
  const { bin } = readJson(join(dir, 'package.json'));
  return join(dir, typeof bin === 'string' ? bin : bin[binName]);
}

function optionalBin(name, from, binName = name) {
  return resolveOptional(from, `${name}/package.json`) ? packageBin(name, from, binName) : null;
}

function resolveOptional(from, request) {
  try {
    return from.resolve(request);
  } catch {
    return null;
  }
}

function isInside(file, dir) {
  const rel = relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function readText(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}
