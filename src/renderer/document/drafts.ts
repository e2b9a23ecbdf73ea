// A window's unsaved drafts (work another window's edits made impossible to
// save as it was): kept in the browser's storage per document so a reload
// does not lose them, described in words, and written out as a text file.

import type { UnsavedDraft } from '../editor/create-editor';

const key = (documentId: string) => `scholia.drafts.${documentId}`;

export function loadDrafts(documentId: string): UnsavedDraft[] {
  try {
    const stored = localStorage.getItem(key(documentId));
    return stored ? (JSON.parse(stored) as UnsavedDraft[]) : [];
  } catch {
    return [];
  }
}

export function storeDrafts(documentId: string, drafts: readonly UnsavedDraft[]): void {
  try {
    if (drafts.length === 0) localStorage.removeItem(key(documentId));
    else localStorage.setItem(key(documentId), JSON.stringify(drafts));
  } catch {
    // Storage full or off: the drafts stay on screen, where they can be downloaded.
  }
}

/** One line saying what the draft is, quoting what was typed. */
export function describeDraft(draft: UnsavedDraft): string {
  switch (draft.kind) {
    case 'text':
      return draft.removed
        ? `Replacing “${draft.removed}” with “${draft.inserted}” after “…${draft.before}”`
        : `Typing “${draft.inserted}” after “…${draft.before}”`;
    case 'annotation':
      return `An annotation of “${draft.quote}”${draft.note ? ` with the note “${draft.note}”` : ''}: its text was changed in another window`;
    case 'note':
      return `Your note on “${draft.quote}”: “${draft.mine}” (another window saved “${draft.theirs}”)`;
  }
}

export function draftsFile(title: string, drafts: readonly UnsavedDraft[]): string {
  return [`Unsaved drafts of “${title}”`, '', ...drafts.map((d, i) => `${i + 1}. ${describeDraft(d)}`), ''].join('\n');
}
