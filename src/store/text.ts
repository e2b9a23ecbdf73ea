// A document's texts. The original is kept whole in document_originals (it
// never changes). The current text is kept in chunks (text_chunks, migration
// 10), each with its own row in the full-text index, so a keystroke's save
// rewrites the chunk it changed, not the whole text, and re-indexes it once
// the typing moves elsewhere (StoredText.save).

import type { Database } from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { checkChangeRange } from '../core/edits';
import type { TextChange } from '../core/model';
import { CodePointIndex, codePointLength } from '../core/offsets';
import { statement } from './statements';

/** UTF-16 units a chunk is cut to; one that grows past CUT_AGAIN is cut again. */
export const CHUNK = 16_384;
export const CUT_AGAIN = 4 * CHUNK;
/** Seqs are spaced by this, so a chunk cut in two takes the seqs between its neighbours'. */
const SEQ_STEP = 1 << 16;
/**
 * A chunk that does not end a line is indexed with the start of the next one
 * (up to its first line break, at most this many UTF-16 units): a search phrase
 * (at most 1,000 characters) across the cut is then found in the first chunk.
 */
const OVERLAP = 1_000;

/** [row id, seq, length in code points] of each chunk of a text, in order. */
type ChunkRow = readonly [id: number, seq: number, length: number];

/**
 * The chunk rows of each text read on a connection, with the text_version
 * they were read at: a keystroke's save then reads no row per chunk (a 15 MB
 * text has about a thousand). Every write of a text's chunks gives it a new
 * random text_version in the same transaction, so a write by another
 * connection, or one rolled back, is seen as a different version and the
 * rows are read again.
 */
const layouts = new WeakMap<Database, Map<string, { version: number; rows: readonly ChunkRow[] }>>();

function knownLayouts(db: Database): Map<string, { version: number; rows: readonly ChunkRow[] }> {
  let known = layouts.get(db);
  if (!known) layouts.set(db, (known = new Map()));
  return known;
}

function chunkRows(db: Database, documentId: string): readonly ChunkRow[] {
  const version = statement(db, 'SELECT text_version FROM documents WHERE id = ?').pluck().get(documentId) as number | undefined;
  const known = knownLayouts(db);
  const entry = known.get(documentId);
  if (version !== undefined && entry?.version === version) return entry.rows;
  const rows = statement(db, 'SELECT id, seq, length FROM text_chunks WHERE document_id = ? ORDER BY seq').raw(true).all(documentId) as ChunkRow[];
  if (version === undefined) known.delete(documentId);
  else known.set(documentId, { version, rows });
  return rows;
}

/** Marks a text's chunks as written: a new text_version, and the rows as they are now. */
function written(db: Database, documentId: string, rows: readonly ChunkRow[]): void {
  const version = randomInt(2 ** 47);
  statement(db, 'UPDATE documents SET text_version = ? WHERE id = ?').run(version, documentId);
  knownLayouts(db).set(documentId, { version, rows });
}

/** `text` cut in pieces of about CHUNK UTF-16 units, after a line break where there is one near, never inside a surrogate pair. */
export function cutText(text: string): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end: number;
    if (text.length - at <= 2 * CHUNK) end = text.length;
    else {
      // Looked for only near the cut: a text without line breaks is not searched end to end per piece.
      const near = text.slice(at + CHUNK / 4, at + 2 * CHUNK);
      const before = near.lastIndexOf('\n', (3 * CHUNK) / 4 - 1);
      const after = near.indexOf('\n', (3 * CHUNK) / 4);
      if (before >= 0) end = at + CHUNK / 4 + before + 1;
      else if (after >= 0) end = at + CHUNK / 4 + after + 1;
      else {
        end = at + CHUNK;
        const c = text.charCodeAt(end - 1);
        if (c >= 0xd800 && c <= 0xdbff) end++;
      }
    }
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

/** What a chunk adds to its row in the search index: the start of the next chunk when it does not end a line. */
function overlap(text: string, next: string | undefined): string {
  if (next === undefined || text.endsWith('\n') || text.endsWith('\r')) return '';
  const lineEnd = next.search(/[\r\n]/);
  return next.slice(0, lineEnd < 0 ? OVERLAP : Math.min(lineEnd, OVERLAP));
}

