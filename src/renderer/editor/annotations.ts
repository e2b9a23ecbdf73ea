// Annotations in the editor: highlights are inline decorations (not marks),
// mapped through every edit, so overlapping spans work and the text stays
// clean. Model (annotation data), state (this plugin) and painting (the
// decoration attributes and CSS) are kept apart.

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Mapping } from 'prosemirror-transform';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { ANNOTATION_EDGES, mapRangeWith } from '../../core/mapping';
import type { Annotation, Tag } from '../../core/model';
import { AnnotationStep, singleOps, type AnnotationData, type SingleOp } from './annotation-step';
import { decorationSet, type DecorationSpan } from './decoration-set';
import { DecorationWindow } from './decoration-window';
import { DocPositions } from './positions';
import { SharedMap, type SharedMapEdit } from './shared-map';

export interface AnnotationState {
  /** Every annotation of the document, attached or detached, by id. */
  data: ReadonlyMap<string, AnnotationData>;
  decorations: DecorationSet;
  selectedId: string | null;
  /** Where the selected annotation's highlight is (mapped like it), to find it without a search through all of them. */
  selectedRange: Range | null;
  tags: ReadonlyMap<string, Tag>;
}

interface Range {
  from: number;
  to: number;
}

interface Spec {
  id: string;
  /** The highlight's attributes, so a highlight can be drawn again elsewhere (see DecorationWindow). */
  attrs: Record<string, string>;
  inclusiveStart: boolean;
  inclusiveEnd: boolean;
}

// ProseMirror maps a highlight's ends as core's annotation edges lean: inclusive means toward the inserted text.
const EDGES = { inclusiveStart: ANNOTATION_EDGES.start < 0, inclusiveEnd: ANNOTATION_EDGES.end > 0 };

/** A highlight's range mapped by the annotation rule (core/mapping.ts) with ProseMirror's position mapping `map`. */
const mappedBy = (range: Range, map: { map(pos: number, assoc: number): number }): Range | null => {
  const mapped = mapRangeWith({ start: range.from, end: range.to }, (pos, assoc) => map.map(pos, assoc));
  return mapped && { from: mapped.start, to: mapped.end };
};

export const annotationKey = new PluginKey<AnnotationState>('scholia-annotations');

type Meta = { select: string | null } | { tags: readonly Tag[] };

export function annotationPlugin(doc: Node, annotations: readonly Annotation[], tags: readonly Tag[]): Plugin<AnnotationState> {
  // Only the highlights near the visible part of the text are drawn: a long
  // document's thousands of highlights would otherwise cost the browser
  // elements to build, style and lay out on opening and on every keystroke.
  // The state keeps (and maps) them all; the paragraph window decides which are drawn.
  const shown = new DecorationWindow((d, from, to) => drawnAgain(from, to, d.spec as Spec).decoration(from, to));
  return new Plugin<AnnotationState>({
    key: annotationKey,
    state: {
      init: () => initialState(doc, annotations, tags),
      apply: (tr, value) => applyTransaction(tr, value),
    },
    props: {
      decorations: (state) => {
        const value = annotationKey.getState(state);
        return value && shown.decorations(state, value.decorations);
      },
    },
  });
}

function initialState(doc: Node, annotations: readonly Annotation[], tagList: readonly Tag[]): AnnotationState {
  const tags = new Map(tagList.map((t) => [t.id, t]));
  const positions = DocPositions.of(doc);
  const data = new Map<string, AnnotationData>();
  const spans: DecorationSpan[] = [];
  for (const a of annotations) {
    const rest = withoutRange(a);
    data.set(a.id, rest);
    if (!a.detached) spans.push(highlightSpan(positions.posAtCodePoint(a.start), positions.posAtCodePoint(a.end), rest, tags, false));
  }
  return { data: SharedMap.of(data), decorations: decorationSet(doc, spans), selectedId: null, selectedRange: null, tags };
}

/** An annotation's data: all but its range, written out (a rest spread over 50,000 annotations costs the opening of a long document). */
function withoutRange(a: Annotation): AnnotationData {
  const d: AnnotationData = {
    id: a.id,
    documentId: a.documentId,
    quote: a.quote,
    tagIds: a.tagIds,
    note: a.note,
    attributes: a.attributes,
    author: a.author,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    detached: a.detached,
  };
  if (a.side !== undefined) d.side = a.side;
  if (a.sourceRange !== undefined) d.sourceRange = a.sourceRange;
  if (a.origin !== undefined) d.origin = a.origin;
  return d;
}

/** How a highlight looks: the same for every annotation with the same tags, note and selection, so made once for them (by the tags in use). */
interface Look {
  class: string;
  tagNames: string;
  style: string;
  title: string;
}
const looks = new WeakMap<ReadonlyMap<string, Tag>, Map<string, Look>>();

