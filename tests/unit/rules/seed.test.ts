// The readout Scholia was conceived from (../shared/seed/, third-party text:
// read here, never copied into the project). Every artifact its README lists
// is found, and nothing else.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../../src/core/offsets';
import { checkText, fixAllSafe } from '../../../src/core/rules';

const SEED_DIR = fileURLToPath(new URL('../../../../shared/seed/', import.meta.url));
const seedFile = existsSync(SEED_DIR) ? readdirSync(SEED_DIR).find((name) => /^000_.*\.txt$/.test(name)) : undefined;

describe.skipIf(seedFile === undefined)(`the seed readout (skipped: no 000_*.txt in ${SEED_DIR})`, () => {
  const text = seedFile === undefined ? '' : readFileSync(join(SEED_DIR, seedFile), 'utf8');

  it('finds exactly the artifacts it is known to hold', () => {
    const found = checkText(text).map((f) => `${f.rule} ${JSON.stringify(sliceCodePoints(text, f.start, f.end))}`);
    expect(found.sort()).toEqual(
      [
        // Shanghai.We, trade.We, market.We; enterprises.It, projects.It
        'missing-space-after-sentence ".W"',
        'missing-space-after-sentence ".W"',
        'missing-space-after-sentence ".W"',
        'missing-space-after-sentence ".I"',
        'missing-space-after-sentence ".I"',
        'glued-modal ".wantContinue"',
        'glued-modal ".wantContinue"',
        'missing-space-after-comma ",P"',
        'space-before-punctuation " ,"',
        'duplicated-phrase "higher level and higher level"',
        // The footer is the last line: it goes with the line break before it.
        'source-boilerplate "\\nCharity In China reported , all right reserved"',
      ].sort(),
    );
  });

  it('fixes every one of them: each fix is certain', () => {
    const { text: fixed, applied } = fixAllSafe(text);
    // Five spaces, two glued modals, the comma's space, the repeat and the
    // footer line (the space before its comma goes with it).
    expect(applied).toHaveLength(10);
    for (const expected of ['of Shanghai. We must', 'foreign trade. We must', 'supply chain. Continue to deepen', 'in depth. Continue to vigorously', 'market. We must', 'security, Provide', 'enterprises. It is', 'projects. It is', 'towards a higher level of international']) {
      expect(fixed).toContain(expected);
    }
    expect(fixed).not.toContain('all right reserved');
    expect(checkText(fixed)).toEqual([]);
  });
});
