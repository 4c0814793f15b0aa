// Positions, ranges and problems: what every fact and every message is placed by.

/** Zero-based, like LSP: `line` counts lines, `character` counts UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Something the model could not read, reported instead of thrown. */
export interface Problem {
  range: Range;
  message: string;
}
