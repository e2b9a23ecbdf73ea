// The floor: the same text as paragraphs in a bare contenteditable, nothing else.

import { loadDocument, paragraphs, ready } from './common';
import './style.css';

ready(async () => {
  const { text } = await loadDocument();
  document.getElementById('editor')!.append(...paragraphs(text));
});
