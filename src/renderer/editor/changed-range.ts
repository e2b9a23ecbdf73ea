// Where a transaction changed its document, in the new document's positions.

import type { Transaction } from 'prosemirror-state';

/** The span of the new document every step's change maps into; null when no step changed anything. */
export function changedRange(tr: Transaction): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  tr.mapping.maps.forEach((map, i) => {
    const rest = tr.mapping.slice(i + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      from = Math.min(from, rest.map(newStart, -1));
      to = Math.max(to, rest.map(newEnd, 1));
    });
  });
  return from === Infinity ? null : { from, to };
}
