// `check FILE [--json] [--rules a,b] [--source SOURCE_FILE [--glossary FILE]]`:
// list the translation artifacts in a text file; with its source (or for an
// XLIFF file, which holds both) the bilingual checks too, each finding naming
// its side. Exit 0 when there are none, 1 when there are, 2 on error.

import { readFile } from 'node:fs/promises';
import { forTerminal } from '../terminal-text';
import { decodeText } from '../../core/decode';
import type { Finding } from '../../core/model';
import { CodePointIndex } from '../../core/offsets';
import { checkText, selectRules, UnknownRuleError } from '../../core/rules';
import * as xliff from '../../core/bilingual/xliff';
import { UsageError, type CommandLine, type OptionSpec } from '../args';
import { checkBoth, fromPair, fromXliff, readGlossary, type SidedFinding } from './check-bilingual';

export const options: OptionSpec = { flags: ['json'], values: ['rules', 'source', 'glossary'] };

export async function run(commandLine: CommandLine): Promise<number> {
  const path = onlyFile(commandLine, 'check');
  const rules = rulesOption(commandLine);
  const file = await readTextFile(path);
  if (!file.ok) return fail(file.message);
  const sourcePath = commandLine.values.get('source');
  const glossaryPath = commandLine.values.get('glossary');
  if (sourcePath !== undefined || glossaryPath !== undefined || xliff.detect(path, file.text)) {
    return runBilingual(commandLine, path, file.text, sourcePath, glossaryPath, rules);
  }
  const findings = checkText(file.text, { rules });
  if (commandLine.flags.has('json')) {
    process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  } else {
    process.stdout.write(findings.length === 0 ? `${path}: no artifacts found\n` : formatFindings(path, file.text, findings));
  }
  return findings.length === 0 ? 0 : 1;
}

/** The one FILE argument of `command`. */
export function onlyFile(commandLine: CommandLine, command: string): string {
  const [path, ...extra] = commandLine.positionals;
  if (path === undefined) throw new UsageError(`${command} needs a FILE`);
  if (extra.length > 0) throw new UsageError(`${command} takes one FILE, got ${commandLine.positionals.length}`);
  return path;
}

/** `--rules a,b` as rule ids (checked now, so a typo is a usage error), or undefined for all. */
export function rulesOption(commandLine: CommandLine): string[] | undefined {
  const value = commandLine.values.get('rules');
  if (value === undefined) return undefined;
  const ids = value.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw new UsageError('--rules needs at least one rule id');
  try {
    selectRules(ids);
  } catch (error) {
    if (error instanceof UnknownRuleError) throw new UsageError(error.message);
    throw error;
  }
  return ids;
}

export type TextFile = { ok: true; text: string; bom: boolean; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; message: string };

/** The file's text as decodeText reads it, or why it cannot be read as text. */
export async function readTextFile(path: string): Promise<TextFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${describeError(error)}` };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, message: `${path}: ${decoded.error.message}` };
  return { ok: true, text: decoded.text, bom: decoded.bom, encoding: decoded.encoding };
}

async function runBilingual(commandLine: CommandLine, path: string, text: string, sourcePath: string | undefined, glossaryPath: string | undefined, rules: string[] | undefined): Promise<number> {
  let prepared;
  if (sourcePath === undefined) {
    if (!xliff.detect(path, text)) throw new UsageError('--glossary needs --source SOURCE_FILE (or an XLIFF FILE, which holds its source)');
    prepared = fromXliff(path, text);
  } else {
    const source = await readTextFile(sourcePath);
    if (!source.ok) return fail(source.message);
    prepared = fromPair(path, text, sourcePath, source.text);
  }
  if (!prepared.ok) return fail(prepared.message);
  let glossary: Parameters<typeof checkBoth>[1] = [];
  if (glossaryPath !== undefined) {
    const glossaryFile = await readTextFile(glossaryPath);
    if (!glossaryFile.ok) return fail(glossaryFile.message);
    const read = readGlossary(glossaryPath, glossaryFile.text, prepared.texts);
    if (!read.ok) return fail(read.message);
    glossary = read.entries;
  }
  const findings = checkBoth(prepared.texts, glossary, rules);
  if (commandLine.flags.has('json')) {
    process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  } else if (findings.length === 0) {
    process.stdout.write(`${path}: no artifacts or bilingual problems found\n`);
  } else {
    const onSide = (side: SidedFinding['side']) => findings.filter((f) => f.side === side);
    const sourceLabel = sourcePath ?? `${path} (source)`;
    const parts = [
      onSide('source').length > 0 ? formatFindings(sourceLabel, prepared.texts.source, onSide('source'), false) : '',
      onSide('translation').length > 0 ? formatFindings(path, prepared.texts.translation, onSide('translation'), false) : '',
    ];
    const safe = findings.filter((f) => f.safe).length;
    process.stdout.write(`${parts.join('')}\n${findings.length} finding${findings.length === 1 ? '' : 's'}, ${safe} with a safe fix\n`);
  }
  return findings.length === 0 ? 0 : 1;
}

export function fail(message: string): number {
  process.stderr.write(`scholia: ${forTerminal(message)}\n`);
  return 2;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** `FILE:line:column  rule  message` then the quoted text, line and column 1-based in code points. */
function formatFindings(path: string, text: string, findings: Finding[], summary = true): string {
  const index = new CodePointIndex(text);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(index.toCodePoint(i + 1));
  const out: string[] = [];
  for (const f of findings) {
    const quote = text.slice(index.toUtf16(f.start), index.toUtf16(f.end));
    // A finding that takes a line along with the break before it is shown at that line.
    const at = f.start + (/^[\r\n]+(?=[^\r\n])/.exec(quote)?.[0].length ?? 0);
    const line = lastAtOrBefore(lineStarts, at);
    const fix = f.replacement === null ? 'no automatic fix' : `${f.safe ? 'safe fix' : 'suggestion'}: ${JSON.stringify(f.replacement)}`;
    out.push(`${path}:${line + 1}:${at - lineStarts[line]! + 1}  ${f.severity}  ${f.rule}  ${f.message}`, `    ${JSON.stringify(quote)}  (${fix})`);
  }
  if (!summary) return `${out.join('\n')}\n`;
  const safe = findings.filter((f) => f.safe).length;
  out.push('', `${findings.length} finding${findings.length === 1 ? '' : 's'}, ${safe} with a safe fix (apply them with: fix ${path})`);
  return `${out.join('\n')}\n`;
}

/** Index of the last element of sorted `values` that is ≤ `value`. */
function lastAtOrBefore(values: number[], value: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (values[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
