/**
 * The review console in a real browser (Debian's Chromium through playwright-core) against the
 * real service on a temp SQLite file with the Changzhou sample. What the page shows is checked
 * against what the API says (the oracle), and every decision made in the page is checked in the
 * API afterwards. Runs as one story: the steps share the browser and the run under review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CATEGORIES, SUPPORT_FORMS } from '../../src/domain/taxonomy.js';
import type { BottleneckRow, PriceReport } from '../../src/match/prices/price-types.js';
import { launchBrowser, overflowsSideways, screenshot, signIn, type Browser } from './browser.js';
import { startConsoleService, type ConsoleService } from './console-service.js';

let service: ConsoleService;
let browser: Browser;
let runId: string;
/** The community the official reviews: the one with the most proposed pairings. */
let place: { district: string; street: string; community: string };
let official: Page;
const decided = { approved: [] as { id: number; need: string; offer: string }[], rejected: undefined as undefined | { id: number; need: string; offer: string } };

const zh = (n: number, digits = 0) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

async function allPairings(run: string, query = ''): Promise<any[]> {
  const items: any[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const page: { items: any[]; nextOffset: number | null } = (await service.api('admin', 'GET', `/v1/runs/${run}/pairings?limit=500&offset=${offset}${query}`)).body;
    items.push(...page.items);
    offset = page.nextOffset;
  }
  return items;
}

const row = (page: Page, id: number) => page.locator(`tr.pairing-row[data-pairing="${id}"]`);

/** Starts the service with the sample and solves a first run, as an official would. */
async function prepareService(): Promise<void> {
  service = await startConsoleService();
  const batches = (await service.api('official', 'GET', '/v1/batches')).body.items;
  const run = await service.api('official', 'POST', '/v1/runs', { batchIds: [batches[0].id] });
  expect(run.status).toBe(201);
  runId = run.body.run.id;
  const counts = new Map<string, { n: number; p: any }>();
  for (const p of await allPairings(runId)) counts.set(p.community, { n: (counts.get(p.community)?.n ?? 0) + 1, p });
  const [community, best] = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))[0]!;
  expect(best.n).toBeGreaterThanOrEqual(5);
  expect(best.n).toBeLessThanOrEqual(50);
  place = { district: best.p.district, street: best.p.street, community };
}

let serviceReady: Promise<void>;
let browserReady: Promise<Browser>;
beforeAll(() => {
  // A failing hook only marks the tests skipped; a missing Chromium must fail them. So setup
  // runs here but its failure is thrown by every test that needs it (see `ready`).
  serviceReady = prepareService();
  browserReady = launchBrowser();
  serviceReady.catch(() => undefined);
  browserReady.catch(() => undefined);
});

/** The service and the browser, or the reason there are none. */
async function ready(): Promise<void> {
  await serviceReady;
  browser = await browserReady;
}

afterAll(async () => {
  await (await browserReady.catch(() => undefined))?.close();
  await service?.close();
});

