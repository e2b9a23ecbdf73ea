// Findings in the editor: the artifact rules run per paragraph, live, and
// show as underlines (decorations carrying data-finding-rule). After an edit
// only the changed paragraphs and their neighbours are checked again.

import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { dismissalKey, dismissalOf } from '../../core/dismissal';
import type { Dismissal } from '../../core/model';
import { checkLine, type LineFinding } from '../../core/rules';
import { changedRange } from './changed-range';
import { decorationSet, replaceParagraphs, type DecorationSpan } from './decoration-set';
import { DecorationWindow } from './decoration-window';
import { DocPositions } from './positions';
import { whenIdle, type Schedule } from './when-idle';

export interface PlacedFinding {
  finding: LineFinding;
  from: number;
  to: number;
  /** The dismissal that would hide it. */
  dismissal: Dismissal;
}

interface FindingsState {
  decorations: DecorationSet;
  dismissed: ReadonlySet<string>;
  /** False while a long text's lines past the first ones wait for their check (see FindingsBackfill). */
  complete: boolean;
}

/**
 * Characters checked while a document opens, from its start: all of a short
 * text, the first screens of a long one. The rest is checked in idle slices
 * after the first paint (the rules take about 70 ms per 1,000 lines).
 */
export const CHECKED_ON_OPEN = 150_000;

export const findingsKey = new PluginKey<FindingsState>('scholia-findings');

interface Cached {
  previous: Node | undefined;
  next: Node | undefined;
  findings: LineFinding[];
}
// Paragraph nodes are reused between documents: a paragraph whose text and
// neighbours are the same objects as last time is not checked again.
const cache = new WeakMap<Node, Cached>();

function findingsOf(paragraph: Node, previous: Node | undefined, next: Node | undefined): LineFinding[] {
  const hit = cache.get(paragraph);
  if (hit && hit.previous === previous && hit.next === next) return hit.findings;
  const findings = checkLine(paragraph.textContent, { previous: previous?.textContent, next: next?.textContent });
  cache.set(paragraph, { previous, next, findings });
  return findings;
}

/** The finding underlines of paragraphs first..last. */
function paragraphSpans(doc: Node, first: number, last: number, dismissed: ReadonlySet<string>): DecorationSpan[] {
  const out: DecorationSpan[] = [];
  const positions = DocPositions.of(doc);
  for (let i = first; i <= last; i++) {
    const paragraph = positions.paragraph(i);
    const pos = positions.start(i) - 1;
    const text = paragraph.textContent;
    for (const finding of findingsOf(paragraph, i > 0 ? positions.paragraph(i - 1) : undefined, i + 1 < positions.count ? positions.paragraph(i + 1) : undefined)) {
      if (finding.to <= finding.from) continue;
      const dismissal = dismissalOf(finding.rule, text, finding.from, finding.to);
      if (dismissed.has(dismissalKey(dismissal))) continue;
      const attrs = { nodeName: 'span', class: `finding finding-${finding.severity}`, 'data-finding-rule': finding.rule };
      // One spec per finding, whatever position the decoration is made at: the set builder compares them.
      const spec: Spec = { finding, dismissal, attrs, inclusiveStart: false, inclusiveEnd: false };
      out.push({ from: pos + 1 + finding.from, to: pos + 1 + finding.to, decoration: (from, to) => Decoration.inline(from, to, attrs, spec) });
    }
  }
  return out;
}

function fullState(doc: Node, dismissed: ReadonlySet<string>): FindingsState {
  return { decorations: decorationSet(doc, paragraphSpans(doc, 0, DocPositions.of(doc).count - 1, dismissed)), dismissed, complete: true };
}

/** The last line checked when `doc` opens: the first lines, up to `budget` characters; all of them when the text is that short. */
function lastOpeningLine(doc: Node, budget: number): number {
  const positions = DocPositions.of(doc);
  if (doc.content.size <= budget) return positions.count - 1;
  let last = 0;
  for (let chars = 0; last < positions.count - 1 && chars < budget; last++) chars += positions.paragraph(last).content.size + 1;
  return last;
}

