// Searching documents' current text across the workspace: the FTS5 index
// (a row per chunk of text, migration 10) finds the documents whose words start
// with the query's, then each candidate's text is read for the matches and
// their snippets.

import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../core/model';
import { codePointLength } from '../core/offsets';
import { readText } from './text';

const CONTEXT = 40;
const SNIPPETS = 3;

export interface SearchOptions {
  limit?: number;
  /** "ecole" finds "École" too. */
  foldDiacritics?: boolean;
}

/**
 * Scripts written without spaces between words: unicode61 indexes a whole run
 * of them as one token, so a query in them is looked for anywhere in the text.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
const WORD = /[\p{L}\p{N}]/u;

export function searchDocuments(db: Database, query: string, { limit = 50, foldDiacritics = false }: SearchOptions = {}): SearchHit[] {
  const needle = fold(query, foldDiacritics).text;
  if (needle.length === 0) return [];
  // A line break in the query: the index holds each chunk apart, cut after line breaks, so the text decides.
  const anywhere = UNSPACED.test(query) || !WORD.test(query) || /[\r\n]/.test(query);
  const candidates = anywhere
    ? db.prepare('SELECT id, title FROM documents ORDER BY updated_at DESC, rowid')
    : db.prepare(
        // Documents with a chunk whose index row is stale (store/text.ts) are candidates whatever the index says.
        `SELECT d.id, d.title FROM documents d
         WHERE d.id IN (SELECT c.document_id FROM documents_fts f JOIN text_chunks c ON c.id = f.rowid WHERE documents_fts MATCH ?)
            OR d.id IN (SELECT document_id FROM search_pending)
         ORDER BY d.updated_at DESC, d.rowid`,
      );
  const rows = (anywhere ? candidates.all() : candidates.all(ftsPhrase(query))) as { id: string; title: string }[];
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const hit = matchesIn(readText(db, row.id), needle, foldDiacritics, !anywhere);
    // Without folding, the index (which folds) may offer "Ecole" for "école": the text decides.
    if (hit.matchCount === 0) continue;
    hits.push({ documentId: row.id, title: row.title, ...hit });
    if (hits.length === limit) break;
  }
  return hits;
}

/** The query as one FTS5 phrase whose last word may be the start of a longer one. */
function ftsPhrase(query: string): string {
  return `"${query.replace(/"/g, '""')}"*`;
}

/** Case (and optionally diacritics) folded, with where each folded unit came from in the original. */
function fold(text: string, foldDiacritics: boolean): { text: string; from: number[] } {
  let out = '';
  const from: number[] = [];
  let at = 0;
  for (const char of text) {
    let folded = char.toLowerCase();
    if (foldDiacritics) folded = folded.normalize('NFD').replace(/\p{M}/gu, '');
    // ß and ẞ are one letter in any case: "STRAßE" finds "Straße".
    folded = folded.replace(/ẞ/g, 'ß');
    out += folded;
    for (let k = 0; k < folded.length; k++) from.push(at);
    at += char.length;
  }
  from.push(at);
  return { text: out, from };
}

function matchesIn(text: string, needle: string, foldDiacritics: boolean, wordStart: boolean): Pick<SearchHit, 'matchCount' | 'snippets'> {
  const folded = fold(text, foldDiacritics);
  const snippets: SearchHit['snippets'] = [];
  let matchCount = 0;
  for (let i = folded.text.indexOf(needle); i >= 0; i = folded.text.indexOf(needle, i + needle.length)) {
    const at = folded.from[i]!;
    const end = folded.from[i + needle.length]!;
    if (wordStart && at > 0 && WORD.test(String.fromCodePoint(text.codePointAt(at - 1 - (isLowSurrogate(text, at - 1) ? 1 : 0))!))) continue;
    matchCount++;
    if (snippets.length < SNIPPETS) {
      const start = codePointLength(text.slice(0, at));
      snippets.push({
        start,
        end: start + codePointLength(text.slice(at, end)),
        before: text.slice(Math.max(0, at - CONTEXT), at),
        match: text.slice(at, end),
        after: text.slice(end, end + CONTEXT),
      });
    }
  }
  return { matchCount, snippets };
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0;
}
