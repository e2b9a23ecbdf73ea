import type { Migration } from './migration';
import { initial } from './001-initial';
import { search } from './002-search';

/** Every migration, in order; the last one's version is the schema version. */
export const migrations: readonly Migration[] = [initial, search];

export type { Migration } from './migration';
