// The editor tier: the extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven
// in headless Debian Chromium by playwright-core, as shared/recipes/code-server.md describes.
//
//   node scripts/editor-test.mjs            integration suites, then the UI test (screenshots)
//   node scripts/editor-test.mjs --no-ui    integration suites only
//   node scripts/editor-test.mjs --ui-only  UI test only
//   node scripts/editor-test.mjs --demo     start code-server with the extension on corpus/ and
//                                           print its address; Ctrl+C stops it (DEMO_PORT=8080
//                                           picks the port)
//   node scripts/editor-test.mjs --vsix [f] the packaged extension: install marginalia-<version>.vsix
//                                           (or f) with code-server --install-extension into an
//                                           empty extensions folder, open corpus/ without the
//                                           working tree, check that it activates, that its
//                                           server is the bundled dist/server.js and that it
//                                           answers a hover (npm run test:vsix)
//
// Needs: bash scripts/install-code-server.sh (code-server in .cache/code-server), /usr/bin/chromium,
// npm run build (dist/extension.js, server/out/server.js) and npm run build:editor-tests
// (client/out/test/suite/index.js). `npm run test:editor` does all of that first.
//
// 1. Integration suites: the workbench URL opens corpus/ with the payload extensionDevelopmentPath
//    + extensionTestsPath; VS Code runs client/out/test/suite/index.js in the extension host and
//    reports the exit code through window.codeAutomationExit. The suites also write their log to
//    MARGINALIA_TEST_RESULTS, which is printed here.
// 2. UI test: a fresh page with the extension only; the seed is opened from the explorer, its
//    language and the grammar's scopes (Developer: Inspect Editor Tokens and Scopes) are checked,
//    Filippov is hovered with the mouse and the hover read, the Document 13 warning is read in the
//    Problems view and opened; screenshots of each state go to docs/images/.
//
// code-server and Chromium are always stopped, also on failure, timeout, Ctrl+C or SIGTERM.
// Environment: EDITOR_TEST_TIMEOUT (seconds for the whole run, default 600),
// MARGINALIA_TEST_GREP (only tests whose title matches), EDITOR_TEST_HEADFUL=1 (show the browser).

import { runFirstSteps } from './editor-first-steps.mjs';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const demo = args.has('--demo');
const vsixArg = process.argv.indexOf('--vsix');
const packaged = vsixArg >= 0;
const runSuites = !demo && !packaged && !args.has('--ui-only');
const runUi = !demo && !packaged && !args.has('--no-ui');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const extensionFolderName = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
const vsixFile = packaged
  ? resolve(process.argv[vsixArg + 1] && !process.argv[vsixArg + 1].startsWith('--') ? process.argv[vsixArg + 1] : join(root, `${manifest.name}-${manifest.version}.vsix`))
  : undefined;

const cache = join(root, '.cache');
const codeServerEntry = join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const corpus = join(root, 'corpus');
const testsIndex = join(root, 'client', 'out', 'test', 'suite', 'index.js');
const seedName = '000_bae709cea1c958ec.txt';
const images = join(root, 'docs', 'images');
const runDir = join(cache, demo ? 'editor-demo' : packaged ? 'editor-vsix' : 'editor-test');
const resultsFile = join(runDir, 'results.log');
const browserLog = join(runDir, 'browser-console.log');
const totalTimeoutMs = Number(process.env.EDITOR_TEST_TIMEOUT ?? 600) * 1000;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (message) => console.log(`[editor-test ${elapsed()}] ${message}`);

// ---------------------------------------------------------------------------------------------
// Cleanup, whatever happens

let codeServer;
let browser;
let cleaning;
async function cleanup() {
  cleaning ??= (async () => {
    if (browser) {
      await Promise.race([browser.close().catch(() => undefined), sleep(10_000)]);
      browser = undefined;
    }
    if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
      const exited = new Promise((r) => codeServer.once('exit', r));
      killGroup(codeServer, 'SIGTERM');
      if ((await Promise.race([exited.then(() => 'exited'), sleep(5_000)])) !== 'exited') {
        killGroup(codeServer, 'SIGKILL');
        await Promise.race([exited, sleep(2_000)]);
      }
    }
  })();
  return cleaning;
}

/** code-server runs in its own process group (detached), so its extension hosts and language servers stop with it. */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {}
  }
}

