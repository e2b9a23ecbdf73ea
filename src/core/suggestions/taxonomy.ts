// Which of a workspace's tags each entity kind suggests: found by the tag's
// name (the readout taxonomy's Person, Place, Organisation, Date, Figure, and
// their usual other names), so a renamed or missing tag is simply not proposed.

import type { Tag } from '../model';
import type { EntityLabel, EntityTags } from './entities';

const NAMES: Record<EntityLabel, readonly string[]> = {
  person: ['person', 'people', 'per'],
  place: ['place', 'location', 'loc', 'gpe'],
  organisation: ['organisation', 'organization', 'org'],
  date: ['date', 'time'],
  figure: ['figure', 'number', 'quantity', 'money'],
};

/** The tag each entity kind suggests: the first tag (in the given order) whose name is one of the kind's names, ignoring case. */
export function entityTagsOf(tags: readonly Pick<Tag, 'id' | 'name'>[]): EntityTags {
  const out: EntityTags = {};
  for (const [label, names] of Object.entries(NAMES) as [EntityLabel, readonly string[]][]) {
    const tag = tags.find((t) => names.includes(t.name.trim().toLowerCase()));
    if (tag) out[label] = tag.id;
  }
  return out;
}
