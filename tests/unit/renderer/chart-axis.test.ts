import { describe, expect, it } from 'vitest';
import { PDF_FILE_NAME } from '../../../src/api/common/desktop-bridge';
import { countTicks, labelMargin, shortLabel } from '../../../src/renderer/reports/chart-axis';

describe('report chart axes', () => {
  it('gives a band axis the room of its longest name, shortening only very long names', () => {
    expect(shortLabel('Inconsistent use of terminology')).toBe('Inconsistent use of terminology');
    const long = 'Readout of the meeting between the two foreign ministers';
    expect(shortLabel(long)).toHaveLength(34);
    expect(shortLabel(long).endsWith('…')).toBe(true);
    expect(labelMargin(['Style', 'Inconsistent use of terminology'])).toBeGreaterThan(labelMargin(['Style', 'Accuracy']));
    expect(labelMargin([long])).toBe(labelMargin([shortLabel(long)]));
  });

  it('keeps an axis of counts on whole numbers', () => {
    expect(countTicks(3)).toBe(3);
    expect(countTicks(0)).toBe(1);
    expect(countTicks(5000)).toBe(10);
  });
});

describe('the PDF file name main accepts', () => {
  it('is one name ending in .pdf, without folders', () => {
    expect(PDF_FILE_NAME.test('scholia-report-2026-03-01.pdf')).toBe(true);
    expect(PDF_FILE_NAME.test('報告 (1).pdf')).toBe(true);
    expect(PDF_FILE_NAME.test('../outside.pdf')).toBe(false);
    expect(PDF_FILE_NAME.test('C:\\temp\\x.pdf')).toBe(false);
    expect(PDF_FILE_NAME.test('report.pdf.exe')).toBe(false);
  });
});
