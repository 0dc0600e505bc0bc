import fs from 'node:fs';
import path from 'node:path';

import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import { eventually } from '@taizhang/testing';

import type { GatewayRegion } from './support/gateway-region';
import { joinBody, PASSWORD, startGatewayRegion } from './support/gateway-region';

// Debian's Chromium (scripts/setup.mjs installs it), never a downloaded browser.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];
// Each step's screenshot, kept as an artifact (git-ignored).
const SHOTS = path.join(__dirname, 'screenshots', 'dashboard');
const KPI_FIGURES = [
  'unions',
  'employers',
  'unionisationRate',
  'workforce',
  'members',
  'membershipRateOfUnionised',
  'membershipRateOfAll',
  'retainedMemberships',
  'termsExpired',
];
/** 维权: rights' figures of the summary, in their panel below the cards. */
const RIGHTS_PANEL_FIGURES = [
  'disputesReceived',
  'disputesAgreed',
  'disputesFailed',
  'disputesOverdue',
  'mediationSuccessRate',
  'amountRecoveredFen',
  'unionsWithCongressThisYear',
  'proposalsReceived',
  'proposalsAnswered',
];

/**
 * The dashboard as a district officer uses it, in Chromium through the gateway, against the real
 * organisation, reporting and gateway started from dist/ (the gateway serving the built app).
 */
