// Every rule on fixtures of its own: a case where it must fire and a case where it must not.
// The fixtures are written in other editions' styles on purpose (a one-document file with a
// title line, U.S. datelines, abbreviated citations): nothing may work only because the seed is
// shaped as it is.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, findingsOf, fixtureCorpus, fixtureUri, registryText } from './helpers.js';

/** The findings of a fixture as `line:col severity code`, only those of the given rule. */
function fired(text: string, code: string, options: Parameters<typeof fixtureCorpus>[1] = {}): string[] {
  return codes(findingsOf(fixtureCorpus(text, options))).filter((c) => c.endsWith(` ${code}`));
}

function messages(text: string, code: string): string[] {
  return findingsOf(fixtureCorpus(text))
    .filter((f) => f.code === code)
    .map((f) => f.message);
}

describe('delivered-before-dated', () => {
  const letter = (delivered: string) => `Document 3: Letter, Fyn Si [Stalin] to Kim Il Sung (via Shtykov), 8 October 1950
Comrade Kim Il Sung!
The reply was delayed by consultations with the Chinese comrades. 8 October 1950.
[Handwritten: This letter was delivered to Comrade Bulganin on ${delivered}.]
[Source: APRF, fond 45, opis 1, delo 347, listy 65-67]
`;
  test('fires when the delivery note is a day before the closing date', () => {
    assert.deepEqual(fired(letter('October 7, 1950 at 22:15'), 'delivered-before-dated'), ['4:64 warning delivered-before-dated']);
    assert.deepEqual(messages(letter('October 7, 1950 at 22:15'), 'delivered-before-dated'), [
      'Document 3 is dated 8 October 1950 (line 3) but was delivered on 7 October 1950 at 22:15 (line 4), before that date.',
    ]);
  });
  test('is silent for a delivery on the same day or later', () => {
    assert.deepEqual(fired(letter('October 8, 1950 at 22:15'), 'delivered-before-dated'), []);
    assert.deepEqual(fired(letter('9 October 1950'), 'delivered-before-dated'), []);
  });
  test("uses the editors' reading of a corrected header date when the document has no date of its own", () => {
    const text = `Document 4: Letter, Filippov (Stalin) to Mao Zedong, 8 [7] October 1950
I send you my considerations.
[Handwritten: This letter was delivered to Comrade Bulganin on October 7, 1950 at 22:15.]
`;
    assert.deepEqual(fired(text, 'delivered-before-dated'), []);
  });
  test('a telegram received in Moscow the evening before its Pyongyang date is in order', () => {
    // 9 October 01:30 in Pyongyang (UTC+9) is 8 October 19:30 in Moscow (UTC+3).
    const text = `Ciphered Telegram from Matveyev (Zakharov) to Feng Xi (Stalin)
9 October 1950
From Pyongyang
Received in Moscow on 8.10.50 at 19:45
Arrived in the 8th Department of the General Staff on 8.10.50 at 20:05
`;
    assert.deepEqual(fired(text, 'delivered-before-dated'), []);
    assert.deepEqual(fired(text.replace('8.10.50 at 19:45', '7.10.50 at 19:45'), 'delivered-before-dated'), ['4:23 warning delivered-before-dated']);
  });
});

