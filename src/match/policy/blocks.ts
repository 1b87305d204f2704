/**
 * Flow blocks: the model's component networks, merged where a budget cap joins them, with the
 * caps written into the network itself. A district cap becomes a node that all funds reaching the
 * district's communities pass through (cf/need → district → sink); a programme cap becomes a node
 * between the source and the programme's offers (source → programme → offer). Districts partition
 * communities and programmes partition offers, so the network stays a network: totally unimodular,
 * solved exactly by the flow solver, whatever the caps.
 *
 * Blocks keep the ComponentModel shape (network, arc roles and refs), so the pipeline's decode,
 * unmet reasons and coverage read them unchanged.
 */
import { ArcRole, type ComponentModel, type MatchModel } from '../model/build-model.js';
import type { BatchIndex } from '../model/batch-index.js';
import type { FlowNetwork } from '../../solver/min-cost-flow/network.js';
import { splitComponents } from '../model/components.js';

/** Roles of the arcs that blocks add to the model's (numbers after ArcRole's). */
export const BudgetArcRole = { district: 7, programme: 8 } as const;

/** A budget cap written into a block: its arc and what is left of it after locked pairs. */
export interface BudgetArc {
  readonly kind: 'district' | 'programme';
  readonly key: string;
  readonly block: number;
  readonly arc: number;
  readonly cap: number;
}

export interface FlowBlock extends ComponentModel {
  /** The model components this block is made of. */
  readonly componentIds: readonly number[];
}

export interface BlockSet {
  readonly blocks: readonly FlowBlock[];
  /** Block of each need / offer, or -1 when it is in no network. */
  readonly blockOfNeed: Int32Array;
  readonly blockOfOffer: Int32Array;
  /** The need's arc (need → community-form or sink) in its block, or -1. */
  readonly needArc: Int32Array;
  /** Block of each candidate edge and its one or two pair arcs (pairStable first), -1 if none. */
  readonly edgeBlock: Int32Array;
  readonly edgeArcA: Int32Array;
  readonly edgeArcB: Int32Array;
  readonly budgets: readonly BudgetArc[];
}

/** What the caps need to know: residual yuan per district and programme, offers per programme. */
export interface BudgetPlan {
  readonly districtCap: ReadonlyMap<string, number>;
  readonly programmeCap: ReadonlyMap<string, number>;
  /** Programme of each offer (its id), or undefined. */
  readonly programmeOfOffer: readonly (string | undefined)[];
}

/** Builds the blocks of a model under a budget plan (an empty plan gives one block per component). */
export function buildBlocks(index: BatchIndex, model: MatchModel, plan: BudgetPlan, candidateCount: number): BlockSet {
  const groups = groupComponents(index, model, plan);
  const blocks: FlowBlock[] = [];
  const budgets: BudgetArc[] = [];
  for (const ids of groups) {
    const b = blocks.length;
    blocks.push(ids.length === 1 && !touchesBudget(index, model, plan, ids[0]!) ? copyComponent(model.components[ids[0]!]!, ids) : mergeComponents(index, model, plan, ids, b, budgets));
  }
  return { blocks, budgets, ...locate(index, blocks, candidateCount) };
}

/** Components joined by a shared district cap (funds needs) or programme cap (offers). */
function groupComponents(index: BatchIndex, model: MatchModel, plan: BudgetPlan): number[][] {
  const C = model.components.length;
  const keys = new Map<string, number>();
  const a: number[] = [];
  const b: number[] = [];
  const link = (key: string, c: number) => {
    const k = keys.get(key);
    if (k === undefined) keys.set(key, c);
    else {
      a.push(k);
      b.push(c);
    }
  };
  model.components.forEach((comp, c) => {
    for (const n of comp.needs) {
      const district = index.communities[index.needCommunity[n]!]!.district;
      if (index.needs[n]!.form === 'funds' && plan.districtCap.has(district)) link(`d:${district}`, c);
    }
    for (const o of comp.offers) {
      const p = plan.programmeOfOffer[o];
      if (p !== undefined && plan.programmeCap.has(p)) link(`p:${p}`, c);
    }
  });
  const split = splitComponents(C, a, b);
  const groups: number[][] = Array.from({ length: split.count }, () => []);
  for (let c = 0; c < C; c++) groups[split.componentOf[c]!]!.push(c);
  return groups;
}

function touchesBudget(index: BatchIndex, model: MatchModel, plan: BudgetPlan, c: number): boolean {
  const comp = model.components[c]!;
  for (const n of comp.needs) {
    if (index.needs[n]!.form === 'funds' && plan.districtCap.has(index.communities[index.needCommunity[n]!]!.district)) return true;
  }
  for (const o of comp.offers) {
    const p = plan.programmeOfOffer[o];
    if (p !== undefined && plan.programmeCap.has(p)) return true;
  }
  return false;
}

/** A component as a block, with its own copy of the arc arrays (blocks get their bounds changed). */
function copyComponent(comp: ComponentModel, ids: readonly number[]): FlowBlock {
  return { ...comp, network: copyNetwork(comp.network), componentIds: ids };
}

export function copyNetwork(net: FlowNetwork): FlowNetwork {
  return {
    nodeCount: net.nodeCount,
    arcCount: net.arcCount,
    tail: net.tail.slice(),
    head: net.head.slice(),
    capacity: net.capacity.slice(),
    cost: net.cost.slice(),
    supply: net.supply.slice(),
  };
}

