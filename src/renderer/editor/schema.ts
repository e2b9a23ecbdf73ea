// The editor's document model: one paragraph per line of the text, grouped
// in blocks of a bounded number of lines, no marks (annotations and findings
// are decorations), so the text model stays clean. A block carries nothing of
// the text: it is there so that ProseMirror's view compares and draws a few
// hundred blocks on an update, not every line of a long document
// (paragraphs.ts gives access to the lines by index).

import { Schema } from 'prosemirror-model';

export type LineEnding = '\n' | '\r\n' | '\r';

export const schema = new Schema({
  nodes: {
    doc: {
      content: 'block+',
      // The line ending new lines get, and the one a paragraph without its own uses.
      attrs: { eol: { default: '\n' } },
    },
    block: {
      content: 'paragraph+',
      toDOM: () => ['div', { class: 'text-block' }, 0],
      parseDOM: [{ tag: 'div.text-block' }],
    },
    paragraph: {
      content: 'text*',
      // The ending after this line when it differs from the document's (mixed
      // endings survive); ignored on the last paragraph, which has none.
      attrs: { eol: { default: null } },
      whitespace: 'pre',
      toDOM: () => ['p', 0],
      parseDOM: [{ tag: 'p', preserveWhitespace: 'full' }],
    },
    text: {},
  },
  marks: {},
});
