// The side panels of a document, in tab order. A new panel is a component
// that takes `{ context }` and one line in SIDE_PANELS.

import { FileDiff, Highlighter, Languages, List, Tags as TagsIcon, TriangleAlert, type LucideIcon } from '@lucide/svelte';
import type { Component } from 'svelte';
import type { ApiClient } from '../../api/common/client';
import type { CurrentDocument, Tag } from '../../core/model';
import type { AnnotationData, AnnotationState, EditorHandle } from '../editor/create-editor';
import BilingualPane from './BilingualPane.svelte';
import Annotations from './side/Annotations.svelte';
import Changes from './side/Changes.svelte';
import Findings from './side/Findings.svelte';
import Selected from './side/Selected.svelte';
import Tags from './side/Tags.svelte';

/** What every side panel may read and do: the open document, its editor, its tags. */
export interface PanelContext {
  readonly client: ApiClient;
  /** Null until the document is loaded. */
  readonly document: CurrentDocument | null;
  /** The document's original text, read from the store when first asked. */
  original(): Promise<string>;
  readonly editor: EditorHandle | null;
  readonly annotations: AnnotationState | null;
  readonly selected: AnnotationData | null;
  readonly tags: readonly Tag[];
  /** The tags were changed in a panel. */
  onTagsChanged(tags: Tag[]): void;
  /**
   * Changes a moment after the text, the annotations or the findings do, not
   * on every keystroke: a list of thousands rebuilt per key would slow typing down.
   */
  readonly version: number;
  /** Changes whenever the store has caught up with the editor. */
  readonly savedVersion: number;
  /** The main pane shows the original compared with the current text. */
  readonly comparing: boolean;
  setComparing(on: boolean): void;
}

export interface SidePanel {
  id: string;
  /** The panel's name, as the keyboard sheet lists it. */
  name: string;
  label(context: PanelContext): string;
  component: Component<{ context: PanelContext }>;
  /** The digit that opens the panel with Alt. */
  shortcut: string;
  /** Drawn on its tab; when the side pane is narrow, the tab shows only this. */
  icon: LucideIcon;
}

export const SIDE_PANELS: readonly SidePanel[] = [
  { id: 'annotation', name: 'Selected', label: () => 'Selected', component: Selected, shortcut: '1', icon: Highlighter },
  { id: 'annotations', name: 'Annotations', label: (c) => `Annotations (${c.annotations?.data.size ?? 0})`, component: Annotations, shortcut: '2', icon: List },
  { id: 'findings', name: 'Findings', label: () => 'Findings', component: Findings, shortcut: '3', icon: TriangleAlert },
  { id: 'changes', name: 'Changes', label: () => 'Changes', component: Changes, shortcut: '4', icon: FileDiff },
  { id: 'tags', name: 'Tags', label: () => 'Tags', component: Tags, shortcut: '5', icon: TagsIcon },
  { id: 'source', name: 'Source', label: () => 'Source', component: BilingualPane, shortcut: '6', icon: Languages },
];
