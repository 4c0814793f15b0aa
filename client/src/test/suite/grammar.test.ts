import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

// The extension host cannot read TextMate tokens (VS Code has no API for them). What this suite
// can check is that the grammar VS Code loads is the one the grammar tests (npm run test:grammar)
// cover. That its scopes are applied in the editor is checked in the UI part of
// scripts/editor-test.mjs, through "Developer: Inspect Editor Tokens and Scopes".

suite('Grammar contribution', () => {
  test('text.transcription is contributed for the transcription language', () => {
    const extension = vscode.extensions.getExtension('marginalia.marginalia')!;
    const grammars = extension.packageJSON.contributes.grammars as Array<{ language: string; scopeName: string; path: string }>;
    const grammar = grammars.find((g) => g.language === 'transcription');
    assert.ok(grammar);
    assert.equal(grammar.scopeName, 'text.transcription');
    const json = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, grammar.path), 'utf8'));
    assert.equal(json.scopeName, 'text.transcription');
    assert.ok(json.repository.stamp && json.repository['document-header'] && json.repository['archive-reference-bracket']);
  });

  test('semantic token types have default TextMate scopes for every theme', () => {
    const extension = vscode.extensions.getExtension('marginalia.marginalia')!;
    const types = (extension.packageJSON.contributes.semanticTokenTypes as Array<{ id: string }>).map((t) => t.id);
    const scopes = extension.packageJSON.contributes.semanticTokenScopes[0].scopes as Record<string, string[]>;
    for (const type of types) assert.ok(scopes[type]?.length, `${type} has a default scope`);
  });
});

// The semantic token types the server gives the seed's words are checked in server.test.ts.
