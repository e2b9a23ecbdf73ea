// Suggestions for a text kept paragraph by paragraph, as the editor's worker
// holds it: the editor sends only the paragraphs that changed (and the
// annotations over them), and gets back the suggestions of those, and of any
// other paragraph whose suggestions changed because the settings did (a new
// dictionary term, a rejection). So a keystroke costs the editor and the
// worker one paragraph, not the text.

import type { Annotation } from '../model';
import { matchDictionary, type DictionaryEntry, type DictionaryOptions } from './dictionary';
import { suggestEntities, type EntityTags } from './entities';
import { combine } from './merge';
import { rejectionKey, type Rejection } from './rejections';
import type { Suggestion } from './suggestion';

/** A paragraph's text and the annotations over it, clipped to it, in code points from its start. */
export interface ParagraphInput {
  text: string;
  annotations: readonly Pick<Annotation, 'start' | 'end' | 'tagIds'>[];
}

export interface ParagraphSettings {
  dictionary: readonly DictionaryEntry[];
  dictionaryOptions?: DictionaryOptions;
  /** Which tags compromise's entities suggest. */
  entities: EntityTags;
  rejections: readonly Rejection[];
}

/** A paragraph's suggestions, in code points from its start; `index` is its place in the text as last edited. */
export interface ParagraphSuggestions {
  index: number;
  suggestions: Suggestion[];
}

interface Slot extends ParagraphInput {
  /** What the editor was last given for this paragraph (it draws these). */
  reported: Suggestion[];
  /** To be computed again at the next changes(). */
  dirty: boolean;
  /** Reported even if its suggestions equal `reported` (it was edited). */
  force: boolean;
}

/** Entries kept per text before the caches are trimmed to the paragraphs in the text. */
const CACHE_SLACK = 1000;

export class SuggestedText {
  private slots: Slot[] = [];
  private settings: ParagraphSettings = { dictionary: [], entities: {}, rejections: [] };
  private rejected: ReadonlySet<string> = new Set();
  /** Rejection keys whose suggestions the editor dropped and wants back: reported wherever they are. */
  private restored = new Set<string>();
  // By paragraph text: a text that comes back (undo, a repeated line) is not read again.
  private readonly entityCache = new Map<string, Suggestion[]>();
  private readonly dictionaryCache = new Map<string, Suggestion[]>();

  get paragraphCount(): number {
    return this.slots.length;
  }

  /** New settings: every paragraph is checked again, and reported where its suggestions change. */
  configure(settings: Partial<ParagraphSettings>): void {
    if (settings.entities && JSON.stringify(settings.entities) !== JSON.stringify(this.settings.entities)) this.entityCache.clear();
    if (settings.dictionary || settings.dictionaryOptions) this.dictionaryCache.clear();
    this.settings = { ...this.settings, ...settings };
    this.rejected = new Set(this.settings.rejections.map(rejectionKey));
    for (const slot of this.slots) slot.dirty = true;
  }

  /**
   * Dictionary terms added and taken away (an annotation made or deleted):
   * only the paragraphs holding one of them are checked again, as a
   * paragraph's dictionary matches come only from the terms it holds.
   * Cheaper than configure() with the whole new dictionary, which checks every paragraph.
   */
  changeTerms(added: readonly DictionaryEntry[], removed: readonly DictionaryEntry[]): void {
    const byTag = new Map<string, Set<string>>();
    for (const { tagId, terms } of this.settings.dictionary) {
      const set = byTag.get(tagId) ?? new Set<string>();
      for (const term of terms) set.add(term);
      byTag.set(tagId, set);
    }
    const changed = new Set<string>();
    for (const { tagId, terms } of removed) for (const term of terms) if (byTag.get(tagId)?.delete(term)) changed.add(term.trim());
    for (const { tagId, terms } of added) {
      const set = byTag.get(tagId) ?? new Set<string>();
      for (const term of terms) {
        if (set.has(term)) continue;
        set.add(term);
        changed.add(term.trim());
      }
      byTag.set(tagId, set);
    }
    this.settings = { ...this.settings, dictionary: [...byTag].map(([tagId, set]) => ({ tagId, terms: [...set] })) };
    changed.delete('');
    if (changed.size === 0) return;
    if (this.settings.dictionaryOptions?.ignoreCase) {
      // Matches ignoring case are not found by includes(): every paragraph is checked again.
      this.dictionaryCache.clear();
      for (const slot of this.slots) slot.dirty = true;
      return;
    }
    const holdsOne = (text: string) => {
      for (const term of changed) if (text.includes(term)) return true;
      return false;
    };
    for (const text of this.dictionaryCache.keys()) if (holdsOne(text)) this.dictionaryCache.delete(text);
    for (const slot of this.slots) if (!slot.dirty && holdsOne(slot.text)) slot.dirty = true;
  }

