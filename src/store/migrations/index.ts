import type { Migration } from './migration';
import { initial } from './001-initial';

/** Every migration, in order; the last one's version is the schema version. */
export const migrations: readonly Migration[] = [initial];

export type { Migration } from './migration';
