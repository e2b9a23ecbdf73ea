import { describe, expect, it } from 'vitest';
import { findNumbers, parseChineseNumeral } from '../../../src/core/bilingual/numbers';

const keys = (text: string, language: string) => findNumbers(text, language).map((m) => [m.text, ...m.keys].join(' '));

describe('Chinese numerals', () => {
  it('parse with scales, zeros and decimals', () => {
    expect(parseChineseNumeral('两千零二十六')).toBe(2026);
    expect(parseChineseNumeral('三亿五千万')).toBe(350_000_000);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('三点五')).toBe(3.5);
  });

  it('refuse what is not a numeral', () => {
    expect(parseChineseNumeral('十四五')).toBeNull();
    expect(parseChineseNumeral('千万')).toBeNull();
    expect(parseChineseNumeral('万一')).toBeNull();
  });
});

describe('numbers in Chinese text', () => {
  it('read scales, percent, percentage points, dates and full-width digits', () => {
    expect(keys('3.5万人，1.2亿元，百分之五，增长2个百分点，２０２６年，2026年12月2日，5000万，三成', 'zh')).toEqual([
      '3.5万 n:35000',
      '1.2亿 n:120000000',
      '百分之五 p:5',
      '2个百分点 pp:2',
      '２０２６年 n:2026',
      '2026年12月2日 md:12-2 n:2026',
      '5000万 n:50000000',
      '三成 p:30',
    ]);
  });

  it('read counted numerals and written-out dates', () => {
    expect(keys('两千零二十六名员工，三家公司，二〇二六年十二月二日', 'zh')).toEqual(['两千零二十六 n:2026', '三 n:3', '二〇二六年十二月二日 md:12-2 n:2026']);
  });

  it('find nothing in words that merely contain numeral characters', () => {
    expect(keys('一些人一起统一行动，万一不行，千万不要放弃，十分重要，两岸一家亲，一带一路', 'zh')).toEqual([]);
  });

  it('read the five-year plans as the numbers English spells out', () => {
    expect(keys('“十四五”规划', 'zh')).toEqual(['十四五 n:14 n:5']);
  });
});

describe('numbers in English text', () => {
  it('read digits with separators, scale words, percent and points', () => {
    expect(keys('35,000 people, 35 thousand, 120 million, $3.5bn, 5%, 5 percent, 2 percentage points', 'en')).toEqual([
      '35,000 n:35000',
      '35 thousand n:35000',
      '120 million n:120000000',
      '3.5bn n:3500000000',
      '5% p:5',
      '5 percent p:5',
      '2 percentage points pp:2',
    ]);
  });

  it('read dates in both orders, and words', () => {
    expect(keys('On December 2, 2026 and 2 December 2026, in May, twenty-five firms, the third time', 'en')).toEqual([
      'December 2, 2026 md:12-2 n:2026',
      '2 December 2026 md:12-2 n:2026',
      'May m:5',
      'twenty-five n:25',
      'third n:3',
    ]);
  });

  it('leave the modal verb may and codes with letters before digits alone', () => {
    expect(keys('May I say the G20 may meet?', 'en')).toEqual([]);
  });
});
