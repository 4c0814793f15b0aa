// Bundles the editor integration suites (client/src/test/suite/*.ts) with esbuild into
// client/out/test/suite/, one file per suite plus index.js, which VS Code loads as
// extensionTestsPath. `vscode` is provided by the extension host and mocha is loaded from
// node_modules at run time (it finds the suites by file name). Type-checking is done by
// `tsc -p client --noEmit` in `npm run build`, which includes the tests.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const dir = 'client/src/test/suite';
const entryPoints = readdirSync(dir)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => `${dir}/${f}`);
rmSync('client/out/test', { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir: 'client/out/test/suite',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode', 'mocha'],
});
console.log(`bundled ${entryPoints.length} files into client/out/test/suite`);
