import { describe, expect, it } from 'vitest';
import { titleFromFileName } from '../../../src/core/formats/documents';

describe('titles from file names', () => {
  it('drops the folder and the extension', () => {
    expect(titleFromFileName('/home/a/readout.2023.txt')).toBe('readout.2023');
    expect(titleFromFileName('C:\\docs\\notes.md')).toBe('notes');
  });
  it('drops control characters, which have no place in a title', () => {
    expect(titleFromFileName('bell\u0007name\u001b.txt')).toBe('bellname');
  });
});
