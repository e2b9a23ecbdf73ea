import { describe, expect, it } from 'vitest';
import { reportCsv, reportFile, reportHtml, reportJson, type Report } from '../../src/core/report-files';
import { scorecard } from '../../src/core/scorecard';

const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&<a href="https://example.com">x</a>`;

/** A report with markup in every text that comes from the workspace: titles, tag names, quotes, notes, authors, severities. */
function markedUpReport(): Report {
  const card = scorecard(
    [
      { categoryId: 'mqm-accuracy', subcategoryId: 'mqm-accuracy-mistranslation', severity: 'major', count: 1 },
      { categoryId: 'mqm-accuracy', subcategoryId: null, severity: EVIL, count: 1 },
    ],
    10,
  );
  const tags = [
    { id: 'mqm-accuracy', name: `Accuracy ${EVIL}`, color: '#c92a2a' },
    { id: 'mqm-accuracy-mistranslation', name: `Mistranslation ${EVIL}`, color: '#c92a2a' },
  ];
  return {
    generatedAt: '2026-03-01T10:00:00.000Z',
    workspace: {
      filter: {},
      documents: [{ id: 'd1', title: `=HYPERLINK("x") ${EVIL}`, words: 10, wordsFrom: 'translation', errorCount: 2, penalty: 5, score: 50, verdict: 'fail', problem: null }],
      scorecard: card,
      problem: null,
      tags,
    },
    documents: [
      {
        document: { id: 'd1', title: `=HYPERLINK("x") ${EVIL}` },
        words: 10,
        wordsFrom: 'translation',
        sourceLanguage: null,
        scorecard: card,
        problem: null,
        errors: [
          { annotationId: 'a1', start: 0, end: 5, quote: `quote ${EVIL}`, note: `note ${EVIL}`, categoryId: 'mqm-accuracy', subcategoryId: 'mqm-accuracy-mistranslation', severity: 'major' },
          { annotationId: 'a2', start: 6, end: 9, quote: 'q', note: '', categoryId: 'mqm-accuracy', subcategoryId: null, severity: EVIL },
        ],
        tags,
      },
    ],
    insights: {
      filter: {},
      documentCount: 1,
      tags: [{ id: 't1', name: `Tag ${EVIL}`, color: '#000000', parentId: null, direct: 3, total: 3 }],
      postEditing: [{ documentId: 'd1', title: `Edited ${EVIL}`, editCount: 1, characterDistance: 3, wordDistance: 1, characterHter: 0.1, wordHter: 0.1 }],
      activity: [{ author: `author ${EVIL}`, day: '2026-03-01', edits: 1, annotations: 2 }],
      findings: [{ rule: `rule ${EVIL}`, before: 2, after: 1 }],
      statuses: [
        { status: 'new', documents: 0 },
        { status: 'in-progress', documents: 1 },
        { status: 'done', documents: 0 },
      ],
    },
  };
}

/** Every start tag of the page: its element name and attribute names. */
function startTags(html: string): { element: string; attributes: string[] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    element: m[1]!.toLowerCase(),
    attributes: [...m[2]!.matchAll(/([^\s=>"]+)(?:="[^"]*")?/g)].map((a) => a[1]!.toLowerCase()),
  }));
}

describe('HTML report', () => {
  const html = reportHtml(markedUpReport());
  const tags = startTags(html);

  it('escapes every text from the workspace: no element or attribute comes from data', () => {
    expect(html).not.toMatch(/<(script|img|a)[\s>]/i);
    expect(new Set(tags.map((t) => t.element))).toEqual(
      new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'section', 'dl', 'dt', 'dd', 'svg', 'text', 'rect', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'q']),
    );
    // Each field's text is there, escaped: title, tag names, quote, note, severity, author, insight tag, post-edited title, rule.
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;&lt;a href=&quot;https://example.com&quot;&gt;x&lt;/a&gt;';
    for (const prefix of ['=HYPERLINK(&quot;x&quot;) ', 'Accuracy ', 'Mistranslation ', 'quote ', 'note ', 'author ', 'Tag ', 'Edited ', 'rule ']) {
      expect(html).toContain(prefix + escaped);
    }
    expect(html).toContain(`<td>${escaped}</td>`); // the severity
  });

  it('runs nothing and fetches nothing: no script, no external URL, a CSP that allows neither', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    // No attribute that loads or runs anything, no CSS that fetches.
    const attributes = new Set(tags.flatMap((t) => t.attributes));
    expect([...attributes].filter((a) => /^(src|href|srcset|action|xlink:href|on)/.test(a))).toEqual([]);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain('<svg class="chart"');
  });

  it('shows the figures: score, verdict, penalty by type', () => {
    expect(html).toContain('<dd class="score">50</dd>');
    expect(html).toContain('Fail (threshold 95)');
    expect(html).toMatch(/<tr class="total"><th scope="row" colspan="2">Total<\/th><td class="n">0<\/td><td class="n">0<\/td><td class="n">1<\/td><td class="n">0<\/td><td class="n">1<\/td><td class="n">5<\/td><\/tr>/);
  });
});

describe('CSV and JSON reports', () => {
  it('writes one row per document and a total, quoting fields and defusing formulas', () => {
    const csv = reportCsv(markedUpReport());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('document_id,title,words,errors,neutral,minor,major,critical,unrated,penalty,per_word_penalty,score,verdict,problem');
    expect(lines[1]!.startsWith(`d1,"'=HYPERLINK(""x"") <script>`)).toBe(true);
    expect(lines[1]!.endsWith(',10,2,0,0,1,0,1,5,0.5,50,fail,')).toBe(true);
    expect(lines[2]).toBe('*,all documents,10,2,0,0,1,0,1,5,0.5,50,fail,');
    expect(lines[3]).toBe('');
  });

  it('gives the JSON the report with its version, and names each file by format and day', () => {
    const report = markedUpReport();
    expect(JSON.parse(reportJson(report))).toEqual({ scholiaReport: 1, ...report });
    expect(reportFile(report, 'csv').name).toBe('scholia-report-2026-03-01.csv');
    expect(reportFile(report, 'html').content).toBe(reportHtml(report));
  });
});
