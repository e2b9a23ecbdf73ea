import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../../../src/core/bilingual/checks/consistency';
import { checkBilingual } from '../../../src/core/bilingual/checks/index';
import { checkKeptAsIs } from '../../../src/core/bilingual/checks/kept-as-is';
import { checkNumbers } from '../../../src/core/bilingual/checks/numbers';
import { checkOmissions } from '../../../src/core/bilingual/checks/omission';
import { checkTerminology } from '../../../src/core/bilingual/checks/terminology';
import { checkUntranslated } from '../../../src/core/bilingual/checks/untranslated';
import type { GlossaryEntry } from '../../../src/core/bilingual/glossary';
import { pairTexts, type BilingualPair } from '../../../src/core/bilingual/pair';
import type { AlignmentLink, BilingualFinding, Span } from '../../../src/core/bilingual/types';

/** A pair built from gold links: [source sentence, translation sentence] ('' for none). */
function pair(links: [string, string][]): BilingualPair {
  let source = '';
  let translation = '';
  const alignment: AlignmentLink[] = [];
  for (const [zh, en] of links) {
    const s: Span | null = zh ? { start: [...source].length, end: [...source].length + [...zh].length } : null;
    source += zh;
    if (en && translation) translation += ' ';
    const t: Span | null = en ? { start: [...translation].length, end: [...translation].length + [...en].length } : null;
    translation += en;
    alignment.push({ source: s, translation: t });
  }
  return pairTexts({ source, translation, sourceLanguage: 'zh', translationLanguage: 'en', alignment });
}

const quote = (text: string, spans: Span[]) => spans.map((s) => [...text].slice(s.start, s.end).join(''));
const brief = (p: BilingualPair, findings: BilingualFinding[]) =>
  findings.map((f) => ({ rule: f.rule, side: f.side, source: quote(p.source.text, f.source), translation: quote(p.translation.text, f.translation), fix: f.fix?.replacement ?? null }));

describe('numbers check', () => {
  it('names both numbers of a mismatch and offers the fix in the translation’s style', () => {
    const p = pair([['智能电动汽车业务交付新车10.8万辆。', 'The business delivered 10,800 new cars.']]);
    expect(brief(p, checkNumbers(p))).toEqual([{ rule: 'number-mismatch', side: 'translation', source: ['10.8万'], translation: ['10,800'], fix: '108,000' }]);
    expect(checkNumbers(p)[0]!.message).toBe('The source has “10.8万” (108,000) but the translation has “10,800”.');
  });

  it('tells percentage points from percent, and reports a number the translation lost', () => {
    const p = pair([
      ['比上半年加快0.4个百分点。', 'It was 0.4% faster than in the first half.'],
      ['出口增长6.7%，进口增长3.5%。', 'Exports grew 6.7%.'],
    ]);
    expect(brief(p, checkNumbers(p))).toEqual([
      { rule: 'number-mismatch', side: 'translation', source: ['0.4个百分点'], translation: ['0.4%'], fix: '0.4 percentage points' },
      { rule: 'number-mismatch', side: 'source', source: ['3.5%'], translation: ['Exports grew 6.7%.'], fix: null },
    ]);
  });

  it('traps: equal values in other words, dates, plans, and 一 read as "a" do not fire', () => {
    const p = pair([
      ['营收3.5万元，净利润1.2亿元，增长百分之五。', 'Revenue was 35 thousand yuan, net profit 120 million yuan, up 5%.'],
      ['2026年12月2日，三家公司签约。', 'On December 2, 2026, three companies signed.'],
      ['“十四五”规划的第一年，一些人一起工作了一个月。', 'In the first year of the 14th Five-Year Plan, some people worked together for a month.'],
      ['员工达到两千零二十六名，增长两成。', 'Staff reached 2,026, up 20%.'],
    ]);
    expect(checkNumbers(p)).toEqual([]);
  });
});

describe('omission check', () => {
  it('reports a source sentence without translation and a translation sentence without source', () => {
    const p = pair([['同时，央行将继续保持流动性合理充裕。', ''], ['', 'It is expected to create thousands of jobs.']]);
    expect(brief(p, checkOmissions(p)).map((f) => [f.rule, f.side])).toEqual([['omission', 'source'], ['addition', 'translation']]);
  });

  it('reports a translation far shorter than the document’s own ratio, and not ordinary variation', () => {
    const normal: [string, string][] = [
      ['今天天气很好，我们去公园散步。', 'The weather was nice today, so we went for a walk in the park.'],
      ['公园里有很多人在跑步和打太极拳。', 'Many people in the park were running and practising tai chi.'],
      ['孩子们在草地上放风筝，玩得很开心。', 'The children flew kites on the grass and had a great time.'],
      ['湖边的柳树已经发芽了。', 'The willows by the lake have already sprouted.'],
      ['我们在一家小店吃了午饭，味道不错。', 'We had lunch at a small shop, and the food was good.'],
      ['下午我们参观了附近的历史博物馆。', 'In the afternoon we visited the nearby history museum.'],
      ['博物馆里展出了许多珍贵的文物。', 'The museum displays many precious cultural relics.'],
    ];
    expect(checkOmissions(pair(normal))).toEqual([]);
    const shortened = pair([...normal, ['晚上我们回到家，大家都很累，但是今天过得非常愉快，希望下周还能再来。', 'In the evening we went home.']]);
    expect(brief(shortened, checkOmissions(shortened)).map((f) => [f.rule, f.translation[0]])).toEqual([['omission', 'In the evening we went home.']]);
  });
});

