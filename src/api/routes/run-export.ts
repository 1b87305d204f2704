/**
 * A run's pairings, unmet needs and statistics as a spreadsheet for officials (src/sheets):
 * one .xlsx with a sheet each, or the CSV of one sheet; Chinese headers unless `lang=en`. The
 * pairings carry their review status, and need titles and provider names from the run's input.
 */
import { z } from 'zod';
import type { Batch } from '../../domain/batch-schema.js';
import type { ExportableResult } from '../../sheets/index.js';
import { ALL_ROLES, route, type AnyRoute } from '../route.js';
import { RunId } from '../schemas/common.js';
import { requireSucceeded, runOr404 } from '../run-service.js';
import type { AppDeps } from '../deps.js';
import type { RunRecord, UnmetRecord } from '../../store/records.js';

const SHEETS = ['pairings', 'unmet', 'statistics', 'summary'] as const;
const UNMET_PAGE = 10_000;

async function allUnmet(deps: AppDeps, runId: string): Promise<UnmetRecord[]> {
  const out: UnmetRecord[] = [];
  for (let offset = 0; ; offset += UNMET_PAGE) {
    const page = await deps.store.read.unmet.list(runId, {}, { limit: UNMET_PAGE, offset });
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

async function exportable(deps: AppDeps, run: RunRecord): Promise<ExportableResult> {
  const summary = run.summary!;
  const [pairings, unmet] = await Promise.all([deps.store.read.pairings.all(run.id), allUnmet(deps, run.id)]);
  return { mode: run.options.mode, weightProfile: `v${run.weightVersion}`, pairings, unmet, coverage: summary.coverage, solve: summary.solve };
}

/** Need titles and provider names, when the run's input snapshot is still stored. */
async function titlesOf(deps: AppDeps, run: RunRecord): Promise<Pick<Batch, 'needs' | 'offers'> | undefined> {
  const json = await deps.store.read.runs.getInputJson(run.inputHash);
  return json === undefined ? undefined : (JSON.parse(json) as Batch);
}

export const runExportRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/v1/runs/:runId/export',
    summary: "A run's pairings (with review status), unmet needs and statistics as .xlsx (a sheet each) or the .csv of one sheet",
    tag: 'runs',
    roles: ALL_ROLES,
    params: z.strictObject({ runId: RunId }),
    query: z.strictObject({
      format: z.enum(['xlsx', 'csv']).default('xlsx').describe('xlsx: one workbook; csv: one sheet (see `sheet`), UTF-8 with BOM'),
      lang: z.enum(['zh', 'en']).default('zh').describe('Header and label language (default Chinese)'),
      sheet: z.enum(SHEETS).default('pairings').describe('csv only: which sheet'),
    }),
    responses: {
      200: { description: 'The spreadsheet file (Content-Disposition: attachment)', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      404: { description: 'No such run' },
      409: { description: 'Run not finished' },
    },
    handler: async ({ params, query, deps }) => {
      const run = await runOr404(deps, params.runId);
      requireSucceeded(run);
      // exceljs takes half a second to load: only the export pays for it, on first use.
      const { CONTENT_TYPES, exportRun } = await import('../../sheets/index.js');
      const [result, batch] = await Promise.all([exportable(deps, run), titlesOf(deps, run)]);
      const bytes = await exportRun(result, query.format, query.lang, query.sheet, batch);
      const filename = query.format === 'xlsx' ? `${run.id}.xlsx` : `${run.id}-${query.sheet}.csv`;
      return {
        status: 200,
        text: { contentType: CONTENT_TYPES[query.format], content: bytes },
        headers: { 'Content-Disposition': `attachment; filename="${filename}"` },
      };
    },
  }),
];
