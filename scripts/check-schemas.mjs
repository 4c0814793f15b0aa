// Validates the corpus's YAML files against the JSON schemas that the extension contributes
// (yamlValidation), so that a schema never rejects a file the language server accepts:
//   node scripts/check-schemas.mjs [folder ...]     (default: corpus)
// Every marginalia.yaml is checked against schemas/marginalia.schema.json and every registry file
// it names against schemas/registry.schema.json; the schemas' own fixtures in
// schemas/test/{valid,invalid}/ must pass and fail respectively.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ajv = new Ajv({ allErrors: true, strict: false });
const schema = (name) => ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8')));
const validators = { settings: schema('marginalia.schema.json'), registry: schema('registry.schema.json') };

let passed = 0;
let failed = 0;
const check = (file, kind, expectValid) => {
  const validate = validators[kind];
  const ok = validate(parse(readFileSync(file, 'utf8')) ?? null);
  const name = relative(root, file);
  if (ok === expectValid) {
    passed++;
    console.log(`ok ${name} (${kind}${expectValid ? '' : ', rejected as it should be'})`);
  } else {
    failed++;
    console.log(`not ok ${name} (${kind}): ${expectValid ? ajv.errorsText(validate.errors, { separator: '; ' }) : 'accepted, but it is invalid'}`);
  }
};

const findSettings = (dir) =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return findSettings(path);
    return entry === 'marginalia.yaml' ? [path] : [];
  });

const folders = process.argv.slice(2);
for (const folder of folders.length ? folders : ['corpus']) {
  for (const settingsFile of findSettings(resolve(root, folder))) {
    check(settingsFile, 'settings', true);
    const settings = parse(readFileSync(settingsFile, 'utf8')) ?? {};
    const registry = settings.registry === undefined ? ['registry.yaml'] : [settings.registry].flat();
    for (const r of registry) {
      const file = join(dirname(settingsFile), r);
      if (existsSync(file)) check(file, 'registry', true);
    }
  }
}
for (const [expectValid, sub] of [[true, 'valid'], [false, 'invalid']]) {
  const dir = join(root, 'schemas', 'test', sub);
  if (!existsSync(dir)) continue;
  for (const entry of readdirSync(dir).sort()) {
    check(join(dir, entry), entry.startsWith('marginalia') ? 'settings' : 'registry', expectValid);
  }
}
// The registry schema's citation parts are the model's vocabulary, not a second list (run after the server's build).
const { CITATION_PARTS } = await import('../server/out/model/vocabulary.js');
const archive = JSON.parse(readFileSync(join(root, 'schemas', 'registry.schema.json'), 'utf8'));
const enumOf = JSON.stringify(archive).match(/"citation":\{[^}]*"items":\{"enum":(\[[^\]]*\])/)?.[1];
const parts = JSON.stringify(CITATION_PARTS.map((p) => p.part));
if (enumOf === parts) {
  passed++;
  console.log('ok schemas/registry.schema.json citation parts are vocabulary.ts CITATION_PARTS');
} else {
  failed++;
  console.log(`not ok schemas/registry.schema.json citation parts ${enumOf} differ from vocabulary.ts CITATION_PARTS ${parts}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
