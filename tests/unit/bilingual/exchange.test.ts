import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapAlignment } from '../../../src/core/bilingual/follow-edits';
import { glossaryFromCsv, glossaryFromTbx, glossaryToCsv } from '../../../src/core/bilingual/glossary';
import * as tmx from '../../../src/core/bilingual/tmx';
import * as xliff from '../../../src/core/bilingual/xliff';
import { applyChange } from '../../../src/core/edits';
import { validXliffStructure } from './xliff-structure';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/bilingual/exchange', name), 'utf8');
const at = (text: string, span: { start: number; end: number } | null) => (span ? [...text].slice(span.start, span.end).join('') : null);

function parsed(text: string): xliff.XliffDocument {
  const result = xliff.parse(text);
  if (!result.ok) throw result.error;
  return result.document;
}

describe('XLIFF 1.2', () => {
  const original = fixture('report-1.2.xlf');

  it('is detected by name or content', () => {
    expect(xliff.detect('a.xlf', '')).toBe(true);
    expect(xliff.detect('a.xml', original)).toBe(true);
    expect(xliff.detect('a.xml', '<?xml version="1.0"?><tmx/>')).toBe(false);
  });

  it('gives segments with ids, notes and states, joined texts and their alignment', () => {
    const doc = parsed(original);
    expect(doc.version).toBe('1.2');
    expect([doc.sourceLanguage, doc.targetLanguage]).toEqual(['zh-CN', 'en-US']);
    expect(doc.segments.map((s) => [s.unitId, s.segmentId, s.target, s.state])).toEqual([
      ['u1', null, 'The State Statistics Bureau released data.', 'needs-review-translation'],
      ['u2', null, 'Growth was 5.8%.', 'translated'],
      ['u4', null, null, null],
      ['u5', '1', 'The first sentence.', 'new'],
      ['u5', '2', 'The second sentence.', 'new'],
    ]);
    expect(doc.segments[0]!.notes).toEqual(['Use the official name.']);
    expect(doc.segments[1]!.inlineCodes).toBe(true);
    expect(doc.source).toBe('国家统计局发布数据。\n增长5.8%。\n同时，央行将继续保持流动性合理充裕。\n第一句。第二句。');
    expect(doc.alignment.map((l) => [at(doc.source, l.source), at(doc.translation, l.translation)])).toEqual([
      ['国家统计局发布数据。', 'The State Statistics Bureau released data.'],
      ['增长5.8%。', 'Growth was 5.8%.'],
      ['同时，央行将继续保持流动性合理充裕。', null],
      ['第一句。', 'The first sentence.'],
      ['第二句。', 'The second sentence.'],
    ]);
  });

  it('round trip: an edit of the translation goes back into its target, with state; the rest is kept', () => {
    const doc = parsed(original);
    const change = { start: 4, end: 27, inserted: 'National Bureau of Statistics' };
    const translation = applyChange(doc.translation, change).text;
    const alignment = mapAlignment(doc.alignment, change);
    const written = xliff.write(original, xliff.targetsFromTranslation(doc, translation, alignment));
    if (!written.ok) throw written.error;
    expect(written.flattened).toEqual([]);
    const again = parsed(written.text);
    expect(again.segments.map((s) => [s.unitId, s.target, s.state])).toEqual([
      ['u1', 'The National Bureau of Statistics released data.', 'translated'],
      ['u2', 'Growth was 5.8%.', 'translated'],
      ['u4', null, null],
      ['u5', 'The first sentence.', 'new'],
      ['u5', 'The second sentence.', 'new'],
    ]);
    expect(again.segments[0]!.notes).toEqual(['Use the official name.']);
    // Other tools' fields: the alternative translation, the extension attribute, the untouched inline codes.
    expect(written.text).toContain('<alt-trans match-quality="82">');
    expect(written.text).toContain('okp:engine="nmt-7"');
    expect(written.text).toContain('<target state="translated">Growth was <g id="1">5.8%</g>.</target>');
    expect(written.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(validXliffStructure(written.text)).toEqual([]);
  });

  it('adds a target where there was none, and one segment of a segmented unit', () => {
    const written = xliff.write(original, [{ index: 2, target: 'Meanwhile, liquidity stays ample.' }, { index: 4, target: 'Sentence two.' }]);
    if (!written.ok) throw written.error;
    const again = parsed(written.text);
    expect(again.segments.map((s) => s.target)).toEqual(['The State Statistics Bureau released data.', 'Growth was 5.8%.', 'Meanwhile, liquidity stays ample.', 'The first sentence.', 'Sentence two.']);
    expect(again.segments[2]!.state).toBe('translated');
    expect(validXliffStructure(written.text)).toEqual([]);
  });

  it('refuses bad input with a clear message', () => {
    const broken = xliff.parse('<xliff version="1.2"><file>');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error.message).toMatch(/^not well-formed XML/);
    const mixed = xliff.parse(original.replace('<body>\n      <trans-unit id="u1"', '<body/></file><file original="b" source-language="ja" target-language="en-US" datatype="x"><body><trans-unit id="u1"'));
    expect(!mixed.ok && mixed.error.message).toBe('the files of this XLIFF have different languages');
    expect(xliff.parse('<xliff version="3.0"/>')).toMatchObject({ ok: false, error: { message: 'XLIFF version 3.0 is not supported (1.2 and 2.0–2.2 are)' } });
    expect(xliff.write(original, [{ index: 9, target: 'x' }])).toMatchObject({ ok: false, error: { message: 'there is no segment 9 in this XLIFF' } });
  });
});