describe('stamp-order', () => {
  const telegram = (sent: string, received: string) => `Ciphered Telegram from Matveyev (Zakharov) to Feng Xi (Stalin)
September 26, 1950
From Pyongyang
Sent on ${sent}, by wire
Received in Moscow on ${received}
Arrived in the 8th Department of the General Staff on 27.9.50 at 21:10
To Comrade Feng Xi.
I report that the divisions have begun to withdraw to the north.
MATVEYEV
No. 1261
`;
  test('is silent when the stamps are in order', () => {
    assert.deepEqual(fired(telegram('26.9.50 at 8:10 a.m.', '27.9.50 at 20:55'), 'stamp-order'), []);
  });
  test('is silent when the order holds only once the time zones are applied', () => {
    // 09:00 in Pyongyang is 00:00 UTC; 03:30 in Moscow is 00:30 UTC.
    assert.deepEqual(fired(telegram('27.9.50 at 9:00 a.m.', '27.9.50 at 3:30 a.m.'), 'stamp-order'), []);
  });
  test('fires when received before sent whatever the zones', () => {
    assert.deepEqual(fired(telegram('28.9.50 at 8:10 a.m.', '27.9.50 at 20:55'), 'stamp-order'), ['5:1 warning stamp-order']);
    assert.deepEqual(messages(telegram('28.9.50 at 8:10 a.m.', '27.9.50 at 20:55'), 'stamp-order'), [
      'Stamps out of order: received on 27 September 1950 at 20:55 (line 5) comes before sent on 28 September 1950 at 08:10 (line 4).',
    ]);
  });
  test('a place of unknown zone is given every possible offset before a stamp fires', () => {
    const unknownPlace = (received: string) =>
      telegram('5.10.50 at 23:00', received).replace('From Pyongyang', 'From Xanadu').replace('Arrived in the 8th Department of the General Staff on 27.9.50 at 21:10', '');
    assert.deepEqual(fired(unknownPlace('5.10.50 at 20:00'), 'stamp-order'), []);
    assert.deepEqual(fired(unknownPlace('4.10.50 at 10:00'), 'stamp-order'), ['5:1 warning stamp-order']);
  });
  test('stamps of one office without places compare as written', () => {
    const text = `Document 2: Ciphered Telegram, Kim Il Sung to Stalin (via Shtykov), 9 October 1950
Received on 10/09/50 at 9:38 a.m.
Deciphered by Morozov on 10/09/50 at 9:15 a.m.
[Source: APRF, fond 45, opis 1, delo 347, listy 72-73]
`;
    assert.deepEqual(fired(text, 'stamp-order'), ['3:1 warning stamp-order']);
    assert.deepEqual(fired(text.replace('9:15', '10:15'), 'stamp-order'), []);
  });
});

describe('header-closing-date', () => {
  const memo = (header: string, closing: string) => `Document 9: Memorandum, Gromyko to Stalin, ${header}
Comrade STALIN I.V.
I request Your consideration.
A. G R O M Y K O
${closing}
[Source: APRF, fond 3, opis 65, delo 827, listy 123, 125]
`;
  test('fires when the header and the closing date disagree', () => {
    assert.deepEqual(fired(memo('30 September 1950', '1 October 1950'), 'header-closing-date'), ['1:44 warning header-closing-date']);
    assert.deepEqual(messages(memo('30 September 1950', '1 October 1950'), 'header-closing-date'), [
      'Document 9 is dated 30 September 1950 in its header (line 1) but closes with 1 October 1950 (line 5).',
    ]);
  });
  test('is silent when they agree, in any form', () => {
    assert.deepEqual(fired(memo('30 September 1950', '30 September 1950'), 'header-closing-date'), []);
    assert.deepEqual(fired(memo('30 September 1950', 'Moscow, September 30, 1950'), 'header-closing-date'), []);
  });
  test("is silent when the editors' correction of the header agrees", () => {
    assert.deepEqual(fired(memo('8 [7] October 1950', '7 October 1950'), 'header-closing-date'), []);
  });
});

describe('impossible-date', () => {
  test('fires on 31 September and on a footnote digit run into a time', () => {
    const text = `Document 1: Letter, Stalin to Mao Zedong, 31 September 1950
The troops were seen at 8:101 a.m. near the border.
`;
    assert.deepEqual(fired(text, 'impossible-date'), ['1:43 warning impossible-date', '2:25 warning impossible-date']);
  });
  test('is silent on possible dates and times', () => {
    assert.deepEqual(fired('Document 1: Letter, Stalin to Mao Zedong, 30 September 1950\nSeen at 8:10 a.m.\n', 'impossible-date'), []);
  });
});

