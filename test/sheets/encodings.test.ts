/**
 * CSV as Chinese Excel and other tools save it: GB18030, UTF-8 with and without a byte-order
 * mark, UTF-16 "Unicode text" (tab-separated), semicolons. Files are written with iconv-lite in
 * a temp folder and read back from disk; every encoding must give the same batch.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeText, importSheets, type SheetFile } from '../../src/sheets/index.js';
import { COMMUNITIES_ZH, NEEDS_ZH, OFFERS_ZH, csvFile, tempDir } from './helpers.js';

type Encoding = Parameters<typeof csvFile>[2];

function onDisk(dir: string, encoding: Encoding, delimiter = ','): SheetFile[] {
  const files = [csvFile('communities.csv', COMMUNITIES_ZH, encoding, delimiter), csvFile('needs.csv', NEEDS_ZH, encoding, delimiter), csvFile('offers.csv', OFFERS_ZH, encoding, delimiter)];
  return files.map((f) => {
    const path = join(dir, `${encoding}-${f.name}`);
    writeFileSync(path, f.bytes);
    return { name: path, bytes: readFileSync(path) };
  });
}

describe('CSV encodings', () => {
  it('GB18030, UTF-8 with and without BOM, and UTF-16 all give the same batch, and the detected encoding is reported', async () => {
    const dir = tempDir();
    const baseline = await importSheets(onDisk(dir, 'utf-8'));
    expect(baseline.ok).toBe(true);
    if (!baseline.ok) return;
    expect(baseline.batch.communities[0]!.name).toBe('丽华新村社区');
    expect(baseline.batch.needs[0]!.category).toBe('elderly');
    for (const encoding of ['gb18030', 'utf-8-bom', 'utf-16le'] as const) {
      const r = await importSheets(onDisk(dir, encoding, encoding === 'utf-16le' ? '\t' : ','));
      expect(r.ok, encoding).toBe(true);
      if (r.ok) expect(r.batch).toEqual(baseline.batch);
      expect(r.report.encodings[`${encoding}-needs.csv`]).toBe(encoding);
    }
  });

  it('a GB18030 file really is not UTF-8 (so the test above tests detection)', () => {
    const bytes = iconv.encode('需求编号,所属社区\n', 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes)).toEqual({ text: '需求编号,所属社区\n', encoding: 'gb18030' });
  });

  it('semicolon-separated files (Excel in some locales) read the same', async () => {
    const r = await importSheets(onDisk(tempDir(), 'utf-8', ';'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.batch.offers[0]!.categories).toEqual(['elderly', 'health']);
  });

  it('CSV written in GB18030 (for older Excel) reads back as GB18030 with the same text', async () => {
    const { csvBytes } = await import('../../src/sheets/write/write-csv.js');
    const table = { name: 't', headers: ['需求编号', '需求名称'], rows: [['n1', '助餐，送餐'], ['n2', '=1+1']] };
    const bytes = csvBytes(table, 'gb18030');
    expect(decodeText(bytes)).toEqual({ text: '需求编号,需求名称\r\nn1,助餐，送餐\r\nn2,\'=1+1\r\n', encoding: 'gb18030' });
  });

  it('a BOM is not part of the first header', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8-bom' });
  });
});