describe('untranslated check', () => {
  it('reports Chinese copied from the source', () => {
    const p = pair([['欧洲市场对新能源汽车的需求仍然强劲。', 'Demand for 新能源汽车 in the European market remains strong.']]);
    expect(brief(p, checkUntranslated(p))).toEqual([{ rule: 'untranslated', side: 'translation', source: ['新能源汽车'], translation: ['新能源汽车'], fix: null }]);
  });

  it('traps: Latin names kept as they are, and Chinese that the source does not contain, do not fire', () => {
    const p = pair([['华为发布了Mate 80。', 'Huawei released the Mate 80 (华为 is its Chinese name).']]);
    const q = pair([['他去了北京。', 'He went to 上海.']]);
    expect(checkUntranslated(p).map((f) => quote(p.translation.text, f.translation))).toEqual([['华为']]);
    expect(checkUntranslated(q)).toEqual([]);
  });
});

describe('terminology check', () => {
  const glossary: GlossaryEntry[] = [
    { source: '大模型', target: 'large model', forbidden: ['big model'], note: '' },
    { source: '中国', target: 'China', forbidden: [], note: '' },
    { source: '中国银行', target: 'Bank of China', forbidden: [], note: '' },
  ];

  it('reports a missing required term and fixes a forbidden variant', () => {
    const p = pair([
      ['国产大模型正在迅速发展。', 'Domestic big models are developing rapidly.'],
      ['大模型很重要。', 'Foundation systems matter.'],
    ]);
    expect(brief(p, checkTerminology(p, glossary))).toEqual([
      { rule: 'terminology', side: 'translation', source: ['大模型'], translation: ['big models'], fix: 'large model' },
      { rule: 'terminology', side: 'translation', source: ['大模型'], translation: ['Foundation systems matter.'], fix: null },
    ]);
  });

  it('traps: plurals, other capitalisation, and a shorter term inside a longer one do not fire', () => {
    const p = pair([
      ['大模型和中国银行。', 'Large models and the Bank of China.'],
      ['中国的大模型。', "China's large model."],
    ]);
    expect(checkTerminology(p, glossary)).toEqual([]);
  });
});

describe('consistency check', () => {
  it('reports one source translated two ways and two sources given one translation', () => {
    const p = pair([
      ['会议强调，要推动高质量发展。', 'The meeting stressed the need to promote high-quality development.'],
      ['她强调，关税战没有赢家。', 'She stressed that there are no winners in a tariff war.'],
      ['会议强调，要推动高质量发展。', 'The meeting emphasised promoting high quality growth.'],
      ['她强调，贸易战没有赢家。', 'She stressed that there are no winners in a tariff war.'],
    ]);
    expect(checkConsistency(p).map((f) => f.message)).toEqual([
      'The same source sentence is translated differently here and in sentence 1.',
      'Two different source sentences have the same translation (here and sentence 2).',
    ]);
  });

  it('traps: short sentences, and differences of punctuation or case only, do not fire', () => {
    const p = pair([
      ['谢谢。', 'Thank you.'],
      ['谢谢。', 'Thanks.'],
      ['会议强调，要推动高质量发展。', 'The meeting stressed high-quality development.'],
      ['会议强调：要推动高质量发展！', 'the meeting stressed high-quality development'],
    ]);
    expect(checkConsistency(p)).toEqual([]);
  });
});

describe('kept-as-is check', () => {
  it('fixes a name written in another case, reports a changed URL', () => {
    const p = pair([
      ['苹果公司表示，iPhone 17销量增长。', 'Apple said sales of the Iphone 17 rose.'],
      ['代码在https://github.com/deepseek-ai/DeepSeek-V4公开。', 'The code is at https://github.com/deepseek-ai/DeepSeek-V3.'],
    ]);
    expect(brief(p, checkKeptAsIs(p))).toEqual([
      { rule: 'kept-as-is', side: 'translation', source: ['iPhone'], translation: ['Iphone'], fix: 'iPhone' },
      { rule: 'kept-as-is', side: 'source', source: ['https://github.com/deepseek-ai/DeepSeek-V4'], translation: ['The code is at https://github.com/deepseek-ai/DeepSeek-V3.'], fix: null },
    ]);
    expect(checkKeptAsIs(p)[0]!.safe).toBe(true);
  });

  it('traps: names, codes, e-mails and URLs kept exactly, a trailing full stop, and APP do not fire', () => {
    const p = pair([
      ['小米YU7和GPT-5，邮件ir@xiaomi.com，网站www.fmprc.gov.cn。', 'Xiaomi YU7 and GPT-5, e-mail ir@xiaomi.com, website www.fmprc.gov.cn.'],
      ['下载APP。', 'Download the app.'],
    ]);
    expect(checkKeptAsIs(p)).toEqual([]);
  });
});

describe('all checks together', () => {
  it('order findings by their place in the source', () => {
    const p = pair([
      ['国家统计局发布数据，增长5.8%。', 'The State Statistics Bureau released data showing growth of 58%.'],
      ['同时，央行将继续保持流动性合理充裕。', ''],
    ]);
    const findings = checkBilingual(
      { source: p.source.text, translation: p.translation.text, sourceLanguage: 'zh', translationLanguage: 'en', alignment: p.links },
      [{ source: '国家统计局', target: 'National Bureau of Statistics', forbidden: ['State Statistics Bureau'], note: '' }],
    );
    expect(findings.map((f) => f.rule)).toEqual(['terminology', 'number-mismatch', 'omission']);
  });
});
