/** The parts of the lean dispatch on their own: which requests it takes, its memo, its page cache. */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { leanMatcher } from '../../src/api/lean-match.js';
import { ParseMemo } from '../../src/api/parse-memo.js';
import { RenderedCache } from '../../src/api/rendered-cache.js';
import { route, type AnyRoute } from '../../src/api/route.js';
import { allRoutes } from '../../src/api/routes/index.js';

const reply = async () => ({ status: 200, body: {} });
const get = (path: string, lean: boolean): AnyRoute =>
  lean
    ? route({ method: 'get', path, summary: path, tag: 't', roles: 'public', responses: {}, lean: true, handler: reply })
    : route({ method: 'get', path, summary: path, tag: 't', roles: 'public', responses: {}, handler: reply });

describe('lean routes', () => {
  it('may not read the express request (a type error), nor be anything but a GET', () => {
    const reads = route({
      method: 'get', path: '/x', summary: 'x', tag: 't', roles: 'public', responses: {}, lean: true,
      // @ts-expect-error a lean handler is given no express request
      handler: async (ctx) => ({ status: 200, body: ctx.req.headers }),
    });
    expect(reads.lean).toBe(true);
    // @ts-expect-error a lean route is a GET
    route({ method: 'post', path: '/x', summary: 'x', tag: 't', roles: 'public', responses: {}, lean: true, handler: reply });
  });
});

describe('leanMatcher', () => {
  const match = leanMatcher([get('/v1/runs/latest/pairings', false), get('/v1/runs/:runId/pairings', true), get('/v1/runs/:runId', false)]);

  it('takes the plain path of a lean route, with its parameters and query text', () => {
    expect(match('/v1/runs/run_1/pairings?limit=2&sort=id')).toMatchObject({ params: { runId: 'run_1' }, path: '/v1/runs/run_1/pairings', query: 'limit=2&sort=id' });
    expect(match('/v1/runs/run_1/pairings')).toMatchObject({ query: '' });
  });

  it('leaves to express what express would route elsewhere, or decodes, or matches loosely', () => {
    expect(match('/v1/runs/latest/pairings')).toBeUndefined(); // an earlier route wins in express
    expect(match('/v1/runs/run_1')).toBeUndefined(); // not lean
    expect(match('/v1/runs/run%5F1/pairings')).toBeUndefined(); // percent-encoded
    expect(match('/V1/runs/run_1/pairings')).toBeUndefined(); // express matches it case-insensitively
    expect(match('/v1/runs/run_1/pairings/')).toBeUndefined(); // and with a trailing slash
    expect(match('/v1/runs/run_1/pairings?x#y')).toBeUndefined();
    expect(match('http://host/v1/runs/run_1/pairings')).toBeUndefined();
  });

  it("finds the service's own lean routes", () => {
    const real = leanMatcher(allRoutes({ settings: { bodyLimitBytes: 1, asyncRunNeeds: 1, solverVersion: 'x' } }));
    expect(real('/v1/runs/run_0123456789abcdef/pairings?limit=20')?.route.path).toBe('/v1/runs/:runId/pairings');
    expect(real('/v1/pairings/12')?.route.path).toBe('/v1/pairings/:pairingId');
    expect(real('/v1/runs/run_0123456789abcdef')).toBeUndefined();
  });
});

describe('ParseMemo', () => {
  const memo = new ParseMemo(z.strictObject({ limit: z.string().transform(Number) }), 'query');

  it('parses a text once and shares the frozen result', () => {
    let reads = 0;
    const read = () => {
      reads += 1;
      return { limit: '5' };
    };
    const first = memo.parse('limit=5', read);
    expect(first).toEqual({ limit: 5 });
    expect(memo.parse('limit=5', read)).toBe(first);
    expect(reads).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('throws the 422 problem for invalid input, every time', () => {
    for (let i = 0; i < 2; i++) expect(() => memo.parse('limit=5&x=1', () => ({ limit: '5', x: '1' }))).toThrow(expect.objectContaining({ status: 422 }));
  });
});

describe('RenderedCache', () => {
  const page = (n: number, tag = 'e') => ({ body: Buffer.alloc(n), etag: tag });

  it('answers only at the revision an entry was rendered at', () => {
    const cache = new RenderedCache(1_000);
    cache.set('a', 3, page(10));
    expect(cache.get('a', 3)?.body.length).toBe(10);
    expect(cache.get('a', 4)).toBeUndefined();
    expect(cache.get('a', 3)).toBeUndefined(); // the stale entry is gone
    expect(cache.size).toBe(0);
  });

  it('holds at most its byte budget, dropping the least recently used first', () => {
    const cache = new RenderedCache(100);
    cache.set('a', 1, page(40));
    cache.set('b', 1, page(40));
    expect(cache.get('a', 1)).toBeDefined(); // a is now the most recent
    cache.set('c', 1, page(40));
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.get('c', 1)).toBeDefined();
    expect(cache.size).toBe(80);
    cache.set('huge', 1, page(101));
    expect(cache.get('huge', 1)).toBeUndefined();
    cache.set('a', 2, page(30, 'new'));
    expect(cache.get('a', 2)?.etag).toBe('new');
    expect(cache.size).toBe(70);
  });
});