/** The first lines' findings, up to `budget` characters; all of them when the text is that short. */
function openingState(doc: Node, dismissed: ReadonlySet<string>, budget: number): FindingsState {
  if (doc.content.size <= budget) return fullState(doc, dismissed);
  const last = lastOpeningLine(doc, budget);
  return { decorations: decorationSet(doc, paragraphSpans(doc, 0, last, dismissed)), dismissed, complete: last >= DocPositions.of(doc).count - 1 };
}

/**
 * Checks the lines an editor of `doc` checks when it opens (with the default
 * budget), ahead of it: the findings are kept by paragraph, so the editor
 * then finds them done. For a page that waits for something else anyway.
 */
export function checkOpeningLines(doc: Node): void {
  const positions = DocPositions.of(doc);
  const last = lastOpeningLine(doc, CHECKED_ON_OPEN);
  for (let i = 0; i <= last; i++) findingsOf(positions.paragraph(i), i > 0 ? positions.paragraph(i - 1) : undefined, i + 1 < positions.count ? positions.paragraph(i + 1) : undefined);
}

type Meta = { dismissed: readonly Dismissal[] } | { checked: true };

interface Spec {
  finding: LineFinding;
  dismissal: Dismissal;
  /** The underline's attributes, so it can be drawn again (see DecorationWindow). */
  attrs: Record<string, string>;
  inclusiveStart: false;
  inclusiveEnd: false;
}

export function findingsPlugin(dismissals: readonly Dismissal[], options: { checkedOnOpen?: number; schedule?: Schedule } = {}): Plugin<FindingsState> {
  // Like highlights, underlines are drawn only near the visible part of a long text.
  const shown = new DecorationWindow((d, from, to) => Decoration.inline(from, to, (d.spec as Spec).attrs, d.spec as Spec));
  return new Plugin<FindingsState>({
    key: findingsKey,
    state: {
      init: (_config, state) => openingState(state.doc, new Set(dismissals.map(dismissalKey)), options.checkedOnOpen ?? CHECKED_ON_OPEN),
      apply(tr, value) {
        const meta = tr.getMeta(findingsKey) as Meta | undefined;
        if (meta && 'checked' in meta) return fullState(tr.doc, value.dismissed);
        if (meta) return fullState(tr.doc, new Set(meta.dismissed.map(dismissalKey)));
        if (!tr.docChanged) return value;
        return recheck(tr, value);
      },
    },
    props: {
      decorations: (state) => {
        const value = findingsKey.getState(state);
        return value && shown.decorations(state, value.decorations);
      },
    },
    view: (view) => {
      const backfill = new FindingsBackfill(() => view.state, (tr) => view.dispatch(tr), options.schedule ?? whenIdle);
      backfill.start();
      return { destroy: () => backfill.stop() };
    },
  });
}

/**
 * Checks the lines a long text's opening left unchecked, a slice at a time
 * when the page is idle, so the text is painted and answers keys meanwhile.
 * The slices only fill the per-line cache; the last one swaps in the whole
 * set of underlines in one transaction, built from the cache. Edits made
 * meanwhile are checked as usual (recheck).
 */
export class FindingsBackfill {
  private next = 0;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly state: () => EditorState,
    private readonly dispatch: (tr: Transaction) => void,
    private readonly schedule: Schedule,
    /** Work per slice: well under a frame. */
    private readonly sliceMs = 8,
  ) {}

  start(): void {
    if (findingsKey.getState(this.state())?.complete === false) this.cancel = this.schedule(() => this.slice());
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private slice(): void {
    this.cancel = null;
    const state = this.state();
    if (findingsKey.getState(state)?.complete !== false) return;
    const positions = DocPositions.of(state.doc);
    const until = performance.now() + this.sliceMs;
    // At least one line a slice, whatever the clock says.
    do {
      const i = this.next++;
      if (i >= positions.count) break;
      findingsOf(positions.paragraph(i), i > 0 ? positions.paragraph(i - 1) : undefined, i + 1 < positions.count ? positions.paragraph(i + 1) : undefined);
    } while (performance.now() < until);
    if (this.next < positions.count) this.cancel = this.schedule(() => this.slice());
    else this.dispatch(checkRest(state)!);
  }
}