describe('meridiem-24h', () => {
  test('hints at a 24-hour time with p.m.', () => {
    assert.deepEqual(fired('Document 7: Telegram, Stalin to Mao Zedong, 5 July 1950\nSubmitted at 23:45 p.m. on 07/05/50\n', 'meridiem-24h'), ['2:14 hint meridiem-24h']);
  });
  test('is silent on 12-hour times and on 0:55 a.m.', () => {
    const text = 'Document 7: Telegram, Stalin to Mao Zedong, 5 July 1950\nSubmitted at 11:45 p.m. on 07/05/50\nTyped by Stepanova at 0:55 a.m. on 07/06/50\n';
    assert.deepEqual(fired(text, 'meridiem-24h'), []);
  });
});

describe('editorial-correction', () => {
  test("reports the editors' [sic] corrections as information", () => {
    const text = 'Document 13: Letter, Stalin to Kim Il Sung, 8 October 1950\nOn October 7, I received a letter from Mao of 7 September [sic-October].\n';
    assert.deepEqual(fired(text, 'editorial-correction'), ['2:47 information editorial-correction']);
  });
  test('is silent on an expansion that restates the same date', () => {
    assert.deepEqual(fired('Document 7: Telegram, Stalin to Mao Zedong, 5 July 1950\n5.7.50 [5 July 1950]\n', 'editorial-correction'), []);
  });
});

describe('identification-contradicts-registry', () => {
  test("fires when the editors' identification is not the registry's", () => {
    const text = 'Document 10: Ciphered Telegram, Filippov (Molotov) to Mao Zedong, 1 October 1950\n';
    assert.deepEqual(fired(text, 'identification-contradicts-registry'), ['1:42 warning identification-contradicts-registry']);
  });
  test('is silent when they agree, with any of the editions the registry cites', () => {
    assert.deepEqual(fired('Document 8: Draft Telegram, Chan Fu (Stalin) to Matveyev (Zakharov), 30 September 1950\n', 'identification-contradicts-registry'), []);
    assert.deepEqual(fired('Document 8: Draft Telegram, Chanfu (Bulganin) to Matveyev (Razuvayev), 30 September 1950\n', 'identification-contradicts-registry'), []);
  });
});

describe('cover-name-out-of-period', () => {
  const registry = `people:
  - id: stalin
    name: Iosif Vissarionovich Stalin
    forms: [Stalin]
cover-names:
  - id: fyn-si
    name: Fyn Si
    forms: [Feng Xi]
    identifications:
      - person: stalin
        from: 1950-08
        to: 1951-02
        authority: A test edition
`;
  test('fires when the cover name is used outside its period', () => {
    assert.deepEqual(fired('Document 1: Letter, Fyn Si [Stalin] to Stalin, 5 March 1952\n', 'cover-name-out-of-period', { registry }), ['1:21 warning cover-name-out-of-period']);
    assert.deepEqual(
      findingsOf(fixtureCorpus('Document 1: Letter, Fyn Si [Stalin] to Stalin, 5 March 1952\n', { registry })).map((f) => f.message),
      ['Fyn Si is used in a document of 5 March 1952, but the registry gives it from August 1950 to February 1951.'],
    );
  });
  test('is silent within the period', () => {
    assert.deepEqual(fired('Document 1: Letter, Fyn Si [Stalin] to Stalin, 8 October 1950\n', 'cover-name-out-of-period', { registry }), []);
  });
});

describe('repeated-header', () => {
  const header = 'Document 5: Letter, Stalin to Mao Zedong, 5 October 1950';
  test('fires on a header repeated as a page title', () => {
    assert.deepEqual(fired(`${header}\nDownload 12 Kb.\n${header}\nBody.\n`, 'repeated-header'), ['1:1 warning repeated-header']);
  });
  test('is silent on two different documents', () => {
    assert.deepEqual(fired(`${header}\nBody.\nDocument 6: Letter, Mao Zedong to Stalin, 7 October 1950\nBody.\n`, 'repeated-header'), []);
  });
});