async function finish(code) {
  await cleanup();
  say(code === 0 ? 'done' : `failed (exit code ${code})`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    say(`${signal}: stopping code-server and Chromium`);
    void finish(demo && signal === 'SIGINT' ? 0 : 1);
  });
}
process.on('uncaughtException', (error) => {
  console.error(error);
  void finish(1);
});
const watchdog = setTimeout(() => {
  say(`timed out after ${totalTimeoutMs / 1000}s (EDITOR_TEST_TIMEOUT)`);
  void finish(1);
}, totalTimeoutMs);
if (demo) clearTimeout(watchdog);

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000}s: ${what}`)), ms);
    }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Preconditions

function require_(path, hint) {
  if (!existsSync(path)) {
    console.error(`Missing ${path}\n  ${hint}`);
    process.exit(1);
  }
}
require_(codeServerEntry, 'Run: bash scripts/install-code-server.sh');
if (packaged) require_(vsixFile, 'Run: npm run package');
else require_(join(root, 'dist', 'extension.js'), 'Run: npm run build');
if (runSuites) require_(testsIndex, 'Run: npm run build:editor-tests');
if (!demo) require_('/usr/bin/chromium', 'Run: apt-get install -y chromium');
if (!packaged && !existsSync(join(root, 'server', 'out', 'server.js'))) {
  say('note: server/out/server.js is missing, so the extension runs without its language server');
}

// ---------------------------------------------------------------------------------------------
// code-server

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function startCodeServer() {
  rmSync(runDir, { recursive: true, force: true });
  const userData = join(runDir, 'user-data');
  const dirs = { userData, extensions: join(runDir, 'extensions'), xdgData: join(runDir, 'xdg-data'), xdgConfig: join(runDir, 'xdg-config') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  // A quiet workbench: no welcome page, tips, chat or update checks; the default theme.
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.colorTheme': 'Default Light Modern',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.commandCenter.enabled': false,
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.openRepositoryInParentFolders': 'never',
        'editor.minimap.enabled': false,
        'editor.cursorBlinking': 'solid',
        'workbench.reduceMotion': 'on',
        'editor.wordWrap': 'on',
        'window.restoreWindows': 'none',
        'files.hotExit': 'off',
      },
      null,
      2,
    ),
  );
  const env = {
    ...process.env,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
    MARGINALIA_TEST_RESULTS: resultsFile,
  };
  if (demo) {
    // Installed (as a link to the working tree) rather than loaded through the URL's payload, so
    // that the address works from any host name, e.g. through a forwarded port.
    symlinkSync(root, join(dirs.extensions, extensionFolderName), 'dir');
  }
  if (packaged) await installVsix(dirs, env);
  const port = Number(process.env.DEMO_PORT) || (await freePort());
  const log = createWriteStream(join(runDir, 'code-server.log'));
  codeServer = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    },
  );
  codeServer.stdout.pipe(log);
  codeServer.stderr.pipe(log);
  const ready = new Promise((resolveReady, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      if (seen.includes('HTTP server listening')) resolveReady();
    };
    codeServer.stdout.on('data', onData);
    codeServer.stderr.on('data', onData);
    codeServer.once('exit', (code, signal) => reject(new Error(`code-server exited early (${code ?? signal}); see ${join(runDir, 'code-server.log')}`)));
  });
  await withTimeout(ready, 60_000, 'code-server to listen');
  return port;
}

/** `code-server --install-extension <vsix>`, as a user installs a .vsix (`code --install-extension`). */
async function installVsix(dirs, env) {
  say(`installing ${vsixFile}`);
  const install = spawn(
    process.execPath,
    [codeServerEntry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsixFile],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let output = '';
  install.stdout.on('data', (d) => (output += d));
  install.stderr.on('data', (d) => (output += d));
  const code = await withTimeout(new Promise((r) => install.once('exit', r)), 120_000, 'code-server --install-extension');
  process.stdout.write(output.split('\n').filter((l) => l.trim()).map((l) => `  | ${l}\n`).join(''));
  if (code !== 0 || !existsSync(join(dirs.extensions, extensionFolderName, 'package.json'))) {
    throw new Error(`code-server --install-extension ${vsixFile} failed (exit code ${code})`);
  }
}

function workbenchUrl(port, withTests, folder = corpus) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [['skipWelcome', 'true']];
  if (!packaged) payload.unshift(['extensionDevelopmentPath', remote(root)]);
  if (withTests) payload.push(['extensionTestsPath', remote(testsIndex)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

// ---------------------------------------------------------------------------------------------
// Chromium

async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: process.env.EDITOR_TEST_HEADFUL !== '1',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 60_000,
    // Chromium's crash reports and dconf would otherwise go under the home folder.
    env: { ...process.env, HOME: join(runDir, 'browser-home'), XDG_CONFIG_HOME: join(runDir, 'browser-home', '.config'), XDG_CACHE_HOME: join(runDir, 'browser-home', '.cache') },
  });
}

async function newPage(label) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const consoleLog = createWriteStream(browserLog, { flags: 'a' });
  consoleLog.write(`\n==== ${label}\n`);
  page.on('console', (message) => consoleLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => consoleLog.write(`[pageerror] ${error.stack ?? error}\n`));
  return page;
}

// ---------------------------------------------------------------------------------------------
// 1. Integration suites

async function runIntegrationSuites(port) {
  say('integration suites: loading the workbench with extensionTestsPath');
  writeFileSync(resultsFile, '');
  const page = await newPage('integration suites');
  const automationLog = createWriteStream(join(runDir, 'workbench.log'));
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    automationLog.write(`[${type}] ${Array.isArray(args) ? args.map(String).join(' ') : String(args)}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  await page.goto(workbenchUrl(port, true));
  let code;
  try {
    code = await withTimeout(exited, 300_000, 'the integration suites to finish (codeAutomationExit)');
  } catch (error) {
    say(String(error.message ?? error));
    code = 1;
  }
  const results = readFileSync(resultsFile, 'utf8');
  process.stdout.write(results || '(the suites wrote no results: see .cache/editor-test/workbench.log and browser-console.log)\n');
  if (code === 0 && !/\n\d+ passed, 0 failed/.test(results)) {
    say('the workbench reported success but no test results were written');
    code = 1;
  }
  say(`integration suites: exit code ${code}`);
  await page.context().close();
  return code;
}

