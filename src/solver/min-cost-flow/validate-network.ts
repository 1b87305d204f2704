import type { FlowNetwork } from './network.js';

/** Largest integer a double holds exactly; every sum the solver forms must stay below it. */
const EXACT_LIMIT = Number.MAX_SAFE_INTEGER;

/** What the solver needs to know about a network that passed validation. */
export interface NetworkScale {
  /** Largest |arc cost| (0 if none); sizes the artificial big-M cost. */
  readonly maxAbsCost: number;
  /** Sum of positive supplies: the flow the artificial start solution carries. */
  readonly totalSupply: number;
}

/**
 * Checks that a network is well-formed and small enough for exact double arithmetic, and throws
 * `Error('solver/min-cost-flow: ...')` naming the first offender of each kind otherwise.
 *
 * The exactness condition: sum over arcs of |cost|·capacity, plus the artificial cost
 * M = (maxAbsCost + 1)·(nodeCount + 1) times the total supply, stays below 2^53. Then
 * every objective value, flow and potential the simplex forms is an exact integer.
 */
export function validateNetwork(net: FlowNetwork): NetworkScale {
  checkNetworkShape(net);
  const problems: string[] = [];
  const arcs = checkArcs(net, problems);
  const supply = checkSupplies(net, problems);
  if (problems.length > 0) throw misuse(problems);
  return scaleWithinExactness(net.nodeCount, { ...arcs, positiveSupply: supply.positive });
}

/** Counts are non-negative integers and every array has its count's length; throws otherwise. */
export function checkNetworkShape(net: FlowNetwork): void {
  const problems: string[] = [];
  const { nodeCount: n, arcCount: m } = net;
  if (!Number.isInteger(n) || n < 0) problems.push(`nodeCount ${n} is not a non-negative integer`);
  if (!Number.isInteger(m) || m < 0) problems.push(`arcCount ${m} is not a non-negative integer`);
  if (problems.length > 0) throw misuse(problems);
  for (const [name, array] of [['tail', net.tail], ['head', net.head], ['capacity', net.capacity], ['cost', net.cost]] as const) {
    if (array.length !== m) problems.push(`${name} has length ${array.length}, expected arcCount ${m}`);
  }
  if (net.supply.length !== n) problems.push(`supply has length ${net.supply.length}, expected nodeCount ${n}`);
  if (problems.length > 0) throw misuse(problems);
}

/** The sums the exactness condition needs, from one pass over a network with valid values. */
export interface NetworkSums extends ArcSummary {
  readonly positiveSupply: number;
}

/** Applies the exactness condition to a network's sums; throws when it fails. */
export function scaleWithinExactness(nodeCount: number, sums: NetworkSums): NetworkScale {
  const bigM = (sums.maxAbsCost + 1) * (nodeCount + 1);
  if (sums.costTimesCapacity + bigM * sums.positiveSupply >= EXACT_LIMIT || sums.capacitySum + sums.positiveSupply >= EXACT_LIMIT) {
    throw misuse([`costs × capacities too large for exact arithmetic (need sum |cost|·capacity + ${bigM}·total supply < 2^53)`]);
  }
  return { maxAbsCost: sums.maxAbsCost, totalSupply: sums.positiveSupply };
}

interface ArcSummary {
  maxAbsCost: number;
  costTimesCapacity: number;
  capacitySum: number;
}

function checkArcs(net: FlowNetwork, problems: string[]): ArcSummary {
  const { nodeCount: n, arcCount: m, tail, head, capacity, cost } = net;
  let badNode = -1;
  let badCapacity = -1;
  let badCost = -1;
  let maxAbsCost = 0;
  let costTimesCapacity = 0;
  let capacitySum = 0;
  for (let a = 0; a < m; a++) {
    const t = tail[a]!, h = head[a]!, u = capacity[a]!, c = cost[a]!;
    if (badNode < 0 && (t < 0 || t >= n || h < 0 || h >= n)) badNode = a;
    if (badCapacity < 0 && !(Number.isInteger(u) && u >= 0)) badCapacity = a;
    if (badCost < 0 && !Number.isInteger(c)) badCost = a;
    const size = Math.abs(c);
    if (size > maxAbsCost) maxAbsCost = size;
    costTimesCapacity += size * u;
    capacitySum += u;
  }
  if (badNode >= 0) problems.push(`arc ${badNode} (${tail[badNode]} -> ${head[badNode]}) has a node outside 0..${n - 1}`);
  if (badCapacity >= 0) problems.push(`arc ${badCapacity} has capacity ${capacity[badCapacity]}, expected a finite integer >= 0`);
  if (badCost >= 0) problems.push(`arc ${badCost} has cost ${cost[badCost]}, expected a finite integer`);
  return { maxAbsCost, costTimesCapacity, capacitySum };
}

function checkSupplies(net: FlowNetwork, problems: string[]): { positive: number } {
  let positive = 0;
  let sum = 0;
  let bad = -1;
  for (let v = 0; v < net.nodeCount; v++) {
    const s = net.supply[v]!;
    if (bad < 0 && !Number.isInteger(s)) bad = v;
    sum += s;
    if (s > 0) positive += s;
  }
  if (bad >= 0) problems.push(`node ${bad} has supply ${net.supply[bad]}, expected a finite integer`);
  else if (sum !== 0) problems.push(`supplies sum to ${sum}, expected 0`);
  return { positive };
}

function misuse(problems: readonly string[]): Error {
  return new Error(`solver/min-cost-flow: ${problems.join('; ')}`);
}
