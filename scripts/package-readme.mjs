// The README of the package (dist/README.md, `vsce package --readme-path`): this README with each
// relative image written into it as a data: URI. The extension's page in VS Code loads images from
// https: and data: only, and with no repository vsce has no address to point relative ones at, so
// this is how the page shows the screenshots without a network (see README, "Testing the extension").
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';

const types = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };
const readme = readFileSync('README.md', 'utf8');
let embedded = 0;
const out = readme.replace(/(!\[[^\]]*\]\()([^)\s]+)(\))/g, (all, open, src, close) => {
  if (/^\w+:/.test(src)) return all;
  const type = types[extname(src).toLowerCase()];
  if (!type) throw new Error(`README.md: ${src} is not an image the package can embed (png, jpeg, gif)`);
  embedded++;
  return `${open}data:${type};base64,${readFileSync(src).toString('base64')}${close}`;
});
mkdirSync('dist', { recursive: true });
writeFileSync('dist/README.md', out);
console.log(`dist/README.md: ${embedded} images embedded, ${(Buffer.byteLength(out) / 1024).toFixed(0)} KB`);