// ---------------------------------------------------------------------------------------------
// 2. UI test

async function runUiTest(port) {
  say('UI test: opening the seed from the explorer');
  const page = await newPage('UI test');
  const failures = [];
  const check = (ok, what) => {
    console.log(`  ${ok ? '✓' : '✗'} ${what}`);
    if (!ok) failures.push(what);
  };
  await openSeedFromExplorer(page, port);
  // The extension switches the .txt to the transcription language once it opens.
  const mode = page.locator('#status\\.editor\\.mode');
  const language = await mode
    .filter({ hasText: 'Archival Transcription' })
    .first()
    .waitFor({ timeout: 30_000 })
    .then(() => 'Archival Transcription')
    .catch(async () => (await mode.first().textContent().catch(() => null)) ?? '(none)');
  check(language === 'Archival Transcription', `the seed's language mode is "Archival Transcription" (status bar: ${language.trim()})`);

  // Let the language server index and the tokens settle, then show Document 7's stamps.
  await sleep(3_000);
  await goToLine(page, 14);
  await page.keyboard.press('Escape');
  await sleep(1_000);
  mkdirSync(images, { recursive: true });
  const editorShot = join(images, 'editor-seed.png');
  await settled(page);
  await page.screenshot({ path: editorShot });
  say(`screenshot: ${editorShot}`);

  // The grammar's scopes, as VS Code itself reports them.
  const expectations = [
    { line: 14, column: 3, text: 'Submitted', scope: 'keyword.other.stamp.transcription' },
    { line: 14, column: 29, text: '07/05/50', scope: 'constant.numeric.date.transcription' },
    { line: 26, column: 4, text: 'Source', scope: 'meta.archive-reference.transcription' },
    { line: 9, column: 1, text: 'Document 7', scope: 'markup.heading.1.document.transcription' },
  ];
  for (const e of expectations) {
    const scopes = await inspectScopes(page, e.line, e.column);
    check(scopes.includes(e.scope), `line ${e.line} "${e.text}" has scope ${e.scope}`);
    if (e === expectations[0]) {
      const inspectShot = join(images, 'editor-token-scopes.png');
      await settled(page);
      await page.screenshot({ path: inspectShot });
      say(`screenshot: ${inspectShot}`);
    }
    await page.keyboard.press('Escape');
  }
  const statusItem = await page
    .locator('.statusbar-item', { hasText: /Marginalia|docs/ })
    .first()
    .textContent({ timeout: 5_000 })
    .catch(() => null);
  console.log(`  · Marginalia status bar item: ${statusItem ? JSON.stringify(statusItem.trim()) : '(not shown)'}`);

  // The language server, as a person meets it: a hover, then the Problems view.
  // Filippov in the header of Document 10 (line 84): Go to Line puts it mid-screen, so the hover
  // has room to show whole above it.
  const hover = await hoverWord(page, 84, 35);
  check(hover.includes('Filippov — cover name of Iosif Vissarionovich Stalin (1878–1953)'), `hovering Filippov (line 84) shows "Filippov — cover name of Iosif Vissarionovich Stalin (1878–1953)" (hover: ${JSON.stringify(hover.slice(0, 120))}…)`);
  check(hover.includes('on the authority of A.Y. Mansourov'), 'the hover names the authority of the identification');
  const hoverShot = join(images, 'editor-hover.png');
  await page.screenshot({ path: hoverShot });
  say(`screenshot: ${hoverShot}`);
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 450);

  const problem = await openProblem(page, 'Document 13 is dated 8 October 1950');
  check(
    problem.includes('Document 13 is dated 8 October 1950 (line 166) but was delivered on 7 October 1950 at 22:15 (line 172), before that date.'),
    `the Problems view lists the Document 13 warning (row: ${JSON.stringify(problem)})`,
  );
  check(/delivered-before-dated/.test(problem) && /Ln 172, Col 64/.test(problem), 'the row names the rule (delivered-before-dated) and its place (Ln 172, Col 64)');
  const cursor = await page.locator('#status\\.editor\\.selection').first().textContent({ timeout: 5_000 }).catch(() => '');
  check(/Ln 172, Col \d+ \(15 selected\)/.test(cursor ?? ''), `opening the problem selects "October 7, 1950" on line 172 (status bar: ${JSON.stringify(cursor?.trim())})`);
  const problemsShot = join(images, 'editor-problems.png');
  await settled(page);
  await page.screenshot({ path: problemsShot });
  say(`screenshot: ${problemsShot}`);

  await page.context().close();

  // A new user's first steps, in folders of their own (scripts/editor-first-steps.mjs).
  const open = async (p, folder) => {
    await p.goto(workbenchUrl(port, false, folder));
    await p.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    const row = p.locator('.explorer-folders-view .monaco-list-row', { hasText: seedName });
    await row.first().waitFor({ timeout: 60_000 });
    await row.first().click();
    await p.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 30_000 });
  };
  const firstSteps = await runFirstSteps({ newPage, open, runCommand, goToLine, hoverWord, settled, sleep, say, check, images, corpus, runDir, seedName });
  const total = expectations.length + 6 + firstSteps;
  console.log(`UI test: ${total - failures.length} passed, ${failures.length} failed`);
  return failures.length === 0 ? 0 : 1;
}

