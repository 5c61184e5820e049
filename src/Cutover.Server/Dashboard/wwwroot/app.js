// Cutover dashboard: one page, fed by the control plane's server-sent events (/api/v1/events).
// No framework: the DOM is built with textContent only (nothing from the server is parsed as HTML).
(() => {
  'use strict';

  const ACTOR = 'dashboard';
  const TOKEN_KEY = 'cutover.apiToken';
  const CHART_SECONDS = 300;
  const MAX_AUDIT_ROWS = 500;
  const INITIAL_AUDIT_ROWS = 100;
  const HISTORY_ROWS = 60;
  const TERMINAL = new Set(['Succeeded', 'RolledBack', 'Failed']);
  const PRE_PHASES = [
    ['Provisioning', 'Provision instances'],
    ['HealthGate', 'Health gate'],
    ['PreTraffic', 'Test traffic and hooks'],
    ['AwaitingApproval', 'Manual approval'],
  ];
  const RANK = { Provisioning: 0, HealthGate: 1, PreTraffic: 2, AwaitingApproval: 3, Shifting: 4, Baking: 5, Finishing: 6, Succeeded: 7 };
  const STEP_EVENTS = new Set([
    'analysis.pass', 'analysis.fail', 'analysis.inconclusive', 'alarm.state', 'alarm.insufficient-data', 'alarm.overridden',
    'hook.failed', 'hook.passed', 'approval.waiting', 'release.paused', 'release.resumed', 'release.promoted', 'abort.requested',
    'rollback.started', 'traffic.restored',
  ]);
  const COLOURS = ['#0b5cad', '#c2410c', '#6d28d9', '#0f766e', '#a16207'];
  const DASHES = [[], [8, 4], [2, 3], [12, 3, 2, 3]];
  const MARKS = { done: '✓', current: '▶', pending: '○', failed: '✕', skipped: '–' };
  const WORDS = { done: 'done', current: 'in progress', pending: 'not yet', failed: 'stopped here', skipped: 'skipped' };

  const state = {
    info: null,
    status: null,
    release: null,
    audit: [],
    auditSeq: 0,
    alarms: [],
    history: [],
    charts: new Map(),
    markers: [],
    versions: [],
    firstRenderMs: null,
    timings: {},
    loadingCharts: false,
    busy: false,
  };
  window.cutoverDashboard = state;

  const $ = (id) => document.getElementById(id);

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function badge(tone, icon, text) {
    return el('span', { class: 'badge', 'data-tone': tone }, el('span', { 'aria-hidden': 'true' }, icon), text);
  }

  const pad = (n, w = 2) => String(n).padStart(w, '0');
  function clock(iso) {
    const d = new Date(iso);
    return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }

  /** .NET TimeSpan JSON ("00:00:01.5000000") to seconds. */
  function seconds(span) {
    const m = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(span || '');
    if (!m) return 0;
    const s = (+(m[2] || 0)) * 86400 + (+m[3]) * 3600 + (+m[4]) * 60 + (+m[5]) + (m[6] ? +(`0.${m[6]}`) : 0);
    return m[1] ? -s : s;
  }

  function duration(span) {
    const s = seconds(span);
    if (s === 0) return 'no hold';
    return s < 60 ? `hold ${+s.toFixed(1)} s` : `hold ${+(s / 60).toFixed(1)} min`;
  }

  function format(unit, v) {
    if (v === null || v === undefined || Number.isNaN(v)) return '–';
    switch (unit) {
      case 'perSecond': return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)}/s`;
      case 'share': return `${(v * 100).toFixed(v < 0.1 ? 2 : 1)}%`;
      case 'seconds': return v < 1 ? `${(v * 1000).toFixed(v < 0.01 ? 2 : 0)} ms` : `${v.toFixed(2)} s`;
      case 'bytes': return `${(v / 1048576).toFixed(1)} MiB`;
      default: return Number.isInteger(v) ? String(v) : v.toFixed(2);
    }
  }

  // ---------------------------------------------------------------- API

  function token() {
    try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch { return ''; }
  }

  async function call(method, path, body) {
    const headers = { 'X-Cutover-Actor': ACTOR, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const t = token();
    if (t) headers.Authorization = `Bearer ${t}`;
    const response = await fetch(`/api/v1/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    let data = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try { data = await response.json(); } catch { data = null; }
    }
    return { ok: response.ok, status: response.status, data };
  }

  function problemText(result) {
    const p = result.data || {};
    return p.detail || p.title || `HTTP ${result.status}`;
  }

  // ---------------------------------------------------------------- live feed

  function connect() {
    state.timings.connect ??= performance.now();
    const source = new EventSource('/api/v1/events');
    const connection = $('connection');
    const show = (s, icon, text) => {
      connection.dataset.state = s;
      connection.replaceChildren(el('span', { 'aria-hidden': 'true' }, icon), ` ${text}`);
    };
    source.addEventListener('open', () => {
      state.timings.open ??= performance.now();
      show('live', '●', 'live');
    });
    source.addEventListener('error', () => show('reconnecting', '◌', 'reconnecting…'));
    const on = (name, handler) => source.addEventListener(name, (e) => handler(JSON.parse(e.data)));
    on('snapshot', onSnapshot);
    on('release', (r) => { state.release = r; renderRelease(); });
    on('status', (s) => { state.status = s; if (!state.release && s.release) state.release = s.release; renderInstances(); renderControls(); });
    on('audit', onAudit);
    on('alarms', (a) => { state.alarms = a; renderAlarms(); });
    on('alarm-transitions', (t) => { state.history.push(...t); renderHistory(); });
    on('metrics', onMetrics);
  }

  function onSnapshot(s) {
    const first = state.info === null;
    state.timings.snapshot ??= performance.now();
    state.info = s.info;
    state.status = s.status;
    state.release = s.release;
    state.audit = [];
    state.auditSeq = 0;
    state.markers = [];
    $('audit-table').tBodies[0].replaceChildren();
    state.alarms = s.alarms;
    state.history = s.alarmHistory;
    $('service').textContent = s.info.service;
    $('environment').textContent = s.info.environment;
    document.title = `${s.info.service} · Cutover`;
    $('token-form').hidden = !s.info.tokenRequired;
    if (s.info.tokenRequired && !$('token').value) $('token').value = token();
    onAudit(s.audit, true);
    renderInstances();
    renderRelease();
    renderAlarms();
    renderHistory();
    if (first) {
      requestAnimationFrame(() => {
        state.firstRenderMs = performance.now();
        document.body.dataset.ready = 'true';
      });
      loadCharts();
    }
  }

  function onAudit(entries, quiet) {
    const fresh = entries.filter((e) => e.sequence > state.auditSeq);
    if (fresh.length === 0) return;
    state.auditSeq = fresh[fresh.length - 1].sequence;
    state.audit.push(...fresh);
    if (state.audit.length > 2000) state.audit.splice(0, state.audit.length - 2000);
    const body = $('audit-table').tBodies[0];
    // A snapshot draws its newest rows only: the first render stays quick, and older entries are a scroll of the CLI away.
    const shown = quiet ? fresh.slice(-INITIAL_AUDIT_ROWS) : fresh;
    for (const e of fresh) {
      if (isMarker(e)) state.markers.push(marker(e));
    }
    for (const e of shown) {
      body.prepend(el('tr', { 'data-seq': e.sequence, 'data-event': e.event, 'data-at': e.at, 'data-fresh': !quiet },
        el('td', { title: e.at }, clock(e.at)),
        el('td', {}, el('code', { text: e.event })),
        el('td', { class: 'wrap' }, e.actor),
        el('td', { class: 'wrap' }, e.detail)));
    }
    while (body.rows.length > MAX_AUDIT_ROWS) body.deleteRow(-1);
    if (!quiet) {
      renderTimeline();
      for (const chart of state.charts.values()) chart.plot?.redraw(false);
    }
  }

  // ---------------------------------------------------------------- release

  function running(r) {
    return r && !TERMINAL.has(r.phase);
  }

  function phaseBadge(r) {
    if (r.phase === 'Succeeded') return badge('ok', '✓', 'succeeded');
    if (r.phase === 'RolledBack') return badge('warn', '↩', 'rolled back');
    if (r.phase === 'Failed') return badge('bad', '✕', 'failed');
    if (r.phase === 'RollingBack') return badge('warn', '↩', 'rolling back');
    if (r.paused) return badge('warn', '⏸', 'paused');
    return badge('info', '▶', r.phase === 'Shifting' ? `step ${r.stepIndex + 1} of ${r.steps.length}` : r.phase);
  }

  function renderRelease() {
    const r = state.release;
    const summary = $('release-summary');
    if (!r) {
      summary.replaceChildren('No release yet. ', state.status?.currentVersion ? `${state.status.currentVersion} serves production.` : '');
      renderControls();
      $('timeline').replaceChildren();
      return;
    }
    summary.dataset.release = r.id;
    summary.dataset.phase = r.phase;
    summary.dataset.step = String(r.stepIndex);
    summary.dataset.weight = String(r.newWeightPercent);
    const kind = r.kind === 'Rollback' ? 'rollback' : r.strategy.replace(/^./, (c) => c.toLowerCase());
    summary.replaceChildren(
      phaseBadge(r), ' ',
      el('strong', {}, `${kind} of ${r.version}`),
      r.previousVersion ? ` replacing ${r.previousVersion}` : '',
      ` · ${r.newWeightPercent}% of traffic on ${r.version}`,
      el('br'),
      el('span', { class: 'muted' }, `${r.id} · by ${r.requestedBy} · started ${clock(r.startedAt)}${r.endedAt ? ` · ended ${clock(r.endedAt)}` : ''}`),
      r.reason ? el('span', { class: 'reason' }, el('br'), `Why: ${r.reason}`) : '');
    renderControls();
    renderTimeline();
  }

  function renderControls() {
    const r = state.release;
    const active = running(r) && r.phase !== 'RollingBack';
    const enable = {
      promote: active,
      pause: active && !r.paused,
      resume: active && r.paused,
      abort: active,
      rollback: !running(r) && !!state.status?.previousVersion,
    };
    for (const button of document.querySelectorAll('[data-action]')) {
      button.disabled = state.busy || !enable[button.dataset.action];
    }
    const rollback = document.querySelector('[data-action="rollback"]');
    rollback.title = state.status?.previousVersion ? `Release ${state.status.previousVersion} again` : 'Nothing to roll back to';
  }

  /** Where the release stopped, as a phase rank (see RANK), from its state and its audit entries. */
  function reachedRank(r, entries) {
    if (r.phase in RANK) return RANK[r.phase];
    const has = (name) => entries.some((e) => e.event === name);
    if (r.stepIndex >= 0) return has('bake.started') ? RANK.Baking : RANK.Shifting;
    if (has('approval.waiting')) return RANK.AwaitingApproval;
    if (has('instances.healthy')) return RANK.PreTraffic;
    if (has('instance.started')) return RANK.HealthGate;
    return RANK.Provisioning;
  }

  function status(rank, reached, r) {
    if (rank < reached) return 'done';
    if (rank > reached) return TERMINAL.has(r.phase) || r.phase === 'RollingBack' ? 'skipped' : 'pending';
    if (r.phase === 'Succeeded') return 'done';
    return running(r) && r.phase !== 'RollingBack' ? 'current' : 'failed';
  }

  function renderTimeline() {
    const r = state.release;
    const list = $('timeline');
    if (!r) return;
    const entries = state.audit.filter((e) => e.releaseId === r.id);
    const reached = reachedRank(r, entries);
    const nodes = [];
    const approval = r.phase === 'AwaitingApproval' || entries.some((e) => e.event === 'approval.waiting');
    for (const [phase, label] of PRE_PHASES) {
      if (phase === 'AwaitingApproval' && !approval) continue;
      nodes.push({ key: phase, label, status: status(RANK[phase], reached, r), events: [] });
    }
    const stepStarts = new Map();
    for (const e of entries) {
      const m = e.event === 'traffic.shifted' && /step (\d+)\/\d+/.exec(e.detail);
      if (m) stepStarts.set(+m[1] - 1, e.at);
    }
    r.steps.forEach((step, i) => {
      let s = status(RANK.Shifting, reached, r);
      if (reached === RANK.Shifting) s = i < r.stepIndex ? 'done' : i > r.stepIndex ? (s === 'failed' ? 'skipped' : 'pending') : s;
      nodes.push({ key: `step-${i}`, step: i, weight: step.weight, pause: step.pause, label: `Step ${i + 1} of ${r.steps.length}: ${step.weight}% on ${r.version}`, status: s, start: stepStarts.get(i), events: [] });
    });
    nodes.push({ key: 'bake', label: 'Bake', status: status(RANK.Baking, reached, r), events: [] });
    const end = r.phase === 'Succeeded' ? { status: 'done', label: `Released: ${r.version} serves all production traffic` }
      : r.phase === 'RolledBack' ? { status: 'failed', label: `Rolled back: ${r.previousVersion} serves all production traffic` }
        : r.phase === 'Failed' ? { status: 'failed', label: 'Failed' }
          : r.phase === 'RollingBack' ? { status: 'current', label: `Rolling back to ${r.previousVersion}` }
            : { status: 'pending', label: 'Done' };
    nodes.push({ key: 'end', label: end.label, status: end.status, detail: r.reason, events: [] });

    // Analysis verdicts, alarm changes, hooks and commands under the node they happened in.
    const timed = nodes.filter((n) => n.start);
    for (const e of entries) {
      if (!STEP_EVENTS.has(e.event)) continue;
      // Alarms settling (INSUFFICIENT_DATA → OK) would bury what matters; the alarm panel keeps every change.
      if (e.event === 'alarm.state' && !/ALARM →|→ ALARM/.test(e.detail)) continue;
      let target = null;
      for (const n of timed) if (n.start <= e.at) target = n;
      if (!target) target = [...nodes].reverse().find((n) => n.key in RANK && n.status !== 'pending' && n.status !== 'skipped') || nodes[0];
      if (e.event === 'rollback.started' || e.event === 'traffic.restored') {
        target = nodes.find((n) => n.status === 'failed' && n.key !== 'end') || target;
      }
      target.events.push(e);
    }

    list.replaceChildren(...nodes.map(renderNode));
  }

  function renderNode(n) {
    const r = state.release;
    const parts = [el('span', { class: 'label' }, n.label)];
    if (n.weight !== undefined) {
      const shown = n.weight;
      parts.push(el('div', { class: 'split', role: 'img', 'aria-label': `${shown}% new, ${100 - shown}% old` },
        el('span', { class: 'new', style: `width:${shown}%` }), el('span', { class: 'old', style: `width:${100 - shown}%` })));
      parts.push(el('div', { class: 'detail' }, `${shown}% ${r.version} · ${100 - shown}% ${r.previousVersion || ''} · ${duration(n.pause)}${n.start ? ` · from ${clock(n.start)}` : ''}`));
    }
    if (n.status === 'failed' && n.key !== 'end') parts.push(el('div', { class: 'detail' }, el('strong', {}, 'Stopped here'), r.reason ? `: ${r.reason}` : ''));
    if (n.detail && n.key === 'end' && r.phase !== 'Succeeded') parts.push(el('div', { class: 'detail' }, n.detail));
    if (n.events.length > 0) {
      parts.push(el('ul', { class: 'events' }, n.events.map((e) => el('li', { 'data-event': e.event }, `${clock(e.at)} `, eventIcon(e), ` ${e.event}: ${e.detail}`))));
    }
    return el('li', { 'data-key': n.key, 'data-status': n.status, 'data-step': n.step },
      el('span', { class: 'mark', 'aria-hidden': 'true' }, MARKS[n.status]),
      el('div', {}, el('span', { class: 'visually-hidden' }, `${WORDS[n.status]}: `), ...parts));
  }

  function eventIcon(e) {
    if (e.event === 'analysis.pass') return badge('ok', '✓', 'pass');
    if (e.event === 'analysis.fail') return badge('bad', '✕', 'fail');
    if (e.event === 'analysis.inconclusive' || e.event === 'alarm.insufficient-data') return badge('none', '?', 'no data');
    if (e.event === 'alarm.state') return /→ ALARM/.test(e.detail) ? badge('bad', '▲', 'ALARM') : /→ OK/.test(e.detail) ? badge('ok', '✓', 'OK') : badge('none', '?', 'no data');
    if (e.event.startsWith('rollback') || e.event === 'traffic.restored') return badge('warn', '↩', 'rollback');
    return badge('info', '•', 'event');
  }

  // ---------------------------------------------------------------- actions

  const ACTIONS = {
    promote: { path: 'releases/current/promote' },
    pause: { path: 'releases/current/pause' },
    resume: { path: 'releases/current/resume' },
    abort: {
      path: 'releases/current/abort',
      confirm: (r) => ({
        title: `Abort the release of ${r.version}?`,
        text: `All production traffic goes back to ${r.previousVersion}; ${r.version} is drained and stopped. Release ${r.id} ends as rolled back.`,
        ok: 'Abort release',
      }),
    },
    rollback: {
      path: 'rollback',
      confirm: () => ({
        title: `Roll back to ${state.status.previousVersion}?`,
        text: `${state.status.previousVersion} is released again as an immediate blue/green: once healthy it takes all production traffic, and ${state.status.currentVersion} is drained and stopped.`,
        ok: 'Roll back',
      }),
    },
  };

  function confirmWith({ title, text, ok }) {
    const dialog = $('confirm');
    $('confirm-title').textContent = title;
    $('confirm-text').textContent = text;
    $('confirm-ok').textContent = ok;
    dialog.returnValue = '';
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
      dialog.showModal();
    });
  }

  async function act(name, button) {
    const action = ACTIONS[name];
    const result = $('action-result');
    if (action.confirm && !(await confirmWith(action.confirm(state.release)))) {
      result.dataset.kind = 'info';
      result.textContent = `${name}: cancelled`;
      button.focus();
      return;
    }
    state.busy = true;
    renderControls();
    result.dataset.kind = 'info';
    result.textContent = `${name}: sending…`;
    try {
      const answer = await call('POST', action.path);
      if (answer.ok) {
        result.textContent = `${name}: ${answer.data?.message || (answer.data?.id ? `release ${answer.data.id} started` : 'accepted')}`;
        if (answer.data?.release) state.release = answer.data.release;
        else if (answer.data?.id) state.release = answer.data;
        renderRelease();
      } else {
        result.dataset.kind = 'error';
        result.textContent = `${name} refused: ${problemText(answer)}`;
        if (answer.status === 401) {
          $('token-form').hidden = false;
          $('token').focus();
        }
      }
    } catch (error) {
      result.dataset.kind = 'error';
      result.textContent = `${name} failed: ${error.message}`;
    } finally {
      state.busy = false;
      renderControls();
      if (!button.disabled) button.focus();
    }
  }

  // ---------------------------------------------------------------- instances

  function versionIndex(version) {
    if (!version) return 0;
    let i = state.versions.indexOf(version);
    if (i < 0) {
      state.versions.push(version);
      i = state.versions.length - 1;
    }
    return i;
  }

  function renderInstances() {
    const s = state.status;
    if (!s) return;
    versionIndex(s.currentVersion);
    if (state.release) versionIndex(state.release.version);
    const byVersion = new Map();
    for (const i of s.instances) {
      if (!byVersion.has(i.version)) byVersion.set(i.version, []);
      byVersion.get(i.version).push(i);
    }
    const versions = $('versions');
    versions.replaceChildren(...[...byVersion.entries()].map(([version, list]) => {
      const share = list.reduce((sum, i) => sum + i.trafficPercent, 0);
      const healthy = list.filter((i) => i.healthy).length;
      const role = version === s.currentVersion ? badge('info', '★', 'serving')
        : running(state.release) && state.release.version === version ? badge('warn', '◆', 'new') : badge('none', '·', 'other');
      return el('li', { 'data-version': version, 'data-share': share.toFixed(1) },
        el('strong', {}, version), role, ` ${share.toFixed(1)}% of traffic · `,
        healthy === list.length ? badge('ok', '✓', `${healthy}/${list.length} healthy`) : badge('bad', '✕', `${healthy}/${list.length} healthy`));
    }));
    if (byVersion.size === 0) versions.replaceChildren(el('li', {}, 'No instances run.'));

    const rows = [];
    for (const [version, list] of byVersion) {
      rows.push(el('tr', { class: 'group' }, el('td', { colspan: 6 }, `${version}${version === s.currentVersion ? ' (serving)' : ''}`)));
      for (const i of list) {
        rows.push(el('tr', { 'data-instance': i.id, 'data-version': i.version, 'data-weight': i.weight, 'data-healthy': i.healthy },
          el('td', {}, i.id),
          el('td', {}, i.version),
          el('td', { class: 'num' }, i.port),
          el('td', { class: 'num' }, i.weight),
          el('td', { class: 'num' }, `${i.trafficPercent.toFixed(1)}%`),
          el('td', {}, i.healthy ? badge('ok', '✓', 'healthy') : badge('bad', '✕', 'unhealthy'), ` ${i.status}`)));
      }
    }
    $('instance-table').tBodies[0].replaceChildren(...rows);
  }

  // ---------------------------------------------------------------- alarms

  function alarmBadge(s) {
    if (s === 'ALARM') return badge('bad', '▲', 'ALARM');
    if (s === 'OK') return badge('ok', '✓', 'OK');
    return badge('none', '?', 'INSUFFICIENT DATA');
  }

  function renderAlarms() {
    const order = { ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2 };
    const sorted = [...state.alarms].sort((a, b) => (order[a.state] - order[b.state]) || a.alarm.localeCompare(b.alarm) || a.scope.localeCompare(b.scope));
    const rows = sorted.map((a) => el('tr', { 'data-alarm': a.alarm, 'data-scope': a.scope, 'data-state': a.state },
      el('td', {}, a.alarm, a.rollback ? el('span', { class: 'muted' }, ' · rollback') : '', el('span', { class: 'muted' }, ` · ${a.severity}`)),
      el('td', {}, a.scope),
      el('td', {}, alarmBadge(a.state)),
      el('td', { title: a.since }, clock(a.since)),
      el('td', { class: 'wrap' }, a.reason)));
    if (rows.length === 0) rows.push(el('tr', {}, el('td', { colspan: 5 }, 'No alarms are evaluated.')));
    $('alarm-table').tBodies[0].replaceChildren(...rows);
  }

  function renderHistory() {
    const items = state.history.slice(-HISTORY_ROWS).reverse().map((t) => el('li', { 'data-alarm': t.alarm, 'data-scope': t.scope, 'data-to': t.to },
      `${clock(t.at)} `, el('strong', {}, t.alarm), ` for ${t.scope}: `, alarmBadge(t.from), ' → ', alarmBadge(t.to),
      el('div', {}, t.reason),
      t.values.length > 0 ? el('div', { class: 'values' }, 'values: ', t.values.map((v) => `${clock(v.at)} ${v.value === null ? 'missing' : +v.value.toPrecision(4)}`).join(' · ')) : ''));
    $('alarm-history').replaceChildren(...(items.length ? items : [el('li', { class: 'muted' }, 'No state changes yet.')]));
  }

  // ---------------------------------------------------------------- charts

  function isMarker(e) {
    return state.info?.markerEvents.includes(e.event);
  }

  function marker(e) {
    const weight = /^(\d+)% of production/.exec(e.detail);
    const labels = { 'release.started': 'start', 'approval.waiting': 'approval', 'rollback.started': 'rollback', 'release.succeeded': 'done', 'release.rolled-back': 'rolled back', 'release.failed': 'failed' };
    return { t: Date.parse(e.at) / 1000, label: weight ? `${weight[1]}%` : labels[e.event] || e.event };
  }

  function markerPlugin() {
    return {
      hooks: {
        draw: [(u) => {
          const { ctx } = u;
          const { left, top, width, height } = u.bbox;
          const dpr = window.devicePixelRatio || 1;
          ctx.save();
          ctx.strokeStyle = '#3d4651';
          ctx.fillStyle = '#1b1f24';
          ctx.lineWidth = dpr;
          ctx.setLineDash([4 * dpr, 3 * dpr]);
          ctx.font = `${10 * dpr}px system-ui, sans-serif`;
          for (const m of state.markers) {
            const x = Math.round(u.valToPos(m.t, 'x', true));
            if (x < left || x > left + width) continue;
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, top + height);
            ctx.stroke();
            ctx.fillText(m.label, x + 3 * dpr, top + 11 * dpr);
          }
          ctx.restore();
        }],
      },
    };
  }

  function chartBox(def) {
    let chart = state.charts.get(def.id);
    if (chart) return chart;
    const plot = el('div', { class: 'plot', role: 'img', 'aria-label': `${def.title} per version over the last five minutes` });
    const empty = el('p', { class: 'empty' }, 'Waiting for data…');
    const latest = el('p', { class: 'hint latest', 'aria-live': 'off' });
    const box = el('figure', { class: 'chart', 'data-chart': def.id, 'data-points': 0 }, el('h3', {}, def.title), empty, plot, latest);
    $('charts').append(box);
    chart = { id: def.id, title: def.title, unit: def.unit, optional: def.optional, error: def.error, times: [], series: new Map(), box, plotEl: plot, empty, latest, plot: null, signature: '' };
    state.charts.set(def.id, chart);
    return chart;
  }

  function seriesOf(chart, key, version, label) {
    let s = chart.series.get(key);
    if (!s) {
      s = { key, version, label, values: new Array(chart.times.length).fill(null) };
      chart.series.set(key, s);
    }
    return s;
  }

  async function loadCharts() {
    state.loadingCharts = true;
    const note = $('chart-status');
    note.textContent = 'Loading the last five minutes…';
    try {
      const answer = await call('GET', 'metrics/golden?range=5m');
      if (!answer.ok) {
        note.textContent = `Charts unavailable: ${problemText(answer)}`;
        return;
      }
      const data = answer.data;
      for (const m of data.markers) {
        if (!state.markers.some((x) => x.t === Date.parse(m.at) / 1000)) state.markers.push(marker(m));
      }
      for (const def of data.charts) {
        const chart = chartBox(def);
        chart.error = def.error;
        const times = [...new Set(def.series.flatMap((s) => s.times))].sort((a, b) => a - b);
        const live = chart.times;
        const merged = [...times.filter((t) => live.length === 0 || t < live[0]), ...live];
        const index = new Map(merged.map((t, i) => [t, i]));
        const old = chart.series;
        chart.times = merged;
        chart.series = new Map();
        for (const [key, s] of old) {
          const values = new Array(merged.length).fill(null);
          live.forEach((t, i) => { values[index.get(t)] = s.values[i]; });
          chart.series.set(key, { ...s, values });
        }
        for (const s of def.series) {
          const target = seriesOf(chart, s.key, s.version, s.label);
          s.times.forEach((t, i) => { if (index.has(t) && target.values[index.get(t)] === null) target.values[index.get(t)] = s.values[i]; });
          versionIndex(s.version);
        }
        draw(chart);
      }
      note.textContent = '';
    } catch (error) {
      note.textContent = `Charts unavailable: ${error.message}`;
    } finally {
      state.loadingCharts = false;
    }
  }

  function onMetrics(update) {
    if (state.charts.size === 0) {
      // The first load failed (Prometheus starting, say): the charts' definitions come with the range query.
      if (!state.loadingCharts) loadCharts();
      return;
    }
    const t = update.time;
    const byChart = new Map();
    for (const p of update.points) {
      if (!byChart.has(p.chart)) byChart.set(p.chart, []);
      byChart.get(p.chart).push(p);
    }
    for (const chart of state.charts.values()) {
      if (chart.times.length > 0 && t <= chart.times[chart.times.length - 1]) continue;
      chart.times.push(t);
      for (const s of chart.series.values()) s.values.push(null);
      for (const p of byChart.get(chart.id) || []) {
        const s = seriesOf(chart, p.key, p.version, p.label);
        s.values[s.values.length - 1] = p.value;
        versionIndex(p.version);
      }
      const cut = chart.times.findIndex((x) => x >= t - CHART_SECONDS);
      if (cut > 0) {
        chart.times.splice(0, cut);
        for (const s of chart.series.values()) s.values.splice(0, cut);
      }
      draw(chart);
    }
  }

  function draw(chart) {
    const series = [...chart.series.values()].filter((s) => s.values.some((v) => v !== null));
    const points = series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
    chart.box.dataset.points = String(points);
    if (points === 0) {
      chart.empty.hidden = false;
      chart.empty.textContent = chart.error ? `No data: ${chart.error}` : chart.optional ? 'No data: this service does not report it.' : 'Waiting for data…';
      chart.plotEl.hidden = true;
      return;
    }
    chart.empty.hidden = true;
    chart.plotEl.hidden = false;
    series.sort((a, b) => versionIndex(a.version) - versionIndex(b.version) || a.label.localeCompare(b.label));
    chart.latest.textContent = `Latest: ${series.map((s) => `${s.version ? `${s.version} ` : ''}${s.label} ${format(chart.unit, lastValue(s.values))}`).join(' · ')}`;
    // The chart library loads in parallel with the page (async), so the first render never waits for it.
    if (!window.uPlot) return;
    const data = [chart.times, ...series.map((s) => s.values)];
    const signature = series.map((s) => s.key).join('|');
    if (chart.plot && chart.signature === signature) {
      chart.plot.setData(data);
    } else {
      chart.plot?.destroy();
      chart.signature = signature;
      chart.plot = new uPlot(plotOptions(chart, series), data, chart.plotEl);
    }
  }

  function lastValue(values) {
    for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i];
    return null;
  }

  function plotOptions(chart, series) {
    const width = Math.max(240, chart.plotEl.clientWidth || chart.box.clientWidth - 12);
    return {
      width,
      height: 170,
      cursor: { drag: { x: false, y: false } },
      // Labels only: the line under each chart reads out the newest values as text.
      legend: { live: false },
      scales: { x: { time: true }, y: { range: (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
      axes: [
        { stroke: '#59636e', grid: { stroke: '#e6e9ed' } },
        { stroke: '#59636e', grid: { stroke: '#e6e9ed' }, size: 64, values: (u, ticks) => ticks.map((v) => format(chart.unit, v)) },
      ],
      series: [
        {},
        ...series.map((s) => {
          const i = versionIndex(s.version);
          const heavy = /p99|99/.test(s.label) ? 2.5 : /p90|90/.test(s.label) ? 1.75 : 1.25;
          return {
            label: `${s.version ? `${s.version} ` : ''}${s.label}`,
            stroke: COLOURS[i % COLOURS.length],
            dash: DASHES[i % DASHES.length],
            width: heavy,
            spanGaps: false,
            points: { show: false },
            value: (u, v) => format(chart.unit, v),
          };
        }),
      ],
      plugins: [markerPlugin()],
    };
  }

  function resizeCharts() {
    for (const chart of state.charts.values()) {
      if (chart.plot && !chart.plotEl.hidden) {
        const width = Math.max(240, chart.plotEl.clientWidth);
        if (Math.abs(width - chart.plot.width) > 2) chart.plot.setSize({ width, height: 170 });
      }
    }
  }

  // ---------------------------------------------------------------- logs

  async function runLogQuery(event) {
    event.preventDefault();
    const status = $('log-status');
    const table = $('log-table');
    status.dataset.kind = 'info';
    status.textContent = 'Running…';
    try {
      const answer = await call('POST', 'logs/query', { query: $('log-query').value, since: $('log-since').value });
      if (answer.status === 404 || answer.status === 405) {
        status.textContent = 'Log aggregation is not available on this control plane (no /api/v1/logs/query).';
        table.tHead.replaceChildren();
        table.tBodies[0].replaceChildren();
        return;
      }
      if (!answer.ok) {
        status.dataset.kind = 'error';
        const p = answer.data || {};
        status.textContent = `${p.title || 'query refused'}: ${p.detail || `HTTP ${answer.status}`}`;
        return;
      }
      const { columns, rows } = answer.data;
      table.tHead.replaceChildren(el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c))));
      table.tBodies[0].replaceChildren(...rows.map((row) => el('tr', {}, row.map((v, i) => el('td', { class: /message/i.test(columns[i]) ? 'wrap' : null }, v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))))));
      status.textContent = `${rows.length} row${rows.length === 1 ? '' : 's'}${answer.data.elapsedMs !== undefined ? ` in ${answer.data.elapsedMs} ms` : ''}.`;
    } catch (error) {
      status.dataset.kind = 'error';
      status.textContent = `Query failed: ${error.message}`;
    }
  }

  // ---------------------------------------------------------------- start

  function start() {
    for (const button of document.querySelectorAll('[data-action]')) {
      button.addEventListener('click', () => act(button.dataset.action, button));
    }
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      try { sessionStorage.setItem(TOKEN_KEY, $('token').value.trim()); } catch { /* storage off: nothing to keep it in */ }
      $('action-result').dataset.kind = 'info';
      $('action-result').textContent = 'Token set for this tab.';
    });
    $('log-form').addEventListener('submit', runLogQuery);
    $('log-query').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('log-form').requestSubmit();
    });
    if ('ResizeObserver' in window) new ResizeObserver(resizeCharts).observe($('charts'));
    if (!window.uPlot) $('uplot-script').addEventListener('load', () => state.charts.forEach(draw));
    connect();
  }

  start();
})();
