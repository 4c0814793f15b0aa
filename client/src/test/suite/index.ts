// Runs the integration suites inside a real VS Code (code-server via scripts/editor-test.mjs, or
// desktop VS Code via scripts/test-electron.mjs). VS Code loads this module as
// `extensionTestsPath` and awaits run(). Each suite is bundled by scripts/bundle-tests.mjs into
// client/out/test/suite/<name>.test.js; mocha stays a runtime dependency from node_modules.
//
// Results go to the console (which code-server forwards to the browser) and, when the
// MARGINALIA_TEST_RESULTS environment variable names a file, to that file too, so that the
// harness can print an exact log. The last line is "N passed, N failed[, N skipped]".

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const resultsFile = process.env.MARGINALIA_TEST_RESULTS;
  const write = (line: string) => {
    console.log(line);
    if (resultsFile) fs.appendFileSync(resultsFile, line + '\n');
  };
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: LineReporter, reporterOptions: { write } });
  const grep = process.env.MARGINALIA_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  write(`Running ${files.length} suite files in VS Code ${require('vscode').version} (${process.env.VSCODE_PID ? 'desktop' : 'remote extension host'})`);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test${failures === 1 ? '' : 's'} failed`);
}

/** One line per test, the error of each failure, and the closing count. */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const write: (line: string) => void = options?.reporterOptions?.write ?? console.log;
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    runner.on('suite', (suite) => {
      if (suite.title) write(`\n${suite.fullTitle()}`);
    });
    runner.on('pass', (test) => {
      passed++;
      write(`  ✓ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on('pending', (test) => {
      skipped++;
      write(`  - ${test.title} (skipped)`);
    });
    runner.on('fail', (test, error: Error) => {
      failed++;
      write(`  ✗ ${test.title}\n      ${(error.stack ?? String(error)).split('\n').join('\n      ')}`);
    });
    runner.once('end', () => write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`));
  }
}
