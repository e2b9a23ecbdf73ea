// The workspace's settings as the renderer holds them, and how they show:
// the theme pins color-scheme on the root, the text size scales rem.

import type { ApiClient } from '../../api/common/client';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';

export class SettingsState {
  current = $state<Settings>({ ...DEFAULT_SETTINGS });

  constructor(private readonly client: ApiClient) {}

  async load(): Promise<void> {
    this.current = await this.client.call('settings.get', {});
  }

  async update(changes: Partial<Settings>): Promise<void> {
    this.current = await this.client.call('settings.update', changes);
  }
}

/** Applies the look to the page; `system` leaves light or dark to the system. */
export function applyLook(root: HTMLElement, { theme, textSize }: Settings): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  root.style.setProperty('--text-scale', String(textSize / 100));
}
