// Where relation arcs go over the text, brat style: an arc from the top of
// the source's highlight to the top of the target's, raised above the line,
// with its label at the top; relations whose other end is not on the page (or
// too far to draw) become stubs at the end that is, to jump from. Pure: boxes
// in, shapes out, so the painter (RelationArcs.svelte) only measures and draws.

/** A highlight's first box, in the overlay's coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ArcRelation {
  id: string;
  sourceId: string;
  targetId: string;
  label: string;
  color: string;
}

export type DrawnRelation =
  | { kind: 'arc'; id: string; path: string; labelX: number; labelY: number; label: string; color: string }
  /** One end only: `end` is the end drawn here; the other is `otherId` (not on the page, or far). */
  | { kind: 'stub'; id: string; end: 'source' | 'target'; x: number; y: number; otherId: string; label: string; color: string };

/** How high an arc rises above the higher of its ends, and how much higher each arc drawn over another goes. */
export const ARC_LIFT = 14;
export const ARC_STEP = 10;

/**
 * The shapes of `relations` over the highlights in `boxes` (by annotation
 * id). Arcs whose ends are more than `maxSpan` apart vertically are drawn as
 * two stubs; arcs over the same stretch of a line stack, the shorter lower.
 */
export function layoutRelations(relations: readonly ArcRelation[], boxes: ReadonlyMap<string, Box>, maxSpan: number): DrawnRelation[] {
  const drawn: DrawnRelation[] = [];
  const arcs: { r: ArcRelation; x1: number; y1: number; x2: number; y2: number }[] = [];
  for (const r of relations) {
    const source = boxes.get(r.sourceId);
    const target = boxes.get(r.targetId);
    if (source && target && Math.abs(source.top - target.top) <= maxSpan) {
      arcs.push({ r, x1: middle(source), y1: source.top, x2: middle(target), y2: target.top });
      continue;
    }
    if (source) drawn.push({ kind: 'stub', id: r.id, end: 'source', x: middle(source), y: source.top, otherId: r.targetId, label: r.label, color: r.color });
    if (target) drawn.push({ kind: 'stub', id: r.id, end: 'target', x: middle(target), y: target.top, otherId: r.sourceId, label: r.label, color: r.color });
  }
  // Shorter arcs first, so that an arc over another is raised above it.
  arcs.sort((a, b) => Math.abs(a.x2 - a.x1) - Math.abs(b.x2 - b.x1));
  const placed: { left: number; right: number; top: number; level: number }[] = [];
  for (const { r, x1, y1, x2, y2 } of arcs) {
    const left = Math.min(x1, x2);
    const right = Math.max(x1, x2);
    const top = Math.min(y1, y2);
    const under = placed.filter((p) => Math.abs(p.top - top) < 4 && p.left <= right && left <= p.right);
    const level = under.length === 0 ? 0 : Math.max(...under.map((p) => p.level)) + 1;
    placed.push({ left, right, top, level });
    const peak = top - ARC_LIFT - level * ARC_STEP;
    // A cubic with both control points at `peak`: its middle is at (y1 + 6·peak + y2) / 8.
    const path = `M ${round(x1)} ${round(y1)} C ${round(x1)} ${round(peak)}, ${round(x2)} ${round(peak)}, ${round(x2)} ${round(y2)}`;
    drawn.push({ kind: 'arc', id: r.id, path, labelX: round((x1 + x2) / 2), labelY: round((y1 + 6 * peak + y2) / 8), label: r.label, color: r.color });
  }
  return drawn;
}

const middle = (box: Box) => (box.left + box.right) / 2;
const round = (n: number) => Math.round(n * 10) / 10;
