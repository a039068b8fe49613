import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv-parser.js';

describe('parseCsv', () => {
  it('reads a header and records, with each record’s line and spreadsheet row', () => {
    const table = parseCsv('given_name,sex\nYonas,m\nAmina,f\n');
    expect(table.header).toEqual(['given_name', 'sex']);
    expect(table.records).toEqual([
      { line: 2, row: 2, cells: ['Yonas', 'm'] },
      { line: 3, row: 3, cells: ['Amina', 'f'] },
    ]);
  });

  it('keeps delimiters, doubled quotes and newlines inside quoted fields; lines count physical lines', () => {
    const csv = 'name,notes\r\n"Abdullah, Mohammed","said ""tomorrow""\r\nthen left"\r\nTesfay,ok\r\n';
    const table = parseCsv(csv);
    expect(table.records[0]).toEqual({
      line: 2,
      row: 2,
      cells: ['Abdullah, Mohammed', 'said "tomorrow"\r\nthen left'],
    });
    // The second record starts on line 4 of the file but is row 3 of a spreadsheet.
    expect(table.records[1]).toEqual({ line: 4, row: 3, cells: ['Tesfay', 'ok'] });
  });

  it('strips a UTF-8 byte-order mark and keeps Arabic and Ge’ez text as it is', () => {
    const table = parseCsv('\uFEFFname;original\nMohammed;محمد عبدالله\nTesfay;ተስፋይ\n');
    expect(table.header).toEqual(['name', 'original']);
    expect(table.records.map((r) => r.cells[1])).toEqual(['محمد عبدالله', 'ተስፋይ']);
  });

  it('detects semicolon (KoBo’s default export) and tab delimiters from the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c\n')).toBe(',');
    expect(detectDelimiter('single\n')).toBe(',');
    expect(parseCsv('given_name;age\n"Ali; Jr";12,5\n').records[0]!.cells).toEqual(['Ali; Jr', '12,5']);
  });

  it('accepts CR-only line ends (old Mac spreadsheets) and a last record without a newline', () => {
    const table = parseCsv('a,b\r1,2\r3,4');
    expect(table.records.map((r) => [r.line, r.cells])).toEqual([
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
  });

  it('skips blank records but keeps counting lines and rows', () => {
    const table = parseCsv('a,b\n\n1,2\n,\n3,4\n');
    expect(table.records.map((r) => [r.line, r.row])).toEqual([
      [3, 3],
      [5, 5],
    ]);
  });

  it('names unnamed and repeated header columns so each can be mapped', () => {
    expect(parseCsv('name,,name,name\n').header).toEqual(['name', 'column 2', 'name (2)', 'name (3)']);
  });

  it('reports an unclosed quote with the line where the field began', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"never closed\nstill open\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,2\n3,"never closed\nstill open\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3);
      expect((error as Error).message).toMatch(/^line 3: a quoted field is never closed/);
    }
  });

  it('treats a quote inside an unquoted field as an ordinary character', () => {
    expect(parseCsv('a,b\nsay "hi",2\n').records[0]!.cells).toEqual(['say "hi"', '2']);
  });

  it('gives an empty table for an empty file', () => {
    expect(parseCsv('')).toEqual({ delimiter: ',', header: [], records: [] });
    expect(parseCsv('\uFEFF\n\n').header).toEqual([]);
  });

  it('reads back any table written by the RFC 4180 rules (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ب', 'ሀ', ' ', ',', ';', '"', '\n', '\r\n', 'x') });
    const quote = (value: string) =>
      /[",;\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.tuple(
              fc.array(fc.stringMatching(/^[a-z_]{1,8}$/), { minLength: width, maxLength: width }),
              fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }),
              fc.constantFrom(',', ';'),
            ),
          ),
        ([header, rows, delimiter]) => {
          const unique = header.map((h, i) => `${h}${i}`);
          const text = [unique, ...rows].map((r) => r.map(quote).join(delimiter)).join('\r\n');
          const table = parseCsv(text, { delimiter: delimiter as ',' | ';' });
          expect(table.header).toEqual(unique);
          const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== ''));
          expect(table.records.map((r) => r.cells)).toEqual(nonBlank);
        },
      ),
      { numRuns: 300 },
    );
  });
});
