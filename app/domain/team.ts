// The team table's page size and its CSV export: pure, unit-tested. Its sort keys and filters are in
// ./vocabulary.ts; its query string is parsed in ./team-query.server.ts (zod stays on the server).

export const PAGE_SIZE = 25;

/** One CSV field, quoted when needed (separator ; for French spreadsheets). */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : String(value);
  if (!/^[=+\-@\t\r]|[;"\n\r]/.test(s)) return s; // nothing to neutralise or quote: the usual case
  // Neutralise spreadsheet formulas (CSV injection) and quote separators, quotes and line breaks.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line, CRLF included. */
export function csvLine(fields: (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(";") + "\r\n";
}

/** A CSV document that Excel and LibreOffice open correctly in French: UTF-8 BOM, ; separator, CRLF. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return "\uFEFF" + [header, ...rows].map(csvLine).join("");
}