describe('unknown-person', () => {
  test('fires on a correspondent and a clerk the registry does not know', () => {
    const text = 'Document 1: Letter, Smirnov to Stalin, 5 October 1950\nTyped by Ivanova on 10/05/50 at 11:20 a.m.\n';
    assert.deepEqual(fired(text, 'unknown-person'), ['1:21 warning unknown-person', '2:10 warning unknown-person']);
  });
  test('is silent on known people and on offices described without a name', () => {
    const text = 'Document 1: Letter, Soviet Ambassador in Beijing to Stalin, 5 October 1950\nTyped by Stepanova on 10/05/50 at 11:20 a.m.\n';
    assert.deepEqual(fired(text, 'unknown-person'), []);
  });
});

describe('archive-reference', () => {
  const doc = (source: string) => `Document 1: Letter, Stalin to Mao Zedong, 5 October 1950\nBody.\n${source}\n`;
  test('fires on a missing part and on an unknown archive', () => {
    assert.deepEqual(fired(doc('[Source: APRF, fond 45, opis 1, list 79]'), 'archive-reference'), ['3:1 warning archive-reference']);
    assert.deepEqual(messages(doc('[Source: APRF, fond 45, opis 1, list 79]'), 'archive-reference'), ['This archive reference gives no delo.']);
    assert.deepEqual(fired(doc('[Source: XYZA, fond 1, opis 2, delo 3, list 4]'), 'archive-reference'), ['3:10 warning archive-reference']);
  });
  test('is silent on complete references, abbreviated or not, and on published sources', () => {
    assert.deepEqual(fired(doc('[APRF, f. 45, op. 1, d. 331, l. 79]'), 'archive-reference'), []);
    assert.deepEqual(fired(doc('Source: APRF, f. 45, op. 1, d. 331, ll. 79-80; translation by the editors.'), 'archive-reference'), []);
    assert.deepEqual(fired(doc('[Source: Foreign Relations of the United States, 1950, vol. VII]'), 'archive-reference'), []);
  });
});

describe('reply-before-message', () => {
  const reply = (date: string) => `Document 12: Ciphered telegram from Roshchin in Beijing to Filippov [Stalin], ${date}
I report the answer of MAO ZEDONG: "I received your telegram of 1.10.50 [1 October 1950]."
`;
  test('fires when the reply is dated before the message it answers', () => {
    assert.deepEqual(fired(reply('30 September 1950'), 'reply-before-message'), ['2:48 warning reply-before-message']);
  });
  test('is silent when the reply comes after', () => {
    assert.deepEqual(fired(reply('3 October 1950'), 'reply-before-message'), []);
  });
});

