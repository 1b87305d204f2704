/** A run's `transport/v1` model as JSON text (built off the event loop by the intake worker). */
import { exportTransportModel } from '../match/run-matching.js';
import { batchOf, type SolveRequest } from './solver.js';

export function exportModelJson(request: SolveRequest): string {
  return JSON.stringify(exportTransportModel(batchOf(request.batch), request.weights, request.options));
}
