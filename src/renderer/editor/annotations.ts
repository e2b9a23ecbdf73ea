// Annotations in the editor: highlights are inline decorations (not marks),
// mapped through every edit, so overlapping spans work and the text stays
// clean. Model (annotation data), state (this plugin) and painting (the
// decoration attributes and CSS) are kept apart.

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { Annotation, Tag } from '../../core/model';
import { AnnotationStep, type AnnotationData, type AnnotationOp } from './annotation-step';
import { DocPositions } from './positions';

export interface AnnotationState {
  /** Every annotation of the document, attached or detached, by id. */
  data: ReadonlyMap<string, AnnotationData>;
  decorations: DecorationSet;
  selectedId: string | null;
  tags: ReadonlyMap<string, Tag>;
}

interface Spec {
  id: string;
}

export const annotationKey = new PluginKey<AnnotationState>('scholia-annotations');

type Meta = { select: string | null } | { tags: readonly Tag[] };

export function annotationPlugin(doc: Node, annotations: readonly Annotation[], tags: readonly Tag[]): Plugin<AnnotationState> {
  // Only the highlights near the visible part of the text are drawn: a long
  // document's thousands of highlights would otherwise cost the browser
  // elements to build, style and lay out on opening and on every keystroke.
  // The state keeps (and maps) them all; the window is the view's business.
  const shown = new HighlightWindow(doc);
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

/** How far beyond the visible part highlights are drawn, and redrawn when scrolling gets nearer than half that: in viewport heights. */
const WINDOW_MARGIN = 2;
/** Before the view has measured itself, highlights are drawn for the first this many characters (a document opens at its top). */
const INITIAL_CHARACTERS = 30_000;

/**
 * The paragraphs whose highlights are drawn (null: all of them), kept by the
 * plugin's view from the scroll position, and the highlights of that window.
 */
class HighlightWindow {
  private range: { first: number; last: number } | null;
  private cached: { doc: Node; all: DecorationSet; first: number; last: number; shown: DecorationSet } | null = null;

  constructor(doc: Node) {
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
    const shown = from <= 0 && to >= doc.content.size ? all : DecorationSet.create(doc, all.find(from, to));
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
  const decorations: Decoration[] = [];
  for (const a of annotations) {
    const { start, end, ...rest } = a;
    data.set(a.id, rest);
    if (!a.detached) decorations.push(highlight(positions.posAtCodePoint(start), positions.posAtCodePoint(end), rest, tags, false));
  }
  return { data, decorations: DecorationSet.create(doc, decorations), selectedId: null, tags };
}

function highlight(from: number, to: number, a: AnnotationData, tags: ReadonlyMap<string, Tag>, selected: boolean): Decoration {
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
  return Decoration.inline(from, to, attrs, { id: a.id, inclusiveStart: false, inclusiveEnd: false } satisfies Spec & Record<string, unknown>);
}

function applyTransaction(tr: Transaction, value: AnnotationState): AnnotationState {
  const meta = tr.getMeta(annotationKey) as Meta | undefined;
  if (!tr.docChanged && !meta) return value;
  let { decorations, selectedId, tags } = value;
  let data = value.data as Map<string, AnnotationData>;
  let copied = false;
  const writable = () => {
    if (!copied) {
      data = new Map(data);
      copied = true;
    }
    return data;
  };

  tr.steps.forEach((step, i) => {
    const docAfter = i + 1 < tr.docs.length ? tr.docs[i + 1]! : tr.doc;
    if (step instanceof AnnotationStep) {
      ({ decorations, selectedId } = applyOp(step.op, decorations, writable(), tags, selectedId, docAfter));
    } else {
      decorations = decorations.map(tr.mapping.slice(i, i + 1), docAfter, {
        // Every character it covered was deleted: keep it, detached, for the user to re-attach.
        onRemove: (spec) => {
          const id = (spec as Spec).id;
          const a = data.get(id);
          if (a) writable().set(id, { ...a, detached: true });
          if (selectedId === id) selectedId = null;
        },
      });
    }
  });

  if (meta && 'tags' in meta) {
    tags = new Map(meta.tags.map((t) => [t.id, t]));
    decorations = repaint(decorations, tr.doc, data, tags, selectedId);
  }
  if (meta && 'select' in meta && meta.select !== selectedId) {
    const previous = selectedId;
    selectedId = meta.select;
    decorations = repaint(decorations, tr.doc, data, tags, selectedId, [previous, selectedId]);
  }
  return { data, decorations, selectedId, tags };
}

function applyOp(
  op: AnnotationOp,
  decorations: DecorationSet,
  data: Map<string, AnnotationData>,
  tags: ReadonlyMap<string, Tag>,
  selectedId: string | null,
  doc: Node,
): { decorations: DecorationSet; selectedId: string | null } {
  const id = op.kind === 'update' ? op.after.id : op.annotation.id;
  const existing = decorations.find(undefined, undefined, (spec) => (spec as Spec).id === id);
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

/** Re-creates highlights (all, or those of `only`) after tags or the selection changed. */
function repaint(
  decorations: DecorationSet,
  doc: Node,
  data: ReadonlyMap<string, AnnotationData>,
  tags: ReadonlyMap<string, Tag>,
  selectedId: string | null,
  only?: readonly (string | null)[],
): DecorationSet {
  const targets = decorations.find(undefined, undefined, (spec) => !only || only.includes((spec as Spec).id));
  const replaced = targets.flatMap((d) => {
    const a = data.get((d.spec as Spec).id);
    return a ? [highlight(d.from, d.to, a, tags, a.id === selectedId)] : [];
  });
  return decorations.remove(targets).add(doc, replaced);
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
