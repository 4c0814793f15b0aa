// The date forms, one a file, in the order they are tried where a number begins (a form that
// would read part of another is tried after it: a file number before a numeric date, a numeric
// date before a dotted time). Times are tried between them (see line-scanner.ts).
//
// Adding a form: a file here with its pattern, its examples and its reader; an entry below; a
// fixture. The test of forms reads every example back as its form.

import type { DateForm } from '../../types.js';
import type { Ctx, RawDate } from '../parts.js';
import { readDayFirst } from './day-month.js';
import { readStateFile } from './file-number.js';
import { readIsoDate } from './iso.js';
import { readMonthFirst } from './month-day.js';
import { readNumericDate } from './numeric.js';
import { readPair } from './stamp-pair.js';

export interface DateFormReader {
  id: DateForm;
  /** As the sources write it; each reads back as this form (a test says so). */
  examples: string[];
  /** Only in stamp and registry lines (`Received 12:15 3.10`). */
  stampLinesOnly?: boolean;
  read(text: string, pos: number, ctx: Ctx): RawDate | undefined;
}

export const dateForms: DateFormReader[] = [
  { id: 'file-number', examples: ['795.00/6–2550', '601.4193/3–651: Telegram'], read: (s, pos) => readStateFile(s, pos) },
  { id: 'iso', examples: ['1950-07-05'], read: (s, pos) => readIsoDate(s, pos) },
  { id: 'numeric', examples: ['5.7.50', '07/05/50', '1.X.50', '3.10.1950', '24.III.50 г.'], read: (s, pos, ctx) => readNumericDate(s, pos, ctx) },
  { id: 'day-month', examples: ['5 July 1950', '8 [7] October 1950', '21st July 1775', '13 September of this year'], read: (s, pos) => readDayFirst(s, pos) },
  { id: 'month-day', examples: ['October 7, 1950', 'Sept. 16, 1950', 'July 19. 1775', 'July 23d. 1775', 'Philada July 24 1775'], read: (s, pos) => readMonthFirst(s, pos)?.first },
  { id: 'day-month-numeric', examples: ['Received 12:15 3.10'], stampLinesOnly: true, read: (s, pos, ctx) => readPair(s, pos, ctx)?.date },
];

/** Any single date starting at `pos` (no ranges, no times): for the editors' brackets. */
export function readAnyDate(s: string, pos: number, ctx: Ctx): RawDate | undefined {
  for (const id of ['iso', 'numeric', 'day-month', 'month-day', 'day-month-numeric'] as const) {
    const raw = dateForms.find((f) => f.id === id)!.read(s, pos, ctx);
    if (raw) return raw;
  }
  return undefined;
}
