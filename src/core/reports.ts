// What a report holds: a document's scorecard, a workspace's, and the
// insights over a set of documents. The api answers with these, the report
// files (report-files.ts) are written from them, so the app and the command
// line share one content.

import type { DocumentStatus } from './model';
import type { Scorecard } from './scorecard';

/** Which text's words a score is per: the translation's, or its source's where the document has one. */
export const WORD_COUNT_BASES = ['translation', 'source'] as const;
export type WordCountBasis = (typeof WORD_COUNT_BASES)[number];

/** Which documents a workspace report covers; every field narrows it, none means all. */
export interface DocumentFilter {
  documentIds?: string[];
  /** Documents with an annotation of this tag or of one of its descendants. */
  tagId?: string;
  /** Documents added on or after this day (YYYY-MM-DD, UTC). */
  from?: string;
  /** Documents added on or before this day (YYYY-MM-DD, UTC). */
  to?: string;
  status?: DocumentStatus;
}

/** One MQM error as the scorecard lists it. */
export interface MqmErrorItem {
  annotationId: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  categoryId: string;
  subcategoryId: string | null;
  /** As stored; not necessarily one of MQM's severities. */
  severity: string | null;
}

/** Tag names a report shows for the ids it holds. */
export interface TagLabel {
  id: string;
  name: string;
  color: string;
}

export interface DocumentScorecard {
  document: { id: string; title: string };
  /** Evaluation word count: the words of the current text (the translation), or of the source when chosen and there is one. */
  words: number;
  /** Which text `words` counts; the translation when the source was chosen but the document has none. */
  wordsFrom: WordCountBasis;
  /** The source's language tag; null when the document has no source. */
  sourceLanguage: string | null;
  /** Null when no score can be computed (a text of no words); `problem` says why. */
  scorecard: Scorecard | null;
  problem: string | null;
  errors: MqmErrorItem[];
  tags: TagLabel[];
}

export interface DocumentScoreRow {
  id: string;
  title: string;
  words: number;
  wordsFrom: WordCountBasis;
  errorCount: number;
  penalty: number;
  score: number | null;
  verdict: 'pass' | 'fail' | null;
  problem: string | null;
}

export interface WorkspaceScorecard {
  filter: DocumentFilter;
  documents: DocumentScoreRow[];
  /** Over all the documents' errors and words together. */
  scorecard: Scorecard | null;
  problem: string | null;
  tags: TagLabel[];
}

export interface TagUsage {
  id: string;
  name: string;
  color: string;
  parentId: string | null;
  /** Annotations with this very tag. */
  direct: number;
  /** Annotations with this tag or one of its descendants, each counted once. */
  total: number;
}

export interface PostEditingRow {
  documentId: string;
  title: string;
  editCount: number;
  characterDistance: number;
  wordDistance: number;
  characterHter: number;
  wordHter: number;
}

export interface AuthorActivity {
  author: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  edits: number;
  annotations: number;
}

/** Findings of one artifact rule over the documents: on their original texts, and on their current texts. */
export interface RuleFindings {
  rule: string;
  before: number;
  after: number;
}

export interface StatusCount {
  status: DocumentStatus;
  documents: number;
}

export interface Insights {
  filter: DocumentFilter;
  documentCount: number;
  tags: TagUsage[];
  /** Every rule, in the registry's order, also those that found nothing. */
  findings: RuleFindings[];
  /** Every status, also those no document has. */
  statuses: StatusCount[];
  postEditing: PostEditingRow[];
  activity: AuthorActivity[];
}

/** Whose words a set of documents was scored per, in words: the translations, the sources, or some of each. */
export function setWordsFrom(w: Pick<WorkspaceScorecard, 'documents'>): string {
  const sources = w.documents.filter((d) => d.wordsFrom === 'source').length;
  if (sources === 0) return 'of the translations';
  return sources === w.documents.length ? 'of the sources' : `of the sources where there is one (${sources} of ${w.documents.length})`;
}