/**
 * Rests the mouse on the word at line:column, as a reader would, and returns the text of the
 * hover that VS Code shows (empty if none comes within 15 s). The word is found through the
 * cursor: go to line:column, then move the mouse to where the cursor is drawn.
 */
/** Opens the workbench and the seed from the explorer, as a person would, and waits for its text. */
async function openSeedFromExplorer(page, port) {
  await page.goto(workbenchUrl(port, false));
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: seedName });
  await row.first().waitFor({ timeout: 60_000 });
  await row.first().click();
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 30_000 });
}

async function hoverWord(page, line, column) {
  await goToLine(page, line, column);
  await page.keyboard.press('Escape');
  const box = await page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first().boundingBox();
  if (!box) return '';
  const x = box.x + 4;
  const y = box.y + box.height / 2;
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content');
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.mouse.move(x - 40, y + 30);
    await page.mouse.move(x, y, { steps: 8 });
    const shown = await hover
      .filter({ hasText: 'cover name' })
      .first()
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) {
      await sleep(500);
      await growHover(page);
      return ((await hover.first().innerText()) ?? '').replace(/\*/g, '');
    }
  }
  return (await hover.first().innerText({ timeout: 1_000 }).catch(() => '')) ?? '';
}

/**
 * A hover is at most a quarter of the editor's height (at least 250 px) until the reader drags its
 * edge; a long one scrolls. Drags the top edge up, as a reader would, until the whole hover shows
 * (VS Code keeps the size for later hovers).
 */
