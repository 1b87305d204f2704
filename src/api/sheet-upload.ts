/**
 * POST /v1/batches as multipart/form-data: planners' .xlsx/.csv files (src/sheets) → the same
 * prepared batch a JSON upload gives, so the route stores both alike. Every bad cell comes back
 * as a 422 naming sheet, row and column; with `?keepValid=true` the valid rows are stored and
 * the rejected ones come back in the answer, as errors and as a rejects workbook (base64).
 *
 * The import runs on the request thread (about 1.4 s of CPU for 13,000 rows): exceljs reads
 * workbooks asynchronously, and the intake worker answers tasks synchronously.
 */
import { createHash } from 'node:crypto';
import { InvalidInputError } from '../domain/issues.js';
import { contentHash } from '../jobs/content-hash.js';
import { prepareBatch, type PreparedBatch } from '../jobs/prepare-batch.js';
import { IDEMPOTENCY_HEADER } from './idempotency.js';
import type { MultipartUpload } from './multipart.js';
import { problemErrors, type ProblemError } from './problem.js';
import type { BodyContext } from './route.js';

/** Rows set aside under keepValid, as the answer reports them. */
export interface RejectsReply {
  readonly rows: number;
  readonly errors: readonly ProblemError[];
  /** The rejects as a workbook with a reason column, ready to fix and upload again. */
  readonly workbook: { readonly filename: string; readonly contentType: string; readonly base64: string };
}

export interface SheetBatchBody {
  readonly kind: 'ok';
  readonly batch: PreparedBatch;
  readonly requestHash: string | undefined;
  readonly rejected?: RejectsReply;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function readSheetUpload(upload: MultipartUpload, { req, query }: BodyContext): Promise<SheetBatchBody> {
  if (upload.files.length === 0) {
    throw new InvalidInputError([{ path: ['files'], code: 'missing_field', message: 'the form holds no file', hint: 'attach .xlsx or .csv files' }], 'upload');
  }
  const keepValid = (query as { keepValid?: string } | undefined)?.keepValid === 'true';
  const name = upload.fields['name'];
  // exceljs takes half a second to load: only sheet uploads pay for it, on first use.
  const { batchFromUpload, CONTENT_TYPES } = await import('../sheets/index.js');
  const result = await batchFromUpload(upload.files, { keepValid, ...(name ? { name } : {}) });
  if (!result.ok) throw new InvalidInputError(result.issues, 'upload: sheets');
  const requestHash =
    req.get(IDEMPOTENCY_HEADER) === undefined
      ? undefined
      : contentHash({ query, fields: upload.fields, files: upload.files.map((f) => ({ name: f.originalname, sha256: sha256(f.buffer) })) });
  const rejected: RejectsReply | undefined = result.rejectsXlsx && {
    rows: result.rejected.length,
    errors: problemErrors(result.rejected.flatMap((r) => r.reasons), 'body'),
    workbook: { filename: 'rejects.xlsx', contentType: CONTENT_TYPES.xlsx, base64: result.rejectsXlsx.toString('base64') },
  };
  return { kind: 'ok', batch: prepareBatch(result.batch), requestHash, ...(rejected ? { rejected } : {}) };
}
