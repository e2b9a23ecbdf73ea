// The worker's side of a long text's first request: its paragraphs come ahead
// of it, a slice at a time, and the request is answered as if it held them all.

import { describe, expect, it } from 'vitest';
import { SuggestedText, type ParagraphInput } from '../../../src/core/suggestions';
import { answerRequest, RequestInbox } from '../../../src/renderer/editor/suggestion-request';

const paragraph = (text: string): ParagraphInput => ({ text, annotations: [] });
const lines = ['Chancellor Olaf Scholz met', 'in Berlin on Monday.', 'Then Geneva.', 'On 3 May 2024 in Shanghai.'];
const settings = { dictionary: [{ tagId: 'L', terms: ['Geneva'] }], entities: { person: 'P', place: 'L', date: 'D' }, rejections: [] };

describe('paragraphs sent ahead of their request', () => {
  it('are answered as one request holding them all, in order', () => {
    const whole = new SuggestedText();
    const expected = answerRequest(whole, { settings, text: { reset: lines.map(paragraph) } });
    const inbox = new RequestInbox();
    const staged = new SuggestedText();
    expect(inbox.take({ stage: lines.slice(0, 1).map(paragraph) })).toBeNull();
    expect(inbox.take({ stage: lines.slice(1, 3).map(paragraph) })).toBeNull();
    const request = inbox.take({ id: 1, settings, text: { reset: lines.slice(3).map(paragraph), staged: 3 } })!;
    expect(request.text).toEqual({ reset: lines.map(paragraph) });
    expect(answerRequest(staged, request)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('are counted: a request that does not count them all is refused, and the next starts afresh', () => {
    const inbox = new RequestInbox();
    inbox.take({ stage: [paragraph('a'), paragraph('b')] });
    expect(() => inbox.take({ id: 1, text: { reset: [], staged: 1 } })).toThrow(/2 paragraphs were sent ahead of request 1, which counts 1/);
    inbox.take({ stage: [paragraph('c')] });
    expect(() => inbox.take({ id: 2, text: { edits: [] } })).toThrow(/which counts 0/);
    expect(inbox.take({ id: 3, text: { edits: [] } })).toEqual({ id: 3, text: { edits: [] } });
  });
});
