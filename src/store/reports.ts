// The figures reports are made of, counted in SQL: MQM errors by document,
// type and severity; annotations per tag with descendants rolled up; edits and
// annotations per author and day; and the settings and word counts scorecards need.

import type { Database } from 'better-sqlite3';
import { documentStatuses, type DocumentStatus } from '../core/model';
import { MQM_TAG_PREFIX } from '../core/mqm';
import { postEditingEffort } from '../core/post-editing';
import type { AuthorActivity, DocumentFilter, MqmErrorItem, PostEditingRow, RuleFindings, StatusCount, TagUsage, WordCountBasis } from '../core/reports';
import { allRules } from '../core/rules';
import { DEFAULT_MQM_SETTINGS, type ErrorCount, type MqmSettings } from '../core/scorecard';
import { NotFoundError } from './errors';
import { findingCountsOf, wordCountsOf, type RuleCounts } from './text-facts';
import { oneSnapshot } from './statements';
import { readOriginal, readText, TextLayout } from './text';

interface Selection {
  /** CTEs ending in one naming the selected documents, `selected(id, title)`; put after WITH RECURSIVE. */
  cte: string;
  params: unknown[];
  /** No filter: every document, so queries may skip the test (a lookup per row). */
  all: boolean;
}

/** The filter as SQL; tag filters take the tag's descendants too. */
function selection(filter: DocumentFilter): Selection {
  const where: string[] = [];
  const params: unknown[] = [];
  let below = '';
  if (filter.tagId !== undefined) {
    // UNION (not UNION ALL) ends the walk should a parent loop ever exist.
    below = 'below(id) AS (SELECT ? UNION SELECT t.id FROM tags t JOIN below ON t.parent_id = below.id), ';
    params.push(filter.tagId);
    where.push(`d.id IN (SELECT a.document_id FROM annotation_tags at JOIN annotations a ON a.id = at.annotation_id WHERE at.tag_id IN (SELECT id FROM below))`);
  }
  if (filter.documentIds) {
    where.push(`d.id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filter.documentIds));
  }
  if (filter.status !== undefined) {
    where.push('d.status = ?');
    params.push(filter.status);
  }
  if (filter.from !== undefined) {
    where.push('d.created_at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    // Through the end of that day.
    where.push(`d.created_at < date(?, '+1 day')`);
    params.push(filter.to);
  }
  return {
    cte: `${below}selected(id, title) AS MATERIALIZED (SELECT d.id, d.title FROM documents d${where.length ? ` WHERE ${where.join(' AND ')}` : ''})`,
    params,
    all: where.length === 0,
  };
}

/** The selected documents, in the order they were added. */
export function selectDocuments(db: Database, filter: DocumentFilter): { id: string; title: string }[] {
  const s = selection(filter);
  return db.prepare(`WITH RECURSIVE ${s.cte} SELECT s.id, s.title FROM selected s JOIN documents d ON d.id = s.id ORDER BY d.created_at, d.rowid`).all(...s.params) as {
    id: string;
    title: string;
  }[];
}

// An annotation is one MQM error, of the type its first MQM tag names (the user's order of tags);
// detached annotations are left out: the text they marked is gone.
// The ids starting with the prefix are a range of the tag index: [prefix, prefix with its last character's successor).
const PREFIX_END = MQM_TAG_PREFIX.slice(0, -1) + String.fromCharCode(MQM_TAG_PREFIX.charCodeAt(MQM_TAG_PREFIX.length - 1) + 1);
// SQLite takes the other columns of a min() aggregate from the row holding the minimum.
const FIRST_MQM_TAG = `first_mqm AS (
  SELECT at.annotation_id, at.tag_id, min(at.position) AS position FROM annotation_tags at
  WHERE at.tag_id >= '${MQM_TAG_PREFIX}' AND at.tag_id < '${PREFIX_END}'
  GROUP BY at.annotation_id)`;

export interface DocumentErrorCount extends ErrorCount {
  documentId: string;
}

/** MQM errors of the selected documents, counted by document, type and severity. */
export function countMqmErrors(db: Database, filter: DocumentFilter): DocumentErrorCount[] {
  const s = selection(filter);
  const rows = db
    .prepare(
      `WITH RECURSIVE ${s.cte}, ${FIRST_MQM_TAG}
       SELECT a.document_id, coalesce(t.parent_id, t.id) AS category, CASE WHEN t.parent_id IS NULL THEN NULL ELSE t.id END AS subcategory,
              json_extract(a.attributes, '$.severity') AS severity, count(*) AS n
       FROM first_mqm f JOIN annotations a ON a.id = f.annotation_id JOIN tags t ON t.id = f.tag_id
       WHERE a.detached = 0${s.all ? '' : ' AND a.document_id IN (SELECT id FROM selected)'}
       GROUP BY 1, 2, 3, 4`,
    )
    .raw(true)
    .all(...s.params) as [string, string, string | null, unknown, number][];
  return rows.map(([documentId, categoryId, subcategoryId, severity, count]) => ({
    documentId,
    categoryId,
    subcategoryId,
    severity: typeof severity === 'string' ? severity : null,
    count,
  }));
}

/** A document's MQM errors in text order, with their quotes and notes. */
export function listMqmErrors(db: Database, documentId: string): MqmErrorItem[] {
  // Anchors and the layout that places them read in one snapshot.
  const [rows, layout] = oneSnapshot(db, () => [
    db
    .prepare(
      `WITH ${FIRST_MQM_TAG}
       SELECT a.id, a.start_chunk, a.start_in_chunk, a.end_chunk, a.end_in_chunk, a.quote, a.note, coalesce(t.parent_id, t.id),
              CASE WHEN t.parent_id IS NULL THEN NULL ELSE t.id END, json_extract(a.attributes, '$.severity')
       FROM first_mqm f JOIN annotations a ON a.id = f.annotation_id JOIN tags t ON t.id = f.tag_id
       WHERE a.document_id = ? AND a.detached = 0`,
    )
    .raw(true)
    .all(documentId) as [string, number | null, number, number | null, number, string, string, string, string | null, unknown][],
    TextLayout.read(db, documentId),
  ] as const);
  // Anchors (store/text.ts) to offsets, then text order.
  const items = rows.map(([annotationId, startChunk, startInChunk, endChunk, endInChunk, quote, note, categoryId, subcategoryId, severity]) => ({
    annotationId,
    start: layout.offset(startChunk, startInChunk),
    end: layout.offset(endChunk, endInChunk),
    quote,
    note,
    categoryId,
    subcategoryId,
    severity: typeof severity === 'string' ? severity : null,
  }));
  return items.sort((a, b) => a.start - b.start || a.end - b.end || (a.annotationId < b.annotationId ? -1 : a.annotationId > b.annotationId ? 1 : 0));
}

// What was worked out per document and text version, per connection, so a report
// redrawn after a settings change reads nothing again; the workspace keeps the
// same figures by text hash (text-facts.ts) for the next session.
interface Known<T> {
  version: string;
  value: T;
}
const knownWords = new WeakMap<Database, Map<string, Known<number>>>();
const knownFindings = new WeakMap<Database, Map<string, Known<{ before: RuleCounts; after: RuleCounts }>>>();

function known<T>(cache: WeakMap<Database, Map<string, Known<T>>>, db: Database): Map<string, Known<T>> {
  let map = cache.get(db);
  if (!map) cache.set(db, (map = new Map()));
  return map;
}

/** How many texts are read from the database at once when working figures out. */
const READ_BATCH = 200;

function inBatches<T>(items: readonly T[], each: (batch: readonly T[]) => void): void {
  for (let i = 0; i < items.length; i += READ_BATCH) each(items.slice(i, i + READ_BATCH));
}

export interface EvaluatedWords {
  words: number;
  /** The source when it was asked for and the document has one, else the translation. */
  from: WordCountBasis;
  sourceLanguage: string | null;
}

/** Evaluation word counts of the documents; only texts not seen before are counted. */
export function documentWordCounts(db: Database, documentIds: readonly string[], basis: WordCountBasis = 'translation'): Map<string, EvaluatedWords> {
  const cache = known(knownWords, db);
  const rows = db
    .prepare(
      `SELECT d.id, d.edit_count, s.language, s.updated_at FROM documents d LEFT JOIN document_sources s ON s.document_id = d.id
       WHERE d.id IN (SELECT value FROM json_each(?))`,
    )
    .raw(true)
    .all(JSON.stringify(documentIds)) as [string, number, string | null, string | null][];
  const result = new Map<string, EvaluatedWords>();
  const missing: { id: string; key: string; version: string; from: WordCountBasis }[] = [];
  for (const [id, editCount, language, sourceUpdated] of rows) {
    const from: WordCountBasis = basis === 'source' && language !== null ? 'source' : 'translation';
    const key = `${from}:${id}`;
    const version = from === 'source' ? String(sourceUpdated) : String(editCount);
    const entry = cache.get(key);
    result.set(id, { words: entry?.version === version ? entry.value : -1, from, sourceLanguage: language });
    if (entry?.version !== version) missing.push({ id, key, version, from });
  }
  const readEditCount = db.prepare('SELECT edit_count FROM documents WHERE id = ?').pluck();
  const readSource = db.prepare('SELECT text, updated_at FROM document_sources WHERE document_id = ?');
  inBatches(missing, (batch) => {
    // Text and version read in one transaction, so the count is kept under the version it belongs to.
    const texts = oneSnapshot(db, () => batch.map((m) => {
      if (m.from === 'source') {
        const row = readSource.get(m.id) as { text: string; updated_at: string };
        return { text: row.text, version: row.updated_at };
      }
      return { text: readText(db, m.id), version: String(readEditCount.get(m.id) as number) };
    }));
    const counts = wordCountsOf(
      db,
      texts.map((t) => t.text),
    );
    batch.forEach((m, i) => {
      cache.set(m.key, { version: texts[i]!.version, value: counts[i]! });
      result.get(m.id)!.words = counts[i]!;
    });
  });
  return result;
}

/**
 * Findings per rule of the selected documents' original texts (before) and
 * current texts (after), every rule listed in the registry's order. Findings
 * are not stored (they are worked out when a document opens), so they are
 * counted here, once per text.
 */
export function findingsPerRule(db: Database, filter: DocumentFilter): RuleFindings[] {
  const s = selection(filter);
  const rows = db
    .prepare(`WITH RECURSIVE ${s.cte} SELECT d.id, d.edit_count FROM documents d WHERE d.id IN (SELECT id FROM selected)`)
    .raw(true)
    .all(...s.params) as [string, number][];
  const cache = known(knownFindings, db);
  const before = new Map<string, number>(allRules.map((r) => [r.id, 0]));
  const after = new Map<string, number>(allRules.map((r) => [r.id, 0]));
  const add = (into: Map<string, number>, counts: RuleCounts) => {
    for (const [rule, n] of Object.entries(counts)) into.set(rule, (into.get(rule) ?? 0) + n);
  };
  const missing: string[] = [];
  for (const [id, editCount] of rows) {
    const entry = cache.get(id);
    if (entry?.version === String(editCount)) {
      add(before, entry.value.before);
      add(after, entry.value.after);
    } else missing.push(id);
  }
  const readEditCount = db.prepare('SELECT edit_count FROM documents WHERE id = ?').pluck();
  inBatches(missing, (batch) => {
    const texts = oneSnapshot(db, () =>
      batch.map((id) => ({ original: readOriginal(db, id) ?? '', current: readText(db, id), editCount: readEditCount.get(id) as number })),
    );
    const counts = findingCountsOf(db, [...texts.map((t) => t.original), ...texts.map((t) => t.current)]);
    batch.forEach((id, i) => {
      const value = { before: counts[i]!, after: counts[batch.length + i]! };
      cache.set(id, { version: String(texts[i]!.editCount), value });
      add(before, value.before);
      add(after, value.after);
    });
  });
  return [...before.keys()].map((rule) => ({ rule, before: before.get(rule)!, after: after.get(rule) ?? 0 }));
}

/** How many of the selected documents are in each status. */
export function documentsByStatus(db: Database, filter: DocumentFilter): StatusCount[] {
  const s = selection(filter);
  const counted = new Map(
    db
      .prepare(`WITH RECURSIVE ${s.cte} SELECT d.status, count(*) FROM documents d WHERE d.id IN (SELECT id FROM selected) GROUP BY d.status`)
      .raw(true)
      .all(...s.params) as [DocumentStatus, number][],
  );
  return documentStatuses.map((status) => ({ status, documents: counted.get(status) ?? 0 }));
}

/** Annotations per tag of the selected documents; `total` rolls each tag's descendants up, counting an annotation once. */
export function tagUsage(db: Database, filter: DocumentFilter): TagUsage[] {
  const s = selection(filter);
  const rows = db
    .prepare(
      `WITH RECURSIVE ${s.cte},
       -- UNION (not UNION ALL) ends the walk should a parent loop ever exist.
       up(tag_id, ancestor_id) AS (SELECT id, id FROM tags UNION SELECT up.tag_id, t.parent_id FROM up JOIN tags t ON t.id = up.ancestor_id WHERE t.parent_id IS NOT NULL),
       used AS (SELECT annotation_id, tag_id FROM annotation_tags${
         s.all ? '' : ' WHERE annotation_id IN (SELECT id FROM annotations WHERE document_id IN (SELECT id FROM selected))'
       }),
       direct AS (SELECT tag_id, count(*) AS n FROM used GROUP BY tag_id),
       rolled AS (SELECT up.ancestor_id AS tag_id, count(DISTINCT used.annotation_id) AS n FROM used JOIN up ON up.tag_id = used.tag_id GROUP BY up.ancestor_id)
       SELECT t.id, t.name, t.color, t.parent_id, coalesce(direct.n, 0), coalesce(rolled.n, 0)
       FROM tags t LEFT JOIN direct ON direct.tag_id = t.id LEFT JOIN rolled ON rolled.tag_id = t.id
       ORDER BY t.position, t.name`,
    )
    .raw(true)
    .all(...s.params) as [string, string, string, string | null, number, number][];
  return rows.map(([id, name, color, parentId, direct, total]) => ({ id, name, color, parentId, direct, total }));
}

/** Edits and new annotations per author and day (UTC) in the selected documents. */
export function authorActivity(db: Database, filter: DocumentFilter): AuthorActivity[] {
  const s = selection(filter);
  const rows = db
    .prepare(
      `WITH RECURSIVE ${s.cte},
       acts(author, day, edit, annotation) AS (
         SELECT author, substr(at, 1, 10), 1, 0 FROM edits${s.all ? '' : ' WHERE document_id IN (SELECT id FROM selected)'}
         UNION ALL
         SELECT author, substr(created_at, 1, 10), 0, 1 FROM annotations${s.all ? '' : ' WHERE document_id IN (SELECT id FROM selected)'})
       SELECT author, day, sum(edit), sum(annotation) FROM acts GROUP BY author, day ORDER BY day, author`,
    )
    .raw(true)
    .all(...s.params) as [string, string, number, number][];
  return rows.map(([author, day, edits, annotations]) => ({ author, day, edits, annotations }));
}

/** Edit distance and HTER of each selected document that was edited. */
export function postEditingByDocument(db: Database, filter: DocumentFilter): PostEditingRow[] {
  const s = selection(filter);
  const rows = db
    .prepare(
      `WITH RECURSIVE ${s.cte} SELECT d.id, d.title, d.edit_count FROM documents d
       WHERE d.id IN (SELECT id FROM selected) AND d.edit_count > 0 ORDER BY d.created_at, d.rowid`,
    )
    .raw(true)
    .all(...s.params) as [string, string, number][];
  return rows.map(([documentId, title, editCount]) => {
    const effort = postEditingEffort(readOriginal(db, documentId) ?? '', readText(db, documentId));
    return {
      documentId,
      title,
      editCount,
      characterDistance: effort.characterDistance,
      wordDistance: effort.wordDistance,
      characterHter: effort.characterHter,
      wordHter: effort.wordHter,
    };
  });
}

export function getMqmSettings(db: Database): MqmSettings {
  const row = db.prepare('SELECT neutral, minor, major, critical, threshold FROM mqm_settings WHERE id = 1').get() as
    | { neutral: number; minor: number; major: number; critical: number; threshold: number }
    | undefined;
  if (!row) return DEFAULT_MQM_SETTINGS;
  const { threshold, ...multipliers } = row;
  return { multipliers, threshold };
}

/** Call inside a transaction; check the settings first (core/scorecard mqmSettingsProblems). */
export function setMqmSettings(db: Database, settings: MqmSettings): MqmSettings {
  const { neutral, minor, major, critical } = settings.multipliers;
  db.prepare(
    `INSERT INTO mqm_settings (id, neutral, minor, major, critical, threshold) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET neutral = excluded.neutral, minor = excluded.minor, major = excluded.major,
       critical = excluded.critical, threshold = excluded.threshold`,
  ).run(neutral, minor, major, critical, settings.threshold);
  return getMqmSettings(db);
}

export function documentTitle(db: Database, id: string): string {
  const row = db.prepare('SELECT title FROM documents WHERE id = ?').get(id) as { title: string } | undefined;
  if (!row) throw new NotFoundError(`no document with id ${id}`);
  return row.title;
}
