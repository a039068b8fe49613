/**
 * A small RFC 4180 CSV reader for exports from KoBoToolbox, ODK Central and spreadsheets:
 * quoted fields with embedded delimiters, newlines and doubled quotes; CRLF, LF or CR line ends;
 * a UTF-8 byte-order mark; comma, semicolon or tab delimiter (KoBo's default export uses `;`,
 * French spreadsheets too). Written here rather than taken from npm because it is ~100 lines and
 * the import needs each record's starting line number for its report.
 */

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** Physical line (1-based) on which the record starts, as a text editor shows it. */
  line: number;
  /** Row number as a spreadsheet shows it: the header is row 1, multi-line cells stay one row. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/** The delimiter that occurs most often, outside quotes, on the first line (ties go to the comma). */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as Delimiter))
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of CANDIDATES) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Splits text into records of raw cells, each with the line on which it starts. */
export function parseRecords(text: string, delimiter: Delimiter): Array<{ line: number; cells: string[] }> {
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  // True once the current cell began with a quote: text after its closing quote is kept as is
  // (lenient, like spreadsheets), but a quote inside an unquoted cell is just a character.
  let wasQuoted = false;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
      wasQuoted = false;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else cell += char;
  }
  if (quoted) throw new CsvSyntaxError(quoteLine, 'a quoted field is never closed (a " is missing)');
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/**
 * Parses a whole CSV file: the first non-empty record is the header; records whose cells are all
 * empty (blank lines, trailing `;;;` rows) are skipped. Header names are trimmed; a name that
 * repeats gets " (2)", " (3)"… so every column can be mapped on its own.
 */
export function parseCsv(input: string, options: { delimiter?: Delimiter } = {}): CsvTable {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const all = parseRecords(text, delimiter)
    .map((record, index) => ({ ...record, row: index + 1 }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [first, ...rest] = all;
  if (!first) return { delimiter, header: [], records: [] };
  const seen = new Map<string, number>();
  const header = first.cells.map((raw, index) => {
    const name = raw.trim() || `column ${index + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
  return {
    delimiter,
    header,
    records: rest,
  };
}
