import { describe, expect, it } from 'vitest';
import { checkLine } from '../../../src/core/rules';
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
    expect(fixedOnce(RULE, 'as follows:the plan')).toBe('as follows: the plan');
    expect(fixedOnce(RULE, 'into 4 types:recyclables, kitchen waste')).toBe('into 4 types: recyclables, kitchen waste');
  });

  it('flags the mark after a number, a closing bracket or quote, and a number after a label', () => {
    expect(fixedOnce(RULE, 'in 2023,the city grew')).toBe('in 2023, the city grew');
    expect(fixedOnce(RULE, 'up 4.6%;the rest fell')).toBe('up 4.6%; the rest fell');
    expect(fixedOnce(RULE, '(see Annex 1),prices rose')).toBe('(see Annex 1), prices rose');
    expect(fixedOnce(RULE, 'Notes:1. Data are preliminary')).toBe('Notes: 1. Data are preliminary');
    expect(fixedOnce(RULE, 'Tel:0571-8888')).toBe('Tel: 0571-8888');
    expect(fixedOnce(RULE, 'conditions:(1) Meet the law')).toBe('conditions: (1) Meet the law');
  });

  it('offers the lowercase word as a second, unattended suggestion after a comma', () => {
    const [finding] = checkLine('improve security,Provide guidance').filter((f) => f.rule === RULE);
    expect(finding).toMatchObject({ replacement: ', P', alternatives: [', p'], safe: true });
    expect(checkLine('as follows:The plan').find((f) => f.rule === RULE)?.alternatives).toBeUndefined();
  });

  it('puts the space after a closing quote and before an opening one', () => {
    expect(fixedOnce(RULE, '"Yes,"he said')).toBe('"Yes," he said');
    expect(fixedOnce(RULE, 'he said,“We agree.”')).toBe('he said, “We agree.”');
  });

  it('leaves numbers, times and ratios alone', () => {
    expectClean(RULE, ['1,200,000 yuan', 'at 10:30 today', 'a ratio of 3:1', 'between 2,5 and 3;4', 'John 3:16 and Art. 5:2', 'a 16:9 screen, 0.8:47.6:51.6']);
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
      'type:license AND region:"Pudong"',
      'listening on localhost:3000 and tel:110',
      '"apple","banana","cherry" and ["new","urgent"]',
      '=IF(B2>=60,"Pass","Fail") and {"id":1,"name":"x"}',
      'color:red;font-size:12px',
      'C:\\Users\\Public',
      'std::vector',
    ]);
  });

  it('flags a clause glued after a formula, but leaves the formula alone', () => {
    expect(fixedOnce(RULE, 'formulas such as =SUM(C2:C31);the export file')).toBe('formulas such as =SUM(C2:C31); the export file');
    expectClean(RULE, ['=IF(B2>=60,"Pass","Fail") and', 'call f(a),g(b) here', 'foo();bar() next']);
  });

  it('flags a list number after a semicolon, and leaves search queries alone', () => {
    expect(fixedOnce(RULE, 'between 11:00 and 16:00;2. drink water')).toBe('between 11:00 and 16:00; 2. drink water');
    expect(fixedOnce(RULE, 'wages of RMB 16,320;(3) other claims')).toBe('wages of RMB 16,320; (3) other claims');
    expectClean(RULE, ['the query name:"bus" AND year:2023 returns', 'the query status:"Bus lines" AND', '1;2;3']);
  });
});