async function growHover(page) {
  const content = page.locator('.monaco-resizable-hover .monaco-hover:not(.hidden) .monaco-hover-content').first();
  const overflow = await content.evaluate((e) => e.scrollHeight - e.clientHeight).catch(() => 0);
  if (overflow <= 0) return;
  const sash = page.locator('.monaco-resizable-hover .monaco-sash.orthogonal-edge-north:not(.disabled)').first();
  const box = await sash.boundingBox().catch(() => null);
  if (!box) return;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y + 20, { steps: 4 });
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.down();
  await page.mouse.move(x, Math.max(130, y - overflow - 16), { steps: 10 });
  await page.mouse.up();
  await sleep(500);
}

/** Opens the Problems view from the status bar and clicks the row whose text includes `text`; returns that row's text. */
async function openProblem(page, text) {
  await page.locator('#status\\.problems').first().click();
  const panel = page.locator('.markers-panel');
  await panel.first().waitFor({ timeout: 10_000 });
  const row = panel.locator('.monaco-list-row', { hasText: text }).first();
  const found = await row
    .waitFor({ timeout: 30_000 })
    .then(() => true)
    .catch(() => false);
  if (!found) return '';
  const rowText = ((await row.getAttribute('aria-label')) ?? '') + ' ' + ((await row.innerText()) ?? '');
  await row.click();
  await sleep(800);
  return rowText.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// 3. The packaged extension (--vsix)

async function runVsixCheck(port) {
  const installed = join(runDir, 'extensions', extensionFolderName);
  const failures = [];
  const check = (ok, what) => {
    console.log(`  ${ok ? '✓' : '✗'} ${what}`);
    if (!ok) failures.push(what);
  };
  const files = listFiles(installed);
  check(files.includes('dist/extension.js') && files.includes('dist/server.js'), `installed in ${installed}: ${files.length} files, the two bundles among them`);
  check(!files.some((f) => f.startsWith('node_modules/') || f.endsWith('.ts') || f.startsWith('server/') || f.startsWith('client/')), 'no sources, compiled tests or node_modules in the installed extension');
  // What the README and the walkthrough show is in the package.
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const shown = [
    ...[...readFileSync(join(installed, files.find((f) => f.toLowerCase() === 'readme.md') ?? 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((src) => !/^\w+:/.test(src)),
    ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? s.media.image)),
  ];
  const missing = shown.filter((f) => !files.includes(f));
  check(shown.length > 0 && missing.length === 0, `the README's images and the walkthrough's pages are in the package (${shown.length}; missing: ${missing.join(', ') || 'none'})`);

  say('the packaged extension: opening the seed from the explorer');
  const page = await newPage('vsix');
  await openSeedFromExplorer(page, port);
  const language = await page
    .locator('#status\\.editor\\.mode', { hasText: 'Archival Transcription' })
    .first()
    .waitFor({ timeout: 30_000 })
    .then(() => true)
    .catch(() => false);
  check(language, 'the extension activates: the seed opens as an Archival Transcription');
  const status = await page
    .locator('.statusbar-item', { hasText: /11 docs/ })
    .first()
    .textContent({ timeout: 30_000 })
    .catch(async () => `not "11 docs": ${await page.locator('.statusbar-item', { hasText: /docs|Marginalia/ }).first().textContent().catch(() => '(none)')}`);
  check(/11 docs/.test(status ?? ''), `the status bar item reports the indexed corpus (${JSON.stringify(status?.trim() ?? null)})`);
  const servers = serverProcesses();
  check(
    servers.length > 0 && servers.every((c) => c.includes(join(installed, 'dist', 'server.js'))),
    `the language server runs from the package: ${servers.map((c) => c.replace(runDir, '.cache/editor-vsix')).join('; ') || '(no server process found)'}`,
  );
  await sleep(1_000);
  const hover = await hoverWord(page, 84, 35);
  check(hover.includes('Filippov — cover name of Iosif Vissarionovich Stalin (1878–1953)'), `the server answers a hover on Filippov (line 84): ${JSON.stringify(hover.split('\n')[0])}`);
  await page.keyboard.press('Escape');

  // The extension's page (Extensions view → Marginalia) shows the packaged README.
  await page.locator('.activitybar .action-item a[aria-label^="Extensions"]').first().click();
  await page.locator('.extensions-list .monaco-list-row', { hasText: 'Marginalia' }).first().click({ timeout: 30_000 });
  const headings = await eventuallyInFrames(page, () => {
    const found = [...document.querySelectorAll('h2')].map((h) => h.textContent.trim());
    return found.includes('In VS Code') ? found : undefined;
  });
  check(headings[0] === 'In VS Code' && headings.includes('For developers'), `the extension's page shows the README, the user's part first (sections: ${headings.join(', ') || 'none found'})`);
  // Its screenshots are inside the packaged README (data: URIs, scripts/package-readme.mjs): each must load.
  const readmeImages = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].filter((m) => !/^\w+:/.test(m[1])).length;
  const pageImages = await eventuallyInFrames(page, () => {
    if (![...document.querySelectorAll('h2')].some((h) => h.textContent.trim() === 'In VS Code')) return undefined;
    const all = [...document.querySelectorAll('img')];
    if (all.some((i) => !i.complete)) return undefined;
    return all.map((i) => ({ alt: i.getAttribute('alt') ?? '', shown: i.naturalWidth > 0, data: (i.getAttribute('src') ?? '').startsWith('data:image/') }));
  });
  const broken = pageImages.filter((i) => !i.shown || !i.data).map((i) => i.alt.slice(0, 40));
  check(pageImages.length === readmeImages && broken.length === 0, `the extension's page shows the README's ${readmeImages} images, each loaded from the package (${pageImages.length} on the page; broken: ${broken.join('; ') || 'none'})`);
  await page.context().close();
  console.log(`.vsix check: ${9 - failures.length} passed, ${failures.length} failed`);
  return failures.length === 0 ? 0 : 1;
}

/** Runs `probe` in every frame of the page (webviews are nested iframes) until one returns a value; [] after 30 s. */
async function eventuallyInFrames(page, probe) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      // A webview frame may never answer (a hidden one is throttled): give each 2 s.
      const value = await Promise.race([frame.evaluate(probe).catch(() => undefined), sleep(2_000).then(() => undefined)]);
      if (value !== undefined) return value;
    }
    await sleep(500);
  }
  return [];
}

