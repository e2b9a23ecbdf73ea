// Work done later, when the page is idle: the slices of a long text's
// background work (checking its lines, reading it for the suggestions'
// worker), so the text is painted and answers keys meanwhile.

/** Runs `task` later; returns what cancels it. */
export type Schedule = (task: () => void) => () => void;

export const whenIdle: Schedule = (task) => {
  // Idle callbacks wait for a quiet main thread, but not for ever (typing all along).
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 300 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
};
