// The rules a workspace must keep to be written or read losslessly, checked
// on export (a store bug must not produce a file that cannot be imported) and
// on import (a hand-edited file must not corrupt a workspace).

import { ChangingText } from '../edits';
import { LIMITS } from '../limits';
import type { Annotation, Edit, Tag } from '../model';
import { CodePointIndex } from '../offsets';
import type { DocumentBundle, WorkspaceExport } from './bundle';
import { FormatError } from './errors';
import { checkRelations } from './relation-records';

/** Throws a FormatError naming the first record that breaks a rule. */
export function checkWorkspace(workspace: WorkspaceExport, file?: string): void {
  checkTags(workspace.tags, file);
  const tagIds = new Set(workspace.tags.map((tag) => tag.id));
  const documentIds = new Map<string, number>();
  // The annotation ids seen so far; where one was first seen is looked for only to report a duplicate.
  const annotationIds = new Set<string>();
  const lists = (bundle: DocumentBundle) => [['annotations', bundle.annotations], ['source.annotations', bundle.sourceAnnotations ?? []]] as const;
  workspace.documents.forEach((bundle, i) => {
    const record = `documents[${i}]`;
    const first = documentIds.get(bundle.document.id);
    if (first !== undefined) throw new FormatError({ file, record }, `id ${show(bundle.document.id)} is also the id of documents[${first}]`);
    documentIds.set(bundle.document.id, i);
    checkEdits(bundle, record, file);
    checkAnnotations(bundle, record, file, tagIds);
    for (const [list, annotations] of lists(bundle)) {
      for (let j = 0; j < annotations.length; j++) {
        const { id } = annotations[j]!;
        if (annotationIds.has(id)) throw new FormatError({ file, record: `${record}.${list}[${j}]` }, `id ${show(id)} is also the id of ${firstWithId(workspace, id, lists)}`);
        annotationIds.add(id);
      }
    }
  });
  checkRelations(workspace, file);
}

/** The record of the first annotation with `id`, in the order checkWorkspace reads them. */
function firstWithId(workspace: WorkspaceExport, id: string, lists: (bundle: DocumentBundle) => ReadonlyArray<readonly [string, readonly Annotation[]]>): string {
  for (const [i, bundle] of workspace.documents.entries()) {
    for (const [list, annotations] of lists(bundle)) {
      const j = annotations.findIndex((a) => a.id === id);
      if (j >= 0) return `documents[${i}].${list}[${j}]`;
    }
  }
  throw new Error(`no annotation has the id ${id}`);
}

/**
 * Ids unique, parents present, no parent chain that loops; and, as the store
 * requires, shortcut keys unique and sibling names unique ignoring ASCII case.
 */
export function checkTags(tags: readonly Tag[], file?: string): void {
  const index = new Map<string, number>();
  const keys = new Map<string, number>();
  const names = new Map<string, number>();
  tags.forEach((tag, i) => {
    const record = `tags[${i}]`;
    const first = index.get(tag.id);
    if (first !== undefined) throw new FormatError({ file, record }, `id ${show(tag.id)} is also the id of tags[${first}]`);
    index.set(tag.id, i);
    const sameKey = tag.key === null ? undefined : keys.get(tag.key);
    if (sameKey !== undefined) throw new FormatError({ file, record }, `shortcut key ${show(tag.key!)} is also the key of tags[${sameKey}]`);
    if (tag.key !== null) keys.set(tag.key, i);
    const sibling = `${tag.parentId ?? ''}\u0000${foldCase(tag.name)}`;
    const sameName = names.get(sibling);
    if (sameName !== undefined) throw new FormatError({ file, record }, `name ${show(tag.name)} is also the name of tags[${sameName}], under the same parent`);
    names.set(sibling, i);
  });
  // Each chain is walked only up to a tag already known to lead to the top: linear in the number of tags.
  const leadsToTop = new Set<string>();
  tags.forEach((tag, i) => {
    const record = `tags[${i}]`;
    if (tag.parentId === null) return;
    if (!index.has(tag.parentId)) throw new FormatError({ file, record }, `parent ${show(tag.parentId)} is not the id of any tag`);
    const seen = new Set([tag.id]);
    for (let parent: string | null = tag.parentId; parent !== null && !leadsToTop.has(parent); parent = tags[index.get(parent)!]!.parentId) {
      if (seen.has(parent)) throw new FormatError({ file, record }, `its chain of parents loops back on itself at ${show(parent)}`);
      seen.add(parent);
      if (!index.has(parent)) break;
    }
    for (const id of seen) leadsToTop.add(id);
  });
  // No loops now: each tag's depth from its parent's, remembered, so this too is linear.
  const depths = new Map<string, number>();
  const depthOf = (tag: Tag): number => {
    const chain: Tag[] = [];
    let base = 0;
    for (let t: Tag | undefined = tag; t !== undefined; t = t.parentId === null ? undefined : tags[index.get(t.parentId) ?? -1]) {
      const known = depths.get(t.id);
      if (known !== undefined) {
        base = known;
        break;
      }
      chain.push(t);
    }
    for (let k = chain.length - 1; k >= 0; k--) depths.set(chain[k]!.id, ++base);
    return base;
  };
  tags.forEach((tag, i) => {
    const depth = depthOf(tag);
    if (depth > LIMITS.tagDepth) throw new FormatError({ file, record: `tags[${i}]` }, `it is ${depth} levels deep, over the limit of ${LIMITS.tagDepth} levels of tags`);
  });
}

