/**
 * multipart/form-data uploads (spreadsheets for POST /v1/batches), read with multer into memory:
 * at most a few files, each within the body limit. multer's own errors become problems (413 for
 * a file over the limit, 422 for too many files or parts, 400 for a broken form).
 */
import type { Request, Response } from 'express';
import multer from 'multer';
import { InvalidInputError } from '../domain/issues.js';
import { HttpProblem, problems } from './problem.js';

/** One uploaded file: the name the client gave and its bytes. */
export interface UploadedFile {
  readonly fieldname: string;
  readonly originalname: string;
  readonly buffer: Buffer;
}

/** The files and text fields of a multipart request. */
export interface MultipartUpload {
  readonly files: readonly UploadedFile[];
  readonly fields: Readonly<Record<string, string>>;
}

export const MAX_UPLOAD_FILES = 10;

function problemOf(error: unknown, limit: number): unknown {
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return problems.tooLarge(limit);
    return new InvalidInputError([{ path: [error.field ?? 'files'], code: 'upload_limit', message: `${error.message} (at most ${MAX_UPLOAD_FILES} files)` }], 'upload');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HttpProblem(400, 'malformed-multipart', 'Malformed multipart body', message);
}

/** Reads the whole form into memory. */
export function readMultipart(req: Request, res: Response, limit: number): Promise<MultipartUpload> {
  const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: limit, files: MAX_UPLOAD_FILES, fields: 20, fieldSize: 10_000, parts: 40 } }).any();
  return new Promise((resolve, reject) => {
    parse(req, res, (error?: unknown) => {
      if (error) return reject(problemOf(error, limit));
      const files = (Array.isArray(req.files) ? req.files : []) as UploadedFile[];
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') fields[k] = v;
      resolve({ files, fields });
    });
  });
}
