// How the two sources' suggestions become one list: the dictionary's first,
// compromise's where they do not overlap one of those, minus what is already
// annotated with the same tag and what was rejected.

import type { Annotation } from '../model';
import { rejectionKey } from './rejections';
import { bySpan, overlaps, type Suggestion } from './suggestion';

/** The dictionary's suggestions and compromise's merged as `suggest` does; `rejected` holds rejectionKey()s. */
export function combine(
  fromDictionary: readonly Suggestion[],
  entities: readonly Suggestion[],
  annotations: readonly Pick<Annotation, 'start' | 'end' | 'tagIds' | 'detached'>[],
  rejected: ReadonlySet<string>,
): Suggestion[] {
  const fromModel = entities.filter((s) => !fromDictionary.some((d) => overlaps(d, s)));
  const annotated = annotations.filter((a) => !a.detached);
  const fresh = [...fromDictionary, ...fromModel].filter((s) => !annotated.some((a) => a.tagIds.includes(s.tagId) && overlaps(a, s)));
  return fresh.filter((s) => !rejected.has(rejectionKey(s))).sort(bySpan);
}
