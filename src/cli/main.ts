// Scholia's command line: `npm run --silent cli -- <command> [args]`.
// Exit codes: 0 success (and, for `check`, no findings), 1 findings, 2 error.

import { exportFormatIds, formatList, importFormatIds } from '../core/formats/format-list';
import { parseCommandLine, type CommandModule } from './args';
import { forTerminal } from './terminal-text';

const commands: Record<string, () => Promise<CommandModule>> = {
  check: () => import('./commands/check'),
  export: () => import('./commands/export'),
  fix: () => import('./commands/fix'),
  import: () => import('./commands/import'),
  list: () => import('./commands/list'),
  rename: () => import('./commands/rename'),
  report: () => import('./commands/report'),
  serve: () => import('./commands/serve'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`scholia: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  const command = await load();
  return command.run(parseCommandLine(rest, command.options));
}

function usage(): string {
  const pairs = formatList.flatMap((f) => ('standoff' in f ? [`${f.id}: .${f.standoff.text} + .${f.standoff.annotations} pairs or a folder of them`] : []));
  return [
    'usage: npm run --silent cli -- <command> [options]',
    '',
    'commands:',
    '  check FILE [--json] [--rules a,b]      list translation artifacts found in a text file',
    '        [--source SOURCE_FILE [--glossary FILE]]',
    '                                         with its source (or for an .xlf): bilingual checks too, each finding with its side',
    '  fix FILE [--in-place] [--rules a,b]    apply every safe fix (repeatedly, until none is left)',
    '  serve [--port N] [--workspace PATH]    start the web host on 127.0.0.1',
    '  list [--json]                          the documents, with their annotation and edit counts and length',
    '  rename ID TITLE                        give a document a new title',
    `  import FILE... [--format F] [--json]   import files (F: ${['auto', ...importFormatIds].join(', ')});`,
    `                                         ${[...pairs, 'w3c onto a document: --document ID'].join('; ')}`,
    '  export [ID...|--all] --format F [-o PATH]',
    `                                         export documents (F: ${exportFormatIds.join(', ')}) to stdout,`,
    '                                         or to PATH (when a format gives several files: -o DIR, or -o NAME.zip)',
    '  report [ID...|--all] --format html|csv|json [--words translation|source] [-o PATH]',
    '                                         MQM scorecards and insights of documents, to stdout or PATH',
    '  list, rename, import, export and report work on --workspace PATH, else $SCHOLIA_WORKSPACE, else the default workspace',
    '',
    'formats:',
    ...formatList.map((f) => `  ${f.id.padEnd(9)}${f.label} (${f.extensions.map((e) => `.${e}`).join(', ')}) — ${f.description}`),
    '',
  ].join('\n');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`scholia: ${forTerminal(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 2;
  },
);
