import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, fixedOnce } from './helpers';

const RULE = 'source-boilerplate';

describe(RULE, () => {
  it('suggests removing a trailing footer line together with its line break', () => {
    const text = 'The meeting ended.\n\nHarbour Daily reported , all right reserved';
    expect(findingsOf(RULE, text)[0]).toMatchObject({ replacement: '', safe: false, severity: 'info' });
    expect(fixedOnce(RULE, text)).toBe('The meeting ended.\n');
    expect(fixedOnce(RULE, 'Body.\nHarbour Daily reported, all rights reserved\n')).toBe('Body.\n');
    expect(fixedOnce(RULE, 'Body.\r\nAll Rights Reserved.\r\nMore.')).toBe('Body.\r\nMore.');
  });

  it('flags copyright, editor and reprint notices', () => {
    for (const footer of [
      'Copyright © 2023 Harbour News. All rights reserved.',
      '© Harbour News',
      '(c) 2023 Harbour News',
      'Responsible editor: Wang Wei',
      'Editor in charge：Li Na',
      'Reproduction of this article without permission is prohibited.',
      'Please indicate the source when reprinting.',
    ]) {
      expect(findingsOf(RULE, `Body.\n${footer}`), footer).toHaveLength(1);
    }
  });

  it('leaves body text alone', () => {
    expectClean(RULE, [
      'Copyright law was discussed at the meeting.',
      'The company reserved the right to appeal.',
      'The editor said the source was reliable.',
      `${'A long paragraph about intellectual property. '.repeat(5)}All rights reserved, it said.`,
    ]);
  });
});