/** The original text of a document, as imported. */
export function readOriginal(db: Database, documentId: string): string | undefined {
  return statement(db, 'SELECT text FROM document_originals WHERE document_id = ?').pluck().get(documentId) as string | undefined;
}

export function writeOriginal(db: Database, documentId: string, text: string): void {
  statement(db, 'INSERT INTO document_originals (document_id, text) VALUES (?, ?)').run(documentId, text);
}

/** A document's whole current text. */
export function readText(db: Database, documentId: string): string {
  return (statement(db, 'SELECT text FROM text_chunks WHERE document_id = ? ORDER BY seq').pluck().all(documentId) as string[]).join('');
}

/** Writes the current text of a document that has none yet (a new document), in chunks, indexed for search. */
export function writeText(db: Database, documentId: string, text: string): void {
  const pieces = cutText(text);
  const insert = statement(db, 'INSERT INTO text_chunks (document_id, seq, length, text) VALUES (?, ?, ?, ?)');
  const index = statement(db, 'INSERT INTO documents_fts (rowid, text) VALUES (?, ?)');
  const rows = pieces.map((piece, i): ChunkRow => {
    const seq = (i + 1) * SEQ_STEP;
    const length = codePointLength(piece);
    const id = Number(insert.run(documentId, seq, length, piece).lastInsertRowid);
    index.run(id, piece + overlap(piece, pieces[i + 1]));
    return [id, seq, length];
  });
  written(db, documentId, rows);
}

/** A chunk as StoredText holds it: its text is read only when a change or a slice reaches it. */
interface Chunk {
  /** Row id (also its row in the search index); null for a chunk not written yet. */
  id: number | null;
  seq: number;
  /** Code points. */
  length: number;
  text: string | null;
  /** Its text changed: written, and marked stale in the index, on save. */
  dirty: boolean;
  /** The chunk after it changed where this one's index row reads into it: marked stale on save. */
  indexStale: boolean;
}

/** One end of an annotation as stored: a chunk's row id and the code points from its start; a NULL chunk makes it a plain offset. */
export type Anchor = [chunk: number | null, offset: number];

/**
 * Where each chunk of a document's current text starts. Annotations are kept
 * as offsets into chunks (anchors), so a change moves only those in the
 * chunks it reaches; the layout turns anchors into offsets of the whole text
 * and back.
 */
export class TextLayout {
  private positions: Map<number, number> | null = null;

  constructor(
    /** Chunk row ids, in order. */
    readonly ids: readonly number[],
    /** Code point offset of each chunk's start. */
    readonly starts: readonly number[],
    /** Length of the text in code points. */
    readonly length: number,
  ) {}

  static read(db: Database, documentId: string): TextLayout {
    const rows = chunkRows(db, documentId);
    const starts: number[] = [];
    let at = 0;
    for (const [, , length] of rows) {
      starts.push(at);
      at += length;
    }
    return new TextLayout(
      rows.map(([id]) => id),
      starts,
      at,
    );
  }

  /** The position of chunk `id` in the text's order; -1 for none. */
  position(id: number | null): number {
    if (id === null) return -1;
    if (!this.positions) this.positions = new Map(this.ids.map((chunk, i) => [chunk, i]));
    return this.positions.get(id) ?? -1;
  }

  /** The offset in the whole text of an anchor; an anchor to no chunk (an empty text) is the offset itself. */
  offset(chunk: number | null, inChunk: number): number {
    const i = this.position(chunk);
    return i < 0 ? inChunk : this.starts[i]! + inChunk;
  }

  /** The anchor of a range's start: the chunk holding the code point at `offset` (the last chunk for the text's end). */
  anchorStart(offset: number): Anchor {
    if (this.ids.length === 0) return [null, offset];
    const i = this.last((start) => start <= offset);
    return [this.ids[i]!, offset - this.starts[i]!];
  }

  /** The anchor of a range's end: the chunk holding the code point before `offset` (the first chunk for 0). */
  anchorEnd(offset: number): Anchor {
    if (this.ids.length === 0) return [null, offset];
    const i = this.last((start) => start < offset);
    return [this.ids[i]!, offset - this.starts[i]!];
  }

  /** The first chunk that holds or touches `offset`: the one ending there when a chunk starts at it. */
  firstTouching(offset: number): number {
    return this.last((start) => start < offset);
  }

