import { describe, expect, it } from 'vitest';
import { expectClean, flagged, fixedOnce } from './helpers';

const RULE = 'missing-space-after-comma';

describe(RULE, () => {
  it('flags a comma, semicolon or colon glued to the next word', () => {
    expect(flagged(RULE, 'livelihood security,Provide guidance')).toEqual([',P']);
    expect(fixedOnce(RULE, 'livelihood security,Provide guidance')).toBe('livelihood security, Provide guidance');
    expect(fixedOnce(RULE, 'apples,oranges and pears')).toBe('apples, oranges and pears');
    expect(fixedOnce(RULE, 'first this;then that')).toBe('first this; then that');
    expect(fixedOnce(RULE, 'The meeting stressed:We must act')).toBe('The meeting stressed: We must act');
    expect(fixedOnce(RULE, 'it said:“We must act.”')).toBe('it said: “We must act.”');
  });

  it('puts the space after a closing quote and before an opening one', () => {
    expect(fixedOnce(RULE, '"Yes,"he said')).toBe('"Yes," he said');
    expect(fixedOnce(RULE, 'he said,“We agree.”')).toBe('he said, “We agree.”');
  });

  it('leaves numbers, times and ratios alone', () => {
    expectClean(RULE, ['1,200,000 yuan', 'at 10:30 today', 'a ratio of 3:1', 'between 2,5 and 3;4', 'in 2023,the']);
  });

  it('leaves single letters, URLs, e-mail addresses and code alone', () => {
    expectClean(RULE, [
      'the point x,y on the map',
      'see https://example.org/a,b/c:d',
      'mailto:press@example.org',
      'set a=b,c and key:value/path',
      'the xmlns:xlink:href attribute',
      'debug(\'auth:login\') and \'app:Server\'',
      'named connect:bodyParser and GEN:stop and LIST:START',
      'Note:the lowercase word after a colon',
      'C:\\Users\\Public',
      'std::vector',
    ]);
  });
});
