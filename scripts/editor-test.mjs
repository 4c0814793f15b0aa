// The editor tier: the extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven
// in headless Debian Chromium by playwright-core, as shared/recipes/code-server.md describes.
//
//   node scripts/editor-test.mjs            integration suites, then the UI test (screenshots)
//   node scripts/editor-test.mjs --no-ui    integration suites only
//   node scripts/editor-test.mjs --ui-only  UI test only
//   node scripts/editor-test.mjs --demo     start code-server with the extension on corpus/ and
//                                           print its address; Ctrl+C stops it (DEMO_PORT=8080
//                                           picks the port)
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
//    and screenshots go to docs/images/.
//
// code-server and Chromium are always stopped, also on failure, timeout, Ctrl+C or SIGTERM.
// Environment: EDITOR_TEST_TIMEOUT (seconds for the whole run, default 600),
// MARGINALIA_TEST_GREP (only tests whose title matches), EDITOR_TEST_HEADFUL=1 (show the browser).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const demo = args.has('--demo');
const runSuites = !demo && !args.has('--ui-only');
const runUi = !demo && !args.has('--no-ui');

const cache = join(root, '.cache');
const codeServerEntry = join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const corpus = join(root, 'corpus');
const testsIndex = join(root, 'client', 'out', 'test', 'suite', 'index.js');
const seedName = '000_bae709cea1c958ec.txt';
const images = join(root, 'docs', 'images');
const runDir = join(cache, demo ? 'editor-demo' : 'editor-test');
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
require_(join(root, 'dist', 'extension.js'), 'Run: npm run build');
if (runSuites) require_(testsIndex, 'Run: npm run build:editor-tests');
if (!demo) require_('/usr/bin/chromium', 'Run: apt-get install -y chromium');
if (!existsSync(join(root, 'server', 'out', 'server.js'))) {
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
  if (demo) {
    // Installed (as a link to the working tree) rather than loaded through the URL's payload, so
    // that the address works from any host name, e.g. through a forwarded port.
    const { publisher, name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    symlinkSync(root, join(dirs.extensions, `${publisher}.${name}-${version}`), 'dir');
  }
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
      env: {
        ...process.env,
        XDG_DATA_HOME: dirs.xdgData,
        XDG_CONFIG_HOME: dirs.xdgConfig,
        XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
        MARGINALIA_TEST_RESULTS: resultsFile,
      },
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

function workbenchUrl(port, withTests) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(root)], ['skipWelcome', 'true']];
  if (withTests) payload.push(['extensionTestsPath', remote(testsIndex)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(corpus)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
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
  await page.goto(workbenchUrl(port, false));
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: seedName });
  await row.first().waitFor({ timeout: 60_000 });
  await row.first().click();
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 30_000 });
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
  await page.context().close();
  console.log(`UI test: ${expectations.length + 1 - failures.length} passed, ${failures.length} failed`);
  return failures.length === 0 ? 0 : 1;
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
  if (runUi) code = (await runUiTest(port).catch((error) => {
    console.error(`UI test failed: ${error.stack ?? error}`);
    return 1;
  })) || code;
  await finish(code);
} catch (error) {
  console.error(error.stack ?? String(error));
  await finish(1);
}