  /** The last chunk whose start passes `test` (the first chunk when none does); starts ascend. */
  private last(test: (start: number) => boolean): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (test(this.starts[mid]!)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * A document's current text as its chunks, changed in memory one change after
 * another and written back with save(): only the chunks a change reached are
 * read and rewritten. Use inside a write transaction.
 */
export class StoredText {
  private chunks: Chunk[];
  /** Code point offset of each chunk's start; recomputed after a change. */
  private starts: number[] = [];
  private total = 0;
  private readonly removedIds: number[] = [];

  private constructor(
    private readonly db: Database,
    private readonly documentId: string,
    rows: readonly ChunkRow[],
  ) {
    this.chunks = rows.map(([id, seq, length]) => ({ id, seq, length, text: null, dirty: false, indexStale: false }));
    this.index();
  }

  static open(db: Database, documentId: string): StoredText {
    return new StoredText(db, documentId, chunkRows(db, documentId));
  }

  /** Length in code points. */
  get length(): number {
    return this.total;
  }

  /** Applies the change (code point offsets of the text as it is now); returns what it removed. */
  apply(change: TextChange): string {
    checkChangeRange(change, this.total);
    const { start, end } = change;
    if (this.chunks.length === 0) {
      // An empty text has no chunks: typing in it makes the first.
      if (change.inserted === '') return '';
      this.chunks.push({ id: null, seq: SEQ_STEP, length: 0, text: '', dirty: true, indexStale: false });
      this.index();
    }
    // The chunks from the one holding `start` to the one holding `end` are rewritten as one.
    const first = this.chunkAt(start);
    let last = first;
    while (last + 1 < this.chunks.length && this.starts[last]! + this.chunks[last]!.length < end) last++;
    const base = this.starts[first]!;
    let merged = '';
    for (let i = first; i <= last; i++) merged += this.load(i);
    const index = new CodePointIndex(merged);
    const from = index.toUtf16(start - base);
    const to = index.toUtf16(end - base);
    const removed = merged.slice(from, to);
    const text = merged.slice(0, from) + change.inserted + merged.slice(to);
    const kept = this.chunks[first]!;
    for (let i = first + 1; i <= last; i++) {
      const id = this.chunks[i]!.id;
      if (id !== null) this.removedIds.push(id);
    }
    // The first chunk keeps its row (and seq); those after it in the range go.
    const pieces = text.length > CUT_AGAIN ? cutText(text) : [text];
    const next = this.chunks[last + 1];
    const replacing: Chunk[] = pieces.map((piece, k) => ({
      id: k === 0 ? kept.id : null,
      seq: k === 0 ? kept.seq : 0,
      length: codePointLength(piece),
      text: piece,
      dirty: true,
      indexStale: false,
    }));
    this.chunks.splice(first, last - first + 1, ...replacing);
    if (replacing.length > 1) this.spaceSeqs(first, first + replacing.length - 1, next?.seq);
    if (text === '') {
      // An emptied chunk goes.
      if (kept.id !== null) this.removedIds.push(kept.id);
      this.chunks.splice(first, 1);
    }
    // The chunk before is indexed with the start of this one's first line (overlap): re-indexed only when
    // the change may reach that start (code points never exceed UTF-16 units), or this chunk went.
    if (first > 0 && (text === '' || start - base <= OVERLAP)) this.chunks[first - 1]!.indexStale = true;
    this.index();
    return removed;
  }

  /** The code points [start, end) of the text as it is now. */
  slice(start: number, end: number): string {
    if (end <= start) return '';
    let i = this.chunkAt(start);
    let text = '';
    while (i < this.chunks.length && this.starts[i]! < end) {
      const chunk = this.load(i);
      const base = this.starts[i]!;
      const index = new CodePointIndex(chunk);
      text += chunk.slice(index.toUtf16(Math.max(0, start - base)), index.toUtf16(Math.min(index.length, end - base)));
      i++;
    }
    return text;
  }

  /** Where each chunk is; call after save(), when every chunk has its row. */
  layout(): TextLayout {
    return new TextLayout(
      this.chunks.map((c) => c.id!),
      [...this.starts],
      this.total,
    );
  }

  /**
   * Writes the changed chunks and removes the emptied ones. The search index
   * is brought up to date lazily: the changed chunks (and the chunk before
   * each, whose index row reads into it) are only marked stale
   * (search_pending), which costs nothing when they already are, as they are
   * for every keystroke after the first in the same place; the chunks this
   * save did not change, left stale by an earlier one, are re-indexed now.
   * Search takes a document with a stale chunk as a candidate and reads its
   * text (store/search.ts), so it finds the same either way.
   */
  save(): void {
    const { db, documentId } = this;
    const remove = statement(db, 'DELETE FROM text_chunks WHERE id = ?');
    for (const id of this.removedIds.splice(0)) remove.run(id);
    const update = statement(db, 'UPDATE text_chunks SET length = ?, text = ? WHERE id = ?');
    const insert = statement(db, 'INSERT INTO text_chunks (document_id, seq, length, text) VALUES (?, ?, ?, ?)');
    for (const chunk of this.chunks) {
      if (!chunk.dirty) continue;
      if (chunk.id === null) chunk.id = Number(insert.run(documentId, chunk.seq, chunk.length, chunk.text).lastInsertRowid);
      else update.run(chunk.length, chunk.text, chunk.id);
    }
    const stale = new Set(this.chunks.filter((c) => c.dirty || c.indexStale).map((c) => c.id!));
    const pending = statement(db, 'SELECT chunk_id FROM search_pending WHERE document_id = ?').pluck().all(documentId) as number[];
    const settled = pending.filter((id) => !stale.has(id));
    if (settled.length > 0) this.reindex(new Set(settled));
    const mark = statement(db, 'INSERT OR IGNORE INTO search_pending (chunk_id, document_id) VALUES (?, ?)');
    for (const id of stale) mark.run(id, documentId);
    for (const chunk of this.chunks) chunk.dirty = chunk.indexStale = false;
    written(
      db,
      documentId,
      this.chunks.map((c): ChunkRow => [c.id!, c.seq, c.length]),
    );
  }

  /** Writes the search index rows of these chunks (by row id) from their text, and takes them off search_pending. */
  private reindex(ids: ReadonlySet<number>): void {
    const unindex = statement(this.db, 'DELETE FROM documents_fts WHERE rowid = ?');
    const index = statement(this.db, 'INSERT INTO documents_fts (rowid, text) VALUES (?, ?)');
    const done = statement(this.db, 'DELETE FROM search_pending WHERE chunk_id = ?');
    this.chunks.forEach((chunk, i) => {
      if (!ids.has(chunk.id!)) return;
      const text = this.load(i);
      const next = i + 1 < this.chunks.length && !/[\r\n]$/.test(text) ? this.load(i + 1) : undefined;
      unindex.run(chunk.id);
      index.run(chunk.id, text + overlap(text, next));
      done.run(chunk.id);
    });
  }

  /** Gives chunks first..last (first keeps its seq) seqs below `before`, renumbering the document's chunks when no room is left. */
  private spaceSeqs(first: number, last: number, before: number | undefined): void {
    const from = this.chunks[first]!.seq;
    const limit = before ?? from + (last - first + 1) * SEQ_STEP;
    const step = Math.floor((limit - from) / (last - first + 1));
    if (step >= 1) {
      for (let i = first + 1; i <= last; i++) this.chunks[i]!.seq = from + (i - first) * step;
      return;
    }
    // No room between the neighbours (after many cuts in one place): every chunk renumbered.
    const renumber = statement(this.db, 'UPDATE text_chunks SET seq = ? WHERE id = ?');
    this.chunks.forEach((chunk, i) => {
      chunk.seq = (i + 1) * SEQ_STEP;
      if (chunk.id !== null) renumber.run(chunk.seq, chunk.id);
    });
  }

  private index(): void {
    let at = 0;
    this.starts = this.chunks.map((c) => {
      const start = at;
      at += c.length;
      return start;
    });
    this.total = at;
  }

  /** The chunk holding code point `cp` (the last one for the text's end). */
  private chunkAt(cp: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= cp) lo = mid;
      else hi = mid - 1;
    }
    // At a boundary, the chunk starting there.
    return lo;
  }

  private load(i: number): string {
    const chunk = this.chunks[i]!;
    chunk.text ??= statement(this.db, 'SELECT text FROM text_chunks WHERE id = ?').pluck().get(chunk.id) as string;
    return chunk.text;
  }
}
