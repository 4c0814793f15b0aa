// Bundles the extension with esbuild. `--client` builds only the client (for `npm run build`,
// where the server runs from server/out); without flags it builds both into dist/ for packaging.
import * as esbuild from 'esbuild';

const onlyClient = process.argv.includes('--client');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await esbuild.build({
  ...common,
  entryPoints: ['client/src/extension.ts'],
  outfile: onlyClient ? 'client/out/extension.js' : 'dist/extension.js',
  external: ['vscode'],
});
if (!onlyClient) {
  await esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' });
}
