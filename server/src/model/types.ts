// The facts Marginalia reads out of transcriptions and the registry. Every layer above the model
// (corpus index, checks, language service, CLI, server) speaks in these types; none of them is
// LSP's, so the model can be tested and reused without an editor.
//
// One import for every layer: the types live in `types/`, a file per family.

export type * from './types/base.js';
export type * from './types/dates.js';
export type * from './types/registry.js';
export type * from './types/documents.js';
export type * from './types/findings.js';
export type * from './types/settings.js';
