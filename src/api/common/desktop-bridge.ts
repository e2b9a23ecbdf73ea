// What the desktop preload exposes on `window.scholia`, and the IPC channels
// behind it. Kept free of dependencies: the sandboxed preload bundles it.

export interface DesktopBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  onHostEvent(listener: (event: unknown) => void): () => void;
  /**
   * Prints the page shown (with its print stylesheet) to PDF and saves it
   * where the user picks, `fileName` offered: Electron's printToPDF.
   */
  saveReportPdf(fileName: string): Promise<ReportPdfResult>;
}

/** What became of a PDF asked for: saved at `path`, not saved (the user cancelled), or refused. */
export type ReportPdfResult = { saved: true; path: string } | { saved: false; error?: string };

/** A file name offered for a saved PDF: one name, no folders, ending in .pdf. */
export const PDF_FILE_NAME = /^[\p{L}\p{N} ._()-]{1,120}\.pdf$/u;

/** The IPC channel names, shared by main and preload. */
export const IPC_API_CHANNEL = 'scholia:api';
export const IPC_EVENT_CHANNEL = 'scholia:event';
export const IPC_REPORT_PDF_CHANNEL = 'scholia:report-pdf';
