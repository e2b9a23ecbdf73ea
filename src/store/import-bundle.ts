// Writing what importers read into the workspace: all of it in one
// transaction or none of it, so a file that breaks halfway leaves no trace.
//
// Ids are kept where they are free, so that importing an export into an empty
// workspace and exporting again gives the same file. Tags meet the workspace's
// taxonomy by id, then by name under the same parent (the store cannot hold
// two siblings of one name). A workspace with no documents yet takes the
// file's taxonomy (a restore or a move to a new machine): its starter tags
// give way to the file's tags of the same name, ids, colours and keys. A
// workspace with documents keeps its own tags and keys.

import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { EditError, replayEdits } from '../core/edits';
import { FormatError, type FormatIssue, type ImportedBundle } from '../core/formats';
import type { Annotation, Edit, Tag } from '../core/model';
import { attributesProblem, EDIT_ORIGIN, LIMITS, longTextProblem, nameProblem, textProblem } from '../core/limits';
import { codePointLength, CodePointIndex, hasLoneSurrogate } from '../core/offsets';
import { AlignmentError } from '../core/bilingual/alignment-edits';
import { insertAnnotation } from './annotations';
import { setSource } from './bilingual';
import { documentExists, touchDocument } from './documents';
import type { Relation } from '../core/relations';
import { writeRelations, writeRelationTypes } from './import-relations';
import { NotFoundError } from './errors';
import { getTag, insertTag, updateTag } from './tags';
import { readText, TextLayout, writeOriginal, writeText } from './text';
import type { Workspace } from './workspace';

/** New documents with their annotations and edits, from one file (or a brat pair). */
export interface DocumentsImport {
  kind: 'documents';
  /** Named in errors and notes. */
  file: string;
  bundle: ImportedBundle;
}

/** Annotations anchored in an existing document's text (W3C). */
export interface AnnotationsImport {
  kind: 'annotations';
  file: string;
  documentId: string;
  /** The current text the annotations were anchored in: if it has changed since, nothing is written. */
  text: string;
  /** The document's source, which annotations with side 'source' are anchored in. */
  sourceText: string | null;
  /** Tags the annotations use that the workspace did not have, parents first. */
  tags: Tag[];
  annotations: Annotation[];
  /** Linking annotations between the annotations above (W3C). */
  relations?: Relation[];
}

export type ImportUnit = DocumentsImport | AnnotationsImport;

export interface ImportReport {
  /** Documents created, in the order of the files. */
  documentIds: string[];
  annotationCount: number;
  /** What the workspace made of the files differently from how they are written: new ids, merged tags, keys. */
  notes: FormatIssue[];
}

/** Ids the api can name (see api/contract.ts); any other id in a file is replaced. */
const NAMEABLE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Writes every unit in one immediate transaction. Throws a FormatError naming
 * the file, the record and the problem, and writes nothing, if a unit breaks
 * a rule of the workspace: edits that do not replay to the text, annotations
 * off the text or with a quote that does not match it, tags that do not exist.
 */
export function importUnits(workspace: Workspace, units: readonly ImportUnit[], now = new Date().toISOString(), onStep: ImportStep = () => {}): ImportReport {
  const total = units.reduce((n, unit) => n + (unit.kind === 'documents' ? unit.bundle.documents.length : 1), 0);
  let done = 0;
  const step = () => onStep(++done, total);
  return workspace.transaction(() => {
    const run = new ImportRun(workspace.db, now, step);
    for (const unit of units) {
      if (unit.kind === 'documents') run.writeDocuments(unit);
      else {
        run.writeAnnotations(unit);
        step();
      }
    }
    return run.report;
  });
}

/**
 * Called after each document written, with how many of how many: what it
 * throws ends the import with nothing written (a cancelled import).
 */
export type ImportStep = (done: number, total: number) => void;

/** One import's state: the ids it has taken and what it has to report. */
class ImportRun {
  readonly report: ImportReport = { documentIds: [], annotationCount: 0, notes: [] };
  /** Tags this import has written or taken over: later files match them, but never take them over. */
  private readonly ours = new Set<string>();
  /** Whether the workspace had no documents before this import. */
  private readonly restoring: boolean;
  private readonly has: Record<'documents' | 'annotations' | 'tags', (id: string) => boolean>;

  constructor(
    private readonly db: Database,
    private readonly now: string,
    private readonly step: () => void,
  ) {
    this.restoring = db.prepare('SELECT 1 FROM documents LIMIT 1').get() === undefined;
    const exists = (table: string) => {
      const statement = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
      return (id: string) => statement.get(id) !== undefined;
    };
    this.has = { documents: exists('documents'), annotations: exists('annotations'), tags: exists('tags') };
  }