function lookOf(a: AnnotationData, tags: ReadonlyMap<string, Tag>, selected: boolean): Look {
  let byKey = looks.get(tags);
  if (!byKey) looks.set(tags, (byKey = new Map()));
  // Tag ids hold no comma or bar (contract ids are letters, digits, - and _).
  const key = `${selected ? 1 : 0}|${a.tagIds.join(',')}|${a.note}`;
  const known = byKey.get(key);
  if (known) return known;
  const tagList = a.tagIds.map((id) => tags.get(id)).filter((t): t is Tag => t !== undefined);
  const color = tagList[0]?.color ?? '#868e96';
  // What hovering shows: the tag names, then the note's first line.
  const note = a.note.split('\n', 1)[0]!.trim();
  const look: Look = {
    class: selected ? 'annotation selected' : 'annotation',
    tagNames: tagList.map((t) => t.name).join(','),
    // One underline per tag under the fill, so a highlight with two tags shows both colours.
    style: `--tag-color: ${color}${tagList.length > 1 ? `; --tag-stripes: ${stripes(tagList.map((t) => t.color))}` : ''}`,
    title: [tagList.map((t) => t.name).join(', ') || 'No tag', note].filter(Boolean).join(' — '),
  };
  // Notes are many and mostly unique: only looks without one are kept.
  if (a.note === '') byKey.set(key, look);
  return look;
}

function highlightSpan(from: number, to: number, a: AnnotationData, tags: ReadonlyMap<string, Tag>, selected: boolean): DecorationSpan {
  const look = lookOf(a, tags, selected);
  const attrs: Record<string, string> = {
    // An explicit element name gives each highlight its own wrapper: without
    // one, ProseMirror merges overlapping highlights' attributes into one element.
    nodeName: 'span',
    class: look.class,
    'data-annotation-id': a.id,
    'data-tags': look.tagNames,
    style: look.style,
    title: look.title,
  };
  return drawnAgain(from, to, { id: a.id, attrs, inclusiveStart: EDGES.inclusiveStart, inclusiveEnd: EDGES.inclusiveEnd });
}

/** Equal bands of each colour, side by side: the underline of a highlight with several tags. */
function stripes(colors: readonly string[]): string {
  const share = 100 / colors.length;
  return `linear-gradient(90deg, ${colors.map((c, i) => `${c} ${(i * share).toFixed(2)}% ${((i + 1) * share).toFixed(2)}%`).join(', ')})`;
}

/** A highlight with this spec over [from, to] (its spec and attributes shared: the same highlight to the view). */
function drawnAgain(from: number, to: number, spec: Spec): DecorationSpan {
  return { from, to, decoration: (f, t) => Decoration.inline(f, t, spec.attrs, spec) };
}

function highlight(from: number, to: number, a: AnnotationData, tags: ReadonlyMap<string, Tag>, selected: boolean): Decoration {
  const span = highlightSpan(from, to, a, tags, selected);
  return span.decoration(from, to);
}

function applyTransaction(tr: Transaction, value: AnnotationState): AnnotationState {
  const meta = tr.getMeta(annotationKey) as Meta | undefined;
  if (!tr.docChanged && !meta) return value;
  let { decorations, selectedId, selectedRange, tags } = value;
  // Changes to the data, shared with the previous state's rather than copied (thousands of entries).
  const data = SharedMap.of(value.data).edit();
  // Where this transaction put highlights, in the coordinates after it.
  const placed = new Map<string, Range>();

  tr.steps.forEach((step, i) => {
    const docAfter = i + 1 < tr.docs.length ? tr.docs[i + 1]! : tr.doc;
    if (step instanceof AnnotationStep) {
      for (const op of singleOps(step.op)) {
        ({ decorations, selectedId } = applyOp(op, decorations, data, tags, selectedId, selectedRange, docAfter));
        if (op.kind === 'add' || op.kind === 'attach') {
          const range = mappedBy(op, tr.mapping.slice(i + 1));
          if (range) placed.set(op.annotation.id, range);
        }
      }
    } else {
      // A mapping of this step's map alone, not tr.mapping.slice(i, i + 1):
      // DecorationSet.map walks `mapping.maps`, which for a slice is every
      // step's, so a paragraph split followed by its setNodeMarkup was mapped
      // twice and left highlights past the end of the document.
      const map = new Mapping([tr.mapping.maps[i]!]);
      decorations = decorations.map(map, docAfter, {
        // Every character it covered was deleted: keep it, detached, for the user to re-attach.
        onRemove: (spec) => {
          const id = (spec as Spec).id;
          const a = data.get(id);
          if (a) data.set(id, { ...a, detached: true });
          if (selectedId === id) selectedId = null;
        },
      });
      if (selectedRange) selectedRange = mappedBy(selectedRange, map);
    }
  });

  if (meta && 'tags' in meta) {
    tags = new Map(meta.tags.map((t) => [t.id, t]));
    const all = decorations.find();
    decorations = decorationSet(tr.doc, repainted(all, data, tags, selectedId));
  }
  if (meta && 'select' in meta && meta.select !== selectedId) {
    const previous = selectedId ? locate(decorations, selectedId, selectedRange) : [];
    selectedId = meta.select;
    const next = selectedId ? locate(decorations, selectedId, placed.get(selectedId) ?? null) : [];
    selectedRange = next[0] ? { from: next[0].from, to: next[0].to } : null;
    const targets = [...previous, ...next];
    // Drawn before removing: remove() consumes the array it is given.
    const drawn = repainted(targets, data, tags, selectedId).map((s) => s.decoration(s.from, s.to));
    decorations = decorations.remove(targets).add(tr.doc, drawn);
  }
  if (!selectedId) selectedRange = null;
  return { data: data.done(), decorations, selectedId, selectedRange, tags };
}

