/** Reading cells typed by hand or saved by Excel: numbers, yes/no, dates, lists. */
import { describe, expect, it } from 'vitest';
import { booleanFromText, dateFromSerial, dateFromText, numberFromText, splitList } from '../../src/sheets/read/cell-text.js';

describe('cell text', () => {
  it('numbers: separators, full-width digits and spaces are read; words and units are not', () => {
    expect(['1200', '1,200', '１２００', ' 3.5 ', '-2', '1e3', '1,234,567.5'].map(numberFromText)).toEqual([1200, 1200, 1200, 3.5, -2, 1000, 1234567.5]);
    expect(['十', '12元', '1,20', '', '1.2.3', 'NaN', 'Infinity'].map(numberFromText)).toEqual(Array(7).fill(undefined));
  });

  it('yes/no in Chinese and English', () => {
    expect(['是', 'TRUE', 'Yes', 'y', '1', '√'].map(booleanFromText)).toEqual(Array(6).fill(true));
    expect(['否', 'false', 'NO', 'n', '0', '×'].map(booleanFromText)).toEqual(Array(6).fill(false));
    expect(booleanFromText('也许')).toBeUndefined();
  });

  it('dates typed in the usual ways; impossible days refused', () => {
    for (const text of ['2025-03-01', '2025-3-1', '2025/3/1', '2025.03.01', '2025年3月1日', '2025 年 3 月 1 日', '20250301', '２０２５－０３－０１']) {
      expect(dateFromText(text), text).toBe('2025-03-01');
    }
    for (const text of ['2025-02-29', '2024-13-01', '2025-04-31', '3/1/2025', '01.03.2025', 'tomorrow']) expect(dateFromText(text), text).toBeUndefined();
    expect(dateFromText('2024-02-29')).toBe('2024-02-29');
  });

  it('Excel serial dates in both date systems, including the 1900 leap-year quirk', () => {
    // Known values: Excel shows 45658 as 2025-01-01, 61 as 1900-03-01, 1 as 1900-01-01; 60 is its fictional 1900-02-29.
    expect([45658, 45658.75, 61, 59, 1, 2958465].map((s) => dateFromSerial(s))).toEqual(['2025-01-01', '2025-01-01', '1900-03-01', '1900-02-28', '1900-01-01', '9999-12-31']);
    expect([60, 0, -1, 2958466, Number.NaN].map((s) => dateFromSerial(s))).toEqual(Array(5).fill(undefined));
    expect(dateFromSerial(44196, true)).toBe('2025-01-01');
  });

  it('lists split on every usual separator and drop blanks', () => {
    expect(splitList('a、b,c，d;e；f\ng\r\nh、、 ')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});
