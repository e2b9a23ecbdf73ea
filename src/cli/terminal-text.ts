// Text from a workspace or a file (titles, tag names, records in messages) on
// its way to a terminal: control characters are shown escaped, never sent, so
// a name cannot retitle the window, clear the screen or hide a line.

/** Control characters other than line breaks and tabs, as \u001b-style escapes. */
export function forTerminal(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, (c) =>
    c === '\n' || c === '\t' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
