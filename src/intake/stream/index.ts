export {
  JSON_STRING_COMFORT_BYTES,
  batchFormatOf,
  loadBatchFile,
  loadBatchFileOrThrow,
  readBatchFileStreaming,
  readBatchStream,
  type StreamProgress,
  type StreamReadOptions,
} from './read-batch.js';
export { NDJSON_RECORD_TYPES } from './ndjson-batch.js';
export { JsonRecordScanner, JsonStructureError, type RecordSink, type TextPosition } from './json-record-scanner.js';
