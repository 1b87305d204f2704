/**
 * Spreadsheets through the real service (HTTP on a temp SQLite file): multipart uploads to
 * POST /v1/batches (stored like JSON; bad cells a 422 naming sheet, row and column; keepValid;
 * Idempotency-Key over the files), and GET /v1/runs/:id/export as .xlsx and .csv.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { BatchSchema } from '../../src/domain/batch-schema.js';
import { batchFiles, importSheets } from '../../src/sheets/index.js';
import { EXAMPLE_BATCH, startTestService, waitForRun, type TestService } from '../api/harness.js';
import { COMMUNITIES_ZH, NEEDS_ZH, OFFERS_ZH, csvFile } from './helpers.js';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(() => t.cleanup());

interface Part {
  readonly name: string;
  readonly bytes: Uint8Array;
}

async function upload(parts: readonly Part[], query = '', options: { as?: string; headers?: Record<string, string>; name?: string } = {}) {
  const form = new FormData();
  for (const p of parts) form.append('files', new Blob([p.bytes]), p.name);
  if (options.name) form.append('name', options.name);
  const response = await fetch(`${t.url}/v1/batches${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.keys[(options.as ?? 'official') as 'official']}`, ...(options.headers ?? {}) },
    body: form,
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as any };
}

const exampleXlsx = async (): Promise<Part> => (await batchFiles(BatchSchema.parse(EXAMPLE_BATCH), 'zh', 'example'))[0]!;

describe('POST /v1/batches with spreadsheets (multipart/form-data)', () => {
  it('stores a workbook like the same batch sent as JSON', async () => {
    const sheet = await upload([await exampleXlsx()], '', { name: '表格批次' });
    expect(sheet.status).toBe(201);
    const json = await t.request('POST', '/v1/batches', { as: 'official', body: EXAMPLE_BATCH });
    expect(sheet.body.contentHash).not.toBeUndefined();
    expect({ ...sheet.body.counts }).toEqual({ ...json.body.counts });
    expect(sheet.body.name).toBe('表格批次');
    const offers = await t.request('GET', `/v1/batches/${sheet.body.id}/offers?limit=200`);
    const jsonOffers = await t.request('GET', `/v1/batches/${json.body.id}/offers?limit=200`);
    expect(offers.body.items).toEqual(jsonOffers.body.items);
  });

  it('answers bad cells with a 422 naming sheet, row and column, and stores nothing', async () => {
    const needs = NEEDS_ZH.map((r) => [...r]);
    needs[2]![5] = '很多';
    const before = (await t.request('GET', '/v1/batches?limit=1')).body.total;
    const answer = await upload([csvFile('communities.csv', COMMUNITIES_ZH, 'gb18030'), csvFile('needs.csv', needs), csvFile('offers.csv', OFFERS_ZH)]);
    expect(answer.status).toBe(422);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(answer.body.errors).toEqual([
      { in: 'body', path: 'needs.csv[3].数量', pointer: '/needs.csv/3/数量', code: 'not_a_number', message: 'expected a number, got "很多"' },
    ]);
    expect((await t.request('GET', '/v1/batches?limit=1')).body.total).toBe(before);
  });

  it('with keepValid stores the valid rows and answers the rejects, also as a workbook', async () => {
    const needs = NEEDS_ZH.map((r) => [...r]);
    needs[2]![5] = '很多';
    const answer = await upload([csvFile('communities.csv', COMMUNITIES_ZH), csvFile('needs.csv', needs), csvFile('offers.csv', OFFERS_ZH)], '?keepValid=true');
    expect(answer.status).toBe(201);
    expect(answer.body.counts).toEqual({ communities: 2, needs: 1, offers: 2 });
    expect(answer.body.rejected.rows).toBe(1);
    expect(answer.body.rejected.errors.map((e: any) => e.path)).toEqual(['needs.csv[3].数量']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(answer.body.rejected.workbook.base64, 'base64') as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['需求（退回）']);
  });

  it('an Idempotency-Key covers the files: same files replay, other files conflict', async () => {
    const key = { 'Idempotency-Key': `sheets-${Date.now()}` };
    const file = await exampleXlsx();
    const first = await upload([file], '', { headers: key });
    const again = await upload([file], '', { headers: key });
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const other = await upload([csvFile('communities.csv', COMMUNITIES_ZH), csvFile('needs.csv', NEEDS_ZH), csvFile('offers.csv', OFFERS_ZH)], '', { headers: key });
    expect(other.status).toBe(409);
  });

  it('an empty form is a 422, not a crash', async () => {
    const answer = await upload([]);
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0].path).toBe('files');
  });
});

describe('GET /v1/runs/:id/export', () => {
  let runId: string;
  let pairings: any[];
  beforeAll(async () => {
    const batch = await upload([await exampleXlsx()], '?verified=true');
    const run = await t.request('POST', '/v1/runs', { as: 'analyst', body: { batchIds: [batch.body.id] } });
    runId = run.body.id ?? run.body.run?.id;
    await waitForRun(t, runId);
    pairings = (await t.request('GET', `/v1/runs/${runId}/pairings?limit=500`)).body.items;
  });

  it('gives the workbook with pairings (and their review status), unmet needs, statistics and summary', async () => {
    const response = await fetch(`${t.url}/v1/runs/${runId}/export?format=xlsx`, { headers: { authorization: `Bearer ${t.keys.planner}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${runId}.xlsx"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['结对结果', '未满足需求', '统计', '概要']);
    const sheet = workbook.getWorksheet('结对结果')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('审核状态');
    expect(header).toContain('需求名称');
    expect(sheet.rowCount - 1).toBe(pairings.length);
    // Its pairings sheet reads back as earlier pairings: the same (need, offer) pairs.
    const reread = await importSheets([{ name: 'export.xlsx', bytes }, await exampleXlsx()]);
    expect(reread.ok).toBe(true);
    if (reread.ok) {
      const fed = reread.batch.previousPairings.slice(0, pairings.length).map((p) => `${p.need}|${p.offer}`).sort();
      expect(fed).toEqual(pairings.map((p) => `${p.need}|${p.offer}`).sort());
    }
  });

  it('gives one sheet as CSV in English, and refuses unknown formats', async () => {
    const response = await fetch(`${t.url}/v1/runs/${runId}/export?format=csv&lang=en&sheet=unmet`, { headers: { authorization: `Bearer ${t.keys.official}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFFNeed ID,')).toBe(true);
    const bad = await t.request('GET', `/v1/runs/${runId}/export?format=pdf`);
    expect(bad.status).toBe(422);
    expect((await t.request('GET', '/v1/runs/run_0000000000000000/export')).status).toBe(404);
  });

  it('is described in the OpenAPI document, with the multipart upload', async () => {
    const doc = (await t.request('GET', '/v1/openapi.json')).body;
    expect(doc.paths['/v1/runs/{runId}/export'].get).toBeDefined();
    expect(Object.keys(doc.paths['/v1/batches'].post.requestBody.content)).toEqual(['application/json', 'multipart/form-data']);
  });
});
