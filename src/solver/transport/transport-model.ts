/**
 * The plain optimisation model of `transport/v1` (see /work/shared/perf/FORMAT.md), columnar:
 * maximise Σ weight·flow over edges with 0 <= flow <= cap, each offer giving at most its
 * capacity and each need absorbing at most its demand. Nothing has to be used.
 */
export interface TransportModel {
  readonly offerIds: readonly string[];
  /** Per offer, integer-valued >= 0. */
  readonly offerCapacity: Float64Array;
  readonly needIds: readonly string[];
  /** Per need, integer-valued >= 0. */
  readonly needDemand: Float64Array;
  /** Per edge: offer index, need index, value per unit (>= 0), unit limit (integer >= 0). */
  readonly edgeOffer: Int32Array;
  readonly edgeNeed: Int32Array;
  readonly edgeWeight: Float64Array;
  readonly edgeCap: Float64Array;
}

/** The `format` string of the JSON format. */
export const TRANSPORT_FORMAT = 'transport/v1';

/** A problem found in a model file, with the JSON path (or binary field) it concerns. */
export interface TransportModelIssue {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

/** Thrown by the readers with every problem found in a file (up to {@link MAX_ISSUES}). */
export class TransportModelError extends Error {
  constructor(readonly issues: readonly TransportModelIssue[]) {
    super(`solver/transport: invalid model, ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${summarise(issues)}`);
    this.name = 'TransportModelError';
  }
}

/** Readers stop collecting after this many issues (a broken 5M-edge file would list millions). */
export const MAX_ISSUES = 200;

function summarise(issues: readonly TransportModelIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => `${renderPath(i.path)}: ${i.message}`);
  return shown.join('; ') + (issues.length > 5 ? `; … (${issues.length - 5} more)` : '');
}

/** `edges.weight[3]` style rendering of a path. */
export function renderPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out === '' ? '(root)' : out;
}
