/**
 * The floor: a bare `node:http` server answering every request with one JSON body held in memory
 * (a page of pairings as our service returned it). What any Node HTTP service on this machine
 * costs at least; the benchmark shows ours next to it.
 *
 *   node benchmarks/http/floor-server.ts BODY_FILE   → prints the port on stdout
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const file = process.argv[2];
if (!file) throw new Error('bench/floor-server: give the body file');
const body = readFileSync(file);
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
