import { describe, expect, it } from 'vitest';
import { deleteTagMessage } from '../../../src/renderer/tags/delete-message';

describe('the delete-tag dialog', () => {
  it('says how many tags and annotations go, over the whole subtree', () => {
    expect(deleteTagMessage(2, 3)).toBe('This tag and the 2 tags under it are deleted (3 tags in all); 2 annotations lose them; the annotations stay.');
    expect(deleteTagMessage(1, 1)).toBe('This tag is deleted (1 tag in all); 1 annotation loses it; the annotations stay.');
    expect(deleteTagMessage(0, 2)).toBe('This tag and the 1 tag under it are deleted (2 tags in all); no annotation uses them.');
  });
});
