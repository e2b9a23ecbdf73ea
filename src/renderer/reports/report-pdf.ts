// "Save as PDF": in the desktop app main prints the page with printToPDF and
// saves the file (through the preload bridge); in a browser (the web host) the
// browser's print dialog, where "Save as PDF" is a destination, with the
// reports view's print stylesheet.

import type { DesktopBridge, ReportPdfResult } from '../../api/common/desktop-bridge';

/** What happened, for the user: null when the browser's own dialog took over. */
export async function saveReportPdf(fileName: string): Promise<ReportPdfResult | null> {
  const bridge = (window as { scholia?: DesktopBridge }).scholia;
  if (bridge) return bridge.saveReportPdf(fileName);
  window.print();
  return null;
}
