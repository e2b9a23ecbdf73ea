import { describe, expect, it } from 'vitest';
import { alignTexts } from '../../../src/core/bilingual/align';
import type { AlignmentLink } from '../../../src/core/bilingual/types';

const options = { sourceLanguage: 'zh', translationLanguage: 'en' };
const show = (source: string, translation: string, links: AlignmentLink[]) =>
  links.map((l) => [l.source ? [...source].slice(l.source.start, l.source.end).join('') : null, l.translation ? [...translation].slice(l.translation.start, l.translation.end).join('') : null]);

describe('alignment', () => {
  it('links sentences one to one when the translation keeps them', () => {
    const source = '今天天气很好。我们去公园散步。公园里有很多人。';
    const translation = 'The weather is nice today. We went for a walk in the park. There were many people in the park.';
    expect(show(source, translation, alignTexts(source, translation, options))).toEqual([
      ['今天天气很好。', 'The weather is nice today.'],
      ['我们去公园散步。', 'We went for a walk in the park.'],
      ['公园里有很多人。', 'There were many people in the park.'],
    ]);
  });

  it('finds a dropped sentence and a sentence split in two', () => {
    const pairs: [string, string | null][] = [
      ['国家统计局发布数据显示，前三季度工业增加值同比增长5.8%。', 'Data from the National Bureau of Statistics showed that industrial value added grew 5.8% year on year in the first three quarters.'],
      ['其中，高技术制造业增加值增长9.6%，比上半年加快0.4个百分点。', 'The value added of high-tech manufacturing grew by 9.6%, 0.4 percentage points faster than in the first half.'],
      ['一些分析人士认为，这一势头有望在第四季度延续。', 'Some analysts believe that this momentum is expected to continue in the fourth quarter.'],
      ['同时，央行将继续保持流动性合理充裕。', null],
      ['全国城镇新增就业1022万人，完成全年目标的93%。', 'A total of 10.22 million new urban jobs were created, completing 93% of the annual target.'],
      ['据海关总署统计，11月份出口额为3.2万亿元，其中对东盟出口增长了百分之十二。', 'According to customs, exports in November were 3.2 trillion yuan. Exports to ASEAN grew by 12%.'],
      ['专家预计，全年经济增长目标有望顺利实现。', 'Experts expect that the annual economic growth target will be achieved smoothly.'],
    ];
    const source = pairs.map(([zh]) => zh).join('');
    const translation = pairs.flatMap(([, en]) => (en ? [en] : [])).join(' ');
    expect(show(source, translation, alignTexts(source, translation, options))).toEqual(pairs);
  });

  it('covers every sentence of both texts once, in order, in code points', () => {
    const source = '𠮷野家开业了。第二句话在这里。\n第三句。';
    const translation = 'Yoshinoya opened. The second sentence is here.\nThe third.';
    const links = alignTexts(source, translation, options);
    expect(links.map((l) => l.source)).toEqual([{ start: 0, end: 7 }, { start: 7, end: 15 }, { start: 16, end: 20 }]);
    expect(links.map((l) => l.translation)).toEqual([{ start: 0, end: 17 }, { start: 18, end: 46 }, { start: 47, end: 57 }]);
  });

  it('does not trust paragraph breaks that the two texts place differently', () => {
    const source = '第一段第一句话在这里。第一段第二句话也在这里。\n第二段只有一句话。';
    const translation = 'The first sentence of paragraph one is here.\nThe second sentence of paragraph one is also here. Paragraph two has only one sentence.';
    expect(show(source, translation, alignTexts(source, translation, options))).toEqual([
      ['第一段第一句话在这里。', 'The first sentence of paragraph one is here.'],
      ['第一段第二句话也在这里。', 'The second sentence of paragraph one is also here.'],
      ['第二段只有一句话。', 'Paragraph two has only one sentence.'],
    ]);
  });

  it('gives every sentence a side of its own when the other text is empty', () => {
    expect(alignTexts('一句。两句。', '', options)).toEqual([
      { source: { start: 0, end: 3 }, translation: null },
      { source: { start: 3, end: 6 }, translation: null },
    ]);
  });
});

describe('alignment on any input', () => {
  it('covers every sentence of both texts exactly once, in order, with ranges inside the texts', async () => {
    const fc = await import('fast-check');
    const zhSentence = fc.stringMatching(/^[一-龥0-9A-Za-z，]{1,30}[。！？；]$/);
    const enSentence = fc.stringMatching(/^[A-Z][a-z0-9 ,]{0,60}[.!?]$/);
    fc.assert(
      fc.property(fc.array(zhSentence, { maxLength: 12 }), fc.array(enSentence, { maxLength: 12 }), (zh, en) => {
        const source = zh.join('');
        const translation = en.join(' ');
        const links = alignTexts(source, translation, options);
        const covered = (side: 'source' | 'translation') => links.flatMap((l) => (l[side] ? [l[side]!] : []));
        for (const [side, text] of [['source', source], ['translation', translation]] as const) {
          const spans = covered(side);
          spans.forEach((s, i) => {
            expect(s.start).toBeLessThan(s.end);
            expect(s.end).toBeLessThanOrEqual([...text].length);
            if (i > 0) expect(s.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
          });
          // Everything that is not space lies in some link.
          const inLinks = new Set(spans.flatMap((s) => Array.from({ length: s.end - s.start }, (_, k) => s.start + k)));
          [...text].forEach((ch, k) => {
            if (/\S/.test(ch)) expect(inLinks.has(k)).toBe(true);
          });
        }
        expect(links.every((l) => l.source || l.translation)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
