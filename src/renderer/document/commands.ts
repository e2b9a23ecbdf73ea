// Every key of the document view, in one list: the keyboard sheet shows it,
// so a key added to the editor or the view is added here too.

import type { Tag } from '../../core/model';
import { SIDE_PANELS } from './side-panels';

export interface KeyCommand {
  keys: string;
  action: string;
}

export interface CommandGroup {
  title: string;
  commands: KeyCommand[];
}

export function keyCommands(tags: readonly Tag[]): CommandGroup[] {
  const keyed = tags.filter((t) => t.key).sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  return [
    {
      title: 'Anywhere in a document',
      commands: [
        { keys: 'Ctrl/⌘+E', action: 'Switch between Annotate and Edit mode' },
        { keys: 'Ctrl/⌘+F', action: 'Find in the text' },
        { keys: 'Ctrl/⌘+Z', action: 'Undo' },
        { keys: 'Ctrl/⌘+Shift+Z, Ctrl/⌘+Y', action: 'Redo' },
        { keys: 'Ctrl/⌘+K', action: 'Choose a tag for the selected text' },
        { keys: 'Ctrl/⌘+.', action: 'Apply the fix of the finding at the caret' },
        { keys: 'Ctrl/⌘+Shift+.', action: 'Dismiss the finding at the caret' },
        ...SIDE_PANELS.map((p) => ({ keys: `Alt+${p.shortcut}`, action: `Open the ${p.name} panel` })),
        { keys: 'Ctrl/⌘+B', action: 'Show or hide the library pane' },
        { keys: 'Ctrl/⌘+,', action: 'Settings' },
        { keys: '?, F1', action: 'This keyboard sheet' },
      ],
    },
    {
      title: 'Annotate mode',
      commands: [
        ...keyed.map((t) => ({ keys: t.key!, action: `Tag with “${t.name}” (the selected text or annotation)` })),
        { keys: 'J / K', action: 'Select the next / previous annotation' },
        { keys: 'O', action: 'Cycle through annotations overlapping here' },
        { keys: 'A', action: 'Annotate every occurrence of the selected text or annotation (a preview lists them first)' },
        { keys: 'Enter', action: 'Accept the suggestion at the caret (dashed outline)' },
        { keys: 'Backspace', action: 'Reject the suggestion at the caret: never proposed again' },
        { keys: 'Shift+Enter', action: 'Accept every suggestion of the tag at the caret' },
        { keys: 'Delete, Backspace', action: 'Delete the selected annotation (Backspace rejects a suggestion when none is selected)' },
        { keys: 'Esc', action: 'Unselect the annotation; close a popover' },
      ],
    },
    {
      title: 'Relations (Annotate mode)',
      commands: [
        { keys: 'R', action: 'Link the selected annotation to another: choose the target, then the type' },
        { keys: 'J / K, Enter', action: 'While linking: move to the target, take it' },
        { keys: 'a letter', action: 'While linking: search the target by its text' },
        { keys: 'Esc', action: 'Stop linking' },
        { keys: 'Drag', action: 'From the selected highlight to another: link them' },
      ],
    },
    {
      title: 'Source panel (Alt+6)',
      commands: [
        { keys: 'Alt+↓ / Alt+↑', action: 'Next / previous sentence, in the panel and in the text' },
        { keys: 'L / U', action: 'Link the sentence without counterpart to the next / unlink the current link' },
        { keys: 'M / S', action: 'Merge the current link with the next / split it (at the caret put in its text)' },
        { keys: 'Ctrl/⌘+Z, Ctrl/⌘+Shift+Z', action: 'Undo / redo the last alignment correction' },
      ],
    },
    {
      title: 'Find bar',
      commands: [
        { keys: 'Enter, Shift+Enter', action: 'Next / previous match' },
        { keys: 'Esc', action: 'Close the find bar' },
      ],
    },
  ];
}
