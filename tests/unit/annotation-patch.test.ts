import { describe, expect, it } from 'vitest';
import { applyPatch, patchBetween } from '../../src/core/annotation-patch';

const fields = (tagIds: string[], note: string, attributes: Record<string, string>) => ({ tagIds, note, attributes });

describe('annotation patches', () => {
  it('carry only what a window changed, so another window’s changes to other fields stay', () => {
    const seen = fields(['person'], 'met in May', { severity: 'minor', source: '李强' });
    const changedHere = fields(['person', 'official'], 'met in May', { severity: 'major' });
    const patch = patchBetween(seen, changedHere);
    expect(patch).toEqual({ addTagIds: ['official'], setAttributes: { severity: 'major' }, removeAttributes: ['source'] });
    // Meanwhile another window added a tag and wrote a note.
    const stored = fields(['person', 'place'], 'met in May\nconfirmed', { severity: 'minor', source: '李强' });
    expect(applyPatch(stored, patch)).toEqual({ ok: true, fields: fields(['person', 'place', 'official'], 'met in May\nconfirmed', { severity: 'major' }) });
  });

  it('change a note only from the note the window saw', () => {
    const patch = patchBetween(fields([], 'a', {}), fields([], 'a\nb', {}));
    expect(patch).toEqual({ note: { base: 'a', value: 'a\nb' } });
    expect(applyPatch(fields([], 'a', {}), patch)).toMatchObject({ ok: true, fields: { note: 'a\nb' } });
    expect(applyPatch(fields([], 'a\nc', {}), patch)).toEqual({ ok: false, conflict: 'note' });
  });

  it('is empty when nothing changed', () => {
    expect(patchBetween(fields(['t'], 'n', { k: 'v' }), fields(['t'], 'n', { k: 'v' }))).toEqual({});
  });
});