/** The highlights of an annotation: looked for around `hint` first, then everywhere. */
function locate(decorations: DecorationSet, id: string, hint: Range | null): Decoration[] {
  const isIt = (spec: unknown) => (spec as Spec).id === id;
  if (hint) {
    const found = decorations.find(hint.from, hint.to, isIt);
    if (found.length > 0) return found;
  }
  return decorations.find(undefined, undefined, isIt);
}

function applyOp(
  op: SingleOp,
  decorations: DecorationSet,
  data: SharedMapEdit<string, AnnotationData>,
  tags: ReadonlyMap<string, Tag>,
  selectedId: string | null,
  selectedRange: Range | null,
  doc: Node,
): { decorations: DecorationSet; selectedId: string | null } {
  const id = op.kind === 'update' ? op.after.id : op.annotation.id;
  const before = data.get(id);
  // Only an attached annotation has highlights to replace.
  const existing = !before || before.detached ? [] : locate(decorations, id, 'from' in op ? op : id === selectedId ? selectedRange : null);
  switch (op.kind) {
    case 'add':
    case 'attach': {
      const annotation = { ...op.annotation, detached: false };
      data.set(id, annotation);
      return { decorations: decorations.remove(existing).add(doc, [highlight(op.from, op.to, annotation, tags, id === selectedId)]), selectedId };
    }
    case 'remove':
      data.delete(id);
      return { decorations: decorations.remove(existing), selectedId: selectedId === id ? null : selectedId };
    case 'detach':
      data.set(id, { ...op.annotation, detached: true });
      return { decorations: decorations.remove(existing), selectedId: selectedId === id ? null : selectedId };
    case 'update': {
      data.set(id, op.after);
      const replaced = existing.map((d) => highlight(d.from, d.to, op.after, tags, id === selectedId));
      return { decorations: decorations.remove(existing).add(doc, replaced), selectedId };
    }
  }
}

/** The given highlights drawn again (after tags or the selection changed). */
function repainted(targets: readonly Decoration[], data: Pick<ReadonlyMap<string, AnnotationData>, 'get'>, tags: ReadonlyMap<string, Tag>, selectedId: string | null): DecorationSpan[] {
  return targets.flatMap((d) => {
    const a = data.get((d.spec as Spec).id);
    return a ? [highlightSpan(d.from, d.to, a, tags, a.id === selectedId)] : [];
  });
}

// ---- queries ----

export function annotationState(state: EditorState): AnnotationState {
  return annotationKey.getState(state)!;
}

export interface PlacedAnnotation {
  data: AnnotationData;
  from: number;
  to: number;
}

/** Attached annotations in document order (start, then longer first). */
export function placedAnnotations(state: EditorState): PlacedAnnotation[] {
  const value = annotationState(state);
  return value.decorations
    .find()
    .flatMap((d) => {
      const data = value.data.get((d.spec as Spec).id);
      return data ? [{ data, from: d.from, to: d.to }] : [];
    })
    .sort((a, b) => a.from - b.from || b.to - a.to);
}

/** Attached annotations that overlap or touch [from, to], in no particular order. */
export function annotationsBetween(state: EditorState, from: number, to: number): PlacedAnnotation[] {
  const value = annotationState(state);
  return value.decorations.find(from, to).flatMap((d) => {
    const data = value.data.get((d.spec as Spec).id);
    return data ? [{ data, from: d.from, to: d.to }] : [];
  });
}

export function rangeOf(state: EditorState, id: string): { from: number; to: number } | null {
  const [d] = annotationState(state).decorations.find(undefined, undefined, (spec) => (spec as Spec).id === id);
  return d ? { from: d.from, to: d.to } : null;
}

/** Annotations covering `pos`, innermost (shortest) first. */
export function annotationsAt(state: EditorState, pos: number): PlacedAnnotation[] {
  const value = annotationState(state);
  return value.decorations
    .find(pos, pos)
    .filter((d) => d.from <= pos && pos < d.to)
    .flatMap((d) => {
      const data = value.data.get((d.spec as Spec).id);
      return data ? [{ data, from: d.from, to: d.to }] : [];
    })
    .sort((a, b) => a.to - a.from - (b.to - b.from) || a.from - b.from);
}

// ---- transactions ----

export function selectAnnotation(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(annotationKey, { select: id } satisfies Meta);
}

export function setTags(tr: Transaction, tags: readonly Tag[]): Transaction {
  return tr.setMeta(annotationKey, { tags } satisfies Meta);
}
