// Benchmark driver for bench/dashboard: loads the dashboard in headless Chromium while a canary release runs.
// Prints one JSON object as its last line: first_render_ms (navigation start to the first snapshot drawn, cold cache,
// median of LOADS), event_to_screen_ms (an audit entry's time in the control plane to its row on screen, median over
// the release's traffic.shifted steps; _max is the worst), page_js_kb (JavaScript the page downloads).
// Usage: node web/bench/dashboard.mjs http://127.0.0.1:7400/ v2
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:7400/', version = 'v2'] = process.argv.slice(2);
const LOADS = Number(process.env.LOADS || 5);
const executablePath = process.env.CUTOVER_CHROMIUM || '/usr/bin/chromium';
const page_url = new URL('/dashboard/', base).toString();
const log = (...args) => console.error('[bench]', ...args);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };

async function api(method, path, body) {
  const response = await fetch(new URL(`/api/v1/${path}`, base), {
    method,
    headers: { 'X-Cutover-Actor': 'bench:dashboard', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(data)}`);
  return data;
}

// Bounded: a release that hangs must not hang the benchmark.
setTimeout(() => { log('timed out after 5 minutes'); process.exit(1); }, 300_000).unref();
const TERMINAL = ['Succeeded', 'RolledBack', 'Failed'];

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

try {
  // The watching page: opened before the release, so every step arrives as a live event.
  const watcher = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await watcher.goto(page_url);
  await watcher.waitForSelector('body[data-ready]');
  const jsBytes = await watcher.evaluate(() => performance.getEntriesByType('resource')
    .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
    .reduce((sum, r) => sum + r.decodedBodySize, 0));
  await watcher.evaluate(() => {
    window.__rows = [];
    const body = document.querySelector('#audit-table tbody');
    new MutationObserver((records) => {
      const now = Date.now();
      for (const r of records) for (const row of r.addedNodes) {
        if (row.dataset) window.__rows.push({ seq: +row.dataset.seq, event: row.dataset.event, at: row.dataset.at, shown: now });
      }
    }).observe(body, { childList: true });
  });

  const release = await api('POST', 'releases', { version });
  log(`release ${release.id} of ${version} started`);
  for (let phase = release.phase; phase !== 'Shifting' && !TERMINAL.includes(phase); phase = (await api('GET', `releases/${release.id}`)).phase) {
    await new Promise((r) => setTimeout(r, 100));
  }

  // Cold loads during the release: a new context each time, so nothing comes from cache.
  const renders = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(page_url);
    await page.waitForSelector('body[data-ready]');
    await page.waitForFunction(() => window.cutoverDashboard.firstRenderMs !== null);
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const t = window.cutoverDashboard.timings;
      return { html: nav.responseEnd, dom: nav.domContentLoadedEventStart, connect: t.connect, open: t.open, snapshot: t.snapshot, render: window.cutoverDashboard.firstRenderMs };
    });
    log(`load ${i + 1}: ${Object.entries(timing).map(([k, v]) => `${k} ${v === undefined ? '-' : v.toFixed(0)}`).join(', ')} ms`);
    renders.push(timing.render);
    await context.close();
  }
  log(`first render (ms): ${renders.map((r) => r.toFixed(0)).join(', ')}`);

  let state;
  do {
    await new Promise((r) => setTimeout(r, 250));
    state = await api('GET', `releases/${release.id}`);
  } while (!TERMINAL.includes(state.phase));
  await new Promise((r) => setTimeout(r, 500));
  log(`release ${release.id} ended ${state.phase}`);

  const rows = await watcher.evaluate(() => window.__rows);
  const steps = rows.filter((r) => r.event === 'traffic.shifted').map((r) => r.shown - Date.parse(r.at));
  const all = rows.map((r) => r.shown - Date.parse(r.at));
  log(`event to screen (ms), traffic.shifted: ${steps.join(', ')}; all ${all.length} audit entries: median ${median(all)}, max ${Math.max(...all)}`);

  console.log(JSON.stringify({
    first_render_ms: Math.round(median(renders)),
    event_to_screen_ms: median(steps),
    page_js_kb: Math.round((jsBytes / 1024) * 10) / 10,
    first_render_max_ms: Math.round(Math.max(...renders)),
    event_to_screen_max_ms: Math.max(...steps),
    event_to_screen_all_median_ms: median(all),
    steps_measured: steps.length,
    release_phase: state.phase,
  }));
} finally {
  await browser.close();
}
