// What a historian should see on the seed, shared by every tier of tests (model, LSP, editor):
// the exact findings, as `line:column severity code: message` (1-based), and the Outline.

export const seedFindings = [
  '3:1 warning repeated-header: The header of Document 7 is repeated at line 9; this copy (line 3) is not counted as a document.',
  '14:14 hint meridiem-24h: "23:45 p.m." is a 24-hour time with p.m.; read as 23:45.',
  '152:68 information editorial-correction: The editors correct "8 [7] October 1950" (8 October 1950) to 7 October 1950; checks use the editors\' reading.',
  '164:75 information editorial-correction: The editors correct "7 September" (7 September 1950) to 7 October 1950; checks use the editors\' reading.',
  '172:64 warning delivered-before-dated: Document 13 is dated 8 October 1950 (line 166) but was delivered on 7 October 1950 at 22:15 (line 172), before that date.',
  '172:83 hint meridiem-24h: "22:15 pm" is a 24-hour time with p.m.; read as 22:15.',
];

export const seedOutline = [
  'Document 7 — Ciphered telegram, Filippov to Soviet Ambassador in Beijing, 5 July 1950',
  'Document 8 — Draft telegram, Chan Fu to Matveyev, 30 September 1950',
  'Document 9 — Memorandum, Gromyko to Stalin, 30 September 1950',
  'Document 10 — Ciphered telegram, Filippov to Mao Zedong and Zhou Enlai, 1 October 1950',
  'Document 11 — Ciphered telegram, Chan Fu to Matveyev, 2 October 1950',
  'Document 12 — Ciphered telegram, Roshchin to Filippov, 3 October 1950',
  'Document 13 — Letter, Fyn Si to Kim Il Sung, 7 October 1950',
  'Document 14 — Telegram, Gromyko to Shtykov, 5 October 1950',
  'Document 15 — Gromyko and Vasilevsky to Stalin, 6 October 1950',
  'Document 16 — Ciphered telegram, Kim Il Sung to Stalin, 9 October 1950',
  'Document 17 — Memorandum, Golovko and Fokin to Stalin, 13 October 1950',
];