/** Replaying the edits in order on the original text gives the current text. */
function checkEdits(bundle: DocumentBundle, record: string, file?: string): void {
  // One index kept in step edit by edit: a fresh one per edit read the whole text each time.
  const replayed = new ChangingText(bundle.document.originalText);
  bundle.edits.forEach((edit: Edit, i) => {
    const where = { file, record: `${record}.edits[${i}]` };
    const { start, end } = edit;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > replayed.length) {
      throw new FormatError(where, `range [${start}, ${end}) is not within the text as it was before this edit (length ${replayed.length})`);
    }
    const removed = replayed.apply(edit);
    if (removed !== edit.removed) {
      throw new FormatError(where, `removed is ${show(edit.removed)} but the text at [${start}, ${end}) before this edit is ${show(removed)}`);
    }
  });
  const text = replayed.text;
  if (text !== bundle.document.text) {
    const at = firstDifference(text, bundle.document.text);
    throw new FormatError(
      { file, record },
      `replaying its ${bundle.edits.length} edits on originalText does not give text: they differ from code point ${at}`,
    );
  }
}

/**
 * Offsets in range with start ≤ end, the quote equal to the text it covers
 * (unless detached), every tag known, and the annotation in its own document.
 */
export function checkAnnotations(bundle: DocumentBundle, record: string, file: string | undefined, tagIds: ReadonlySet<string>): void {
  const source = bundle.source?.text ?? null;
  const sourceLength = source === null ? 0 : new CodePointIndex(source).length;
  checkAnnotationList(bundle, bundle.annotations, bundle.document.text, `${record}.annotations`, file, tagIds);
  bundle.annotations.forEach((annotation, i) => {
    const range = annotation.sourceRange;
    if (!range) return;
    const where = { file, record: `${record}.annotations[${i}]` };
    if (source === null) throw new FormatError(where, 'it points to a source range, but the document has no source');
    if (!Number.isInteger(range.start) || !Number.isInteger(range.end) || range.start < 0 || range.end <= range.start || range.end > sourceLength) {
      throw new FormatError(where, `its source range [${range.start}, ${range.end}) is not a range of the source (length ${sourceLength})`);
    }
  });
  const onSource = bundle.sourceAnnotations ?? [];
  if (onSource.length === 0) return;
  if (source === null) throw new FormatError({ file, record: `${record}.source.annotations` }, 'there are annotations of the source, but the document has no source');
  checkAnnotationList(bundle, onSource, source, `${record}.source.annotations`, file, tagIds);
}

function checkAnnotationList(bundle: DocumentBundle, annotations: readonly Annotation[], text: string, list: string, file: string | undefined, tagIds: ReadonlySet<string>): void {
  const index = new CodePointIndex(text);
  const length = index.length;
  // The record is named only for an error: most exports have none, and many annotations.
  const at = (i: number) => ({ file, record: `${list}[${i}]` });
  for (let i = 0; i < annotations.length; i++) {
    const annotation = annotations[i]!;
    const { start, end } = annotation;
    if (!Number.isInteger(start) || start < 0) throw new FormatError(at(i), `start ${start} is not an offset (a whole number ≥ 0)`);
    if (!Number.isInteger(end) || end < 0) throw new FormatError(at(i), `end ${end} is not an offset (a whole number ≥ 0)`);
    if (end < start) throw new FormatError(at(i), `end ${end} is before start ${start}`);
    if (end > length) throw new FormatError(at(i), `end ${end} is past the end of the text (length ${length})`);
    if (annotation.documentId !== bundle.document.id) {
      throw new FormatError(at(i), `documentId ${show(annotation.documentId)} is not the id of its document, ${show(bundle.document.id)}`);
    }
    if (!annotation.detached) {
      // Compared in place: a slice per annotation is a string to collect per annotation.
      const from = index.toUtf16(start);
      const to = index.toUtf16(end);
      if (to - from !== annotation.quote.length || !text.startsWith(annotation.quote, from)) {
        throw new FormatError(at(i), `quote ${show(annotation.quote)} does not match the text at [${start}, ${end}), which is ${show(text.slice(from, to))}`);
      }
    }
    for (const id of annotation.tagIds) {
      if (!tagIds.has(id)) throw new FormatError(at(i), `tag id ${show(id)} is not the id of any tag`);
    }
  }
}

/** ASCII case folding, as SQLite's NOCASE compares names. */
export function foldCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** A string for an error message: quoted, escaped, and cut short if long. */
export function show(text: string, max = 60): string {
  const chars = [...text];
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : text);
}

/** Code point offset of the first difference between two different strings. */
function firstDifference(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}
