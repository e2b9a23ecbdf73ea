// What the desktop app was asked to do on its command line: which workspace
// to open and which files to import. Electron-free, so it is unit-tested.

import { isAbsolute } from 'node:path';
import { z } from 'zod';

export interface LaunchArguments {
  /** `--workspace PATH` or `--workspace=PATH`; null for the default workspace. */
  workspace: string | null;
  /** Files to import (e.g. "Open with Scholia"), as given. */
  files: string[];
}

export class LaunchArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LaunchArgumentError';
  }
}

/**
 * `argv` is the process's argv: the executable first, then, when started as
 * `electron <app>` (`defaultApp`), the app's path. Every other switch belongs
 * to Chromium, Node or a test driver and is left alone.
 */
export function parseLaunchArguments(argv: readonly string[], defaultApp: boolean): LaunchArguments {
  let workspace: string | null = null;
  const positionals: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--workspace') {
      const value = argv[++i];
      if (value === undefined || value === '' || value.startsWith('-')) throw new LaunchArgumentError('--workspace needs the path of a workspace file');
      workspace = value;
    } else if (arg.startsWith('--workspace=')) {
      const value = arg.slice('--workspace='.length);
      if (value === '') throw new LaunchArgumentError('--workspace needs the path of a workspace file');
      workspace = value;
    } else if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    } else if (!arg.startsWith('-')) {
      positionals.push(arg);
    }
  }
  return { workspace, files: defaultApp ? positionals.slice(1) : positionals };
}

const instanceDataSchema = z.strictObject({ files: z.array(z.string().min(1).max(4096)).max(1000) });

/** What a second instance passes to the first: its files, made absolute against its own folder. */
export type InstanceData = z.infer<typeof instanceDataSchema>;

/** The files a second instance asked to import; anything malformed counts as none. */
export function filesFromInstanceData(data: unknown): string[] {
  const parsed = instanceDataSchema.safeParse(data);
  return parsed.success ? parsed.data.files.filter((file) => isAbsolute(file)) : [];
}
