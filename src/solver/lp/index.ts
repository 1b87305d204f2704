export {
  defaultJsLpMaxCells,
  jsLpFitsNetwork,
  jsLpTableauCells,
  runJsLp,
  solveFlowAsLp,
  solveMinCostFlowWithJsLp,
} from './js-lp-oracle.js';
export type { FlowLpOutcome, JsLpNonOptimal, JsLpOutcome } from './js-lp-oracle.js';
