// What the desktop preload exposes on `window.scholia`, and the IPC channels
// behind it. Kept free of dependencies: the sandboxed preload bundles it.

export interface DesktopBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  onHostEvent(listener: (event: unknown) => void): () => void;
}

/** The IPC channel names, shared by main and preload. */
export const IPC_API_CHANNEL = 'scholia:api';
export const IPC_EVENT_CHANNEL = 'scholia:event';
