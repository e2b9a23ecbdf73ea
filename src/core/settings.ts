// The workspace's settings: who is working (recorded on edits, annotations
// and exports) and how the workbench looks. Kept in the workspace, so they
// travel with it and reach every host (a browser tab on a new port has no
// memory of its own).

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/** Text size as a percentage of the default. */
export const TEXT_SIZES = [90, 100, 115, 130] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const MAX_AUTHOR_NAME_LENGTH = 100;

export interface Settings {
  /** Recorded on edits and annotations; empty: the name of the system's user. */
  authorName: string;
  theme: Theme;
  textSize: TextSize;
}

export const DEFAULT_SETTINGS: Settings = { authorName: '', theme: 'system', textSize: 100 };