/** Merges components into one network with a shared source (0) and sink (1) and the budget nodes. */
function mergeComponents(
  index: BatchIndex,
  model: MatchModel,
  plan: BudgetPlan,
  ids: readonly number[],
  blockNo: number,
  budgets: BudgetArc[],
): FlowBlock {
  const arcs = { tail: [] as number[], head: [] as number[], cap: [] as number[], cost: [] as number[], role: [] as number[], ref: [] as number[] };
  const add = (t: number, h: number, cap: number, cost: number, role: number, ref: number) => {
    arcs.tail.push(t);
    arcs.head.push(h);
    arcs.cap.push(cap);
    arcs.cost.push(cost);
    arcs.role.push(role);
    arcs.ref.push(ref);
  };
  let nodes = 2;
  const budgetNode = new Map<string, number>();
  const nodeOfBudget = (key: string) => {
    let v = budgetNode.get(key);
    if (v === undefined) budgetNode.set(key, (v = nodes++));
    return v;
  };
  const needs: number[] = [];
  const offers: number[] = [];
  for (const c of ids) {
    const comp = model.components[c]!;
    const net = comp.network;
    const offset = nodes - 2;
    nodes += net.nodeCount - 2;
    const map = (v: number) => (v < 2 ? v : v + offset);
    for (let a = 0; a < net.arcCount; a++) {
      const role = comp.arcRole[a]!;
      let tail = map(net.tail[a]!);
      let head = map(net.head[a]!);
      if (head === 1 && (role === ArcRole.tier || role === ArcRole.tierFree || role === ArcRole.need)) {
        const district = districtOfSinkArc(index, model, role, comp.arcRef[a]!);
        if (district !== undefined && plan.districtCap.has(district)) head = nodeOfBudget(`d:${district}`);
      }
      if (role === ArcRole.supply) {
        const p = plan.programmeOfOffer[comp.arcRef[a]!];
        if (p !== undefined && plan.programmeCap.has(p)) tail = nodeOfBudget(`p:${p}`);
      }
      add(tail, head, net.capacity[a]!, net.cost[a]!, role, comp.arcRef[a]!);
    }
    needs.push(...comp.needs);
    offers.push(...comp.offers);
  }
  for (const [key, v] of budgetNode) {
    const district = key.startsWith('d:');
    const name = key.slice(2);
    const cap = Math.max(0, (district ? plan.districtCap.get(name) : plan.programmeCap.get(name)) ?? 0);
    const ref = budgets.length;
    budgets.push({ kind: district ? 'district' : 'programme', key: name, block: blockNo, arc: arcs.tail.length, cap });
    if (district) add(v, 1, cap, 0, BudgetArcRole.district, ref);
    else add(0, v, cap, 0, BudgetArcRole.programme, ref);
  }
  const m = arcs.tail.length;
  return {
    network: {
      nodeCount: nodes,
      arcCount: m,
      tail: Int32Array.from(arcs.tail),
      head: Int32Array.from(arcs.head),
      capacity: Float64Array.from(arcs.cap),
      cost: Float64Array.from(arcs.cost),
      supply: new Float64Array(nodes),
    },
    arcRole: Uint8Array.from(arcs.role),
    arcRef: Int32Array.from(arcs.ref),
    needs: Int32Array.from(needs),
    offers: Int32Array.from(offers),
    componentIds: ids,
  };
}

/** The funds district an arc into the sink carries money to, if it carries funds. */
function districtOfSinkArc(index: BatchIndex, model: MatchModel, role: number, ref: number): string | undefined {
  if (role === ArcRole.need) {
    if (index.needs[ref]!.form !== 'funds') return undefined;
    return index.communities[index.needCommunity[ref]!]!.district;
  }
  const cf = role === ArcRole.tier ? Math.floor(ref / 8) : ref;
  if (model.tiers.form[cf] !== 'funds') return undefined;
  return index.communities[model.tiers.community[cf]!]!.district;
}

function locate(index: BatchIndex, blocks: readonly FlowBlock[], candidateCount: number) {
  const blockOfNeed = new Int32Array(index.needs.length).fill(-1);
  const blockOfOffer = new Int32Array(index.offers.length).fill(-1);
  const needArc = new Int32Array(index.needs.length).fill(-1);
  const edgeBlock = new Int32Array(candidateCount).fill(-1);
  const edgeArcA = new Int32Array(candidateCount).fill(-1);
  const edgeArcB = new Int32Array(candidateCount).fill(-1);
  blocks.forEach((block, b) => {
    for (const o of block.offers) blockOfOffer[o] = b;
    for (const n of block.needs) blockOfNeed[n] = b;
    for (let a = 0; a < block.network.arcCount; a++) {
      const role = block.arcRole[a];
      const ref = block.arcRef[a]!;
      if (role === ArcRole.need) needArc[ref] = a;
      else if (role === ArcRole.pair || role === ArcRole.pairStable) {
        edgeBlock[ref] = b;
        // The stable arc is listed first: it is the cheaper one, so lower bounds go on it first.
        if (role === ArcRole.pairStable || edgeArcA[ref] === -1) {
          if (edgeArcA[ref] !== -1) edgeArcB[ref] = edgeArcA[ref]!;
          edgeArcA[ref] = a;
        } else edgeArcB[ref] = a;
      }
    }
  });
  return { blockOfNeed, blockOfOffer, needArc, edgeBlock, edgeArcA, edgeArcB };
}
