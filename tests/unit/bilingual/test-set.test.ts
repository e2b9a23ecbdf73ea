// The bilingual test set (tests/fixtures/bilingual): alignment and checks
// stay at the quality docs/bilingual-eval.md reports.

import { describe, expect, it } from 'vitest';
import { alignTexts } from '../../../src/core/bilingual/align';
import { checkBilingual } from '../../../src/core/bilingual/checks/index';
import { loadTestSet } from '../../fixtures/bilingual/load';
import { add, EMPTY, findingMatches, precision, recall, scoreAlignment } from '../../fixtures/bilingual/score';

const docs = loadTestSet();

describe('the bilingual test set', () => {
  it('aligns at least nine links in ten as the gold does', () => {
    let total = EMPTY;
    for (const doc of docs) total = add(total, scoreAlignment(alignTexts(doc.source, doc.translation, { sourceLanguage: 'zh', translationLanguage: 'en' }), doc.links));
    expect(precision(total)).toBeGreaterThanOrEqual(0.9);
    expect(recall(total)).toBeGreaterThanOrEqual(0.9);
  });

  it('on the gold alignment, finds every gold finding', () => {
    for (const doc of docs) {
      const findings = checkBilingual({ source: doc.source, translation: doc.translation, sourceLanguage: 'zh', translationLanguage: 'en', alignment: doc.links }, doc.glossary);
      expect(doc.findings.filter((g) => !findings.some((f) => findingMatches(f, g)))).toEqual([]);
    }
  });
});
