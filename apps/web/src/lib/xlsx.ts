import { saveBlob } from './download';

/** One column of a sheet: its header (already translated) and how a row gives its cell. */
export interface SheetColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | Date | null | undefined;
  width?: number;
}

export interface Sheet<T> {
  name: string;
  columns: SheetColumn<T>[];
  rows: readonly T[];
}

/** A typed sheet as one of a workbook's (the columns read the rows they were written for). */
export const sheet = <T>(s: Sheet<T>): Sheet<unknown> => s as unknown as Sheet<unknown>;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Builds an .xlsx workbook in the browser with exceljs and saves it. exceljs is imported on
 * demand, so it is a chunk of its own that only someone exporting downloads (the login + inbox
 * route stays within its budget). The rows are the ones the page already shows from the API,
 * so the export is exactly what the person saw (and needs no API route per table).
 */
export async function downloadXlsx(filename: string, sheets: Sheet<unknown>[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'after-sales-orchestrator';
  book.created = new Date();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name.slice(0, 31));
    ws.columns = s.columns.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width ?? Math.max(10, Math.min(60, c.header.length * 2 + 4)),
    }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of s.rows)
      ws.addRow(Object.fromEntries(s.columns.map((c, i) => [`c${i}`, c.value(row) ?? null])));
  }
  const buf = await book.xlsx.writeBuffer();
  saveBlob(new Blob([buf], { type: XLSX_TYPE }), filename);
}
