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
}

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
  return { decorations: decorationSet(doc, paragraphSpans(doc, 0, DocPositions.of(doc).count - 1, dismissed)), dismissed };
}

type Meta = { dismissed: readonly Dismissal[] };

interface Spec {
  finding: LineFinding;
  dismissal: Dismissal;
  /** The underline's attributes, so it can be drawn again (see DecorationWindow). */
  attrs: Record<string, string>;
  inclusiveStart: false;
  inclusiveEnd: false;
}

export function findingsPlugin(dismissals: readonly Dismissal[]): Plugin<FindingsState> {
  // Like highlights, underlines are drawn only near the visible part of a long text.
  const shown = new DecorationWindow((d, from, to) => Decoration.inline(from, to, (d.spec as Spec).attrs, d.spec as Spec));
  return new Plugin<FindingsState>({
    key: findingsKey,
    state: {
      init: (_config, state) => fullState(state.doc, new Set(dismissals.map(dismissalKey))),
      apply(tr, value) {
        const meta = tr.getMeta(findingsKey) as Meta | undefined;
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
  });
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
  return { decorations: replaceParagraphs(mapped, doc, first, last, paragraphSpans(doc, first, last, value.dismissed)), dismissed: value.dismissed };
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
