/** zod schemas shared by routes: ids, pagination, filters. */
import { z } from 'zod';
import { CATEGORY_IDS, PROVIDER_KIND_IDS, SUPPORT_FORM_IDS } from '../../domain/taxonomy.js';
import { NEED_STATUSES, PAIRING_STATUSES, ROLES, RUN_STATUSES } from '../../store/records.js';

/** A whole number given as query or path text. */
export function textInt(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,15}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

export const PAGE_LIMIT_MAX = 500;
export const PageQuery = {
  limit: textInt(1, PAGE_LIMIT_MAX).default(50).describe(`Items per page (1–${PAGE_LIMIT_MAX}, default 50)`),
  offset: textInt(0, 1_000_000_000).default(0).describe('Items to skip'),
};

export const BatchId = z.string().regex(/^bat_[0-9a-f]{16}$/, 'a batch id looks like bat_0123456789abcdef');
export const RunId = z.string().regex(/^run_[0-9a-f]{16}$/, 'a run id looks like run_0123456789abcdef');
export const KeyId = z.string().regex(/^key_[0-9a-f]{16}$/, 'a key id looks like key_0123456789abcdef');
/** Need ids are the planner's own (see the batch format). */
export const NeedId = z.string().min(1).max(64).regex(/^[\p{L}\p{N}_.:\-]+$/u, 'ids are letters, digits, "_", ".", ":" or "-"');
export const PairingId = textInt(1, Number.MAX_SAFE_INTEGER);
export const WeightVersion = textInt(1, 1_000_000_000);

export const CategoryFilter = z.enum(CATEGORY_IDS);
export const FormFilter = z.enum(SUPPORT_FORM_IDS);
export const ProviderKindFilter = z.enum(PROVIDER_KIND_IDS);
export const NeedStatusFilter = z.enum(NEED_STATUSES);
export const PairingStatusFilter = z.enum(PAIRING_STATUSES);
export const RunStatusFilter = z.enum(RUN_STATUSES);
export const RoleSchema = z.enum(ROLES);
export const DistrictFilter = z.string().min(1).max(200);

/** A page of items as every list route returns it. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    nextOffset: z.number().int().nullable(),
  });
}

export function pageReply<T>(page: { items: readonly T[]; total: number }, req: { limit: number; offset: number }) {
  const next = req.offset + page.items.length;
  return { items: page.items, total: page.total, limit: req.limit, offset: req.offset, nextOffset: next < page.total ? next : null };
}

/** The JSON text of `pageReply` for items that are JSON text already (same keys, same order). */
export function pageReplyJson(itemsJson: readonly string[], total: number, req: { limit: number; offset: number }): string {
  const { items: _items, ...rest } = pageReply({ items: itemsJson, total }, req);
  return `{"items":[${itemsJson.join(',')}],${JSON.stringify(rest).slice(1)}`;
}
