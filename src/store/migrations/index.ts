import type { Migration } from './migration';
import { initial } from './001-initial';
import { relations } from './004-relations';

/** Every migration, in order; the last one's version is the schema version. */
export const migrations: readonly Migration[] = [initial, relations];

export type { Migration } from './migration';
