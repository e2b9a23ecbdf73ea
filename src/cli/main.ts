// Scholia's command line: `npm run --silent cli -- <command> [args]`.
// Exit codes: 0 success (and, for `check`, no findings), 1 findings, 2 error.

import { parseCommandLine, type CommandModule } from './args';
import { forTerminal } from './terminal-text';

const commands: Record<string, () => Promise<CommandModule>> = {
  check: () => import('./commands/check'),
  export: () => import('./commands/export'),
  fix: () => import('./commands/fix'),
  import: () => import('./commands/import'),
  list: () => import('./commands/list'),
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
  return [
    'usage: npm run --silent cli -- <command> [options]',
    '',
    'commands:',
    '  check FILE [--json] [--rules a,b]      list translation artifacts found in a text file',
    '  fix FILE [--in-place] [--rules a,b]    apply every safe fix (repeatedly, until none is left)',
    '  serve [--port N] [--workspace PATH]    start the web host on 127.0.0.1',
    '  list [--json]                          the documents, with their annotation and edit counts and length',
    '  import FILE... [--format F] [--json]   import files (F: auto, text, native, w3c, brat, doccano; brat: .txt + .ann',
    '                                         pairs or a folder of them; w3c onto a document: --document ID)',
    '  export [ID...|--all] --format F [-o PATH]',
    '                                         export documents (F: native, w3c, brat, doccano, text) to stdout,',
    '                                         or to PATH (brat: -o DIR)',
    '  list, import and export work on --workspace PATH, else $SCHOLIA_WORKSPACE, else the default workspace',
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
