/**
 * Reading the company's list of eligible people from a CSV file: one Slack email or former-employee
 * id per cell (a file may have one column or both). Emails are kept in lower case, because Slack
 * answers users.info with the address as the member typed it; employee ids are kept as given.
 */

export interface EligibleEntry {
  readonly kind: 'email' | 'employee_id';
  readonly value: string;
}

export interface EligibleFile {
  readonly entries: readonly EligibleEntry[];
  /** Cells that are neither an email nor an id, with their line number (1-based), in file order. */
  readonly invalid: readonly { readonly line: number; readonly cell: string }[];
}

const EMAIL = /^[^\s@,;<>"]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const EMPLOYEE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A first line made only of these is a header, not data. */
const HEADER =
  /^(e-?mail( address)?|slack e-?mail|employee[ _-]?id|id|メール(アドレス)?|社員番号|従業員番号)$/i;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** One CSV line's cells: commas separate, double quotes may wrap a cell ("" is a quote inside). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';' || ch === '\t') {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out.map((value) => value.trim()).filter((value) => value !== '');
}

export function readEligibleCsv(text: string): EligibleFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const entries: EligibleEntry[] = [];
  const invalid: { line: number; cell: string }[] = [];
  lines.forEach((line, index) => {
    const row = cells(line);
    if (row.length === 0) return;
    if (index === 0 && row.every((cell) => HEADER.test(cell))) return;
    for (const cell of row) {
      const lower = normaliseEmail(cell);
      if (cell.includes('@')) {
        if (EMAIL.test(lower)) entries.push({ kind: 'email', value: lower });
        else invalid.push({ line: index + 1, cell });
      } else if (EMPLOYEE_ID.test(cell)) entries.push({ kind: 'employee_id', value: cell });
      else invalid.push({ line: index + 1, cell });
    }
  });
  return { entries, invalid };
}

/** The domain of an email, in lower case. */
export function emailDomain(email: string): string {
  return normaliseEmail(email).split('@').pop() ?? '';
}
