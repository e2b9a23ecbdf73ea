// Annotate mode's single-key shortcuts and clicks on highlights.

import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import type { Tag } from '../../core/model';
import { DEFAULT_SEVERITY, isSeverityTag, SEVERITY_ATTRIBUTE } from '../../core/mqm';
import { annotateSelection, cycleOverlapping, removeAnnotation, select, selectAdjacent, selectAt, toggleTag } from './annotation-commands';
import { annotationState } from './annotations';
import { currentMode } from './mode';

/** Applies a tag: annotates the selected text, or toggles it on the selected annotation. */
export function applyTag(state: EditorState, dispatch: (tr: Transaction) => void, tag: Tag): boolean {
  const { selection } = state;
  const attributes: Record<string, string> = isSeverityTag(tag) ? { [SEVERITY_ATTRIBUTE]: DEFAULT_SEVERITY } : {};
  if (!selection.empty) return annotateSelection(state, dispatch, [tag.id], attributes);
  const { selectedId } = annotationState(state);
  return selectedId ? toggleTag(state, dispatch, selectedId, tag.id) : false;
}

/** Why a key did nothing, said to the user (a toast), so no key is silently ignored. */
export type Explain = (message: string) => void;

const TYPING_OFF = 'Typing is off in Annotate mode: press Ctrl/⌘+E to edit the text';

export function annotateKeysPlugin(openPicker: () => void, explain: Explain): Plugin {
  // ProseMirror takes a click soon after another at the same spot for a double
  // click, even with keys pressed in between (Enter accepting a suggestion,
  // then a click on its new highlight): after a key, it is a single click.
  let keyAfterClick = false;
  let clickAfterKey = false;
  return new Plugin({
    props: {
      handleKeyDown(view, event) {
        const mod = event.ctrlKey || event.metaKey;
        const { state, dispatch } = view;
        const { selectedId, tags } = annotationState(state);
        if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
          // The picker tags the selected text or the selected annotation: with neither, it could do nothing.
          if (state.selection.empty && !selectedId) explain('Select text first, then press Ctrl/⌘+K to choose its tag');
          else openPicker();
          return true;
        }
        if (currentMode(state) !== 'annotate' || mod || event.altKey) return false;
        if (/^[1-9]$/.test(event.key)) {
          const tag = [...tags.values()].find((t) => t.key === event.key);
          if (!tag) explain(`No tag on key ${event.key}: give a tag that key in the Tags panel (Alt+5)`);
          else if (!applyTag(state, dispatch, tag)) explain(`Select text first, then press ${event.key} to tag it “${tag.name}”`);
          return true;
        }
        switch (event.key) {
          case 'j':
          case 'J':
            return selectAdjacent(state, dispatch, 1);
          case 'k':
          case 'K':
            return selectAdjacent(state, dispatch, -1);
          case 'o':
          case 'O':
            return cycleOverlapping(state, dispatch);
          case 'Delete':
          case 'Backspace':
            if (selectedId) removeAnnotation(state, dispatch, selectedId);
            else explain(TYPING_OFF);
            return true;
          case 'Escape':
            if (!selectedId) return false;
            select(state, dispatch, null);
            return true;
          default:
            return false;
        }
      },
      // Typing, pasting and dropping would be refused by the mode: say so instead of doing nothing.
      handleTextInput(view) {
        if (currentMode(view.state) !== 'annotate') return false;
        explain(TYPING_OFF);
        return true;
      },
      handlePaste(view) {
        if (currentMode(view.state) !== 'annotate') return false;
        explain(TYPING_OFF);
        return true;
      },
      handleDOMEvents: {
        keydown() {
          keyAfterClick = true;
          return false;
        },
        mousedown() {
          clickAfterKey = keyAfterClick;
          keyAfterClick = false;
          return false;
        },
        // The context action: right-clicking selected text offers the tag picker.
        contextmenu(view, event) {
          if (currentMode(view.state) !== 'annotate' || view.state.selection.empty) return false;
          event.preventDefault();
          openPicker();
          return true;
        },
      },
      handleClick(view, pos) {
        if (currentMode(view.state) === 'annotate') selectAt(view.state, view.dispatch, pos);
        return false;
      },
      handleDoubleClick(view, pos) {
        return clickAfterKey && currentMode(view.state) === 'annotate' && selectAt(view.state, view.dispatch, pos);
      },
    },
  });
}
