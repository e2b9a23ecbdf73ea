import { describe, expect, it } from 'vitest';
import { segmenterSentences, splitSentences } from '../../../src/core/bilingual/sentences';

const texts = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => [...text].slice(s.start, s.end).join(''));

describe('Chinese sentences', () => {
  it('end at 。！？； and take their closing quotes along', () => {
    const text = '他说：“我们来了。”然后走了！真的吗？是的；好。';
    expect(texts(text, splitSentences(text, 'zh'))).toEqual(['他说：“我们来了。”', '然后走了！', '真的吗？', '是的；', '好。']);
  });

  it('do not end at a decimal point, a comma or an ellipsis inside a sentence', () => {
    const text = '增长3.5%，达到1.2亿元……并且还在增长。';
    expect(texts(text, splitSentences(text, 'zh-CN'))).toEqual([text]);
  });

  it('end at a line break, and give code point ranges past astral characters', () => {
    const text = '𠮷野家开业了。\n第二段';
    const spans = splitSentences(text, 'zh');
    expect(spans).toEqual([{ start: 0, end: 7 }, { start: 8, end: 11 }]);
    expect(texts(text, spans)).toEqual(['𠮷野家开业了。', '第二段']);
  });
});

describe('English sentences', () => {
  it('do not end after titles, initials, month abbreviations or U.S. inside a sentence', () => {
    const text = 'Mr. Smith met Dr. Li in Washington on Jan. 5. The U.S. economy grew 3.5%. J. K. Rowling agreed.';
    expect(texts(text, splitSentences(text, 'en'))).toEqual(['Mr. Smith met Dr. Li in Washington on Jan. 5.', 'The U.S. economy grew 3.5%.', 'J. K. Rowling agreed.']);
  });

  it('end after an abbreviation that closes a sentence when the next word opens one', () => {
    const text = 'He works for Apple Inc. The company agreed. Talks went on in the U.S. Then they stopped.';
    expect(texts(text, splitSentences(text, 'en'))).toEqual(['He works for Apple Inc.', 'The company agreed.', 'Talks went on in the U.S.', 'Then they stopped.']);
  });

  it('keep quotes and brackets with the sentence they close, and need a capital after', () => {
    const text = 'She said: "We won." (It was true.) the rest is lower case? no.';
    expect(texts(text, splitSentences(text, 'en'))).toEqual(['She said: "We won."', '(It was true.) the rest is lower case? no.']);
  });

  it('Intl.Segmenter, kept for comparison, splits after Mr.', () => {
    const text = 'Mr. Smith left.';
    expect(texts(text, segmenterSentences(text, 'en'))).toEqual(['Mr.', 'Smith left.']);
  });
});