describe('the review console', () => {
  it('is served at / with a policy that allows only its own files', async () => {
    await serviceReady;
    const page = await fetch(`${service.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    const script = /src="\.\/(app-[A-Z0-9]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(`${service.url}/${script}`);
    expect(bundle.headers.get('cache-control')).toContain('immutable');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await fetch(`${service.url}/no-such-file.js`)).status).toBe(404);
  });

  it('refuses a wrong key and signs an official in', async () => {
    await ready();
    official = await browser.newPage();
    await official.goto(service.url);
    await official.locator('input[name=apiKey]').fill('jd_not-a-key');
    await official.locator('form.sign-in-form button[type=submit]').click();
    await official.getByRole('alert').filter({ hasText: '密钥无效或已被撤销。' }).waitFor();
    await signIn(official, service.url, service.keys.official);
    expect(await official.locator('.caller .badge-role').textContent()).toBe('审核员');
    await official.locator(`tr[data-run="${runId}"] a`).click();
    await official.locator('[data-view=overview]').waitFor();
  });

  it('shows the overview: key figures and charts as the statistics say', async () => {
    await ready();
    const stats = (await service.api('official', 'GET', `/v1/runs/${runId}/statistics`)).body;
    const total = stats.coverage.total;
    expect(await official.locator('[data-kpi=beneficiaries] .kpi-value').textContent()).toBe(zh(total.beneficiariesReached));
    expect(await official.locator('[data-kpi=communities] .kpi-detail').textContent()).toContain(`${zh(total.communitiesReached)} / ${zh(total.communities)}`);
    const districtChart = official.locator('figure.chart').first();
    expect(await districtChart.locator('li.chart-row').count()).toBe(stats.coverage.byDistrict.length);
    for (const d of stats.coverage.byDistrict) {
      const text = await districtChart.locator(`li.chart-row[data-key="${d.key}"] .chart-value`).textContent();
      expect(text).toBe(`${zh(d.beneficiariesReached)} / ${zh(d.beneficiaries)}`);
    }
    const categoryChart = official.locator('figure.chart').nth(1);
    for (const c of stats.coverage.byCategory) {
      expect(await categoryChart.locator(`li.chart-row[data-key="${c.key}"] .chart-label`).textContent()).toBe(CATEGORIES[c.key as keyof typeof CATEGORIES].zh);
    }
    expect(await official.locator('figure.chart').nth(2).locator('li.chart-row').count()).toBe(stats.coverage.byProviderKind.length);
    expect(await overflowsSideways(official)).toBe(false);
    await screenshot(official, 'overview-1366x768');
  });

  it('filters the pairings to one community, as the API lists them', async () => {
    await ready();
    await official.locator('[data-tab=pairings]').click();
    await official.locator('tr.pairing-row').first().waitFor();
    await official.locator('select[name=district]').selectOption(place.district);
    await official.locator('select[name=street]').selectOption(place.street);
    await official.locator('select[name=community]').selectOption(place.community);
    const expected = await allPairings(runId, `&community=${place.community}`);
    await official.locator('[data-testid=pairings-count]', { hasText: new RegExp(`^共 ${expected.length} 条结对$`) }).waitFor();
    await official.locator(`tr.pairing-row[data-community="${place.community}"]`).nth(expected.length - 1).waitFor();
    const shown = await official.locator('tr.pairing-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-pairing'), r.getAttribute('data-community')]));
    // Sorted by value, highest first, exactly the API's rows.
    const byValue = [...expected].sort((a, b) => b.value - a.value);
    expect(shown).toEqual(byValue.map((p) => [String(p.id), place.community]));
  });

  it("reads a pairing's breakdown: one bar per feature and the full table match its score", async () => {
    await ready();
    const first = (await allPairings(runId, `&community=${place.community}`)).sort((a, b) => b.value - a.value)[0];
    const bars = row(official, first.id).locator('li.feature');
    expect(await bars.count()).toBe(8);
    for (const [group, terms] of [['fit', first.score.fitTerms], ['value', first.score.valueTerms]] as const) {
      for (const [feature, term] of Object.entries(terms as Record<string, { value: number; weight: number; contribution: number }>)) {
        const bar = row(official, first.id).locator(`li.feature-${group}[data-feature=${feature}]`);
        expect(Number(await bar.locator('rect.feature-fill').getAttribute('width'))).toBeCloseTo(Math.min(1, term.value) * 100, 6);
        expect(await bar.locator('.feature-value').textContent()).toBe(zh(term.value, 2));
      }
    }
    await row(official, first.id).locator('[data-action=details]').click();
    const details = official.locator(`[data-details-for="${first.id}"] [data-testid=pairing-details]`);
    for (const [feature, term] of Object.entries({ ...first.score.fitTerms, ...first.score.valueTerms }) as [string, { value: number; contribution: number }][]) {
      const cells = await details.locator(`tr[data-feature=${feature}] td`).allTextContents();
      expect(cells.slice(1, 2).concat(cells.slice(3))).toEqual([zh(term.value, 2), zh(term.contribution, 3)]);
    }
    expect(await details.locator('.alternates li').count()).toBe(first.alternates.length);
  });

  it('approves three, rejects one with a reason, and shows a conflict when someone else decided first', async () => {
    await ready();
    const ids = (await official.locator('tr.pairing-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-pairing'), r.getAttribute('data-need'), r.getAttribute('data-offer')])))
      .slice(0, 5)
      .map(([id, need, offer]) => ({ id: Number(id), need: need!, offer: offer! }));
    for (const p of ids.slice(0, 3)) {
      await row(official, p.id).locator('[data-action=approve]').click();
      await official.locator(`tr.pairing-row[data-pairing="${p.id}"][data-status=approved]`).waitFor();
      decided.approved.push(p);
    }
    const toReject = ids[3]!;
    await row(official, toReject.id).locator('[data-action=reject]').click();
    const form = official.locator(`[data-details-for="${toReject.id}"] [data-testid=reject-form]`);
    await form.locator('button[type=submit]').click();
    await form.getByRole('alert').filter({ hasText: '请填写驳回理由。' }).waitFor();
    await form.locator('textarea[name=reason]').fill('与社区活动时间冲突，已另行安排');
    await form.locator('button[type=submit]').click();
    await official.locator(`tr.pairing-row[data-pairing="${toReject.id}"][data-status=rejected]`).waitFor();
    decided.rejected = toReject;

    // Someone else (an admin) approves the fifth pairing at the version the page still shows.
    const other = ids[4]!;
    expect((await service.api('admin', 'POST', `/v1/pairings/${other.id}/decision`, { decision: 'approve', version: 1 })).status).toBe(200);
    await row(official, other.id).locator('[data-action=approve]').click();
    const conflict = row(official, other.id).locator('[data-testid=conflict]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(service.keyIds.admin);
    await official.locator(`tr.pairing-row[data-pairing="${other.id}"][data-status=approved]`).waitFor();
    decided.approved.push(other);

    for (const p of decided.approved) expect((await service.api('admin', 'GET', `/v1/pairings/${p.id}`)).body.status).toBe('approved');
    const rejected = (await service.api('admin', 'GET', `/v1/pairings/${toReject.id}`)).body;
    expect([rejected.status, rejected.reason, rejected.decidedBy]).toEqual(['rejected', '与社区活动时间冲突，已另行安排', service.keyIds.official]);
    await row(official, toReject.id).scrollIntoViewIfNeeded();
    await screenshot(official, 'pairings-decisions-1366x768');
    await official.evaluate('window.scrollTo(0, 0)');
    await screenshot(official, 'pairings-1366x768');
  });

  it('re-solves: the approved pairings are kept and the rejected pair is gone', async () => {
    await ready();
    await official.locator('[data-testid=resolve]').click();
    await official.locator('[data-view=changes]').waitFor({ timeout: 45_000 });
    const next = /#\/runs\/(run_[0-9a-f]+)\/changes/.exec(official.url())?.[1];
    expect(next).toBeDefined();
    expect((await service.api('official', 'GET', `/v1/runs/${next}`)).body.parentRunId).toBe(runId);
    expect(await official.locator('[data-kpi=kept] .kpi-value').textContent()).toBe(String(decided.approved.length));
    const gone = decided.rejected!;
    const removed = official.locator(`[data-diff=removed] li[data-need="${gone.need}"][data-offer="${gone.offer}"]`);
    expect(await removed.textContent()).toContain('已被驳回');
    await screenshot(official, 'changes-1366x768');

    await official.goto(`${service.url}/#/runs/${next}/pairings?district=${encodeURIComponent(place.district)}&street=${encodeURIComponent(place.street)}&community=${place.community}`);
    await official.locator('tr.pairing-row').first().waitFor();
    const apiRows = await allPairings(next!, `&community=${place.community}`);
    await official.locator('tr.pairing-row').nth(apiRows.length - 1).waitFor();
    for (const p of decided.approved) {
      const kept = official.locator(`tr.pairing-row[data-need="${p.need}"][data-offer="${p.offer}"]`);
      expect(await kept.getAttribute('data-status')).toBe('approved');
      expect(await kept.locator('.chip-locked').count()).toBe(1);
    }
    expect(await official.locator(`tr.pairing-row[data-need="${gone.need}"][data-offer="${gone.offer}"]`).count()).toBe(0);
    expect(apiRows.some((p) => p.need === gone.need && p.offer === gone.offer)).toBe(false);
    runId = next!;
  });

  it('bulk-approves the proposed pairings the filter shows', async () => {
    await ready();
    await official.locator('select[name=status]').selectOption('proposed');
    const proposed = await allPairings(runId, `&community=${place.community}&status=proposed`);
    expect(proposed.length).toBeGreaterThan(0);
    const bulk = official.locator('[data-testid=bulk-approve]');
    await bulk.locator('button', { hasText: `批准筛选出的 ${proposed.length} 条待审结对` }).click();
    await bulk.locator('button.approve').click();
    await bulk.locator('.notice-success', { hasText: `已批准 ${proposed.length} 条结对。` }).waitFor();
    expect(await allPairings(runId, `&community=${place.community}&status=proposed`)).toEqual([]);
    for (const p of proposed) expect((await service.api('admin', 'GET', `/v1/pairings/${p.id}`)).body.status).toBe('approved');
  });

  it('shows a planner no decision buttons', async () => {
    await ready();
    const planner = await browser.newPage();
    await signIn(planner, service.url, service.keys.planner);
    expect(await planner.locator('.caller .badge-role').textContent()).toBe('规划员');
    await planner.goto(`${service.url}/#/runs/${runId}/pairings`);
    await planner.locator('tr.pairing-row').first().waitFor();
    expect(await planner.locator('.notice-info').first().textContent()).toContain('只能查看');
    expect(await planner.locator('[data-action=details]').count()).toBeGreaterThan(0);
    for (const control of ['[data-action=approve]', '[data-action=reject]', '[data-testid=bulk-approve]', '[data-testid=resolve]', '[data-testid=start-run]']) {
      expect(await planner.locator(control).count(), control).toBe(0);
    }
    await planner.goto(`${service.url}/#/`);
    await planner.locator('tr[data-run]').first().waitFor();
    expect(await planner.locator('[data-testid=start-run]').count()).toBe(0);
    await planner.close();
  });

  it('switches the labels to English and back', async () => {
    await ready();
    await official.goto(`${service.url}/#/runs/${runId}/pairings?community=${place.community}`);
    const first = official.locator('tr.pairing-row').first();
    await first.waitFor();
    const category = (await first.locator('.cell-need .chip').textContent())!;
    const id = (Object.entries(CATEGORIES).find(([, l]) => l.zh === category) ?? [])[0] as keyof typeof CATEGORIES;
    expect(id).toBeDefined();
    await official.locator('[data-testid=lang-switch]').click();
    await official.locator('.brand-title', { hasText: 'Pairing review console' }).waitFor();
    expect(await official.locator('html').getAttribute('lang')).toBe('en');
    expect(await official.locator('[data-tab=pairings]').textContent()).toBe('Proposed pairings');
    expect(await official.locator('th').first().textContent()).toBe('Need');
    expect(await first.locator('.cell-need .chip').textContent()).toBe(CATEGORIES[id].en);
    await official.locator('[data-testid=lang-switch]').click();
    await official.locator('.brand-title', { hasText: '结对审核台' }).waitFor();
    expect(await official.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await first.locator('.cell-need .chip').textContent()).toBe(CATEGORIES[id].zh);
  });

  it('shows the bottleneck report when the statistics carry one', async () => {
    await ready();
    // The service adds prices only to runs asked for them; the page is given one in the shape
    // of match/prices (PriceReport) on top of the real statistics, and must show it.
    const row = (dimension: BottleneckRow['dimension'], key: string, valueOfTenPercent: number, extra: Partial<BottleneckRow> = {}): BottleneckRow => ({
      dimension, key, offers: 10, capacity: 1000, used: 1000, scarceOffers: 4, meanPrice: 0.5, maxPrice: 2, valueOfTenPercent, ...extra,
    });
    const prices: Pick<PriceReport, 'bottlenecks' | 'note'> = {
      note: 'prices are one optimal dual solution',
      bottlenecks: {
        byForm: [row('form', 'talent', 812), row('form', 'funds', 95)],
        byCategory: [row('category', 'elderly', 400)],
        byDistrict: [row('district', place.district, 300)],
        byProviderKind: [row('providerKind', 'volunteer', 250)],
        hotspots: [row('hotspot', `talent · elderly · ${place.district}`, 120, { form: 'talent', category: 'elderly', district: place.district })],
      },
    };
    const page = await browser.newPage();
    await page.route('**/v1/runs/*/statistics', async (route) => {
      const real = await route.fetch();
      await route.fulfill({ response: real, json: { ...(await real.json()), prices } });
    });
    await signIn(page, service.url, service.keys.analyst);
    await page.goto(`${service.url}/#/runs/${runId}/overview`);
    const report = page.locator('[data-view=bottlenecks]');
    await report.waitFor();
    expect(await report.locator('li.chart-row .chart-label').allTextContents()).toEqual([SUPPORT_FORMS.talent.zh, SUPPORT_FORMS.funds.zh]);
    expect(await report.locator('li.chart-row .chart-value').first().textContent()).toBe('812 · 4 / 10 项供给已用尽');
    expect(await report.locator('tbody tr td').first().textContent()).toBe(`${SUPPORT_FORMS.talent.zh} · ${CATEGORIES.elderly.zh} · ${place.district}`);
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'bottlenecks-1366x768');
    await page.close();
  });

  it('fits a phone screen', async () => {
    await ready();
    const phone = await browser.newPage({ width: 390, height: 844 });
    await signIn(phone, service.url, service.keys.official);
    await phone.goto(`${service.url}/#/runs/${runId}/overview`);
    await phone.locator('[data-view=overview] figure.chart').first().waitFor();
    expect(await overflowsSideways(phone)).toBe(false);
    await screenshot(phone, 'overview-phone', true);
    await phone.goto(`${service.url}/#/runs/${runId}/pairings?community=${place.community}`);
    await phone.locator('tr.pairing-row').first().waitFor();
    expect(await overflowsSideways(phone)).toBe(false);
    await screenshot(phone, 'pairings-phone');
    await phone.close();
    expect(browser.errors).toEqual([]);
  });
});