describe('ambiguous-date', () => {
  const telegram = (header: string, more = '') => `Document 1: Telegram, Stalin to Mao Zedong${header}\nSent on 07/05/50 at 9:00 a.m.\n${more}`;
  const undeclared = { settings: { datesDeclared: { slashes: false, dots: false } } };
  test('hints when neither the corpus nor the document decides between day and month', () => {
    assert.deepEqual(fired(telegram(''), 'ambiguous-date', undeclared), ['2:9 hint ambiguous-date']);
    assert.deepEqual(
      findingsOf(fixtureCorpus(telegram(''), undeclared)).filter((f) => f.code === 'ambiguous-date').map((f) => f.message),
      ['"07/05/50" may be 5 July 1950 or 7 May 1950: marginalia.yaml declares no order and nothing in the document decides. Read as 5 July 1950.'],
    );
  });
  test("is silent when the document's own dates decide", () => {
    const byEvidence = fixtureCorpus(telegram('', 'Received on 07/14/50 at 10:00 a.m.\n'), undeclared);
    assert.deepEqual(codes(findingsOf(byEvidence)).filter((c) => c.endsWith('ambiguous-date')), []);
    const sent = byEvidence.file(fixtureUri)!.documents[0]!.dates.find((d) => d.text === '07/05/50')!;
    assert.equal(sent.reading.convention, 'month/day/year (inferred for this document from 07/14/50)');
    // Day first, by a date that can only be day/month.
    const dayFirst = fixtureCorpus(telegram('', 'Received on 14/07/50 at 10:00 a.m.\n'), undeclared).file(fixtureUri)!.documents[0]!;
    assert.deepEqual(dayFirst.dates.find((d) => d.text === '07/05/50')!.value, { year: 1950, month: 5, day: 7 });
    // By the document's own date.
    assert.deepEqual(fired(telegram(', 7 May 1950'), 'ambiguous-date', undeclared), []);
    const byDate = fixtureCorpus(telegram(', 7 May 1950'), undeclared).file(fixtureUri)!.documents[0]!;
    assert.deepEqual(byDate.dates.find((d) => d.text === '07/05/50')!.value, { year: 1950, month: 5, day: 7 });
  });
  test("a document that decides nothing is read by the order the corpus's other documents bear out", () => {
    const decided = 'Document 1: Telegram, Stalin to Mao Zedong\nSent on 14/07/50 at 9:00 a.m.\n';
    const undecided = 'Document 2: Telegram, Stalin to Mao Zedong\nSent on 07/05/50 at 9:00 a.m.\n';
    // Another document of the same file, then another file of the corpus.
    for (const corpus of [
      fixtureCorpus(`${decided}${undecided}`, undeclared),
      (() => {
        const c = fixtureCorpus(decided, { ...undeclared, uri: 'file:///fixtures/a.txt' });
        c.setFile(fixtureUri, undecided);
        return c;
      })(),
    ]) {
      const doc = corpus.file(fixtureUri)!.documents.find((d) => d.header?.number === '2')!;
      const sent = doc.dates.find((d) => d.text === '07/05/50')!;
      assert.deepEqual(sent.value, { year: 1950, month: 5, day: 7 });
      assert.equal(sent.reading.convention, 'day/month/year (inferred from the corpus: its other documents read slashes so)');
      assert.deepEqual(doc.dateOrders?.slashes, { order: 'day/month/year', by: 'corpus' });
      assert.deepEqual(codes(findingsOf(corpus)).filter((c) => c.endsWith('ambiguous-date')), []);
    }
  });
  test('is silent when marginalia.yaml declares the order', () => {
    assert.deepEqual(fired(telegram(''), 'ambiguous-date', { settings: { datesDeclared: { slashes: true, dots: true } } }), []);
  });
});

describe('number-dates-disagree', () => {
  const two = (second: string) => `Document 15: Gromyko and Vasilevsky to Stalin, 6 October 1950
In connection with Comrade Shtykov's telegram #1405/sh dated 5 October we consider it necessary to reply.
6 October 1950
Document 16: Memorandum, Gromyko to Stalin, 7 October 1950
Shtykov's telegram #1405/sh dated ${second} asked for the evacuation of the specialists.
7 October 1950
`;
  test('fires where one telegram number is given a second, different date', () => {
    assert.deepEqual(fired(two('4 October'), 'number-dates-disagree'), ['5:20 warning number-dates-disagree']);
    assert.deepEqual(messages(two('4 October'), 'number-dates-disagree'), ['No. 1405/sh is dated 4 October 1950 here (line 5) but 5 October 1950 in Document 15, line 2.']);
  });
  test('is silent when both give the same date', () => {
    assert.deepEqual(fired(two('5 October'), 'number-dates-disagree'), []);
  });
});

describe('quoted-message-date', () => {
  const relay = (signed: string) => `Document 12: Ciphered telegram from Roshchin in Beijing to Filippov [Stalin], 3 October 1950, conveying 2 October 1950 message from Mao to Stalin
I report the answer of MAO ZEDONG:
"We will convene a meeting of the CC.
MAO ZEDONG ${signed}"
`;
  test('fires when the quoted message closes with another date than the header gives it', () => {
    assert.deepEqual(fired(relay('1.10.50'), 'quoted-message-date'), ['4:12 warning quoted-message-date']);
  });
  test('is silent when they agree', () => {
    assert.deepEqual(fired(relay('2.10.50'), 'quoted-message-date'), []);
  });
});

