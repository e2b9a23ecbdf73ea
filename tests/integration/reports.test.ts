// Scorecards and insights through the api, on a real workspace, checked
// against figures computed by hand.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/api/common/contract';
import { createDispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import type { DocumentSummary } from '../../src/core/model';
import type { DocumentScorecard, Insights, WorkspaceScorecard } from '../../src/core/reports';
import type { MqmSettings } from '../../src/core/scorecard';
import { Workspace } from '../../src/store/workspace';
import { cli as runCli } from './reliability-host';

const cli = (...args: string[]) => runCli(args);

const dir = mkdtempSync(join(tmpdir(), 'scholia-reports-'));
const opened: Workspace[] = [];
afterAll(() => {
  for (const w of opened) w.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function workspace(author = 'ana', clock = () => '2026-03-01T10:00:00.000Z') {
  const ws = await Workspace.open(join(dir, `ws-${++n}.sqlite`));
  opened.push(ws);
  const dispatch = createDispatch(createService({ workspace: ws, author, now: clock }));
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const envelope = (await dispatch(method, input)) as Envelope<T>;
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value;
  };
  return { ws, call };
}

/** 20 and 9 words. */
const TEXT_A = 'The minister met the delegation in Beijing on Monday and the two sides signed three agreements on trade and energy.';
const TEXT_B = 'Officials said the plan would cut emissions by half.';

async function twoDocuments() {
  const w = await workspace();
  await w.call('tags.addTaxonomy', { name: 'mqm' });
  const a = await w.call<DocumentSummary>('documents.create', { title: 'Readout A', text: TEXT_A });
  const b = await w.call<DocumentSummary>('documents.create', { title: 'Readout B', text: TEXT_B });
  const mark = (documentId: string, word: string, text: string, tagIds: string[], severity?: string, note = '') => {
    const start = text.indexOf(word);
    return w.call('annotations.create', { documentId, baseEditCount: 0, start, end: start + word.length, tagIds, note, attributes: severity ? { severity } : {} });
  };
  // A (20 words): mistranslation major (5) + minor (1), accuracy itself critical (25), a neutral style error (0), a Place tag (not MQM).
  await mark(a.id, 'minister', TEXT_A, ['mqm-accuracy-mistranslation'], 'major', 'was “vice minister”');
  await mark(a.id, 'Monday', TEXT_A, ['mqm-accuracy-mistranslation'], 'minor');
  await mark(a.id, 'three', TEXT_A, ['mqm-accuracy'], 'critical');
  await mark(a.id, 'signed', TEXT_A, ['mqm-style-awkward-style'], 'neutral');
  const place = (await w.call<{ id: string; name: string }[]>('tags.list', {})).find((t) => t.name === 'Place')!;
  await mark(a.id, 'Beijing', TEXT_A, [place.id]);
  // B (9 words): a minor terminology error, after a Place tag (the first MQM tag names the type), and one without a severity.
  await mark(b.id, 'plan', TEXT_B, [place.id, 'mqm-terminology-wrong-term'], 'minor');
  await mark(b.id, 'half', TEXT_B, ['mqm-accuracy-omission']);
  return { ...w, a, b, place };
}

describe('document scorecard', () => {
  it('adds up the errors by type and severity as computed by hand', async () => {
    const { call, a, b } = await twoDocuments();
    const cardA = await call<DocumentScorecard>('reports.scorecard', { documentId: a.id });
    expect(cardA.words).toBe(20);
    expect(cardA.scorecard).toMatchObject({ errorCount: 4, penalty: 31, totals: { neutral: 1, minor: 1, major: 1, critical: 1 }, verdict: 'fail' });
    // 31 / 20 = 1.55 per word: the score floors at 0.
    expect(cardA.scorecard!.perWordPenalty).toBeCloseTo(1.55, 10);
    expect(cardA.scorecard!.score).toBe(0);
    expect(cardA.scorecard!.rows.map((r) => [r.subcategoryId ?? r.categoryId, r.penalty])).toEqual([
      ['mqm-accuracy', 25],
      ['mqm-accuracy-mistranslation', 6],
      ['mqm-style-awkward-style', 0],
    ]);
    expect(cardA.errors.map((e) => [e.quote, e.severity, e.note])).toEqual([
      ['minister', 'major', 'was “vice minister”'],
      ['Monday', 'minor', ''],
      ['signed', 'neutral', ''],
      ['three', 'critical', ''],
    ]);
    const cardB = await call<DocumentScorecard>('reports.scorecard', { documentId: b.id });
    // 9 words, 1 minor = 1 point: 100 × (1 − 1/9)
    expect(cardB.words).toBe(9);
    expect(cardB.scorecard).toMatchObject({ penalty: 1, unrated: 1, errorCount: 2, verdict: 'fail' });
    expect(cardB.scorecard!.score).toBeCloseTo(88.889, 3);
    expect(cardB.scorecard!.rows.map((r) => r.subcategoryId)).toEqual(['mqm-accuracy-omission', 'mqm-terminology-wrong-term']);
  });

  it('follows the workspace settings', async () => {
    const { call, b } = await twoDocuments();
    expect(await call<MqmSettings>('settings.mqm.get', {})).toEqual({ multipliers: { neutral: 0, minor: 1, major: 5, critical: 25 }, threshold: 95 });
    const settings = { multipliers: { neutral: 0, minor: 0.5, major: 5, critical: 25 }, threshold: 90 };
    expect(await call('settings.mqm.set', settings)).toEqual(settings);
    const card = await call<DocumentScorecard>('reports.scorecard', { documentId: b.id });
    // 0.5 / 9 per word: 94.44, passes 90
    expect(card.scorecard!.score).toBeCloseTo(94.444, 3);
    expect(card.scorecard!.verdict).toBe('pass');
    await expect(call('settings.mqm.set', { ...settings, threshold: 120 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('settings.mqm.set', { ...settings, multipliers: { ...settings.multipliers, major: -1 } })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await call('settings.mqm.get', {})).toEqual(settings);
  });

  it('refuses to score a text of no words, saying why, and counts again after edits', async () => {
    const { call } = await workspace();
    const doc = await call<DocumentSummary>('documents.create', { title: 'Dashes', text: '— …' });
    const card = await call<DocumentScorecard>('reports.scorecard', { documentId: doc.id });
    expect(card).toMatchObject({ words: 0, scorecard: null, problem: 'an MQM score needs a positive whole number of evaluated words, not 0' });
    await call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 0, end: 0, inserted: 'Two words ' }] });
    expect((await call<DocumentScorecard>('reports.scorecard', { documentId: doc.id })).words).toBe(2);
    await expect(call('reports.scorecard', { documentId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('workspace scorecard', () => {
  it('scores all documents together and each one', async () => {
    const { call, b } = await twoDocuments();
    const card = await call<WorkspaceScorecard>('reports.workspace', {});
    expect(card.documents.map((d) => [d.title, d.words, d.errorCount, d.penalty])).toEqual([
      ['Readout A', 20, 4, 31],
      ['Readout B', 9, 2, 1],
    ]);
    // 32 points over 29 words
    expect(card.scorecard).toMatchObject({ words: 29, penalty: 32, errorCount: 6, unrated: 1 });
    const only = await call<WorkspaceScorecard>('reports.workspace', { documentIds: [b.id] });
    expect(only.documents.map((d) => d.id)).toEqual([b.id]);
    // Terminology's subtype counts for its dimension: B only.
    const byTag = await call<WorkspaceScorecard>('reports.workspace', { tagId: 'mqm-terminology' });
    expect(byTag.documents.map((d) => d.id)).toEqual([b.id]);
    expect((await call<WorkspaceScorecard>('reports.workspace', { from: '2026-03-01', to: '2026-03-01' })).documents).toHaveLength(2);
    const none = await call<WorkspaceScorecard>('reports.workspace', { from: '2026-03-02' });
    expect(none).toMatchObject({ documents: [], scorecard: null, problem: 'an MQM score needs a positive whole number of evaluated words, not 0' });
    await expect(call('reports.workspace', { from: '2026-03-02', to: '2026-03-01' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('reports.workspace', { status: 'finished' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('insights', () => {
  it('counts annotations per tag with child tags rolled up, edits per author and day, and post-editing effort', async () => {
    const { call, a } = await twoDocuments();
    await call('edits.apply', { documentId: a.id, baseEditCount: 0, changes: [{ start: 0, end: 3, inserted: 'A' }] });
    const result = await call<Insights>('reports.insights', {});
    const tag = (id: string) => result.tags.find((t) => t.id === id)!;
    expect(tag('mqm-accuracy')).toMatchObject({ direct: 1, total: 4 });
    expect(tag('mqm-accuracy-mistranslation')).toMatchObject({ direct: 2, total: 2 });
    expect(tag('mqm-terminology')).toMatchObject({ direct: 0, total: 1 });
    expect(result.tags.find((t) => t.name === 'Place')).toMatchObject({ direct: 2, total: 2 });
    expect(result.activity).toEqual([{ author: 'ana', day: '2026-03-01', edits: 1, annotations: 7 }]);
    // "The" → "A": 3 characters changed, 1 word, over 114 characters and 20 words.
    expect(result.postEditing).toEqual([
      expect.objectContaining({ documentId: a.id, editCount: 1, characterDistance: 3, wordDistance: 1 }),
    ]);
    expect(result.postEditing[0]!.wordHter).toBeCloseTo(1 / 20, 10);
    expect(result.documentCount).toBe(2);
    // A was edited and annotated (in progress), B annotated: both moved on from new.
    expect(result.statuses).toEqual([
      { status: 'new', documents: 0 },
      { status: 'in-progress', documents: 2 },
      { status: 'done', documents: 0 },
    ]);
  });

  it('counts findings per rule on the original texts and on the current texts, and keeps the counts by text hash', async () => {
    const { ws, call } = await workspace();
    // A repeated word, a space before a comma and a double space: one finding of each rule.
    const text = 'The delegation met met the minister ,and  signed two agreements.';
    const doc = await call<DocumentSummary>('documents.create', { title: 'Artifacts', text });
    await call<DocumentSummary>('documents.create', { title: 'Clean', text: 'Officials met.' });
    const findings = async () => (await call<Insights>('reports.insights', {})).findings.filter((f) => f.before > 0 || f.after > 0);
    expect(await findings()).toEqual([
      { rule: 'space-before-punctuation', before: 1, after: 1 },
      { rule: 'repeated-spaces', before: 1, after: 1 },
      { rule: 'repeated-word', before: 1, after: 1 },
    ]);
    // The two spacing fixes, from the end so the first offsets still hold: " ,and  signed" → ", and signed".
    await call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 40, end: 42, inserted: ' ' }] });
    await call('edits.apply', { documentId: doc.id, baseEditCount: 1, changes: [{ start: 35, end: 37, inserted: ', ' }] });
    expect(await findings()).toEqual([
      { rule: 'space-before-punctuation', before: 1, after: 0 },
      { rule: 'repeated-spaces', before: 1, after: 0 },
      { rule: 'repeated-word', before: 1, after: 1 },
    ]);
    // Every rule is listed, also those that found nothing; a filter narrows the documents counted.
    const all = (await call<Insights>('reports.insights', {})).findings;
    expect(all.map((f) => f.rule)).toContain('mojibake');
    expect((await call<Insights>('reports.insights', { documentIds: [doc.id], status: 'new' })).findings.every((f) => f.before === 0)).toBe(true);
    // The counts are kept by text hash in the workspace, for the next session.
    const stored = ws.db.prepare('SELECT count(*) AS n FROM text_facts WHERE rule_counts IS NOT NULL').get() as { n: number };
    // Original and current of the edited document, and the clean one (its two texts are one).
    expect(stored.n).toBe(3);
  });
});

describe('scorecard filters and word counts', () => {
  it('narrows the workspace scorecard by status, and documents by status count each status', async () => {
    const { call, a, b } = await twoDocuments();
    await call('documents.setStatus', { id: b.id, status: 'done' });
    const done = await call<WorkspaceScorecard>('reports.workspace', { status: 'done' });
    expect(done.documents.map((d) => d.title)).toEqual(['Readout B']);
    expect(done.scorecard).toMatchObject({ words: 9, penalty: 1 });
    expect((await call<WorkspaceScorecard>('reports.workspace', { status: 'in-progress' })).documents.map((d) => d.id)).toEqual([a.id]);
    expect((await call<WorkspaceScorecard>('reports.workspace', { status: 'new' })).problem).toMatch(/positive whole number/);
    expect((await call<Insights>('reports.insights', {})).statuses.map((s) => s.documents)).toEqual([0, 1, 1]);
  });

  it('scores per word of the source when asked and the document has one, Chinese counted by words', async () => {
    const { call, a, b } = await twoDocuments();
    // 部长 | 星期一 | 在 | 北京 | 会见 | 了 | 客人 | ， | 双方 | 签署 | 了 | 三项 | 贸易 | 和 | 能源 | 协议 | 。 = 15 words (Intl.Segmenter; punctuation is not a word).
    await call('bilingual.setSource', { documentId: a.id, text: '部长星期一在北京会见了客人，双方签署了三项贸易和能源协议。', language: 'zh' });
    const translation = await call<DocumentScorecard>('reports.scorecard', { documentId: a.id });
    expect(translation).toMatchObject({ words: 20, wordsFrom: 'translation', sourceLanguage: 'zh' });
    const source = await call<DocumentScorecard>('reports.scorecard', { documentId: a.id, wordsFrom: 'source' });
    expect(source).toMatchObject({ words: 15, wordsFrom: 'source', sourceLanguage: 'zh' });
    // 31 penalty points over 15 words.
    expect(source.scorecard!.perWordPenalty).toBeCloseTo(31 / 15, 10);
    // B has no source: its translation is counted.
    expect(await call<DocumentScorecard>('reports.scorecard', { documentId: b.id, wordsFrom: 'source' })).toMatchObject({ words: 9, wordsFrom: 'translation', sourceLanguage: null });
    const all = await call<WorkspaceScorecard>('reports.workspace', { wordsFrom: 'source' });
    expect(all.documents.map((d) => [d.words, d.wordsFrom])).toEqual([
      [15, 'source'],
      [9, 'translation'],
    ]);
    expect(all.scorecard!.words).toBe(24);
  });
});

describe('report command', () => {
  it('writes the same HTML, CSV and JSON as the api, to stdout or -o', async () => {
    const { ws, call, a } = await twoDocuments();
    const path = ws.path;
    const viaApi = await call<{ name: string; content: string }>('reports.export', { all: true, format: 'json' });
    const json = await cli('report', '--all', '--format', 'json', '--workspace', path);
    expect(json.code).toBe(0);
    const withoutTime = (text: string) => text.replace(/"generatedAt": "[^"]*"/, '');
    expect(withoutTime(json.stdout)).toBe(withoutTime(viaApi.content));
    const report = JSON.parse(json.stdout) as { workspace: WorkspaceScorecard };
    expect(report.workspace.scorecard).toMatchObject({ words: 29, penalty: 32 });

    const csv = await cli('report', a.id, '--format', 'csv', '--workspace', path);
    expect(csv.stdout.split('\r\n').slice(1, 3)).toEqual([`${a.id},Readout A,20,4,1,1,1,1,0,31,1.55,0,fail,`, '*,all documents,20,4,1,1,1,1,0,31,1.55,0,fail,']);

    const out = join(dir, 'report.html');
    const html = await cli('report', '--all', '--format', 'html', '-o', out, '--workspace', path);
    expect(html).toMatchObject({ code: 0, stdout: '' });
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<h3>Readout A</h3>');
    expect(page).toContain('<q>minister</q>');
    expect(page).toContain('was “vice minister”');

    expect(await cli('report', '--format', 'pdf', '--all', '--workspace', path)).toMatchObject({ code: 2 });
    const unknown = await cli('report', 'nope', '--format', 'csv', '--workspace', path);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no document with id nope');
  }, 120_000); // seven runs of the command line from source (tsx), slow on a busy machine
});
