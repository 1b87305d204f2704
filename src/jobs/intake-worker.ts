/**
 * Worker-thread entry for CPU-heavy request work that must not stall the event loop: batch uploads
 * (parse, validate, prepare), run input snapshots (merge, canonical hash) and model exports.
 */
import { exportModelJson } from './export-model.js';
import { prepareSnapshot, prepareStoredSnapshot } from './prepare-snapshot.js';
import { prepareUpload } from './prepare-upload.js';
import type { IntakeTask } from './intake.js';
import { serializeSolveError } from './solver.js';
import { serveTasks } from './worker-protocol.js';

serveTasks<IntakeTask, unknown>(
  'jobs/intake-worker',
  (task) => {
    switch (task.kind) {
      case 'upload':
        return prepareUpload(task.request);
      case 'snapshot':
        return prepareSnapshot(task.parts);
      case 'stored-snapshot':
        return prepareStoredSnapshot(task.json);
      case 'model':
        return exportModelJson(task.request);
    }
  },
  serializeSolveError,
);
