// The editor's document model: one paragraph per line of the text, no marks
// (annotations and findings are decorations), so the text model stays clean.

import { Schema } from 'prosemirror-model';

export type LineEnding = '\n' | '\r\n' | '\r';

export const schema = new Schema({
  nodes: {
    doc: {
      content: 'paragraph+',
      // The line ending new lines get, and the one a paragraph without its own uses.
      attrs: { eol: { default: '\n' } },
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
