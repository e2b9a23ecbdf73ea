// Messages a host sends to the renderer outside of api calls (the desktop
// menu, a workspace switch). The web host sends none; the renderer handles
// the same commands from its own keyboard shortcuts and buttons.

import { z } from 'zod';

export const rendererCommands = ['import', 'paste-as-new', 'export', 'toggle-mode', 'undo', 'redo', 'find', 'show-library', 'keyboard-sheet'] as const;
export type RendererCommand = (typeof rendererCommands)[number];

export const hostEventSchema = z.discriminatedUnion('type', [
  /** The document list changed behind the renderer's back (e.g. File > Import… in the desktop menu). */
  z.strictObject({ type: z.literal('documents-changed') }),
  /** Another workspace was opened: everything shown is stale. */
  z.strictObject({ type: z.literal('workspace-changed'), path: z.string() }),
  /** A menu item that the renderer carries out. */
  z.strictObject({ type: z.literal('command'), command: z.enum(rendererCommands) }),
]);

export type HostEvent = z.infer<typeof hostEventSchema>;
