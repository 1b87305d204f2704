// The canonical hash lives with the jobs that compute it off the event loop; re-exported for the API.
export { canonicalJson, contentHash } from '../jobs/content-hash.js';
