import { describe, expect, it } from 'vitest';
import { expectClean, findingsOf, fixedOnce, flagged } from './helpers';

const RULE = 'duplicated-phrase';

describe(RULE, () => {
  it('flags a phrase said twice and keeps one', () => {
    const text = 'towards a higher level and higher level of capital';
    expect(flagged(RULE, text)).toEqual(['higher level and higher level']);
    expect(findingsOf(RULE, text)[0]).toMatchObject({ replacement: 'higher level', safe: true });
    expect(fixedOnce(RULE, text)).toBe('towards a higher level of capital');
  });

  it('takes the longest repeated phrase, with "and" or "or" between', () => {
    expect(flagged(RULE, 'to improve the level and improve the level of services')).toEqual(['improve the level and improve the level']);
    expect(flagged(RULE, 'new towns, and new towns')).toEqual(['new towns, and new towns']);
    expect(flagged(RULE, 'new cities or new cities')).toEqual(['new cities or new cities']);
    expect(flagged(RULE, 'High quality and high quality growth')).toEqual(['High quality and high quality']);
    expect(findingsOf(RULE, 'High quality and high quality growth')[0]).toMatchObject({ replacement: 'High quality', safe: true });
    // Copies that differ in case past the first letter: a person looks.
    expect(findingsOf(RULE, 'the GDP figure, the gdp figure')[0]).toMatchObject({ safe: false });
  });

  it('flags a phrase repeated after a comma or semicolon, with numbers, and fixes it safely', () => {
    expect(fixedOnce(RULE, 'an increase of 54,000 over last year, an increase of 54,000 over last year. The')).toBe('an increase of 54,000 over last year. The');
    expect(findingsOf(RULE, 'rose by 4.6%, rose by 4.6%, and')[0]).toMatchObject({ replacement: 'rose by 4.6%', safe: true });
    expect(fixedOnce(RULE, 'cars, home appliances and catering, cars, home appliances and catering, and')).toBe('cars, home appliances and catering, and');
    expect(fixedOnce(RULE, 'the 16GB+512GB version; the 16GB+512GB version')).toBe('the 16GB+512GB version');
    expect(flagged(RULE, 'rose 4.6% and rose 4.6%')).toEqual(['rose 4.6% and rose 4.6%']);
    expect(findingsOf(RULE, 'rose 4.6% as well as rose 4.6%')[0]).toMatchObject({ safe: true });
    expect(fixedOnce(RULE, 'see Table 2.1 and Fig; and Fig. 3')).toBe('see Table 2.1 and Fig. 3');
  });

  it('flags a phrase repeated with only a space between, and fixes it safely', () => {
    expect(fixedOnce(RULE, 'we reviewed the plan the plan was approved')).toBe('we reviewed the plan was approved');
    expect(fixedOnce(RULE, 'in the city in the city centre')).toBe('in the city centre');
    expect(fixedOnce(RULE, 'RMB 19.6 billion, up 2.9% up 2.9%; the')).toBe('RMB 19.6 billion, up 2.9%; the');
    expect(fixedOnce(RULE, 'the Safety Law of the P.R.C the P.R.C. and')).toBe('the Safety Law of the P.R.C. and');
    expect(findingsOf(RULE, 'over a long time a long time.')[0]).toMatchObject({ replacement: 'a long time', safe: true });
  });

  it('leaves numbers that only start alike, and chants, alone', () => {
    expectClean(RULE, ['up 4.6%, up 4.65% later', 'RMB 1,500, RMB 1,5000', 'ha ha ha ha', 'on the one hand, on the other hand', 'bit by bit by bit', '0 1 0 1', 'Thank you thank you all']);
  });

  it('leaves single words, idioms, names and different phrases alone', () => {
    expectClean(RULE, [
      'more and more people',
      'again and again',
      'over and over and over and over',
      'step by step',
      'and so on and so on',
      'New York, New York',
      'a higher level and higher quality',
      'the levels and level',
      'After calling this method, calling this method again fails',
      'in the city in the cities',
      'Bora Bora Bora Bora',
      'the plan. the plan',
    ]);
  });
});