describe('the XLIFF structure check used above', () => {
  it('catches what the schemas forbid', () => {
    expect(validXliffStructure('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="zh" datatype="x"><body><trans-unit><target state="done">x</target><source>y</source></trans-unit></body></file></xliff>')).toEqual([
      '<trans-unit> without id',
      'trans-unit null does not start with <source>',
      'trans-unit null: <target> out of order',
      'state done is not an XLIFF 1.2 state',
    ]);
    expect(validXliffStructure('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="zh"><file id="f"><unit id="u"><segment state="edited"><target>x</target><source>y</source></segment></unit></file></xliff>')).toEqual([
      'targets without trgLang',
      'segment null: children target, source',
      'state edited is not an XLIFF 2 state',
    ]);
  });
});

describe('XLIFF 2.0', () => {
  const original = fixture('report-2.0.xlf');

  it('gives segments with ids, unit notes and states, keeping the ignorable space between segments', () => {
    const doc = parsed(original);
    expect(doc.version).toBe('2.0');
    expect(doc.segments.map((s) => [s.fileId, s.unitId, s.segmentId, s.state, s.notes])).toEqual([
      ['f1', 'u1', 's1', 'translated', ['Keep figures exact.']],
      ['f1', 'u1', 's2', 'initial', ['Keep figures exact.']],
      ['f1', 'u2', 's3', null, []],
    ]);
    expect(doc.source).toBe('国家统计局发布数据。 智能电动汽车业务交付新车10.8万辆。\n同时，央行将继续保持流动性合理充裕。');
    expect(doc.translation).toBe('The State Statistics Bureau released data. The business delivered 10,800 cars.\n');
  });

  it('writes changed targets with state reviewed, creates a missing one, keeps matches and notes', () => {
    const written = xliff.write(original, [
      { index: 0, target: 'The National Bureau of Statistics released data.' },
      { index: 1, target: 'The business delivered 108,000 cars.' },
      { index: 2, target: 'Meanwhile, liquidity stays ample.', state: 'translated' },
    ]);
    if (!written.ok) throw written.error;
    expect(written.flattened).toEqual([1]);
    const again = parsed(written.text);
    expect(again.segments.map((s) => [s.target, s.state])).toEqual([
      ['The National Bureau of Statistics released data.', 'reviewed'],
      ['The business delivered 108,000 cars.', 'reviewed'],
      ['Meanwhile, liquidity stays ample.', 'translated'],
    ]);
    expect(written.text).toContain('<mtc:match ref="#s1" similarity="90">');
    expect(again.segments[0]!.notes).toEqual(['Keep figures exact.']);
    expect(validXliffStructure(written.text)).toEqual([]);
  });
});

describe('TMX', () => {
  it('gives each unit as an aligned pair, without inline codes', () => {
    const text = fixture('memory.tmx');
    expect(tmx.detect('memory.tmx', '')).toBe(true);
    const result = tmx.parse(text);
    if (!result.ok) throw result.error;
    const doc = result.document;
    expect([doc.sourceLanguage, doc.targetLanguage]).toEqual(['zh-CN', 'en-US']);
    expect(doc.units.map((u) => [u.id, u.source, u.target, u.notes])).toEqual([
      ['1', '国家统计局发布数据。', 'The National Bureau of Statistics released data.', ['From the 2026 report.']],
      ['2', '增长5.8%。', 'Growth was 5.8%.', []],
    ]);
    expect(doc.alignment.map((l) => [at(doc.source, l.source), at(doc.translation, l.translation)])).toEqual([
      ['国家统计局发布数据。', 'The National Bureau of Statistics released data.'],
      ['增长5.8%。', 'Growth was 5.8%.'],
    ]);
  });

  it('refuses a file with one language only, or not TMX', () => {
    expect(tmx.parse('<tmx version="1.4"><header srclang="zh"/><body><tu><tuv xml:lang="zh"><seg>一</seg></tuv></tu></body></tmx>')).toMatchObject({
      ok: false,
      error: { message: 'the TMX file has no translations (only one language)' },
    });
    expect(tmx.parse('<xliff/>')).toMatchObject({ ok: false, error: { message: 'not a TMX file: the root element is <xliff>' } });
  });
});

describe('glossaries', () => {
  it('read CSV with a header, quotes and forbidden variants, and write it back', () => {
    const csv = 'source,target,forbidden,note\n国家统计局,National Bureau of Statistics,State Statistics Bureau|NBS Bureau,"official, always"\n大模型,large model\n';
    const result = glossaryFromCsv(csv);
    if (!result.ok) throw result.error;
    expect(result.entries).toEqual([
      { source: '国家统计局', target: 'National Bureau of Statistics', forbidden: ['State Statistics Bureau', 'NBS Bureau'], note: 'official, always' },
      { source: '大模型', target: 'large model', forbidden: [], note: '' },
    ]);
    const back = glossaryFromCsv(glossaryToCsv(result.entries));
    expect(back.ok && back.entries).toEqual(result.entries);
    expect(glossaryFromCsv('大模型\n')).toMatchObject({ ok: false, error: { message: 'row 1 needs a source term and a target term' } });
  });

  it('read TBX: preferred terms as targets, deprecated ones as forbidden, concepts without a target skipped', () => {
    const result = glossaryFromTbx(fixture('glossary.tbx'), 'zh-CN', 'en-US');
    if (!result.ok) throw result.error;
    expect(result.entries).toEqual([
      { source: '国家统计局', target: 'National Bureau of Statistics', forbidden: ['State Statistics Bureau'], note: 'The statistics office of China.' },
      { source: '大模型', target: 'large model', forbidden: [], note: '' },
    ]);
    expect(glossaryFromTbx('<html/>', 'zh', 'en')).toMatchObject({ ok: false, error: { message: 'not a TBX file (root element <html>)' } });
  });
});
