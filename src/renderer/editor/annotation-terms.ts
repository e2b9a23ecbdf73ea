// The dictionary the user's annotations make (each tag with the quotes it was
// given), kept up to date annotation by annotation: the suggestions worker is
// sent the terms that came and went, not the whole dictionary again after
// every annotation (thousands of terms, which made it check every paragraph).

import type { DictionaryEntry } from '../../core/suggestions';
import type { AnnotationData } from './annotation-step';
import { SharedMap } from './shared-map';

type Data = ReadonlyMap<string, AnnotationData>;

export interface TermChanges {
  added: DictionaryEntry[];
  removed: DictionaryEntry[];
}

export class AnnotationTerms {
  /** How many annotations give each term to each tag: tag → term → count. */
  private readonly counts = new Map<string, Map<string, number>>();
  private data: Data = new Map();

  /**
   * The whole dictionary (the generator's value): the workspace's terms
   * (`base`, kept for good) and those of `data`, as dictionaryFromAnnotations
   * gives them; update() is measured from it. It pauses (yields) after every
   * `step` annotations, so a long text's 150,000 are read a slice at a time;
   * `data` is read as it was given (a state's, which never changes), and
   * nothing else is to be called before it is done.
   */
  *resetting(data: Data, base: readonly DictionaryEntry[], step = 2000): Generator<void, DictionaryEntry[]> {
    this.counts.clear();
    this.data = data;
    // Counted and listed in one pass over the annotations: tags in the order
    // dictionaryFromAnnotations meets them, each with its terms sorted.
    let read = 0;
    const count = (tagId: string, term: string) => this.count(tagId, term);
    for (const a of data.values()) {
      if (++read % step === 0) yield;
      eachTerm(a, count);
    }
    const own = [...this.counts].map(([tagId, terms]) => ({ tagId, terms: [...terms.keys()].sort() }));
    for (const { tagId, terms } of base) for (const term of new Set(terms)) this.count(tagId, term);
    return [...base, ...own];
  }

  /** The terms that came and went since the last resetting() or update(); only the changed annotations are read when `data` was made from the last by edits. */
  update(data: Data): TermChanges {
    const before = this.data;
    this.data = data;
    const delta = new Map<string, Map<string, number>>();
    const note = (a: AnnotationData | undefined, sign: 1 | -1) => {
      for (const [tagId, term] of termsOf(a)) {
        const terms = delta.get(tagId) ?? new Map<string, number>();
        terms.set(term, (terms.get(term) ?? 0) + sign);
        delta.set(tagId, terms);
      }
    };
    const changed = data instanceof SharedMap ? (data as SharedMap<string, AnnotationData>).keysChangedSince(before) : null;
    if (changed) {
      for (const id of changed) {
        const was = before.get(id);
        const is = data.get(id);
        if (was === is) continue;
        note(was, -1);
        note(is, 1);
      }
    } else {
      for (const [id, was] of before) if (data.get(id) !== was) note(was, -1);
      for (const [id, is] of data) if (before.get(id) !== is) note(is, 1);
    }
    const added = new Map<string, string[]>();
    const removed = new Map<string, string[]>();
    for (const [tagId, terms] of delta) {
      for (const [term, by] of terms) {
        if (by === 0) continue;
        const counts = this.counts.get(tagId) ?? new Map<string, number>();
        const was = counts.get(term) ?? 0;
        const is = was + by;
        if (is > 0) counts.set(term, is);
        else counts.delete(term);
        this.counts.set(tagId, counts);
        if (was === 0 && is > 0) added.set(tagId, [...(added.get(tagId) ?? []), term]);
        if (was > 0 && is <= 0) removed.set(tagId, [...(removed.get(tagId) ?? []), term]);
      }
    }
    const entries = (m: Map<string, string[]>) => [...m].map(([tagId, terms]) => ({ tagId, terms }));
    return { added: entries(added), removed: entries(removed) };
  }

  private count(tagId: string, term: string): void {
    let counts = this.counts.get(tagId);
    if (!counts) this.counts.set(tagId, (counts = new Map<string, number>()));
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
}

/** The (tag, term) pairs an annotation gives the dictionary, as dictionaryFromAnnotations reads them. */
function termsOf(a: AnnotationData | undefined): [string, string][] {
  const terms: [string, string][] = [];
  if (a) eachTerm(a, (tagId, term) => terms.push([tagId, term]));
  return terms;
}

/** Each tag of `a` with its term (its quote, trimmed), none when detached or blank; a tag given twice gives the term once. */
function eachTerm(a: AnnotationData, visit: (tagId: string, term: string) => void): void {
  if (a.detached) return;
  const term = a.quote.trim();
  if (term === '') return;
  const tagIds = a.tagIds;
  for (let k = 0; k < tagIds.length; k++) if (tagIds.indexOf(tagIds[k]!) === k) visit(tagIds[k]!, term);
}
