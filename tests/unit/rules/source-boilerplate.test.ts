import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, fixedOnce } from './helpers';

const RULE = 'source-boilerplate';

describe(RULE, () => {
  it('removes a trailing footer line together with its line break', () => {
    const text = 'The meeting ended.\n\nHarbour Daily reported , all right reserved';
    expect(findingsOf(RULE, text)[0]).toMatchObject({ replacement: '', safe: true, severity: 'info' });
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
      'Editor-in-charge:Liu Yang',
      '(Editor: Chen Xi Proofreader: Wu Hao)',
      '[Editor: Gu Yan]',
      'Source: Jinan Daily  Editor: Song Jia',
      'Statement: This article is reproduced from the Internet, if there is any infringement, please contact us to delete it.',
      'If the works involve copyright issues, please contact us within 30 days and we will delete them.',
      'Copyright belongs to the original author, if there is infringement, please contact to delete.',
      'The copyright of this article belongs to the original author.',
      'Disclaimer: the views expressed here do not represent the position of this platform.',
      'This article is reprinted from the WeChat account "Pudong Release".',
      '©2024 Guangming Online all right reserved',
      'No reproduction without permission.',
    ]) {
      expect(findingsOf(RULE, `Body.\n${footer}`), footer).toHaveLength(1);
    }
  });

  it('removes the lines safely when they are nothing but a footer or end the text, and only suggests it when a sentence carries it before more text', () => {
    expect(findingsOf(RULE, 'Body.\nEditor in charge: Zhou Ping')[0]).toMatchObject({ safe: true });
    expect(findingsOf(RULE, 'Body.\nCopyright © 2024 Harbour News. All rights reserved.')[0]).toMatchObject({ safe: true });
    // Nothing but blank lines or other footers after it: the page's footer.
    expect(findingsOf(RULE, 'Body.\nHarbour Daily reported, all rights reserved')[0]).toMatchObject({ safe: true });
    expect(findingsOf(RULE, 'Body.\nHarbour Daily reported, all rights reserved\n\n')[0]).toMatchObject({ safe: true });
    expect(findingsOf(RULE, 'Body.\nHarbour Daily reported, all rights reserved\nEditor: Li Hua')[0]).toMatchObject({ safe: true });
    // Text after it: it may be what the article quotes.
    expect(findingsOf(RULE, 'Body.\nHarbour Daily reported, all rights reserved\nThe talks resume on Monday.')[0]).toMatchObject({ safe: false });
  });

  it('removes an editor line closing the last paragraph', () => {
    expect(fixedOnce(RULE, 'The meeting also studied other matters. (Editor: Li Hua)')).toBe('The meeting also studied other matters.');
    expect(fixedOnce(RULE, 'Other matters.（Responsible editor：Li Hua）\n')).toBe('Other matters.\n');
  });

  it('leaves body text alone', () => {
    expectClean(RULE, [
      'Copyright law was discussed at the meeting.',
      'The company reserved the right to appeal.',
      'The editor said the source was reliable.',
      "Editor's note: the figures below are preliminary.",
      'Source: Suzhou Bureau of Statistics, March 2024',
      'The copyright office reviewed 1,200 infringement cases and deleted none of the records.',
      'Residents may contact the office to remove bulky waste.',
      `${'A long paragraph about intellectual property. '.repeat(5)}All rights reserved, it said.`,
    ]);
  });
});
