/** CSV for the files the bot uploads (attendee lists, stats), shaped so spreadsheets open them safely. */

/**
 * One quoted cell. A leading =, +, -, @, tab or carriage return would make a spreadsheet read
 * member- or HR-typed text as a formula (CSV injection), so such a cell gets a leading quote.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A whole file: header and rows, CRLF line ends, and a UTF-8 BOM so Excel reads Japanese correctly. */
export function csvFile(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
