import { describe, expect, it } from 'vitest';
import { firstLineTitle, isMachineName, titleForImport } from '../../src/core/titles';

describe('the title of an imported file', () => {
  it('keeps a name a person chose', () => {
    expect(titleForImport('Premier readout 2024-05.txt', 'Headline\nBody')).toBe('Premier readout 2024-05');
    expect(titleForImport('IMG_1234.txt', 'Headline')).toBe('IMG_1234');
    expect(titleForImport('deadbeef.txt', 'Headline')).toBe('deadbeef');
  });

  it('takes the first line of the text when the name is a machine code', () => {
    expect(titleForImport('000_0615b6b790e0de63.txt', '\n\n  Xi meets   the press \nbody')).toBe('Xi meets the press');
    expect(titleForImport('3f2a9c1e-7b6d-4e1a-9c3b-1d2e3f4a5b6c.txt', 'Readout')).toBe('Readout');
    expect(titleForImport('20240517.txt', 'Readout')).toBe('Readout');
    expect(isMachineName('a1b2c3d4')).toBe(true);
  });

  it('keeps the code when the text has no line to take', () => {
    expect(titleForImport('0615b6b790e0de63.txt', ' \n\t\n')).toBe('0615b6b790e0de63');
  });

  it('cuts a long first line at a word, by characters not UTF-16 units', () => {
    const long = `${'word '.repeat(30)}end`;
    const title = firstLineTitle(long)!;
    expect([...title].length).toBeLessThanOrEqual(81);
    expect(title).toMatch(/^word( word)* word…$/);
    const emoji = '😀'.repeat(100);
    expect([...firstLineTitle(emoji)!]).toHaveLength(81);
  });
});
