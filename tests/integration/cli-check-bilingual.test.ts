// `check FILE --source SOURCE_FILE [--glossary FILE]` and `check FILE.xlf`, run
// as users run them: today's JSON shape plus the side of each range.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTestSet } from '../fixtures/bilingual/load';
import { cli as runCli } from './reliability-host';

const dir = mkdtempSync(join(tmpdir(), 'scholia-cli-bilingual-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => runCli(args);

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const [economy, policy] = loadTestSet();
type Sided = { rule: string; start: number; end: number; side: string; replacement: string | null; related: { side: string; start: number; end: number }[] };

describe('check with a source', () => {
  it('lists bilingual findings with their side, and terminology from --glossary', async () => {
    const translation = file('economy.en.txt', economy!.translation);
    const source = file('economy.zh.txt', economy!.source);
    const plain = await cli('check', translation, '--source', source, '--json');
    expect(plain.code).toBe(1);
    const findings = JSON.parse(plain.stdout) as Sided[];
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(['end', 'message', 'related', 'replacement', 'rule', 'safe', 'severity', 'side', 'start']);
    const numbers = findings.filter((f) => f.rule === 'number-mismatch');
    expect(numbers.length).toBeGreaterThan(0);
    // Each range is where its side says: a number finding quotes a figure on the translation and names its source.
    for (const f of numbers) {
      const text = f.side === 'source' ? economy!.source : economy!.translation;
      expect([...text].slice(f.start, f.end).join('')).toMatch(/\d|[一二三四五六七八九十百千万亿]/);
    }
    expect(findings.some((f) => f.rule === 'terminology')).toBe(false);
    const glossary = file('terms.csv', ['source,target', ...economy!.glossary.map((e) => `${e.source},${e.target}`)].join('\n'));
    const withTerms = JSON.parse((await cli('check', translation, '--source', source, '--glossary', glossary, '--json')).stdout) as Sided[];
    expect(withTerms.some((f) => f.rule === 'terminology')).toBe(true);
    const human = await cli('check', translation, '--source', source);
    expect(human.stdout).toMatch(/economy\.(zh|en)\.txt:\d+:\d+ {2}\w+ {2}number-mismatch/);
  });

  it('refuses a source that is not this translation’s, and a glossary without a source', async () => {
    const result = await cli('check', file('a.en.txt', economy!.translation), '--source', file('a.zh.txt', policy!.source), '--json');
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/a\.zh\.txt is not the source of .*a\.en\.txt/) });
    const usage = await cli('check', file('b.txt', 'Text.'), '--glossary', file('g.csv', 'source,target\n央行,central bank\n'));
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining('--glossary needs --source') });
  });
});

describe('check on an XLIFF file', () => {
  it('checks the targets against the sources; a broken file is an error', async () => {
    const xlf = readFileSync(join(import.meta.dirname, '../fixtures/bilingual/exchange/report-1.2.xlf'), 'utf8');
    const result = await cli('check', file('report.xlf', xlf), '--json');
    const findings = JSON.parse(result.stdout) as Sided[];
    // u4 has no target: its source sentence is an omission, on the source side.
    expect(findings.find((f) => f.rule === 'omission')).toMatchObject({ side: 'source' });
    expect(result.code).toBe(1);
    const broken = await cli('check', file('broken.xlf', xlf.replace('</body>', '')));
    expect(broken).toMatchObject({ code: 2, stderr: expect.stringMatching(/broken\.xlf: not well-formed XML/) });
  });
});
