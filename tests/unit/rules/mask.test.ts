import { describe, expect, it } from 'vitest';
import { checkText, MASK, maskLine } from '../../../src/core/rules';

const hidden = (span: string) => '#'.repeat(span.length);

/** The line with masked spans shown as `#`. */
function masked(line: string): string {
  return maskLine(line).replaceAll(MASK, '#');
}

describe('maskLine', () => {
  it('masks URLs, e-mail addresses, domains, file names and entities, keeping offsets', () => {
    expect(masked('see https://example.org/a,b?x=1.')).toBe(`see ${hidden('https://example.org/a,b?x=1')}.`);
    expect(masked('mail press.Office@Example.org now')).toBe(`mail ${hidden('press.Office@Example.org')} now`);
    expect(masked('visit JD.com or www.gov.cn/News.Today!')).toBe(`visit ${hidden('JD.com')} or ${hidden('www.gov.cn/News.Today')}!`);
    expect(masked('open notes.pdf, Report.DOCX and plan.Txt')).toBe(`open ${hidden('notes.pdf')}, ${hidden('Report.DOCX')} and ${hidden('plan.Txt')}`);
    expect(masked('a&amp;b')).toBe(`a${hidden('&amp;')}b`);
    expect(maskLine('see https://a.org/x').length).toBe('see https://a.org/x'.length);
  });

  it('keeps a closing bracket out of a URL unless the URL opened one', () => {
    expect(masked('(see https://a.org/x)')).toBe(`(see ${hidden('https://a.org/x')})`);
    expect(masked('https://a.org/Plan_(economy)')).toBe(hidden('https://a.org/Plan_(economy)'));
  });

  it('ends a URL without a path at its host, leaving a glued next sentence or clause visible', () => {
    expect(masked('Visit www.example.com.cn.The site')).toBe(`Visit ${hidden('www.example.com.cn')}.The site`);
    expect(masked('on www.credit.gov.cn;(3) this')).toBe(`on ${hidden('www.credit.gov.cn')};(3) this`);
    expect(masked('https://a.org:8080 and www.gov.cn/News.Today')).toBe(`${hidden('https://a.org:8080')} and ${hidden('www.gov.cn/News.Today')}`);
  });

  it('leaves sentence ends, abbreviations and numbers visible', () => {
    for (const line of ['the city.We must', 'Shanghai.It is', 'the U.S. economy', 'grew 3.5%', 'the city.In 2023']) {
      expect(masked(line)).toBe(line);
    }
  });

  it('keeps rules from looking inside masked spans', () => {
    expect(checkText('see https://example.org/the/the,The.End and mail a.b,C@d.org')).toEqual([]);
  });
});
