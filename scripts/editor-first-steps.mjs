// The UI test's first steps of a new user, each with its screenshot for the README (called by
// editor-test.mjs, which passes its page helpers): the set-up offer on a folder without
// marginalia.yaml, accepted, after which hovers and findings appear; the walkthrough; the code
// lens above Document 13; and "Accept this discrepancy…" on its warning, after which the warning
// goes. They work on copies of corpus/ under the run's folder, so the repository's files stay as
// they are.
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `h`: { newPage, open(page, folder), runCommand, goToLine, hoverWord, settled, sleep, say, check,
 * images, corpus, runDir, seedName }. Returns how many checks it made.
 */
export async function runFirstSteps(h) {
  let checks = 0;
  const check = (ok, what) => {
    checks++;
    h.check(ok, what);
  };

  // 1. A new user's folder: the seed alone, no marginalia.yaml, no registry.
  const fresh = join(h.runDir, 'new-user-folder');
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  cpSync(join(h.corpus, h.seedName), join(fresh, h.seedName));
  let page = await h.newPage('first steps: a new folder');
  await h.open(page, fresh);
  const offer = page.locator('.notifications-toasts .notification-toast', { hasText: 'looks like a transcription' }).first();
  const offered = await offer.waitFor({ timeout: 30_000 }).then(() => true, () => false);
  check(offered, 'a .txt in a folder without marginalia.yaml: the offer "Make this folder a corpus" is shown');
  await h.settled(page);
  await shot(h, page, 'editor-setup-offer.png');
  if (offered) {
    await offer.locator('.monaco-button', { hasText: 'Make this folder a corpus' }).first().click();
    const made = await page.locator('.statusbar-item', { hasText: /11 docs/ }).first().waitFor({ timeout: 30_000 }).then(() => true, () => false);
    check(made, 'after "Make this folder a corpus" the folder is read: the status bar counts 11 documents');
    const settings = readText(join(fresh, 'marginalia.yaml'));
    check(/^transcriptions:/m.test(settings) && !settings.includes('accepted: [{'), 'marginalia.yaml is written, commented, with its defaults');
    const hover = await h.hoverWord(page, 14, 30);
    check(hover.includes('5 July 1950'), `a hover appears on 07/05/50 (line 14): ${JSON.stringify(hover.split('\n')[0] ?? '')}`);
    await page.keyboard.press('Escape');
    const problems = await page.locator('#status\\.problems').first().textContent({ timeout: 5_000 }).catch(() => '');
    check(/[1-9]/.test(problems ?? ''), `findings appear: the Problems count in the status bar reads ${JSON.stringify(problems?.trim())}`);
  }

  // 2. The walkthrough, from Help → Welcome's list of walkthroughs.
  await h.runCommand(page, 'Welcome: Open Walkthrough...');
  const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Marginalia' }).first();
  await pick.waitFor({ timeout: 10_000 }).catch(() => undefined);
  await pick.click().catch(() => undefined);
  const walkthrough = await page
    .locator('.gettingStartedContainer', { hasText: 'Make the folder a corpus' })
    .first()
    .waitFor({ timeout: 15_000 })
    .then(() => true, () => false);
  check(walkthrough, 'the walkthrough "Get Started with Marginalia" opens, with its step "Make the folder a corpus"');
  await h.settled(page);
  await shot(h, page, 'editor-walkthrough.png');
  await page.context().close();

  // 3. A copy of the corpus: the code lens above Document 13, then Accept this discrepancy….
  const copy = join(h.runDir, 'corpus-copy');
  rmSync(copy, { recursive: true, force: true });
  cpSync(h.corpus, copy, { recursive: true });
  page = await h.newPage('first steps: accepting a discrepancy');
  await h.open(page, copy);
  await page.locator('.statusbar-item', { hasText: /11 docs/ }).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
  await h.goToLine(page, 160);
  await h.goToLine(page, 152);
  const lens = await page
    .locator('.monaco-editor .codelens-decoration', { hasText: 'Document 13' })
    .first()
    .textContent({ timeout: 15_000 })
    .catch(() => '');
  check(/Document 13 · Letter · 7 October 1950 · Fyn Si → Kim Il Sung · \d+ findings?/.test(lens ?? ''), `the code lens above Document 13 reads ${JSON.stringify(lens)}`);
  await h.settled(page);
  await shot(h, page, 'editor-code-lens.png');

  await h.goToLine(page, 172, 64);
  await page.keyboard.press('Control+.');
  const accept = page.locator('.action-widget .monaco-list-row, .context-view .action-item', { hasText: 'Accept this discrepancy' }).first();
  const offeredAccept = await accept.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  check(offeredAccept, 'Ctrl+. on the Document 13 warning offers "Accept this discrepancy…"');
  await h.sleep(300);
  await shot(h, page, 'editor-accept.png');
  if (offeredAccept) {
    const before = await warnings(page);
    // The action widget takes the keyboard (a pointer block lies over it): it opens on its first action, this one.
    await page.keyboard.press('Enter');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    const reason = 'The editors date the letter 7 October; see their note.';
    await input.fill(reason);
    await page.keyboard.press('Enter');
    const written = await waitFor(() => readText(join(copy, 'marginalia.yaml')).includes(reason), 15_000);
    check(written, 'the reason is written under accepted: in marginalia.yaml');
    const gone = await waitFor(async () => before !== undefined && (await warnings(page)) === before - 1, 15_000);
    check(gone, `the Document 13 warning goes (warnings in the status bar: ${before} before, ${await warnings(page)} after)`);
  }
  await page.context().close();
  return checks;
}

async function shot(h, page, name) {
  const file = join(h.images, name);
  await page.screenshot({ path: file });
  h.say(`screenshot: ${file}`);
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function waitFor(probe, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** The warnings the status bar's Problems item counts (its label reads "Warnings: 2"). */
async function warnings(page) {
  const item = page.locator('#status\\.problems');
  const label = [await item.getAttribute('aria-label').catch(() => ''), await item.locator('[aria-label]').first().getAttribute('aria-label').catch(() => ''), await item.textContent().catch(() => '')].join(' ');
  const m = /Warnings?:?\s*(\d+)/i.exec(label);
  return m ? Number(m[1]) : undefined;
}
