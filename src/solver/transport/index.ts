export type { TransportModel, TransportModelIssue } from './transport-model.js';
export { TRANSPORT_FORMAT, TransportModelError, MAX_ISSUES, renderPath } from './transport-model.js';
export { parseTransportJson, transportModelFromJson } from './read-transport-json.js';
export { isTransportBin, parseTransportBin } from './read-transport-bin.js';
export { readTransportModel } from './read-transport-model.js';
export type { TransportReadMode } from './read-transport-model.js';
export { buildTransportNetwork } from './transport-network.js';
export type { TransportFormulation } from './transport-network.js';
export { detectWeightScale, MAX_DECIMALS } from './weight-scale.js';
export type { WeightScale } from './weight-scale.js';
export { defaultTransportSolveOptions, modelObjective, solveTransport } from './solve-transport.js';
export type { TransportCertificate, TransportSolution, TransportSolveOptions, TransportTimings } from './solve-transport.js';
export { splitTransportComponents } from './split-components.js';
export type { TransportComponent } from './split-components.js';
export { solveTransportWithJsLp, jsLpFitsTransport } from './transport-lp-oracle.js';
export { transportModelToLp } from './transport-lp-text.js';
export { TRANSPORT_JSON_STREAM_BYTES, transportReadMode } from './read-transport-model.js';
export {
  TRANSPORT_JSON_CHUNK_BYTES,
  TransportJsonStreamReader,
  parseTransportJsonBytes,
  parseTransportJsonChunks,
  readTransportJsonStream,
} from './json-stream/read-transport-json-stream.js';
