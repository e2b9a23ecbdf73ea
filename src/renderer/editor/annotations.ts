// Annotations in the editor: highlights are inline decorations (not marks),
// mapped through every edit, so overlapping spans work and the text stays
// clean. Model (annotation data), state (this plugin) and painting (the
// decoration attributes and CSS) are kept apart.

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { ANNOTATION_EDGES, mapRangeWith } from '../../core/mapping';
import type { Annotation, Tag } from '../../core/model';
import { AnnotationStep, type AnnotationData, type AnnotationOp } from './annotation-step';
import { DocPositions } from './positions';

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
  // The state keeps (and maps) them all; the window is the view's business.
  const shown = new DecorationWindow(doc, (d, from, to) => drawnAgain(from, to, d.spec as Spec).decoration(from, to));
  return new Plugin<AnnotationState>({
    key: annotationKey,
    state: {
      init: () => initialState(doc, annotations, tags),
      apply: (tr, value) => applyTransaction(tr, value),
    },
    props: {
      decorations: (state) => {
        const value = annotationKey.getState(state);
        return value && shown.decorations(state.doc, value.decorations);
      },
    },
    view: (view) => shown.attach(view),
  });
}

/** How far beyond the visible part decorations are drawn, and redrawn when scrolling gets nearer than half that: in viewport heights. */
const WINDOW_MARGIN = 2;
/** Before the view has measured itself, decorations are drawn for the first this many characters (a document opens at its top). */
const INITIAL_CHARACTERS = 30_000;

/**
 * Decorations drawn only near the visible part of a long document: the
 * paragraphs of the window (null: all of them), kept by the plugin's view from
 * the scroll position, and the decorations of that window, made again by
 * `remake` at positions relative to their paragraph. A plugin keeps (and maps)
 * all its decorations in its state and hands them through `decorations()`:
 *
 *   const shown = new DecorationWindow(doc, (d, from, to) => Decoration.inline(from, to, attrsOf(d), d.spec));
 *   props: { decorations: (state) => shown.decorations(state.doc, all(state)) }, view: (view) => shown.attach(view)
 */
export class DecorationWindow {
  private range: { first: number; last: number } | null;
  private cached: { doc: Node; all: DecorationSet; first: number; last: number; shown: DecorationSet } | null = null;

  constructor(
    doc: Node,
    private readonly remake: (decoration: Decoration, from: number, to: number) => Decoration,
  ) {
    let chars = 0;
    let last = 0;
    while (last < doc.childCount - 1 && chars < INITIAL_CHARACTERS) chars += doc.child(last++).content.size;
    this.range = last >= doc.childCount - 1 ? null : { first: 0, last };
  }

  /** The highlights of the window, from all of them. */
  decorations(doc: Node, all: DecorationSet): DecorationSet {
    if (!this.range) return all;
    const last = Math.min(this.range.last, doc.childCount - 1);
    const first = Math.min(this.range.first, last);
    const c = this.cached;
    if (c && c.doc === doc && c.all === all && c.first === first && c.last === last) return c.shown;
    const positions = DocPositions.of(doc);
    const from = positions.pmStart[first]! - 1;
    const to = positions.pmStart[last]! + doc.child(last).content.size + 1;
    const shown = from <= 0 && to >= doc.content.size ? all : decorationSet(doc, all.find(from, to).map((d) => ({ from: d.from, to: d.to, decoration: (f, t) => this.remake(d, f, t) })));
    this.cached = { doc, all, first, last, shown };
    return shown;
  }

