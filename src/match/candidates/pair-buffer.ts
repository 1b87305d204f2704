/**
 * Candidate (offer, need) pairs as the scan finds them, in growable typed arrays (millions of
 * pairs, no per-pair allocation), with the offer-to-community distance the area rule computed
 * (scoring's distance feature reads it instead of computing the haversine again).
 */
export class PairBuffer {
  offer: Int32Array;
  need: Int32Array;
  /** Km from the offer's base to the need's community; NaN when the offer has no location. */
  km: Float64Array;
  length = 0;

  /** @param expected room to start with (an upper bound avoids every copy). */
  constructor(expected = 1024) {
    const room = Math.max(16, expected);
    this.offer = new Int32Array(room);
    this.need = new Int32Array(room);
    this.km = new Float64Array(room);
  }

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
