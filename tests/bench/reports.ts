// `npm run bench:reports`: the workspace scorecard and the insights on a
// generated workspace of 1,000 documents and 100,000 annotations (a tenth of
// them MQM errors, a tenth of the documents edited). Target: under one second
// each. Word counts and findings per rule are worked out once per text and
// kept in the workspace (store/text-facts.ts): the very first scorecard and
// insights of a workspace work them out, and are reported apart; a new session
// (a new connection) reads them back.
//
//   npm run bench:reports [-- --documents N --annotations N --runs N --json]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insights, workspaceScorecard } from '../../src/api/node/reports';
import { MQM_CORE, MQM_SEVERITIES } from '../../src/core/mqm';
import { addTaxonomy } from '../../src/store/taxonomies';
import { insertAnnotation } from '../../src/store/annotations';
import { insertDocument } from '../../src/store/documents';
import { appendEdits } from '../../src/store/edits';
import { authorActivity, documentsByStatus, findingsPerRule, postEditingByDocument, tagUsage } from '../../src/store/reports';
import { listTags } from '../../src/store/tags';
import { TextLayout } from '../../src/store/text';
import { Workspace } from '../../src/store/workspace';
import { generateText, random } from './generate';
import { median, round, time } from './stats';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number from 1`);
  return value;
}

const DOCUMENTS = option('documents', 1000);
const ANNOTATIONS = option('annotations', 100_000);
const RUNS = option('runs', 5);

const dir = mkdtempSync(join(tmpdir(), 'scholia-bench-reports-'));
try {
  const path = join(dir, 'bench.sqlite');
  const ws = await Workspace.open(path);
  const db = ws.db;
  const generated = time(() =>
    ws.transaction(() => {
      addTaxonomy(db, 'mqm');
      const rand = random(16);
      const plainTags = listTags(db).filter((t) => !t.id.startsWith('mqm-')).map((t) => t.id);
      const mqmTags = MQM_CORE.flatMap((d) => [d.id, ...d.children.map((c) => c.id)]);
      const perDocument = Math.ceil(ANNOTATIONS / DOCUMENTS);
      let made = 0;
      for (let d = 0; d < DOCUMENTS; d++) {
        const { text } = generateText(2000 + Math.floor(rand() * 2000), d + 1);
        const day = `2026-0${1 + (d % 9)}-1${d % 10}T09:00:00.000Z`;
        const id = `doc-${d}`;
        insertDocument(db, { id, title: `Readout ${d}`, sha256: '-', text }, day);
        const layout = TextLayout.read(db, id);
        for (let k = 0; k < perDocument && made < ANNOTATIONS; k++, made++) {
          const start = Math.floor(rand() * (text.length - 20));
          const end = start + 1 + Math.floor(rand() * 15);
          const isError = rand() < 0.1;
          const severity = MQM_SEVERITIES[Math.floor(rand() * 4)]!;
          const annotationId = `a-${made}`;
          const tagId = isError ? mqmTags[Math.floor(rand() * mqmTags.length)]! : plainTags[Math.floor(rand() * plainTags.length)]!;
          insertAnnotation(
            db,
            { id: annotationId, documentId: id, start, end, quote: text.slice(start, end), tagIds: [tagId], note: '', attributes: isError ? { severity } : {}, author: `author-${made % 5}`, createdAt: day, updatedAt: day, detached: false },
            layout,
          );
        }
        if (d % 10 === 0) appendEdits(db, id, 0, [{ start: 0, end: 3, inserted: 'A' }], 'manual', 'editor', day);
      }
      db.prepare(`UPDATE documents SET status = CASE rowid % 3 WHEN 0 THEN 'new' WHEN 1 THEN 'in-progress' ELSE 'done' END`).run();
    }),
  );
  const cold = time(() => workspaceScorecard(db, {}));
  const coldInsights = time(() => insights(db, {}));
  const scorecardRuns = Array.from({ length: RUNS }, () => time(() => workspaceScorecard(db, {})).ms);
  const filteredRuns = Array.from({ length: RUNS }, () => time(() => workspaceScorecard(db, { tagId: 'mqm-accuracy', from: '2026-03-01' })).ms);
  const insightRuns = Array.from({ length: RUNS }, () => time(() => insights(db, {})).ms);
  const filteredInsightRuns = Array.from({ length: RUNS }, () => time(() => insights(db, { status: 'done', from: '2026-03-01' })).ms);
  const part = (fn: () => unknown) => round(median(Array.from({ length: RUNS }, () => time(fn).ms)));
  const parts = {
    tags: part(() => tagUsage(db, {})),
    findings: part(() => findingsPerRule(db, {})),
    statuses: part(() => documentsByStatus(db, {})),
    postEditing: part(() => postEditingByDocument(db, {})),
    activity: part(() => authorActivity(db, {})),
  };
  ws.close();
  // A new session: nothing in memory, the word counts and findings read back from the workspace.
  const next = await Workspace.open(path);
  const nextScorecard = time(() => workspaceScorecard(next.db, {}));
  const nextInsights = time(() => insights(next.db, {}));
  next.close();
  const figures = {
    documents: DOCUMENTS,
    annotations: ANNOTATIONS,
    errors: cold.value.scorecard?.errorCount ?? 0,
    generateMs: round(generated.ms),
    firstScorecardWithWordCountsMs: round(cold.ms),
    firstInsightsWithFindingsMs: round(coldInsights.ms),
    newSessionScorecardMs: round(nextScorecard.ms),
    newSessionInsightsMs: round(nextInsights.ms),
    workspaceScorecardMs: round(median(scorecardRuns)),
    filteredScorecardMs: round(median(filteredRuns)),
    insightsMs: round(median(insightRuns)),
    filteredInsightsMs: round(median(filteredInsightRuns)),
    insightsPartsMs: parts,
  };
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    const target = (ms: number) => (ms < 1000 ? 'under 1 s' : 'OVER 1 s');
    process.stdout.write(
      [
        `reports on ${DOCUMENTS} documents, ${ANNOTATIONS} annotations (${figures.errors} MQM errors), median of ${RUNS} runs`,
        `  generate workspace                 ${figures.generateMs} ms`,
        `  first scorecard of the workspace   ${figures.firstScorecardWithWordCountsMs} ms (counts every text's words once, keeps them)`,
        `  first insights of the workspace    ${figures.firstInsightsWithFindingsMs} ms (runs the rules on every text once, keeps the counts)`,
        `  scorecard in a new session         ${figures.newSessionScorecardMs} ms  ${target(figures.newSessionScorecardMs)}`,
        `  insights in a new session          ${figures.newSessionInsightsMs} ms  ${target(figures.newSessionInsightsMs)}`,
        `  workspace scorecard                ${figures.workspaceScorecardMs} ms  ${target(figures.workspaceScorecardMs)}`,
        `  scorecard, filtered by tag and day ${figures.filteredScorecardMs} ms  ${target(figures.filteredScorecardMs)}`,
        `  insights                           ${figures.insightsMs} ms  ${target(figures.insightsMs)}`,
        `  insights, filtered by status, day  ${figures.filteredInsightsMs} ms  ${target(figures.filteredInsightsMs)}`,
        `    of which: per tag ${parts.tags} ms, findings ${parts.findings} ms, by status ${parts.statuses} ms, post-editing ${parts.postEditing} ms, per author ${parts.activity} ms`,
        '',
      ].join('\n'),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
