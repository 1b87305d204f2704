export type { FlowNetwork } from './network.js';
export { FlowNetworkBuilder } from './network.js';
export { solveMinCostFlow } from './network-simplex.js';
export { prepareSimplexCore } from './wasm-core.js';
export { certifyMinCostFlow } from './certificate.js';
export type { FlowCertificate } from './certificate.js';
export { defaultMinCostFlowOptions } from './types.js';
export type {
  MinCostFlowOptions,
  MinCostFlowOutcome,
  OptimalFlow,
  InfeasibleFlow,
  IterationLimitFlow,
  PivotRule,
} from './types.js';
