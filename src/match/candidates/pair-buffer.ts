/**
 * Candidate (offer, need) pairs as the scan finds them, in growable typed arrays (millions of
 * pairs, no per-pair allocation), with the offer-to-community distance the area rule computed
 * (scoring's distance feature reads it instead of computing the haversine again).
 */
export class PairBuffer {
  offer = new Int32Array(1024);
  need = new Int32Array(1024);
  /** Km from the offer's base to the need's community; NaN when the offer has no location. */
  km = new Float64Array(1024);
  length = 0;

  push(o: number, n: number, km: number): void {
    if (this.length === this.offer.length) this.grow();
    this.offer[this.length] = o;
    this.need[this.length] = n;
    this.km[this.length++] = km;
  }

  private grow(): void {
    const room = this.length * 2;
    const offer = new Int32Array(room);
    const need = new Int32Array(room);
    const km = new Float64Array(room);
    offer.set(this.offer);
    need.set(this.need);
    km.set(this.km);
    this.offer = offer;
    this.need = need;
    this.km = km;
  }
}

/** The pairs sorted by need, stably (a counting sort): offers scanned in increasing order stay so. */
export function sortByNeed(pairs: PairBuffer, needCount: number): { offer: Int32Array; need: Int32Array; km: Float64Array } {
  const start = new Int32Array(needCount + 1);
  for (let i = 0; i < pairs.length; i++) start[pairs.need[i]! + 1]!++;
  for (let n = 0; n < needCount; n++) start[n + 1]! += start[n]!;
  const offer = new Int32Array(pairs.length);
  const need = new Int32Array(pairs.length);
  const km = new Float64Array(pairs.length);
  const next = start.slice(0, needCount);
  for (let i = 0; i < pairs.length; i++) {
    const n = pairs.need[i]!;
    const at = next[n]!++;
    need[at] = n;
    offer[at] = pairs.offer[i]!;
    km[at] = pairs.km[i]!;
  }
  return { offer, need, km };
}
