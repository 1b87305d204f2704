/**
 * The transport LP written out directly for javascript-lp-solver (no network in between, so a
 * mistake in our network construction cannot hide in the oracle too). Small models only.
 */
import type { Model } from 'javascript-lp-solver';
import { defaultJsLpMaxCells, jsLpTableauCells, runJsLp, type JsLpOutcome } from '../lp/js-lp-oracle.js';
import type { TransportModel } from './transport-model.js';

function transportCells(model: TransportModel): number {
  const rows = model.offerCapacity.length + model.needDemand.length + model.edgeOffer.length;
  return jsLpTableauCells(rows, model.edgeOffer.length);
}

/** Whether {@link solveTransportWithJsLp} will try the model. */
export function jsLpFitsTransport(model: TransportModel, maxCells = defaultJsLpMaxCells): boolean {
  return transportCells(model) <= maxCells;
}

/** max Σ weight·x, x_e <= cap_e, Σ_{e at offer} x_e <= capacity, Σ_{e at need} x_e <= demand. */
export function solveTransportWithJsLp(model: TransportModel, maxCells = defaultJsLpMaxCells): JsLpOutcome {
  const cells = transportCells(model);
  if (cells > maxCells) return { status: 'too_large', cells, maxCells };
  const constraints: Model['constraints'] = {};
  model.offerCapacity.forEach((c, o) => (constraints[`o${o}`] = { max: c }));
  model.needDemand.forEach((d, n) => (constraints[`n${n}`] = { max: d }));
  const variables: Model['variables'] = {};
  for (let e = 0; e < model.edgeOffer.length; e++) {
    constraints[`c${e}`] = { max: model.edgeCap[e]! };
    variables[`x${e}`] = { value: model.edgeWeight[e]!, [`o${model.edgeOffer[e]}`]: 1, [`n${model.edgeNeed[e]}`]: 1, [`c${e}`]: 1 };
  }
  return runJsLp({ optimize: 'value', opType: 'max', constraints, variables });
}
