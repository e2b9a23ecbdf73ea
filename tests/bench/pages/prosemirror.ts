// The floor for the editor: the same document (Scholia's schema, one paragraph
// per line) in a ProseMirror view with no plugins at all.

import 'prosemirror-view/style/prosemirror.css';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { textToDoc } from '../../../src/renderer/editor/text-doc';
import { loadDocument, ready } from './common';
import './style.css';

ready(async () => {
  const { text } = await loadDocument();
  const state = EditorState.create({ doc: textToDoc(text) });
  new EditorView(document.getElementById('mount')!, {
    state,
    attributes: { class: 'text', 'data-testid': 'editor', spellcheck: 'false' },
  });
});
