// The same integration suites as `npm run test:editor`, in desktop VS Code through
// @vscode/test-electron, on a machine that has it. Desktop VS Code cannot be downloaded here, so
// this runs only when VSCODE_EXECUTABLE names an installed `code` binary (for example
// /usr/share/code/code, or "Visual Studio Code.app/Contents/MacOS/Electron"); without it the
// script says so and exits 0. Nothing is ever downloaded.
//
//   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:electron
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const executable = process.env.VSCODE_EXECUTABLE;
if (!executable) {
  console.log('test:electron skipped: set VSCODE_EXECUTABLE to a desktop VS Code binary to run the editor suites in it (npm run test:editor runs them in code-server).');
  process.exit(0);
}
if (!existsSync(executable)) {
  console.error(`VSCODE_EXECUTABLE=${executable} does not exist.`);
  process.exit(1);
}
const testsIndex = join(root, 'client', 'out', 'test', 'suite', 'index.js');
if (!existsSync(testsIndex)) {
  console.error('Missing client/out/test/suite/index.js: run npm run build:editor-tests');
  process.exit(1);
}

const { runTests } = await import('@vscode/test-electron');
const scratch = mkdtempSync(join(tmpdir(), 'marginalia-electron-'));
const resultsFile = join(scratch, 'results.log');
let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: testsIndex,
    extensionTestsEnv: { MARGINALIA_TEST_RESULTS: resultsFile },
    launchArgs: [
      join(root, 'corpus'),
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', join(scratch, 'user-data'),
      '--extensions-dir', join(scratch, 'extensions'),
    ],
  });
} catch (error) {
  console.error(`The suites failed in ${executable}: ${error instanceof Error ? error.message : error}`);
} finally {
  if (existsSync(resultsFile)) process.stdout.write(readFileSync(resultsFile, 'utf8'));
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