test('consistent documents in other editions’ styles raise no warnings at all', () => {
  const soviet = `Ciphered Telegram from Matveyev (Zakharov) to Feng Xi (Stalin)
September 26, 1950
From Pyongyang
Sent on 26.9.50 at 8:10 a.m., by wire
Received in Moscow on 27.9.50 at 20:55
Arrived in the 8th Department of the General Staff on 27.9.50 at 21:10
To Comrade Feng Xi.
In reply to your telegram of 24.III.50 I report that the withdrawal began on 13 September of this year.
MATVEYEV
No. 1261
[APRF, f. 45, op. 1, d. 347, l. 41]
`;
  const american = `The Ambassador in Korea (Muccio) to the Secretary of State
Seoul, January 27, 1949—2 p. m.
[Received January 28—3:21 a. m.]
The situation along the parallel remains quiet.
Muccio
795.00/1–2749: Telegram
`;
  assert.deepEqual(codes(findingsOf(fixtureCorpus(soviet)), 'warning'), []);
  // The registry of a U.S. edition knows its own people.
  const registry = registryText().replace('people:\n', 'people:\n  - id: muccio\n    name: John J. Muccio\n    forms: [Muccio]\n    role: U.S. Ambassador to the Republic of Korea\n');
  assert.deepEqual(codes(findingsOf(fixtureCorpus(american, { registry })), 'warning'), []);
  // Without him, the editors' identification of the ambassador is a name the registry lacks.
  assert.deepEqual(codes(findingsOf(fixtureCorpus(american)), 'warning'), ['1:26 warning unknown-person']);
});

