// A small argument parser: the commands' needs are flags and positionals only.

export interface OptionSpec {
  /** Options that take a value (`--port 8080` or `--port=8080`). */
  values?: readonly string[];
  /** Options that are switches (`--json`). */
  flags?: readonly string[];
}

export interface CommandLine {
  positionals: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

export interface CommandModule {
  options: OptionSpec;
  run(commandLine: CommandLine): Promise<number>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseCommandLine(argv: readonly string[], spec: OptionSpec): CommandLine {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    if (spec.flags?.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (spec.values?.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return { positionals, values, flags };
}