/** The transaction that checks every line not checked yet (null when all are): before a command that needs all findings. */
export function checkRest(state: EditorState): Transaction | null {
  if (findingsKey.getState(state)?.complete !== false) return null;
  return state.tr.setMeta(findingsKey, { checked: true } satisfies Meta).setMeta('addToHistory', false);
}

/** Maps the underlines through the change and re-checks only the touched paragraphs. */
function recheck(tr: Transaction, value: FindingsState): FindingsState {
  const changed = changedRange(tr);
  if (!changed) return value;
  const { from, to } = changed;
  const doc = tr.doc;
  // The index of the new document, derived from the old one's (not read from every paragraph).
  const positions = DocPositions.ofTransform(tr);
  // One paragraph either side: a rule may read the neighbouring lines.
  const first = Math.max(0, positions.paragraphAt(Math.min(from, doc.content.size)) - 1);
  const last = Math.min(positions.count - 1, positions.paragraphAt(Math.min(to, doc.content.size)) + 1);
  const mapped = value.decorations.map(tr.mapping, doc);
  return { decorations: replaceParagraphs(mapped, doc, first, last, paragraphSpans(doc, first, last, value.dismissed)), dismissed: value.dismissed, complete: value.complete };
}

export function setDismissals(tr: Transaction, dismissed: readonly Dismissal[]): Transaction {
  return tr.setMeta(findingsKey, { dismissed } satisfies Meta);
}

function placed(d: Decoration): PlacedFinding {
  const spec = d.spec as Spec;
  return { finding: spec.finding, dismissal: spec.dismissal, from: d.from, to: d.to };
}

/** Every finding shown, in document order. */
export function allFindings(state: EditorState): PlacedFinding[] {
  const decorations = findingsKey.getState(state)?.decorations;
  if (!decorations) return [];
  // The side list asks after every transaction; most leave the findings as they were.
  let list = listed.get(decorations);
  if (!list) listed.set(decorations, (list = decorations.find().map(placed).sort((a, b) => a.from - b.from || a.to - b.to)));
  return list.slice();
}

const listed = new WeakMap<DecorationSet, PlacedFinding[]>();

/**
 * The text either side of a finding within its paragraph, to the end of the
 * word before and of the word after it: enough to read a fix in its place
 * (`security` + `,P` + `rovide employment`).
 */
export function findingContext(state: EditorState, finding: PlacedFinding): { before: string; after: string } {
  const $from = state.doc.resolve(finding.from);
  const before = state.doc.textBetween(Math.max($from.start(), finding.from - 40), finding.from);
  const after = state.doc.textBetween(finding.to, Math.min($from.end(), finding.to + 40));
  return { before: /\S*$/u.exec(before)![0], after: /^\S*(?:\s+\S+)?/u.exec(after)![0] };
}

/**
 * The finding under `pos`: one that covers it, else one that ends right at it
 * (the caret just after an artifact); the shortest when several do.
 */
export function findingAt(state: EditorState, pos: number): PlacedFinding | null {
  const touching = (findingsKey.getState(state)?.decorations.find(pos, pos) ?? []).filter((d) => d.from <= pos && pos <= d.to);
  touching.sort((a, b) => Number(pos >= a.to) - Number(pos >= b.to) || a.to - a.from - (b.to - b.from));
  return touching[0] ? placed(touching[0]) : null;
}
