/**
 * Writes a transport model as a linear program in CPLEX LP format, so any LP solver (HiGHS, CBC,
 * GLPK, CPLEX) can check our objective. Variables are continuous (never declared integer: the
 * constraint matrix is totally unimodular, so the LP optimum is already integral).
 */
import type { TransportModel } from './transport-model.js';

const TERMS_PER_LINE = 8;

/** `maximize Σ w_e x_e` s.t. offer capacity, need demand rows and `0 <= x_e <= cap_e` bounds. */
export function transportModelToLp(model: TransportModel): string {
  const edges = model.edgeOffer.length;
  const out: string[] = ['Maximize', ` obj: ${joinTerms(edges, (e) => ({ coef: model.edgeWeight[e]!, e }))}`, 'Subject To'];
  const byOffer = groupEdges(model.edgeOffer, model.offerCapacity.length);
  const byNeed = groupEdges(model.edgeNeed, model.needDemand.length);
  byOffer.forEach((list, o) => {
    if (list.length > 0) out.push(` o${o}: ${joinTerms(list.length, (i) => ({ coef: 1, e: list[i]! }))} <= ${model.offerCapacity[o]}`);
  });
  byNeed.forEach((list, n) => {
    if (list.length > 0) out.push(` n${n}: ${joinTerms(list.length, (i) => ({ coef: 1, e: list[i]! }))} <= ${model.needDemand[n]}`);
  });
  out.push('Bounds');
  for (let e = 0; e < edges; e++) out.push(` 0 <= x${e} <= ${model.edgeCap[e]}`);
  out.push('End', '');
  return out.join('\n');
}

function groupEdges(ends: Int32Array, count: number): number[][] {
  const lists: number[][] = Array.from({ length: count }, () => []);
  for (let e = 0; e < ends.length; e++) lists[ends[e]!]!.push(e);
  return lists;
}

/** `c0 x0 + c1 x1 ...`, broken into continuation lines; an empty sum is written as `0`. */
function joinTerms(count: number, term: (i: number) => { coef: number; e: number }): string {
  if (count === 0) return '0';
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const { coef, e } = term(i);
    const text = coef === 1 ? `x${e}` : `${coef} x${e}`;
    parts.push(i === 0 ? text : (i % TERMS_PER_LINE === 0 ? '\n  + ' : ' + ') + text);
  }
  return parts.join('');
}
