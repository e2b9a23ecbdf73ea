import type { Migration } from './migration';
import { initial } from './001-initial';
import { mqmSettings } from './005-mqm-settings';

/** Every migration, in order; the last one's version is the schema version. */
export const migrations: readonly Migration[] = [initial, mqmSettings];

export type { Migration } from './migration';
