// Bundles the extension with esbuild into dist/.
//
//   node scripts/bundle.mjs             the client only, readable, with a source map:
//                                       dist/extension.js (package.json `main`). This is what
//                                       `npm run build` makes; the server then runs from
//                                       server/out/server.js (tsc), which the client prefers.
//   node scripts/bundle.mjs --package   both bundles, minified (names kept for stack traces),
//                                       without source maps: dist/extension.js (`vscode` stays
//                                       external: the extension host provides it) and
//                                       dist/server.js, self-contained. This is what goes into
//                                       the .vsix (`vscode:prepublish`, run by `npm run package`).
//
// Either way dist/ is emptied first, so no stale bundle or source map is left beside the new one.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';

const forPackage = process.argv.includes('--package');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  sourcemap: !forPackage,
  minify: forPackage,
  keepNames: forPackage,
};

rmSync('dist', { recursive: true, force: true });
await esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
if (forPackage) {
  await esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' });
}
