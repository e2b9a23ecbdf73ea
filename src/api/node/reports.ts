// Reports over the store: a document's MQM scorecard, a workspace's, and the
// insights. The store counts, core scores; the api, the CLI and the report
// files all take their figures from here.

import type { Database } from 'better-sqlite3';
import { MQM_TAG_PREFIX } from '../../core/mqm';
import type { Report } from '../../core/report-files';
import type { DocumentFilter, DocumentScorecard, DocumentScoreRow, Insights, TagLabel, WordCountBasis, WorkspaceScorecard } from '../../core/reports';
import { scorecardOrProblem, type ErrorCount } from '../../core/scorecard';
import {
  authorActivity,
  countMqmErrors,
  documentsByStatus,
  documentTitle,
  documentWordCounts,
  getMqmSettings,
  findingsPerRule,
  listMqmErrors,
  postEditingByDocument,
  selectDocuments,
  tagUsage,
} from '../../store/reports';
import { listTags } from '../../store/tags';

/** Names of the MQM tags, so reports can show them. */
function mqmTagLabels(db: Database): TagLabel[] {
  return listTags(db)
    .filter((t) => t.id.startsWith(MQM_TAG_PREFIX))
    .map(({ id, name, color }) => ({ id, name, color }));
}

/** A document's scorecard, per word of its translation or, where it has one and `basis` says so, of its source. */
export function documentScorecard(db: Database, documentId: string, basis: WordCountBasis = 'translation'): DocumentScorecard {
  const title = documentTitle(db, documentId);
  const errors = listMqmErrors(db, documentId);
  const counts = countMqmErrors(db, { documentIds: [documentId] });
  const { words, from, sourceLanguage } = documentWordCounts(db, [documentId], basis).get(documentId)!;
  const result = scorecardOrProblem(counts, words, getMqmSettings(db));
  return {
    document: { id: documentId, title },
    words,
    wordsFrom: from,
    sourceLanguage,
    scorecard: 'scorecard' in result ? result.scorecard : null,
    problem: 'problem' in result ? result.problem : null,
    errors,
    tags: mqmTagLabels(db),
  };
}

export function workspaceScorecard(db: Database, filter: DocumentFilter, basis: WordCountBasis = 'translation'): WorkspaceScorecard {
  const settings = getMqmSettings(db);
  const documents = selectDocuments(db, filter);
  const words = documentWordCounts(
    db,
    documents.map((d) => d.id),
    basis,
  );
  const byDocument = new Map<string, ErrorCount[]>();
  const all: ErrorCount[] = [];
  for (const count of countMqmErrors(db, filter)) {
    let list = byDocument.get(count.documentId);
    if (!list) byDocument.set(count.documentId, (list = []));
    list.push(count);
    all.push(count);
  }
  let totalWords = 0;
  const rows: DocumentScoreRow[] = documents.map(({ id, title }) => {
    const { words: w, from } = words.get(id)!;
    totalWords += w;
    const result = scorecardOrProblem(byDocument.get(id) ?? [], w, settings);
    if ('problem' in result) {
      const errorCount = (byDocument.get(id) ?? []).reduce((n, c) => n + c.count, 0);
      return { id, title, words: w, wordsFrom: from, errorCount, penalty: 0, score: null, verdict: null, problem: result.problem };
    }
    const card = result.scorecard;
    return { id, title, words: w, wordsFrom: from, errorCount: card.errorCount, penalty: card.penalty, score: card.score, verdict: card.verdict, problem: null };
  });
  const total = scorecardOrProblem(all, totalWords, settings);
  return {
    filter,
    documents: rows,
    scorecard: 'scorecard' in total ? total.scorecard : null,
    problem: 'problem' in total ? total.problem : null,
    tags: mqmTagLabels(db),
  };
}

export function insights(db: Database, filter: DocumentFilter): Insights {
  return {
    filter,
    documentCount: selectDocuments(db, filter).length,
    tags: tagUsage(db, filter),
    findings: findingsPerRule(db, filter),
    statuses: documentsByStatus(db, filter),
    postEditing: postEditingByDocument(db, filter),
    activity: authorActivity(db, filter),
  };
}

/** The whole report over these documents (or all): the workspace scorecard, each document's, and the insights. */
export function buildReport(db: Database, documents: readonly string[] | 'all', generatedAt: string, basis: WordCountBasis = 'translation'): Report {
  const filter: DocumentFilter = documents === 'all' ? {} : { documentIds: [...documents] };
  // Unknown ids are refused rather than silently left out of the report.
  if (documents !== 'all') for (const id of documents) documentTitle(db, id);
  const workspace = workspaceScorecard(db, filter, basis);
  return {
    generatedAt,
    workspace,
    documents: workspace.documents.map((d) => documentScorecard(db, d.id, basis)),
    insights: insights(db, filter),
  };
}
