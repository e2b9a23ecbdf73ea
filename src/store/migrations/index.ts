import type { Migration } from './migration';
import { initial } from './001-initial';
import { statusAndSettings } from './003-status-and-settings';
import { bilingual } from './007-bilingual';

/** Every migration, in order; the last one's version is the schema version. */
export const migrations: readonly Migration[] = [initial, statusAndSettings, bilingual];

export type { Migration } from './migration';
