import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, fixedOnce, flagged } from './helpers';

const RULE = 'missing-space-after-sentence';

describe(RULE, () => {
  it('flags a sentence glued to the next one and fixes it safely', () => {
    expect(flagged(RULE, 'growth in the city.We must act.')).toEqual(['.W']);
    expect(fixedOnce(RULE, 'growth in the city.We must act.')).toBe('growth in the city. We must act.');
    const [finding] = findingsOf(RULE, 'the city.We must');
    expect(finding).toMatchObject({ replacement: '. W', safe: true, severity: 'warning' });
    expect(finding!.message).toContain('. We');
  });

  it('flags a sentence starting with a brand', () => {
    expect(fixedOnce(RULE, 'in the city.WeChat is popular')).toBe('in the city. WeChat is popular');
  });

  it('flags ! and ? too', () => {
    expect(fixedOnce(RULE, 'Is it done?No, not yet.')).toBe('Is it done? No, not yet.');
    expect(fixedOnce(RULE, 'Stop here!Then go on.')).toBe('Stop here! Then go on.');
  });

  it('puts the space after a closing quote or bracket and before an opening one', () => {
    expect(fixedOnce(RULE, 'She said "Stop."He left.')).toBe('She said "Stop." He left.');
    expect(fixedOnce(RULE, 'the “new plan.”It was')).toBe('the “new plan.” It was');
    expect(fixedOnce(RULE, 'in the city.“We will”')).toBe('in the city. “We will”');
    expect(fixedOnce(RULE, 'in the city."We will"')).toBe('in the city. "We will"');
    expect(fixedOnce(RULE, '(see the plan.)Then')).toBe('(see the plan.) Then');
  });

  it('flags a sentence ending in a number, unit, closing bracket or quote', () => {
    expect(fixedOnce(RULE, 'up 4.6%.The rest')).toBe('up 4.6%. The rest');
    expect(fixedOnce(RULE, 'in 2023.Exports rose')).toBe('in 2023. Exports rose');
    expect(fixedOnce(RULE, 'above 38°C.Experts say')).toBe('above 38°C. Experts say');
    expect(fixedOnce(RULE, 'the plan (2023-2026).It is')).toBe('the plan (2023-2026). It is');
    expect(fixedOnce(RULE, 'rules and regulations".Mr. Zhao')).toBe('rules and regulations". Mr. Zhao');
    expect(fixedOnce(RULE, 'the 8GB/256GB version).Bidders may')).toBe('the 8GB/256GB version). Bidders may');
    expect(fixedOnce(RULE, 'see issue #1182.The fix')).toBe('see issue #1182. The fix');
    expect(fixedOnce(RULE, 'Firefox 88+.The SDK')).toBe('Firefox 88+. The SDK');
    expect(fixedOnce(RULE, 'statistics.2. The rates')).toBe('statistics. 2. The rates');
    expect(fixedOnce(RULE, 'under 1.2 m.Adults pay')).toBe('under 1.2 m. Adults pay');
    expect(fixedOnce(RULE, 'revenue was $4.5bn.Net profit')).toBe('revenue was $4.5bn. Net profit');
    expect(fixedOnce(RULE, 'Visit www.example.com.cn.The site')).toBe('Visit www.example.com.cn. The site');
    expect(fixedOnce(RULE, 'and the P60 Art.The launch')).toBe('and the P60 Art. The launch');
  });

  it('flags a sentence ending in a short word or acronym, and an abbreviation before a word that starts sentences', () => {
    expect(fixedOnce(RULE, 'said Ms. Li.The meeting')).toBe('said Ms. Li. The meeting');
    expect(fixedOnce(RULE, 'of the GDP.Exports rose')).toBe('of the GDP. Exports rose');
    expect(fixedOnce(RULE, 'exports to the U.S.The rest')).toBe('exports to the U.S. The rest');
    expect(fixedOnce(RULE, 'at 4:30 p.m.The office')).toBe('at 4:30 p.m. The office');
  });

  it('leaves abbreviations, initials and titles alone', () => {
    expectClean(RULE, [
      'the U.S.A and the U.S. economy',
      'e.g. this, i.e.This',
      'a Ph.D.Candidate and a Ph.D. student',
      'Mr.Li met Dr.Wang and Mr. Li',
      'J.R.R.Tolkien wrote it',
      'the U.N.Security Council',
      'at 10 a.m.Sharp',
    ]);
  });

  it('leaves numbers, versions and section numbers alone', () => {
    expectClean(RULE, ['grew 3.5 percent', 'No.3 Road', 'version v2.1 and v2.1Beta', 'Article 3.2 says', 'No.5Gate', 'codes 600519.SH and 0700.HK', 'version 6.2.1.', 'Art. 5.2 and Fig. 3', 'Prof.Wang and St.Petersburg', 'e.g.The']);
  });

  it('leaves ellipses, URLs, e-mail addresses, domains, file names and code alone', () => {
    expectClean(RULE, [
      'wait...Then it came',
      'and so on…Then',
      'see https://example.org/News.Today/Index.Html now',
      'write to press.Office@example.Com or visit www.example.org.',
      'open Report.Docx and the notes.Pdf',
      'call System.Console.WriteLine(x) or console.Log(y)',
      'use Node.js, ASP.NET and .NET',
      'the `fs.Stats` object and `http.Agent`',
      'a [change map](#transform.StepMap) and the state.EditorState type',
    ]);
  });

  it('flags a sentence glued after JSON, but leaves code that goes on alone', () => {
    expect(fixedOnce(RULE, 'format, e.g. {"id":1024,"name":"Business license","tags":["new"]}.Developers should read')).toBe(
      'format, e.g. {"id":1024,"name":"Business license","tags":["new"]}. Developers should read',
    );
    expect(fixedOnce(RULE, 'returns ["a","b"].The list')).toBe('returns ["a","b"]. The list');
    expectClean(RULE, ['x = {a}.Values', 'call f(x).Value is read', 'obj.{a}.Name()']);
  });

  it('flags a list number glued to its item even when the item looks like a name', () => {
    expect(flagged(RULE, '3.Requirements.Participants must be')).toEqual(['.R', '.P']);
    expect(fixedOnce(RULE, '1.JavaScript basics')).toBe('1. JavaScript basics');
    expect(fixedOnce(RULE, 'every 5 minutes.A ratio is kept')).toBe('every 5 minutes. A ratio is kept');
    expectClean(RULE, ['System.Console.Write(x)', 'the U.S.A and the U.S. economy']);
  });
});
