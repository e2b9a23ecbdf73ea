// Ready-made taxonomies a user can add with one action. Ids are fixed so
// adding one twice adds nothing, and so tools can recognise its tags.

import type { Database } from 'better-sqlite3';
import type { Tag } from '../core/model';
import { insertTag, listTags } from './tags';

type Entry = { name: string; description: string; children?: { name: string; description: string }[] };

/** Translation error types after MQM-Core; their annotations carry a `severity` attribute. */
const MQM_CORE: readonly (Entry & { color: string })[] = [
  {
    name: 'Terminology',
    color: '#1971c2',
    description: 'A term is not the one the domain, the client or the termbase uses',
    children: [
      { name: 'Inconsistent with termbase', description: 'Differs from the term the termbase gives' },
      { name: 'Inconsistent use of terminology', description: 'One concept is rendered by several terms' },
      { name: 'Wrong term', description: 'Not the term the domain uses' },
    ],
  },
  {
    name: 'Accuracy',
    color: '#c92a2a',
    description: 'The target does not render the source content correctly',
    children: [
      { name: 'Mistranslation', description: 'The meaning differs from the source' },
      { name: 'Omission', description: 'Content of the source is missing' },
      { name: 'Addition', description: 'Content not in the source was added' },
      { name: 'Untranslated', description: 'Source text left untranslated' },
      { name: 'Over-translation', description: 'More specific than the source' },
      { name: 'Under-translation', description: 'Less specific than the source' },
      { name: 'Do not translate', description: 'Translated although it should not have been' },
    ],
  },
  {
    name: 'Linguistic conventions',
    color: '#2b8a3e',
    description: 'Errors in the mechanics of the target language',
    children: [
      { name: 'Grammar', description: 'Morphology or syntax is wrong' },
      { name: 'Punctuation', description: 'Punctuation is wrong or missing' },
      { name: 'Spelling', description: 'A word is misspelled' },
      { name: 'Unintelligible', description: 'The text cannot be understood' },
      { name: 'Character encoding', description: 'Characters are garbled (mojibake)' },
      { name: 'Textual conventions', description: 'Capitalisation, spacing and other written conventions' },
    ],
  },
  {
    name: 'Style',
    color: '#9c36b5',
    description: 'The text is correct but reads badly or breaks a style guide',
    children: [
      { name: 'Organizational style', description: 'Breaks the organisation’s style guide' },
      { name: 'Third-party style', description: 'Breaks a third-party style guide' },
      { name: 'Inconsistent style', description: 'Style varies within the text' },
      { name: 'Unidiomatic style', description: 'Grammatical but not how a native writer would say it' },
      { name: 'Awkward style', description: 'Clumsy or hard to read' },
    ],
  },
  {
    name: 'Locale conventions',
    color: '#e67700',
    description: 'Formats that do not follow the target locale',
    children: [
      { name: 'Number format', description: 'Decimal or thousands separators, digits' },
      { name: 'Currency format', description: 'Currency symbols or codes' },
      { name: 'Measurement format', description: 'Units of measurement' },
      { name: 'Time format', description: 'Times of day' },
      { name: 'Date format', description: 'Dates' },
      { name: 'Address format', description: 'Postal addresses' },
      { name: 'Telephone format', description: 'Telephone numbers' },
      { name: 'Shortcut key', description: 'Keyboard shortcuts' },
    ],
  },
  {
    name: 'Audience appropriateness',
    color: '#0c8599',
    description: 'Content unsuited to the target audience',
    children: [
      { name: 'Culture-specific reference', description: 'A reference the audience will not understand' },
      { name: 'Offensive', description: 'Content the audience will find offensive' },
    ],
  },
  {
    name: 'Design and markup',
    color: '#5f3dc4',
    description: 'Presentation, layout and markup problems',
    children: [
      { name: 'Layout', description: 'Layout differs from the source' },
      { name: 'Markup tag', description: 'Tags are missing, misplaced or broken' },
      { name: 'Truncation/text expansion', description: 'Text is cut off or overflows' },
      { name: 'Missing text', description: 'Text is missing from the rendered output' },
      { name: 'Link/cross-reference', description: 'A link or cross-reference is broken' },
    ],
  },
];

export const MQM_TAG_PREFIX = 'mqm-';
export const MQM_SEVERITIES = ['neutral', 'minor', 'major', 'critical'] as const;

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export const taxonomies = { mqm: MQM_CORE } as const;
export type TaxonomyName = keyof typeof taxonomies;

/** Adds the taxonomy's tags that are not there yet; returns how many were added. */
export function addTaxonomy(db: Database, name: TaxonomyName, now = new Date().toISOString()): Tag[] {
  const existing = new Set(listTags(db).map((t) => t.id));
  const added: Tag[] = [];
  for (const dimension of taxonomies[name]) {
    const id = `${MQM_TAG_PREFIX}${slug(dimension.name)}`;
    if (!existing.has(id)) {
      added.push(insertTag(db, { id, name: dimension.name, color: dimension.color, parentId: null, key: null, description: dimension.description }, now));
    }
    for (const child of dimension.children ?? []) {
      const childId = `${id}-${slug(child.name)}`;
      if (!existing.has(childId)) {
        added.push(insertTag(db, { id: childId, name: child.name, color: dimension.color, parentId: id, key: null, description: child.description }, now));
      }
    }
  }
  return added;
}
