import { describe, expect, it } from 'vitest';
import { alignTexts } from '../../../src/core/bilingual/align';
import { checkPairing } from '../../../src/core/bilingual/pairing';
import { loadTestSet } from '../../fixtures/bilingual/load';

const docs = loadTestSet();
const byName = (name: string) => docs.find((d) => d.name === name)!;

function verdict(source: string, translation: string) {
  const languages = { sourceLanguage: 'zh', translationLanguage: 'en' };
  return checkPairing({ source, translation, ...languages, alignment: alignTexts(source, translation, languages) });
}

describe('whether a source belongs to a translation', () => {
  it('accepts every pair of the test set', () => {
    for (const doc of docs) expect(verdict(doc.source, doc.translation)).toEqual({ ok: true });
  });

  it('refuses another document’s source, saying why', () => {
    const result = verdict(byName('economy').source, byName('technology').translation);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^only \d+ of the source's \d+ numbers, names and addresses appear in the aligned translation/);
  });

  it('refuses a translation of implausible length, and an empty side', () => {
    expect(verdict(byName('economy').source, 'Short.')).toMatchObject({ ok: false, reason: expect.stringMatching(/times as long as the source/) });
    expect(verdict('', 'Text.')).toEqual({ ok: false, reason: 'the source is empty' });
  });
});