describe('no false alarms on consistent documents of other layouts', () => {
  const warnings = (text: string, registry?: string) => codes(findingsOf(fixtureCorpus(text, registry ? { registry } : {})), 'warning');
  const hints = (text: string) => codes(findingsOf(fixtureCorpus(text, { settings: { datesDeclared: { slashes: false, dots: false } } }))).filter((c) => c.includes('hint'));

  test('prose that opens with "Received" or "Sent" is no stamp', () => {
    const text = `Document 8: Letter from Kim Il Sung to Filippov (Stalin), 12 October 1950
Sent you yesterday the plan of the General Staff, dated 10 October.
Received from Comrade Shtykov on 9 October the directive of 8 October, and carried it out.
Received your telegram of June 24. General MacArthur informs me that the attack began at 4 a.m.
Kim Il Sung
12 October 1950
`;
    assert.deepEqual(warnings(text), []);
    assert.deepEqual(fixtureCorpus(text).file(fixtureUri)!.documents[0]!.stamps, []);
  });

  test('a stamp quoted in a letter is the quoted message’s', () => {
    const text = `Letter from Kim Il Sung to Stalin
Dear Comrade Stalin!
We quote the telegram of Comrade Shtykov:
"Received your instructions on 29 September. The situation is grave.
Sent by wire on 28 September 1950 at 7:05 a.m. SHTYKOV 28.9.50"
With respect,
KIM IL SUNG
30 September 1950
`;
    assert.deepEqual(warnings(text), []);
  });

  test('the closing date is the one that ends the text, not a chronology entry, an enclosure or a quoted text', () => {
    const chronology = `Document 21: Memorandum from Gromyko to Stalin, 30 September 1950
Chronology of events:

25 June 1950
North Korean forces crossed the parallel.

15 September 1950
The Americans landed at Inchon.

A. GROMYKO
`;
    assert.deepEqual(warnings(chronology), []);
    assert.equal(fixtureCorpus(chronology).file(fixtureUri)!.documents[0]!.closingDate, undefined);
    const enclosure = `Document 4: Letter from Shtykov to Kim Il Sung, 14 September 1950
I enclose the letter.
SHTYKOV
14 September 1950

Enclosure:
Dear Comrade Stalin! We ask for help.
KIM IL SUNG
12 September 1950
`;
    assert.deepEqual(warnings(enclosure), []);
    const frus = `Memorandum of Conversation, by the Secretary of State

Washington, June 30, 1950—7 p. m.

Following is text of message from President Truman to President Rhee:
Begin text. I have received your message of June 26. The United States will give help.
Harry S. Truman
June 29, 1950
End text.

Acheson
`;
    assert.deepEqual(warnings(frus), []);
  });

  test('a header dating the document by a period agrees with a closing date within it', () => {
    const text = `Document 4: Diary of Shtykov, Sept. 16-Oct. 15, 1950
The troops withdrew to the north.
SHTYKOV
15 October 1950
`;
    assert.deepEqual(warnings(text), []);
    assert.deepEqual(fired(text.replace('15 October 1950\n', '20 October 1950\n'), 'header-closing-date'), ['1:31 warning header-closing-date']);
  });

  test('a telegram received across the date line, a day "before" its dateline', () => {
    // 9 a.m. on 26 June in Tokyo (UTC+9 or +10) is the evening of 25 June in Washington.
    const text = `The Political Adviser in Japan (Sebald) to the Secretary of State

Tokyo, June 26, 1950—9 a. m.
[Received June 25—9:14 p. m.]

The attack began at 4 a.m. on June 25.

Sebald
`;
    const registry = registryText().replace('people:\n', 'people:\n  - id: sebald\n    name: William J. Sebald\n    forms: [Sebald]\n');
    assert.deepEqual(warnings(text, registry), []);
    assert.equal(fixtureCorpus(text, { registry }).file(fixtureUri)!.documents[0]!.origin?.entryId, 'tokyo');
  });

  test("written-out dates decide the order of the document's numeric ones", () => {
    const text = `Ciphered Telegram from Shtykov to Filippov (Stalin)
From Pyongyang
Sent on 1.10.50 at 13:50
Received in Moscow on 1.10.50 at 16:05
I have delivered your message.
SHTYKOV
1 October 1950
`;
    assert.deepEqual(hints(text), []);
    const swapped = fixtureCorpus(text.replace('1 October 1950', '10 January 1950'), { settings: { datesDeclared: { slashes: false, dots: false } } });
    const sent = swapped.file(fixtureUri)!.documents[0]!.stamps[0]!.date!;
    assert.deepEqual(sent.value, { year: 1950, month: 1, day: 10 });
    assert.equal(sent.reading.convention, 'month.day.year (inferred: 1.10.50 is written out as 10 January 1950 in the document)');
  });

  test('and a real discrepancy in such a telegram is still found', () => {
    // 23:50 in Pyongyang is 14:50 UTC; 16:05 in Moscow is 13:05 UTC: received before it was sent.
    const text = `Ciphered Telegram from Shtykov to Filippov (Stalin)
From Pyongyang
Sent on 1.10.50 at 23:50
Received in Moscow on 1.10.50 at 16:05
SHTYKOV
1 October 1950
`;
    assert.deepEqual(warnings(text), ['4:1 warning stamp-order']);
  });
});

describe('one-untitled-document', () => {
  test('fires on a file read as one document with no number, heading or dateline, at its first line of text', () => {
    assert.deepEqual(fired('\nNotes from the reading room, box 4.\nThe folder holds letters of several dates.\n', 'one-untitled-document'), ['2:1 information one-untitled-document']);
    assert.deepEqual(messages('Notes from the reading room, box 4.\n', 'one-untitled-document'), [
      'Marginalia read this file as one untitled document: it found no "Document N:" line, dateline or heading to divide it by. If the file holds several documents, begin each with a "Document N:" line.',
    ]);
  });
  test('is silent on a numbered document, a dateline, and a file divided into documents', () => {
    assert.deepEqual(fired('Document 1: Letter, Stalin to Kim Il Sung, 1 May 1950\nText.\n', 'one-untitled-document'), []);
    assert.deepEqual(fired('London, March 6, 1951—7 p. m.\nText of a dispatch.\n', 'one-untitled-document'), []);
    assert.deepEqual(fired('Document 1: Letter, Stalin to Kim Il Sung, 1 May 1950\nText.\nDocument 2: Letter, Kim Il Sung to Stalin, 3 May 1950\nText.\n', 'one-untitled-document'), []);
  });
});