  writeDocuments({ file, bundle }: DocumentsImport): void {
    const tagIds = this.writeTags(file, bundle.tags);
    const relationTypeIds = writeRelationTypes(this.db, file, bundle.relationTypes ?? [], tagIds, this.now);
    bundle.documents.forEach(({ document, annotations, edits, relations, source, sourceAnnotations }, i) => {
      const record = `documents[${i}] (${document.id})`;
      checkDocumentLimits(file, record, document, edits);
      let text: string;
      try {
        text = replayEdits(document.originalText, edits);
      } catch (error) {
        if (error instanceof EditError) throw new FormatError({ file, record }, `its edits do not replay on originalText: ${error.message}`);
        throw error;
      }
      if (text !== document.text) throw new FormatError({ file, record }, 'replaying its edits on originalText does not give text');
      // JSON can spell a lone surrogate (\ud800); it is not text, and offsets over it are ambiguous.
      if (hasLoneSurrogate(document.originalText) || hasLoneSurrogate(text)) throw new FormatError({ file, record }, 'its text holds a lone surrogate, which is not text');
      const id = this.freeId('documents', document.id, `document ${document.id}`, file);
      this.db
        .prepare(
          `INSERT INTO documents (id, title, source_name, sha256, source_language, target_language,
             current_length, edit_count, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, document.title, document.sourceName, document.sha256, document.sourceLanguage, document.targetLanguage,
          codePointLength(document.text), edits.length, document.createdAt, document.updatedAt);
      writeOriginal(this.db, id, document.originalText);
      writeText(this.db, id, document.text);
      const insertEdit = this.db.prepare(
        'INSERT INTO edits (document_id, seq, start, end, removed, inserted, origin, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      edits.forEach((e, k) => insertEdit.run(id, k + 1, e.start, e.end, e.removed, e.inserted, e.origin, e.author, e.at));
      const annotationIds = this.writeAnnotationList(file, record, id, document.text, annotations, tagIds);
      if (source) {
        try {
          setSource(this.db, id, source, this.now);
        } catch (error) {
          if (error instanceof AlignmentError) throw new FormatError({ file, record: `${record}.source` }, error.message);
          throw error;
        }
      }
      if (sourceAnnotations && sourceAnnotations.length > 0) {
        if (!source) throw new FormatError({ file, record }, 'there are annotations of the source, but the document has no source');
        const onSource = sourceAnnotations.map((a) => ({ ...a, side: 'source' as const, sourceRange: undefined }));
        for (const [from, to] of this.writeAnnotationList(file, `${record}.source`, id, source.text, onSource, tagIds)) annotationIds.set(from, to);
      }
      writeRelations(this.db, file, record, id, relations ?? [], annotationIds, relationTypeIds);
      this.report.documentIds.push(id);
      this.step();
    });
  }

  writeAnnotations(unit: AnnotationsImport): void {
    if (!documentExists(this.db, unit.documentId)) throw new NotFoundError(`no document with id ${unit.documentId}`);
    if (readText(this.db, unit.documentId) !== unit.text) {
      throw new FormatError({ file: unit.file }, 'the document changed while its annotations were being read; import the file again');
    }
    const tagIds = this.writeTags(unit.file, unit.tags);
    const onText = unit.annotations.filter((a) => a.side !== 'source');
    const onSource = unit.annotations.filter((a) => a.side === 'source');
    const annotationIds = this.writeAnnotationList(unit.file, 'annotations', unit.documentId, unit.text, onText, tagIds);
    if (onSource.length > 0) {
      if (unit.sourceText === null) throw new FormatError({ file: unit.file }, 'annotations of a source, but the document has no source');
      for (const [from, to] of this.writeAnnotationList(unit.file, 'source', unit.documentId, unit.sourceText, onSource, tagIds)) annotationIds.set(from, to);
    }
    writeRelations(this.db, unit.file, 'annotations', unit.documentId, unit.relations ?? [], annotationIds, new Map());
    if (unit.annotations.length > 0) touchDocument(this.db, unit.documentId, this.now);
  }

  /** Checks each annotation against the text, maps its tags and ids, and inserts it; returns the file's ids mapped to the ids written. */
  private writeAnnotationList(file: string, parent: string, documentId: string, text: string, annotations: readonly Annotation[], tagIds: Map<string, string>): Map<string, string> {
    const index = new CodePointIndex(text);
    const layout = TextLayout.read(this.db, documentId);
    const written = new Map<string, string>();
    annotations.forEach((annotation, j) => {
      const record = `${parent}.annotations[${j}] (${annotation.id})`;
      checkAnnotationLimits(file, record, annotation);
      const { start, end } = annotation;
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= index.length)) {
        throw new FormatError({ file, record }, `range [${start}, ${end}) is not within the text (length ${index.length})`);
      }
      const covered = text.slice(index.toUtf16(start), index.toUtf16(end));
      if (!annotation.detached && covered !== annotation.quote) {
        throw new FormatError({ file, record }, `quote ${JSON.stringify(annotation.quote)} does not match the text at [${start}, ${end}), which is ${JSON.stringify(covered)}`);
      }
      const tags = annotation.tagIds.map((tagId) => {
        const mapped = tagIds.get(tagId) ?? (this.has.tags(tagId) ? tagId : undefined);
        if (mapped === undefined) throw new FormatError({ file, record }, `unknown tag ${JSON.stringify(tagId)}: it is neither in the file nor in the workspace`);
        return mapped;
      });
      const id = this.freeId('annotations', annotation.id, `annotation ${annotation.id}`, file);
      insertAnnotation(this.db, { ...annotation, id, documentId, tagIds: tags }, layout);
      written.set(annotation.id, id);
      this.report.annotationCount++;
    });
    return written;
  }

  /**
   * Writes a file's tags (parents first) and returns what each of its tag ids
   * is in the workspace.
   */
  private writeTags(file: string, tags: readonly Tag[]): Map<string, string> {
    const map = new Map<string, string>();
    if (tags.length > LIMITS.tagsPerFile) throw new FormatError({ file }, `it holds ${tags.length} tags, over the limit of ${LIMITS.tagsPerFile} for one file`);
    const depths = new Map<string, number>();
    tags.forEach((tag, i) => {
      const record = `tags[${i}] (${tag.name.slice(0, 60)})`;
      checkTagLimits(file, record, tag);
      const parentId = tag.parentId === null ? null : (map.get(tag.parentId) ?? tag.parentId);
      if (parentId !== null && !this.has.tags(parentId)) {
        throw new FormatError({ file, record }, `its parent ${JSON.stringify(tag.parentId)} is neither in the file nor in the workspace`);
      }
      const depth = (parentId === null ? 0 : (depths.get(parentId) ?? this.depthOf(parentId))) + 1;
      if (depth > LIMITS.tagDepth) throw new FormatError({ file, record }, `it is ${depth} levels deep, over the limit of ${LIMITS.tagDepth} levels of tags`);
      const sameId = this.has.tags(tag.id) ? getTag(this.db, tag.id) : undefined;
      const same = sameId !== undefined && sameId.parentId === parentId && foldCase(sameId.name) === foldCase(tag.name) ? sameId : this.sibling(parentId, tag.name);
      if (same !== undefined) {
        const met = this.meet(file, tag, same, sameId === undefined);
        map.set(tag.id, met);
        depths.set(met, depth);
        return;
      }
      const id = this.freeId('tags', tag.id, `tag ${tag.name}`, file);
      insertTag(this.db, { ...tag, id, parentId, key: this.freeKey(file, tag, null) }, this.now);
      this.ours.add(id);
      map.set(tag.id, id);
      depths.set(id, depth);
    });
    return map;
  }

  /**
   * A file's tag meeting the workspace's tag of its name: the same tag. When
   * restoring, a tag that is not this import's own and that nothing uses takes
   * the file's id (if free), name, colour, key and description.
   */
  private meet(file: string, tag: Tag, existing: Tag, idFree: boolean): string {
    const taking = this.restoring && !this.ours.has(existing.id) && !this.inUse(existing.id);
    this.ours.add(existing.id);
    if (!taking) {
      if (existing.id !== tag.id) this.note(file, `tag ${tag.name}`, `is the workspace's tag ${JSON.stringify(existing.name)} (id ${existing.id})`);
      return existing.id;
    }
    let id = existing.id;
    if (existing.id !== tag.id && idFree && NAMEABLE_ID.test(tag.id)) {
      id = tag.id;
      // Children point at the old id until they are moved too; checked at commit.
      this.db.pragma('defer_foreign_keys = ON');
      this.db.prepare('UPDATE tags SET id = ? WHERE id = ?').run(id, existing.id);
      this.db.prepare('UPDATE tags SET parent_id = ? WHERE parent_id = ?').run(id, existing.id);
      this.ours.add(id);
    }
    updateTag(this.db, id, { name: tag.name, color: tag.color, description: tag.description, key: this.freeKey(file, tag, id) });
    return id;
  }

  /**
   * The tag's shortcut key, unless another tag holds it: when restoring, a
   * tag that is not this import's own gives the key up; else the imported tag
   * goes without.
   */
  private freeKey(file: string, tag: Tag, self: string | null): string | null {
    if (tag.key === null) return null;
    const holder = this.db.prepare('SELECT id, name FROM tags WHERE key = ? AND id IS NOT ?').get(tag.key, self) as { id: string; name: string } | undefined;
    if (holder === undefined) return tag.key;
    if (this.restoring && !this.ours.has(holder.id)) {
      this.db.prepare('UPDATE tags SET key = NULL WHERE id = ?').run(holder.id);
      this.note(file, `tag ${tag.name}`, `took shortcut key ${tag.key} from the workspace's tag ${JSON.stringify(holder.name)}`);
      return tag.key;
    }
    this.note(file, `tag ${tag.name}`, `imported without its shortcut key ${tag.key}: the tag ${JSON.stringify(holder.name)} has it`);
    return null;
  }

  /** The workspace's tag of this name (ignoring ASCII case) under this parent: one lookup in the unique index. */
  private sibling(parentId: string | null, name: string): Tag | undefined {
    const row = this.db.prepare("SELECT id FROM tags WHERE coalesce(parent_id, '') = ? AND name = ? COLLATE NOCASE").get(parentId ?? '', name) as { id: string } | undefined;
    return row === undefined ? undefined : getTag(this.db, row.id);
  }

  /** How deep a workspace tag is (a top-level tag is 1); the workspace keeps to the limit, so the walk is short. */
  private depthOf(tagId: string): number {
    let depth = 0;
    for (let id: string | null = tagId; id !== null && depth <= LIMITS.tagDepth; depth++) {
      id = (this.db.prepare('SELECT parent_id FROM tags WHERE id = ?').get(id) as { parent_id: string | null } | undefined)?.parent_id ?? null;
    }
    return depth;
  }

  private inUse(tagId: string): boolean {
    return this.db.prepare('SELECT 1 FROM annotation_tags WHERE tag_id = ? LIMIT 1').get(tagId) !== undefined;
  }

  /** The file's id when it is free and nameable, else a new one (and a note saying so). */
  private freeId(table: 'documents' | 'annotations' | 'tags', id: string, what: string, file: string): string {
    if (NAMEABLE_ID.test(id) && !this.has[table](id)) return id;
    const fresh = randomUUID();
    this.note(file, what, NAMEABLE_ID.test(id) ? `has the new id ${fresh}: its id is taken in this workspace` : `has the new id ${fresh}: its id is not letters, digits, - and _`);
    return fresh;
  }

  private note(file: string, record: string, problem: string): void {
    this.report.notes.push({ record: `${file}: ${record}`, problem });
  }
}

/** ASCII case folding, as the store's NOCASE tells tag names apart. */
function foldCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function refuse(file: string, record: string, problem: string | null): void {
  if (problem !== null) throw new FormatError({ file, record }, problem);
}

/** The api's rules for a document (core/limits.ts), which an import may not get round. */
function checkDocumentLimits(file: string, record: string, document: ImportedBundle['documents'][number]['document'], edits: readonly Edit[]): void {
  const named = (what: string, problem: string | null) => refuse(file, record, problem && `its ${what} ${problem}`);
  named('title', nameProblem(document.title, LIMITS.titleLength));
  named('original text', textProblem(document.originalText));
  named('text', textProblem(document.text));
  edits.forEach((edit, k) => {
    const where = `${record}.edits[${k}]`;
    if (!EDIT_ORIGIN.test(edit.origin)) refuse(file, where, `its origin ${JSON.stringify(edit.origin.slice(0, 80))} is not manual, revert or rule:<id>`);
    refuse(file, where, textProblem(edit.inserted) && `its inserted text ${textProblem(edit.inserted)}`);
    refuse(file, where, nameProblem(edit.author, LIMITS.tagNameLength) && `its author ${nameProblem(edit.author, LIMITS.tagNameLength)}`);
  });
}

function checkAnnotationLimits(file: string, record: string, annotation: Annotation): void {
  if (!annotation.detached && annotation.end === annotation.start) refuse(file, record, 'it covers no text (start equals end) but is not detached');
  refuse(file, record, longTextProblem(annotation.note, LIMITS.noteLength) && `its note ${longTextProblem(annotation.note, LIMITS.noteLength)}`);
  refuse(file, record, attributesProblem(annotation.attributes) && `it ${attributesProblem(annotation.attributes)}`);
  if (annotation.tagIds.length > LIMITS.tagsPerAnnotation) refuse(file, record, `it has ${annotation.tagIds.length} tags, over the limit of ${LIMITS.tagsPerAnnotation}`);
  refuse(file, record, textProblem(annotation.author) && `its author ${textProblem(annotation.author)}`);
}

function checkTagLimits(file: string, record: string, tag: Tag): void {
  refuse(file, record, nameProblem(tag.name, LIMITS.tagNameLength) && `its name ${nameProblem(tag.name, LIMITS.tagNameLength)}`);
  refuse(file, record, longTextProblem(tag.description, LIMITS.tagDescriptionLength) && `its description ${longTextProblem(tag.description, LIMITS.tagDescriptionLength)}`);
}