  /**
   * The editor dropped these suggestions (rejected them) and then took the
   * rejection back, perhaps before this worker heard of it: every paragraph
   * with one of them is reported at the next changes().
   */
  restore(rejections: readonly Rejection[]): void {
    for (const r of rejections) this.restored.add(rejectionKey(r));
    for (const slot of this.slots) slot.dirty = true;
  }

  /** The whole text anew, for an editor that holds no suggestions (just opened, or shown again). */
  reset(paragraphs: readonly ParagraphInput[]): void {
    this.slots = paragraphs.map((p) => ({ ...p, reported: [], dirty: true, force: false }));
  }

  /**
   * Paragraphs [from, to) replaced by `paragraphs` (their text or their
   * annotations changed). Each new one is reported at the next changes(),
   * even with no suggestions: the editor may hold some there (mapped through
   * the edit, or left from an answer it could not place).
   */
  replace(from: number, to: number, paragraphs: readonly ParagraphInput[]): void {
    if (from < 0 || from > to || to > this.slots.length) throw new RangeError(`paragraphs ${from}–${to} of ${this.slots.length}`);
    this.slots.splice(from, to - from, ...paragraphs.map((p) => ({ ...p, reported: [], dirty: true, force: true })));
  }

  /** The suggestions of every paragraph that changed since the last call, in text order. */
  changes(): ParagraphSuggestions[] {
    const out: ParagraphSuggestions[] = [];
    this.slots.forEach((slot, index) => {
      if (!slot.dirty) return;
      slot.dirty = false;
      const suggestions = this.suggestionsOf(slot);
      const restored = this.restored.size > 0 && suggestions.some((s) => this.restored.has(rejectionKey(s)));
      if (slot.force || restored || !sameSuggestions(suggestions, slot.reported)) out.push({ index, suggestions });
      slot.reported = suggestions;
      slot.force = false;
    });
    this.restored.clear();
    this.trimCaches();
    return out;
  }

  private suggestionsOf(slot: Slot): Suggestion[] {
    if (slot.text.trim() === '') return [];
    const { dictionary, dictionaryOptions, entities } = this.settings;
    const fromDictionary = cached(this.dictionaryCache, slot.text, () => (dictionary.length > 0 ? matchDictionary(slot.text, dictionary, dictionaryOptions) : []));
    const fromModel = cached(this.entityCache, slot.text, () => (Object.keys(entities).length > 0 ? suggestEntities(slot.text, entities) : []));
    return combine(fromDictionary, fromModel, slot.annotations.map((a) => ({ ...a, detached: false })), this.rejected);
  }

  private trimCaches(): void {
    for (const cache of [this.entityCache, this.dictionaryCache]) {
      if (cache.size <= this.slots.length + CACHE_SLACK) continue;
      const texts = new Set(this.slots.map((s) => s.text));
      for (const text of cache.keys()) if (!texts.has(text)) cache.delete(text);
    }
  }
}

function cached(cache: Map<string, Suggestion[]>, text: string, compute: () => Suggestion[]): Suggestion[] {
  let found = cache.get(text);
  if (!found) cache.set(text, (found = compute()));
  return found;
}

function sameSuggestions(a: readonly Suggestion[], b: readonly Suggestion[]): boolean {
  return a.length === b.length && a.every((s, i) => s.start === b[i]!.start && s.end === b[i]!.end && s.tagId === b[i]!.tagId && s.source === b[i]!.source && s.quote === b[i]!.quote);
}