describe('the dashboard in a browser', () => {
  let region: GatewayRegion;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) =>
    page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const ids = () => region.ids;
  const officerToken = () => region.tokens.federation_officer[0];
  const summaryFromApi = async (unitId: string, query = '') => {
    const answer = await region.call(
      'GET',
      `/api/reporting/reports/org-units/${unitId}/summary${query}`,
      officerToken(),
    );
    expect(answer.status).toBe(200);

    return answer.body;
  };
  /** The figures the page shows, as the values it was given (data-value) and as written. */
  const shownFigures = async () => {
    await page.waitForSelector('.kpi[data-figure="members"] .kpi-value');

    return page.$$eval('.kpi', (cards) =>
      Object.fromEntries(
        cards.map((card) => [
          card.getAttribute('data-figure'),
          card.querySelector('.kpi-value')?.getAttribute('data-value'),
        ]),
      ),
    );
  };
  const expectFiguresOf = async (unitId: string, query = '') => {
    const api = await summaryFromApi(unitId, query);
    const shown = await shownFigures();
    for (const figure of KPI_FIGURES)
      expect({ figure, shown: shown[figure] }).toEqual({ figure, shown: String(api[figure]) });
  };

  /** Clicks a button that downloads a workbook, keeps it beside the screenshots, reads it back. */
  const downloadedWorkbook = async (button: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);

    return { workbook, filename: download.suggestedFilename() };
  };
  const rowValues = (sheet: ExcelJS.Worksheet, row: number) =>
    (sheet.getRow(row).values as unknown[]).slice(1);

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    region = await startGatewayRegion();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await region?.close();
  }, 120_000);

  it('signs a district officer in, in Chinese, onto the district’s home view', async () => {
    await page.goto(`${region.gatewayUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.fill('input[name="username"]', 'officer0');
    await page.fill('input[name="password"]', PASSWORD);
    await shot('1-sign-in');
    await page.click('button[type="submit"]');
    await page.waitForURL(new RegExp(`/units/${ids().district[0]}$`));
    await page.waitForSelector('.kpi-label:text-is("建会率")');
    await shot('2-home-district');
  });

  it('shows the figures the API gives for the district, each with its definition on hover', async () => {
    await expectFiguresOf(ids().district[0]);
    await page.hover('.kpi[data-figure="membershipRateOfAll"]');
    const tip = page.locator('#tip-membershipRateOfAll');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toContain('入会率 = 会员数 ÷ 单位台账全部职工数');
    expect(await tip.textContent()).toContain('来源');
    await shot('2b-hover-definition');
    await page.mouse.move(0, 0);
    const members = (await summaryFromApi(ids().district[0]))['members'] as number;
    expect(await page.textContent('.kpi[data-figure="members"] .kpi-value')).toBe(
      new Intl.NumberFormat('zh-CN').format(members),
    );
    // 维权: rights' figures as the API gives them, in their own panel.
    expect(await page.textContent('.kpi-panel[data-panel="rights"] h2')).toBe('维权');
    const api = await summaryFromApi(ids().district[0]);
    const shown = await shownFigures();
    for (const figure of RIGHTS_PANEL_FIGURES)
      expect({ figure, shown: shown[figure] }).toEqual({ figure, shown: String(api[figure]) });
  });

  it('drills down to a street and a union, each its own URL, with a breadcrumb', async () => {
    await page.click(`tr[data-unit="${ids().street[0]}"] a`);
    await page.waitForURL(new RegExp(`/units/${ids().district[0]}/${ids().street[0]}$`));
    await expectFiguresOf(ids().street[0]);
    await page.waitForSelector('.breadcrumb >> text=和平区总工会第一街道工会联合会');
    await shot('3-street');
    await page.click(`tr[data-unit="${ids().union[0]}"] a`);
    await page.waitForURL(
      new RegExp(`/units/${ids().district[0]}/${ids().street[0]}/${ids().union[0]}$`),
    );
    await expectFiguresOf(ids().union[0]);
    await page.waitForSelector('.breadcrumb >> text=和平区总工会机床厂工会');
    expect(await page.textContent('.breadcrumb')).toContain('和平区总工会');
    await shot('4-union');
  });

  it('goes back up with the browser’s back button, and a view’s URL opens it again', async () => {
    await page.goBack();
    await page.waitForURL(new RegExp(`/units/${ids().district[0]}/${ids().street[0]}$`));
    await expectFiguresOf(ids().street[0]);
    await page.goto(
      `${region.gatewayUrl}/units/${ids().district[0]}/${ids().street[0]}/${ids().union[0]}`,
    );
    await expectFiguresOf(ids().union[0]);
  });

  it('shows the figures as of a chosen date, in the URL, and back to now', async () => {
    // Before the member joined (2020-07-01) and the employers were registered (2025-06-30).
    await page.fill('input[name="asOf"]', '2019-12-31');
    await page.waitForURL(/asOf=2019-12-31$/);
    await page.waitForSelector('.kpi[data-figure="members"] .kpi-value[data-value="0"]');
    await expectFiguresOf(ids().union[0], '?asOf=2019-12-31');
    await shot('4b-union-as-of');
    await page.click('button:has-text("当前")');
    await page.waitForURL(
      new RegExp(`/units/${ids().district[0]}/${ids().street[0]}/${ids().union[0]}$`),
    );
    await expectFiguresOf(ids().union[0]);
  });

  it('shows the figures as known at an instant, and what was entered later beside them', async () => {
    // Before the region was seeded: nothing was known yet, every member entered "late".
    await page.fill('input[name="knownAt"]', '2000-01-01T00:00');
    await page.waitForURL(/knownAt=/);
    const knownAt = new URL(page.url()).searchParams.get('knownAt')!;
    const query = `?knownAt=${encodeURIComponent(knownAt)}`;
    await page.waitForSelector('.kpi[data-figure="members"] .kpi-value[data-value="0"]');
    await expectFiguresOf(ids().union[0], query);
    const late = (await summaryFromApi(ids().union[0], query))['lateChanges'] as Record<
      string,
      number
    >;
    expect(late['members']).toBeGreaterThan(0);
    expect(await page.textContent('.kpi[data-figure="members"] .kpi-late')).toBe(
      `+${late['members']} 后补录`,
    );
    await shot('4c-union-known-at');
    await page.click('button:has-text("最新录入")');
    await page.waitForURL(
      new RegExp(`/units/${ids().district[0]}/${ids().street[0]}/${ids().union[0]}$`),
    );
    await expectFiguresOf(ids().union[0]);
    expect(await page.$('.kpi-late')).toBeNull();
  });

  it('never shows the neighbour district, not even by its URL', async () => {
    await page.goto(`${region.gatewayUrl}/units/${ids().district[0]}`);
    await shownFigures();
    expect(await page.textContent('body')).not.toContain('沈河区');
    expect(await page.$(`tr[data-unit="${ids().district[1]}"]`)).toBeNull();
    await page.goto(`${region.gatewayUrl}/units/${ids().district[1]}`);
    await page.waitForSelector('text=未找到该组织，或不在您的管辖范围内。');
    expect(await page.textContent('body')).not.toContain('沈河区');
    await shot('5-neighbour-not-found');
  });

  it('lists the employers without a union, as the API does, and downloads its sheet', async () => {
    const district = ids().district[0];
    await page.goto(`${region.gatewayUrl}/units/${district}`);
    await shownFigures();
    await page.click('a[data-list="uncovered"]');
    await page.waitForURL(new RegExp(`/units/${district}\\?list=uncovered$`));
    await page.waitForSelector(`tr[data-row="${ids().employer[0]}"]`);
    const api = await region.call(
      'GET',
      `/api/reporting/reports/org-units/${district}/uncovered-employers`,
      officerToken(),
    );
    const listed = (api.body['employers'] as { employerId: string }[]).map((row) => row.employerId);
    expect(await page.$$eval('tbody tr', (rows) => rows.map((row) => row.dataset['row']))).toEqual(
      listed,
    );
    expect(await page.textContent('.list')).toContain('第1号企业有限公司');
    expect(await page.$(`tr[data-row="${ids().employer[1]}"]`)).toBeNull();
    await shot('8-uncovered-employers');
    const { workbook, filename } = await downloadedWorkbook('button:has-text("导出 Excel")');
    expect(filename).toBe('未建会单位.xlsx');
    const sheet = workbook.worksheets[0]!;
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toEqual(expect.arrayContaining(['单位名称', '统一社会信用代码', '职工人数']));
    expect(values).toContain('第1号企业有限公司');
  });

  it('lists the unions with their status, searchable by name, each search its own URL', async () => {
    const district = ids().district[0];
    await page.click('a[data-list="unions"]');
    await page.waitForURL(new RegExp(`/units/${district}\\?list=unions$`));
    await page.waitForSelector(`tr[data-row="${ids().union[0]}"]`);
    expect(await page.textContent(`tr[data-row="${ids().union[0]}"]`)).toContain('存续');
    expect(await page.textContent('.list')).not.toContain('沈河区');
    await page.fill('input[name="name"]', '没有这个工会');
    await page.press('input[name="name"]', 'Enter');
    await page.waitForSelector('text=没有符合条件的记录。');
    await page.fill('input[name="name"]', '机床厂');
    await page.press('input[name="name"]', 'Enter');
    await page.waitForURL(/list=unions&name=/);
    await page.waitForSelector(`tr[data-row="${ids().union[0]}"]`);
    await shot('9-unions');
    const { workbook } = await downloadedWorkbook('button:has-text("导出 Excel")');
    const values = workbook.worksheets[0]!.getSheetValues().flat().map(String);
    expect(values).toContain('和平区总工会机床厂工会');
    // The term warnings of the district, today's, from organisation.
    await page.click('a[data-list="terms"]');
    await page.waitForURL(new RegExp(`/units/${district}\\?list=terms$`));
    await page.waitForSelector('.list table, .list .empty');
    await page.goBack();
    await page.waitForURL(/list=unions&name=/);
    await page.waitForSelector(`tr[data-row="${ids().union[0]}"]`);
  });

  it('exports the view’s statistics table with Chinese headers and the definitions', async () => {
    const district = ids().district[0];
    await page.goto(`${region.gatewayUrl}/units/${district}`);
    await shownFigures();
    await page.waitForSelector(`tr[data-unit="${ids().street[0]}"]`);
    const { workbook, filename } = await downloadedWorkbook('button.export-statistics');
    expect(filename).toBe('和平区总工会统计表.xlsx');
    const sheet = workbook.getWorksheet('统计表')!;
    expect(String(sheet.getCell('A1').value)).toContain('和平区总工会 工会统计表');
    expect(rowValues(sheet, 2).slice(0, 5)).toEqual([
      '名称',
      '类型',
      '基层工会数',
      '单位数',
      '已建会单位数',
    ]);
    const api = await summaryFromApi(district);
    const header = rowValues(sheet, 2);
    const total = rowValues(sheet, 3);
    expect(total[0]).toBe('和平区总工会');
    expect(total[header.indexOf('会员数')]).toBe(api['members']);
    expect(total[header.indexOf('基层工会数')]).toBe(api['unions']);
    expect(rowValues(sheet, 4)[0]).toBe('和平区总工会第一街道工会联合会');
    const definitions = workbook.getWorksheet('指标说明')!;
    expect(rowValues(definitions, 1)).toEqual(['指标', '定义', '来源']);
    expect(definitions.getSheetValues().flat().map(String)).toContain(
      '入会率 = 会员数 ÷ 单位台账全部职工数。',
    );
  });

  it('prints the figures and the table without the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.kpi[data-figure="members"]')).toBe(true);
    expect(await page.isVisible('header.top')).toBe(false);
    expect(await page.isVisible('button.export-statistics')).toBe(false);
    // The date picker is not printed, the date is.
    expect(await page.textContent('.print-only')).toBe('截至当前');
    await shot('10-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('switches every label to English and back', async () => {
    await page.goto(`${region.gatewayUrl}/units/${ids().district[0]}`);
    await shownFigures();
    await page.click('button:has-text("English")');
    await page.waitForSelector('.kpi-label:text-is("Unionisation rate")');
    expect(await page.textContent('body')).not.toContain('建会率');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await shot('6-english');
    await page.click('button:has-text("中文")');
    await page.waitForSelector('.kpi-label:text-is("建会率")');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it('measures the home view’s paint (recorded in docs/benchmarks.md, not asserted)', async () => {
    await page.goto(`${region.gatewayUrl}/units/${ids().district[0]}`);
    await shownFigures();
    const timings = await page.evaluate(() => ({
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      figuresShown: performance.getEntriesByName('taizhang:figures-shown')[0]?.startTime,
      javaScriptBytes: performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js'))
        .reduce(
          (sum, entry) => sum + ((entry as { encodedBodySize?: number }).encodedBodySize ?? 0),
          0,
        ),
    }));
    console.log(`dashboard home view: ${JSON.stringify(timings)}`);
    expect(timings.firstContentfulPaint).toBeGreaterThan(0);
    expect(timings.figuresShown).toBeGreaterThan(0);
  });

  it('reads on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${region.gatewayUrl}/units/${ids().district[0]}`);
    await shownFigures();
    // The cards sit two to a row, none wider than the screen.
    const widths = await page.$$eval('.kpi', (cards) => cards.map((card) => card.clientWidth));
    expect(Math.max(...widths)).toBeLessThan(390 / 2);
    await shot('7-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('signs out; a view’s URL then asks to sign in and leads back to it', async () => {
    await page.click('button:has-text("退出")');
    await page.waitForURL(/\/sign-in/);
    await page.waitForSelector('input[name="username"]');
    const street = `/units/${ids().district[0]}/${ids().street[0]}`;
    await page.goto(`${region.gatewayUrl}${street}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.fill('input[name="username"]', 'officer0');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL(new RegExp(`${street}$`));
    await expectFiguresOf(ids().street[0]);
  });

  // Live updates (reporting's GET /reports/live through the gateway): no reload, no polling.
  it('shows a join made through the API on the open page without reload', async () => {
    const street = ids().street[0];
    await page.goto(`${region.gatewayUrl}/units/${ids().district[0]}/${street}`);
    await shownFigures();
    await page.waitForSelector('.live-mark[data-live="live"]');
    // Gone with a reload: still there afterwards means the page was never loaded again.
    await page.evaluate(
      () => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true),
    );
    const before = (await summaryFromApi(street))['members'] as number;

    const sentAt = Date.now();
    const joined = await region.call(
      'POST',
      `/api/organisation/unions/${ids().union[0]}/members`,
      officerToken(),
      joinBody(901),
    );
    expect(joined.status).toBe(201);
    await page.waitForSelector(
      `.kpi[data-figure="members"] .kpi-value[data-value="${before + 1}"]`,
      { timeout: 30_000 },
    );
    console.log(`dashboard live update: the join shown ${Date.now() - sentAt} ms after its POST`);
    await page.waitForSelector('.live-updated:text-is("已更新")');
    await shot('11-live-update');
    expect(
      await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    await expectFiguresOf(street);
    // The children table follows too: the union's row counts the new member.
    const union = (await summaryFromApi(ids().union[0]))['members'] as number;
    await page.waitForSelector(`tr[data-unit="${ids().union[0]}"]`);
    expect(await page.textContent(`tr[data-unit="${ids().union[0]}"]`)).toContain(
      new Intl.NumberFormat('zh-CN').format(union),
    );
  });

  // 报表报送: its own block, after the others (the page is signed in as officer0 by then).
  it('submits a report and sees it from the city', async () => {
    const district = ids().district[0];
    // The last month that ended in China: it can be reported.
    const china = new Date(Date.now() + 8 * 3_600_000);
    const period = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1))
      .toISOString()
      .slice(0, 7);
    await page.goto(`${region.gatewayUrl}/units/${district}?list=reports&period=${period}`);
    // Signed in as officer0 after the blocks before; alone (-t), it signs in first.
    await page.waitForSelector('input[name="username"], .own-state');
    if (page.url().includes('/sign-in')) {
      await page.fill('input[name="username"]', 'officer0');
      await page.fill('input[name="password"]', PASSWORD);
      await page.click('button[type="submit"]');
    }
    await page.waitForSelector('.own-state[data-submitted="false"]');
    await page.click('button.submit-report');
    await page.waitForSelector('text=已报送。');
    await page.waitForSelector('.own-state[data-submitted="true"]');
    await shot('12-report-submitted');

    // The city's officer sees which districts submitted, and opens the report as frozen.
    await page.click('button:has-text("退出")');
    await page.waitForURL(/\/sign-in/);
    await page.fill('input[name="username"]', 'city.officer');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    // Signed in, back where the sign-out left (the district's view): the city opens its own.
    await page.waitForURL((url) => url.pathname.startsWith('/units/'));
    await page.goto(`${region.gatewayUrl}/units/${ids().city}?list=reports&period=${period}`);
    const row = `tr[data-unit="${district}"]`;
    await page.waitForSelector(`${row}[data-state="submitted"]`);
    expect(await page.textContent(row)).toContain('officer0');
    expect(await page.getAttribute(`tr[data-unit="${ids().district[1]}"]`, 'data-state')).toBe(
      'not-yet',
    );
    await shot('13-city-submissions');
    await page.click(`${row} a[data-report]`);
    await page.waitForSelector('table.report-figures');
    const reportId = new URL(page.url()).searchParams.get('report')!;
    const api = await region.call(
      'GET',
      `/api/reporting/reports/submissions/${reportId}`,
      region.cityOfficer,
    );
    expect(api.status).toBe(200);
    const frozen = api.body['figures'] as Record<string, number | null>;
    expect(await page.getAttribute('tr[data-figure="members"] .frozen', 'data-value')).toBe(
      String(frozen['members']),
    );

    // A member entered late, in the period: the report stays, the change is highlighted.
    const joined = await region.call(
      'POST',
      `/api/organisation/unions/${ids().union[0]}/members`,
      region.cityOfficer,
      { ...joinBody(990), joinedOn: `${period}-10` },
    );
    expect(joined.status).toBe(201);
    await eventually(
      () =>
        region.call('GET', `/api/reporting/reports/submissions/${reportId}`, region.cityOfficer),
      (answer) => (answer.body['changesSince'] as unknown[]).length > 0,
      60_000,
    );
    await page.reload();
    await page.waitForSelector('tr.changed[data-figure="members"]');
    expect(await page.getAttribute('tr[data-figure="members"] .frozen', 'data-value')).toBe(
      String(frozen['members']),
    );
    expect(await page.textContent('tr[data-figure="members"] .change')).toBe('+1');
    await shot('14-report-changed-since');
  });
});
