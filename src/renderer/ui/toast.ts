// Short messages that come and go: why a key did nothing, what just happened.
// One module, so every part of the workbench says things the same way.

import { toast } from 'svelte-sonner';

/** A key or command that did nothing, and why ("Typing is off in Annotate mode: Ctrl+E to edit"). */
export function explain(message: string): void {
  // One at a time per message: pressing the same key again does not stack copies.
  toast.info(message, { id: message, duration: 4000 });
}

/** Something finished as asked. */
export function done(message: string): void {
  toast.success(message, { duration: 3000 });
}

/** Something the user should not miss. */
export function warn(message: string): void {
  toast.warning(message, { duration: 8000 });
}
