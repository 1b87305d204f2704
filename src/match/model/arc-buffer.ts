/**
 * Arcs of one component network as they are added, in growable typed arrays (a province
 * component has millions of arcs: no per-arc objects, no boxed-number arrays), with what each
 * arc stands for (role and reference, see ArcRole in build-model.ts).
 */
import type { FlowNetwork } from '../../solver/min-cost-flow/network.js';

export class ArcBuffer {
  private tail: Int32Array;
  private head: Int32Array;
  private cap: Float64Array;
  private cost: Float64Array;
  private role: Uint8Array;
  private ref: Int32Array;
  private count = 0;

  constructor(expected: number) {
    const room = Math.max(16, expected);
    this.tail = new Int32Array(room);
    this.head = new Int32Array(room);
    this.cap = new Float64Array(room);
    this.cost = new Float64Array(room);
    this.role = new Uint8Array(room);
    this.ref = new Int32Array(room);
  }

  add(tail: number, head: number, cap: number, cost: number, role: number, ref: number): void {
    if (this.count === this.tail.length) this.grow();
    const a = this.count++;
    this.tail[a] = tail;
    this.head[a] = head;
    this.cap[a] = cap;
    this.cost[a] = cost === 0 ? 0 : cost; // no negative zero in the model
    this.role[a] = role;
    this.ref[a] = ref;
  }

  /** The network (zero supplies: a circulation) and each arc's role and reference, trimmed (no copy when full). */
  finish(nodeCount: number): { network: FlowNetwork; arcRole: Uint8Array; arcRef: Int32Array } {
    const m = this.count;
    if (m === this.tail.length) {
      const network = { nodeCount, arcCount: m, tail: this.tail, head: this.head, capacity: this.cap, cost: this.cost, supply: new Float64Array(nodeCount) };
      return { network, arcRole: this.role, arcRef: this.ref };
    }
    return {
      network: {
        nodeCount,
        arcCount: m,
        tail: this.tail.slice(0, m),
        head: this.head.slice(0, m),
        capacity: this.cap.slice(0, m),
        cost: this.cost.slice(0, m),
        supply: new Float64Array(nodeCount),
      },
      arcRole: this.role.slice(0, m),
      arcRef: this.ref.slice(0, m),
    };
  }

  private grow(): void {
    const room = this.tail.length * 2;
    const bigger = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(room);
      b.set(a);
      return b;
    };
    this.tail = bigger(this.tail);
    this.head = bigger(this.head);
    this.cap = bigger(this.cap);
    this.cost = bigger(this.cost);
    this.role = bigger(this.role);
    this.ref = bigger(this.ref);
  }
}