  /** Follows the view's scrolling and size; redraws when the visible part nears the window's edge. */
  attach(view: EditorView): { update(view: EditorView, previous: EditorState): void; destroy(): void } {
    let frame = 0;
    const schedule = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        if (this.measure(view)) view.updateState(view.state);
      });
    };
    const options = { capture: true, passive: true };
    globalThis.document.addEventListener('scroll', schedule, options);
    globalThis.addEventListener('resize', schedule);
    schedule();
    return {
      // Lines added or removed shift the paragraph indices: measure again.
      update: (_view, previous) => {
        if (view.state.doc.childCount !== previous.doc.childCount) schedule();
      },
      destroy: () => {
        cancelAnimationFrame(frame);
        globalThis.document.removeEventListener('scroll', schedule, options);
        globalThis.removeEventListener('resize', schedule);
      },
    };
  }

  /** Sets the window from the view's layout; true when it changed. */
  private measure(view: EditorView): boolean {
    const height = globalThis.innerHeight || 800;
    const near = this.paragraphsWithin(view, -height * (WINDOW_MARGIN / 2), height * (1 + WINDOW_MARGIN / 2));
    if (!near) return false;
    if (this.range && near.first >= this.range.first && near.last <= this.range.last) return false;
    const range = this.paragraphsWithin(view, -height * WINDOW_MARGIN, height * (1 + WINDOW_MARGIN))!;
    this.range = range.first === 0 && range.last >= view.state.doc.childCount - 1 ? null : range;
    return true;
  }

  /** Indices of the first and last paragraphs that reach into [top, bottom] (viewport coordinates), by binary search over their elements. */
  private paragraphsWithin(view: EditorView, top: number, bottom: number): { first: number; last: number } | null {
    const elements = view.dom.children;
    const count = elements.length;
    if (count === 0) return null;
    // First element whose bottom is below `top`; first element whose top is below `bottom`.
    const search = (test: (rect: DOMRect) => boolean): number => {
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (test(elements[mid]!.getBoundingClientRect())) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const firstElement = Math.min(count - 1, search((r) => r.bottom >= top));
    const lastElement = Math.max(firstElement, search((r) => r.top > bottom) - 1);
    const positions = DocPositions.of(view.state.doc);
    const paragraph = (element: Element) => positions.paragraphAt(view.posAtDOM(element, 0));
    return { first: paragraph(elements[firstElement]!), last: paragraph(elements[lastElement]!) };
  }
}

function initialState(doc: Node, annotations: readonly Annotation[], tagList: readonly Tag[]): AnnotationState {
  const tags = new Map(tagList.map((t) => [t.id, t]));
  const positions = DocPositions.of(doc);
  const data = new Map<string, AnnotationData>();
  const spans: DecorationSpan[] = [];
  for (const a of annotations) {
    const { start, end, ...rest } = a;
    data.set(a.id, rest);
    if (!a.detached) spans.push(highlightSpan(positions.posAtCodePoint(start), positions.posAtCodePoint(end), rest, tags, false));
  }
  return { data: SharedMap.of(data), decorations: decorationSet(doc, spans), selectedId: null, selectedRange: null, tags };
}

function highlightSpan(from: number, to: number, a: AnnotationData, tags: ReadonlyMap<string, Tag>, selected: boolean): DecorationSpan {
  const tagList = a.tagIds.map((id) => tags.get(id)).filter((t): t is Tag => t !== undefined);
  const color = tagList[0]?.color ?? '#868e96';
  const attrs: Record<string, string> = {
    // An explicit element name gives each highlight its own wrapper: without
    // one, ProseMirror merges overlapping highlights' attributes into one element.
    nodeName: 'span',
    class: selected ? 'annotation selected' : 'annotation',
    'data-annotation-id': a.id,
    'data-tags': tagList.map((t) => t.name).join(','),
    style: `--tag-color: ${color}`,
  };
  if (a.note) attrs.title = a.note;
  return drawnAgain(from, to, { id: a.id, attrs, ...EDGES });
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
      ({ decorations, selectedId } = applyOp(step.op, decorations, data, tags, selectedId, selectedRange, docAfter));
      const op = step.op;
      if (op.kind === 'add' || op.kind === 'attach') {
        const range = mappedBy(op, tr.mapping.slice(i + 1));
        if (range) placed.set(op.annotation.id, range);
      }
    } else {
      const map = tr.mapping.slice(i, i + 1);
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
  op: AnnotationOp,
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

// ---- the annotations' data ----

const GONE: unique symbol = Symbol('gone');

/**
 * A read-only map that shares its entries with the one it was made from:
 * changing a few of thousands costs a few, where copying the map for every
 * annotation operation would cost them all. Layers are folded into one
 * plain map now and then, so lookups stay cheap. Iterates like a Map.
 */
class SharedMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly changes: ReadonlyMap<K, V | typeof GONE>,
    readonly size: number,
    private readonly depth: number,
  ) {}

  static of<K, V>(map: ReadonlyMap<K, V>): SharedMap<K, V> {
    return map instanceof SharedMap ? (map as SharedMap<K, V>) : new SharedMap(map, new Map(), map.size, 0);
  }

  /** A set of changes on top of this map; done() gives the new map (this one when nothing changed). */
  edit(): SharedMapEdit<K, V> {
    const changes = new Map<K, V | typeof GONE>();
    return {
      get: (key) => {
        const v = changes.get(key);
        return v === GONE ? undefined : v !== undefined || changes.has(key) ? (v as V) : this.get(key);
      },
      set: (key, value) => void changes.set(key, value),
      delete: (key) => void changes.set(key, GONE),
      done: () => (changes.size === 0 ? this : this.with(changes)),
    };
  }

  private with(changes: ReadonlyMap<K, V | typeof GONE>): SharedMap<K, V> {
    let size = this.size;
    for (const [key, value] of changes) {
      const had = this.has(key);
      if (value === GONE && had) size--;
      else if (value !== GONE && !had) size++;
    }
    const next = new SharedMap<K, V>(this, changes, size, this.depth + 1);
    return next.depth > 24 ? new SharedMap(new Map(next), new Map(), size, 0) : next;
  }

  get(key: K): V | undefined {
    const v = this.changes.get(key);
    if (v === GONE) return undefined;
    return v !== undefined || this.changes.has(key) ? (v as V) : this.base.get(key);
  }

  has(key: K): boolean {
    const v = this.changes.get(key);
    return v === GONE ? false : v !== undefined || this.changes.has(key) || this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    // In the order of a Map changed the same way: changed entries where they were, new ones last.
    for (const [key, value] of this.base) {
      if (!this.changes.has(key)) yield [key, value];
      else {
        const v = this.changes.get(key)!;
        if (v !== GONE) yield [key, v];
      }
    }
    for (const [key, value] of this.changes) if (value !== GONE && !this.base.has(key)) yield [key, value];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}