/** Files under `dir`, relative, with forward slashes. */
function listFiles(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** Command lines of the Marginalia language servers running now (any process whose arguments name a server.js of Marginalia). */
function serverProcesses() {
  const found = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
      continue;
    }
    if (cmdline.includes(runDir) && /server\.js/.test(cmdline) && !cmdline.includes('code-server')) found.push(cmdline);
  }
  return found;
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

async function goToLine(page, line, column = 1) {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await sleep(300);
}

/** Waits (at most 15 s) until nothing spins in the status bar, so that screenshots are stable. */
async function settled(page) {
  await page
    .waitForFunction(() => !document.querySelector('.part.statusbar .codicon-modifier-spin, .part.statusbar [class*="~spin"]'), undefined, { timeout: 15_000 })
    .catch(() => say('note: the status bar still shows activity'));
  await sleep(500);
}

/** Puts the cursor at line:column and reads the TextMate scopes that VS Code's token inspector lists. */
async function inspectScopes(page, line, column) {
  await goToLine(page, line, column);
  await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor({ timeout: 10_000 });
  await sleep(300);
  return (await widget.textContent()) ?? '';
}

// ---------------------------------------------------------------------------------------------

try {
  say('starting code-server');
  const port = await startCodeServer();
  say(`code-server listening on http://127.0.0.1:${port}/ (logs in ${runDir})`);
  if (demo) {
    const address = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(corpus)}`;
    console.log(`\nMarginalia in VS Code (code-server), on corpus/:\n\n  ${address}\n\nOpen it in a browser on this machine (or forward port ${port}; DEMO_PORT chooses it). Ctrl+C stops code-server.\n`);
    await new Promise(() => undefined);
  }
  browser = await launchBrowser();
  let code = 0;
  if (runSuites) code = (await runIntegrationSuites(port)) || code;
  if (packaged) code = (await runVsixCheck(port).catch((error) => {
    console.error(`The .vsix check failed: ${error.stack ?? error}`);
    return 1;
  })) || code;
  if (runUi) code = (await runUiTest(port).catch((error) => {
    console.error(`UI test failed: ${error.stack ?? error}`);
    return 1;
  })) || code;
  await finish(code);
} catch (error) {
  console.error(error.stack ?? String(error));
  await finish(1);
}
