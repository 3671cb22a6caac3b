/** The stats and attendee files as the bot writes them (src/slack/csv.ts), read back for tests. */

/** RFC 4180 reading: quoted cells, doubled quotes, CRLF rows. Fails on anything else. */
export function parseCsv(content: string): string[][] {
  expect(content.startsWith('\uFEFF')).toBe(true);
  expect(content.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  for (const line of content.slice(1, -2).split('\r\n')) {
    const cells: string[] = [];
    const cell = /"((?:[^"]|"")*)"(,|$)/y;
    let match: RegExpExecArray | null;
    while (cell.lastIndex < line.length && (match = cell.exec(line)) !== null) {
      cells.push((match[1] ?? '').replace(/""/g, '"'));
      if (match[2] === '') break;
    }
    expect(cell.lastIndex).toBe(line.length);
    rows.push(cells);
  }
  return rows;
}
