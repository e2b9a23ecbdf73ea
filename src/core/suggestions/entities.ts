// Named-entity suggestions from compromise (offline, rule-based, runs the
// same in Node, the browser and a worker): people, places, organisations,
// dates and figures in English text.

import nlp from 'compromise';
import { CodePointIndex, codePointLength } from '../offsets';
import { bySpan, overlaps, type Suggestion } from './suggestion';

/** The readout taxonomy's entity kinds that compromise can propose. */
export const entityLabels = ['person', 'place', 'organisation', 'date', 'figure'] as const;
export type EntityLabel = (typeof entityLabels)[number];

/** Which tag each kind of entity suggests; kinds left out are not proposed. */
export type EntityTags = Partial<Record<EntityLabel, string>>;

/** What compromise's `json({ offset: true })` gives per match (UTF-16 offsets, punctuation around included). */
interface CompromiseMatch {
  offset: { start: number; length: number };
  /** The words, each with its own offset (without the punctuation around it) and what follows it. */
  terms: { offset: { start: number; length: number }; post: string }[];
}

type Doc = ReturnType<typeof nlp>;

// Amounts with their unit: "$3.5 billion", "12 percent", "1 trillion yuan", "48 hours".
const FIGURE = '#Money? #Value+ (percent|per cent|percentage point|percentage points|%|#Currency|#Unit|#Duration|euros|yuan|gigawatts)?';
// Words compromise tags as dates that are not dates on their own.
const GENERIC_DATE = '^(year|years|day|days|week|weeks|month|months|hours|today|now)$';

/** What every compromise view can do that this module uses. */
interface Matches {
  json(options: { offset: true }): unknown;
}

const finders: Record<EntityLabel, (doc: Doc) => Matches> = {
  // Without the title: "President Xi Jinping" suggests "Xi Jinping".
  person: (doc) => doc.people().not('(#Honorific|#Title)'),
  place: (doc) => doc.places(),
  organisation: (doc) => doc.organizations(),
  date: (doc) => doc.match('#Date+').not(GENERIC_DATE),
  figure: (doc) => doc.match(FIGURE),
};

// Between overlapping spans the longer wins; between equal ones, this order.
const priority: readonly EntityLabel[] = ['organisation', 'person', 'place', 'date', 'figure'];

// Quotes, brackets and sentence punctuation compromise keeps around a match; a
// currency sign, % or a closing abbreviation dot are part of the entity.
const LEADING = /^[\s"'“”‘’«»([{,;:!?—–-]+/u;
const TRAILING = /[\s"'“”‘’«»)\]},;:!?—–-]+$|(?<![A-Z])\.+$/u;

/**
 * Entities compromise finds in `text`, as suggestions for the tags in
 * `tags`, code point offsets. Where spans overlap the longer is kept.
 */
export function suggestEntities(text: string, tags: EntityTags): Suggestion[] {
  const doc = nlp(text);
  const index = new CodePointIndex(text);
  const found: (Suggestion & { label: EntityLabel })[] = [];
  for (const label of entityLabels) {
    const tagId = tags[label];
    if (tagId === undefined) continue;
    for (const match of finders[label](doc).json({ offset: true }) as CompromiseMatch[]) {
      // The match's length counts the punctuation before its first word, which its start leaves out
      // ("😀😀Li" gives "Li" and the four units after it): it ends where its last word's punctuation does.
      const last = match.terms[match.terms.length - 1];
      const end = Math.min(match.offset.start + match.offset.length, last ? last.offset.start + last.offset.length + last.post.length : Infinity);
      const span = trimmed(text, match.offset.start, end);
      if (span === null) continue;
      found.push({ start: index.toCodePoint(span.from), end: index.toCodePoint(span.to), quote: text.slice(span.from, span.to), tagId, source: 'compromise', label });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || priority.indexOf(a.label) - priority.indexOf(b.label) || a.start - b.start);
  const kept: Suggestion[] = [];
  for (const { label: _label, ...suggestion } of found) {
    if (!kept.some((k) => overlaps(k, suggestion))) kept.push(suggestion);
  }
  return kept.sort(bySpan);
}

/**
 * suggestEntities line by line, each line's suggestions kept in `cache` by
 * the line's text: after an edit only the lines that changed are read again
 * (compromise takes about a second per 100 kB). Lines no longer in the text
 * leave the cache. The cache belongs to one `tags`.
 */
export function suggestEntitiesByLine(text: string, tags: EntityTags, cache: Map<string, Suggestion[]>): Suggestion[] {
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  let at = 0;
  for (const line of text.split('\n')) {
    let found = cache.get(line);
    if (!found) cache.set(line, (found = line.trim() === '' ? [] : suggestEntities(line, tags)));
    seen.add(line);
    for (const s of found) out.push({ ...s, start: s.start + at, end: s.end + at });
    at += codePointLength(line) + 1;
  }
  for (const line of cache.keys()) if (!seen.has(line)) cache.delete(line);
  return out;
}

/** The UTF-16 range without the punctuation around it, or null if nothing is left. */
function trimmed(text: string, from: number, to: number): { from: number; to: number } | null {
  const raw = text.slice(from, to);
  const lead = LEADING.exec(raw)?.[0].length ?? 0;
  const rest = raw.slice(lead);
  const trail = TRAILING.exec(rest)?.[0].length ?? 0;
  const start = from + lead;
  const end = to - trail;
  return end > start ? { from: start, to: end } : null;
}
