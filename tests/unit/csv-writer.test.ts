import { describe, expect, it } from 'vitest';
import { csvCell, csvFile, defuseFormula } from '../../shared/csv';

describe('the one CSV writer', () => {
  it('writes a BOM, CRLF after every row, and quotes only what needs it', () => {
    expect(csvFile([['a', 'b;c'], ['say "hi"', 'zwei\nZeilen']], ';')).toBe('\uFEFFa;"b;c"\r\n"say ""hi""";"zwei\nZeilen"\r\n');
    expect(csvFile([['a', 'b;c']], ',')).toBe('\uFEFFa,b;c\r\n');
  });

  it('quotes a cell with a space at either end, so a spreadsheet keeps it (the roster always did; the minutes since this writer)', () => {
    expect(csvFile([[' Kyjiw', 'Lwiw ', 'Odesa']], ';')).toBe('\uFEFF" Kyjiw";"Lwiw ";Odesa\r\n');
  });

  it('defuses every cell a spreadsheet would run as a formula, a multi-line one included', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(defuseFormula(`${start}1`)).toBe(`'${start}1`);
    expect(defuseFormula('1=1')).toBe('1=1');
    // papaparse's own escapeFormulae pattern misses this one: `.` does not cross the line break.
    expect(csvCell('=HYPERLINK("http://evil")\nzweite Zeile', ',')).toBe('"\'=HYPERLINK(""http://evil"")\nzweite Zeile"');
    expect(csvFile([['+49 30 1234', '@SUM(A1)']], ',')).toBe("\uFEFF'+49 30 1234,'@SUM(A1)\r\n");
  });
});
