/**
 * The flow network every solver in `solver/min-cost-flow` works on: arcs in columnar typed
 * arrays, node supplies, integer-valued doubles throughout.
 *
 * Convention: flow on arc a is `0 <= flow[a] <= capacity[a]`; at every node v,
 * `outflow(v) - inflow(v) = supply[v]` (supply > 0 gives flow, < 0 takes it); supplies sum to 0.
 * A problem where nothing has to be used is modelled with zero supplies (a circulation) or with
 * a zero-cost bypass arc.
 */
export interface FlowNetwork {
  readonly nodeCount: number;
  readonly arcCount: number;
  /** Tail (from-node) of each arc. */
  readonly tail: Int32Array;
  /** Head (to-node) of each arc. */
  readonly head: Int32Array;
  /** Upper bound of each arc; integer-valued, >= 0, finite. */
  readonly capacity: Float64Array;
  /** Cost per unit of flow; integer-valued, may be negative. */
  readonly cost: Float64Array;
  /** Per node; integer-valued, sums to 0; > 0 supplies flow, < 0 consumes it. */
  readonly supply: Float64Array;
}

const INITIAL_ARCS = 16;

/**
 * Collects nodes and arcs one at a time into growable typed arrays, then hands out a
 * {@link FlowNetwork} that views exactly the used part (no copy of the arc arrays beyond one
 * final trim).
 *
 * @example
 * const b = new FlowNetworkBuilder(2);
 * b.setSupply(0, 3); b.setSupply(1, -3);
 * b.addArc(0, 1, 5, 7);
 * const net = b.build();
 */
export class FlowNetworkBuilder {
  private nodes: number;
  private arcs = 0;
  private tails: Int32Array;
  private heads: Int32Array;
  private capacities: Float64Array;
  private costs: Float64Array;
  private supplies: Float64Array;

  /** @param nodeCount nodes to start with (more can be added with {@link addNode}). */
  constructor(nodeCount = 0, expectedArcs = INITIAL_ARCS) {
    this.nodes = nodeCount;
    const arcRoom = Math.max(INITIAL_ARCS, expectedArcs);
    this.tails = new Int32Array(arcRoom);
    this.heads = new Int32Array(arcRoom);
    this.capacities = new Float64Array(arcRoom);
    this.costs = new Float64Array(arcRoom);
    this.supplies = new Float64Array(Math.max(INITIAL_ARCS, nodeCount));
  }

  get nodeCount(): number {
    return this.nodes;
  }

  get arcCount(): number {
    return this.arcs;
  }

  /** Adds a node with the given supply and returns its index. */
  addNode(supply = 0): number {
    if (this.nodes === this.supplies.length) this.supplies = grow(this.supplies, this.nodes * 2);
    this.supplies[this.nodes] = supply;
    return this.nodes++;
  }

  /** Sets (replaces) the supply of an existing node. */
  setSupply(node: number, supply: number): void {
    this.checkNode(node);
    this.supplies[node] = supply;
  }

  /** Adds `supply` to a node's supply. */
  addSupply(node: number, supply: number): void {
    this.checkNode(node);
    this.supplies[node] = (this.supplies[node] ?? 0) + supply;
  }

  /** Adds an arc and returns its index (arcs are numbered in the order they are added). */
  addArc(tail: number, head: number, capacity: number, cost: number): number {
    this.checkNode(tail);
    this.checkNode(head);
    if (this.arcs === this.tails.length) this.growArcs();
    const a = this.arcs++;
    this.tails[a] = tail;
    this.heads[a] = head;
    this.capacities[a] = capacity;
    this.costs[a] = cost;
    return a;
  }

  /** The network built so far. Later changes to the builder do not affect it. */
  build(): FlowNetwork {
    const m = this.arcs;
    return {
      nodeCount: this.nodes,
      arcCount: m,
      tail: this.tails.slice(0, m),
      head: this.heads.slice(0, m),
      capacity: this.capacities.slice(0, m),
      cost: this.costs.slice(0, m),
      supply: this.supplies.slice(0, this.nodes),
    };
  }

  private checkNode(node: number): void {
    if (!Number.isInteger(node) || node < 0 || node >= this.nodes) {
      throw new RangeError(`solver/min-cost-flow: node ${node} out of range 0..${this.nodes - 1}`);
    }
  }

  private growArcs(): void {
    const room = this.tails.length * 2;
    this.tails = grow(this.tails, room);
    this.heads = grow(this.heads, room);
    this.capacities = grow(this.capacities, room);
    this.costs = grow(this.costs, room);
  }
}

function grow<T extends Int32Array | Float64Array>(array: T, room: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(room, INITIAL_ARCS));
  bigger.set(array);
  return bigger;
}