interface SharedMapEdit<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  done(): SharedMap<K, V>;
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

// ---- building decoration sets ----

/** A decoration to put in a set: its range in the document, and how to make it at a position relative to the paragraph it is in. */
export interface DecorationSpan {
  from: number;
  to: number;
  decoration(from: number, to: number): Decoration;
}

type SetConstructor = new (local: Decoration[], children: (number | DecorationSet)[]) => DecorationSet;

/**
 * DecorationSet.create for many decorations over a long document, in
 * O(n log n): ProseMirror's builder goes through every decoration for each of
 * the document's paragraphs (50,000 highlights over 10,000 lines: 5·10⁸ steps,
 * a second). Here each decoration finds its paragraph by binary search, each
 * paragraph's set is built by the public builder, and the document's set is
 * put together with DecorationSet's constructor (not in the public API: the
 * result is checked once against the public builder, which is used instead if
 * they ever disagree). Decorations within one paragraph are the ones that
 * builder would give that paragraph; the others stay at the document level.
 */
export function decorationSet(doc: Node, spans: readonly DecorationSpan[]): DecorationSet {
  const slow = () => DecorationSet.create(doc, spans.map((s) => s.decoration(s.from, s.to)));
  if (spans.length === 0) return DecorationSet.empty;
  if (fastBuild === 'unchecked') fastBuild = agreesWithCreate(doc, spans.slice(0, 50)) ? 'works' : 'differs';
  return fastBuild === 'works' ? fastDecorationSet(doc, spans) : slow();
}

let fastBuild: 'unchecked' | 'works' | 'differs' = 'unchecked';

function fastDecorationSet(doc: Node, spans: readonly DecorationSpan[]): DecorationSet {
  const positions = DocPositions.of(doc);
  const inParagraph = new Map<number, Decoration[]>();
  const atTop: Decoration[] = [];
  for (const s of spans) {
    const i = positions.paragraphAt(s.from);
    const start = positions.pmStart[i]!;
    if (s.from >= start && s.to <= start + doc.child(i).content.size) {
      let list = inParagraph.get(i);
      if (!list) inParagraph.set(i, (list = []));
      list.push(s.decoration(s.from - start, s.to - start));
    } else {
      atTop.push(s.decoration(s.from, s.to));
    }
  }
  const children: (number | DecorationSet)[] = [];
  for (const i of [...inParagraph.keys()].sort((a, b) => a - b)) {
    const paragraph = doc.child(i);
    const set = DecorationSet.create(paragraph, inParagraph.get(i)!);
    if (set !== DecorationSet.empty) children.push(positions.pmStart[i]! - 1, positions.pmStart[i]! - 1 + paragraph.nodeSize, set);
  }
  // What the public builder does with what no paragraph holds: sorted, empty inline ranges dropped.
  const top = atTop.filter((d) => d.from < d.to).sort((a, b) => a.from - b.from || a.to - b.to);
  if (children.length === 0 && top.length === 0) return DecorationSet.empty;
  return new (DecorationSet as unknown as SetConstructor)(top, children);
}

/** Whether the fast builder gives what DecorationSet.create gives, on a sample. */
function agreesWithCreate(doc: Node, sample: readonly DecorationSpan[]): boolean {
  try {
    const made = sample.map((s) => s.decoration(s.from, s.to));
    const order = new Map<unknown, number>(made.map((d, i) => [d.spec, i]));
    const seen = (set: DecorationSet) =>
      set
        .find()
        .map((d) => [d.from, d.to, order.get(d.spec) ?? -1])
        .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!)
        .join(';');
    return seen(fastDecorationSet(doc, sample)) === seen(DecorationSet.create(doc, made));
  } catch {
    return false;
  }
}
