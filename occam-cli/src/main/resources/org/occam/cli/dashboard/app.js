// Occam dashboard: polls the read-only JSON API of `occam dashboard` and draws overlaid uPlot charts.
"use strict";
const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C564B",
  "#7F7F7F", "#BCBD22", "#17BECF", "#9467BD"];
const SKIP = new Set(["step", "epoch", "final", "status", "reset"]);
const FIRST = ["loss", "train_loss", "test_loss", "train_accuracy", "test_accuracy", "sharpness", "gc", "grad_norm", "lr"];
const state = { runs: [], selected: [], userChose: false, rows: {}, offsets: {}, charts: {} };

function colour(path) { return PALETTE[Math.max(0, state.selected.indexOf(path)) % PALETTE.length]; }
function fmt(v) { return typeof v === "number" && isFinite(v) ? (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : +v.toPrecision(4)) : "–"; }
function isSharpness(key) { return /sharpness|lambda_max|top_eigenvalue/.test(key); }

async function getJson(url) {
  const r = await fetch(url, { cache: "no-store" });
  if (!r.ok) { throw new Error(url + ": " + r.status + " " + await r.text()); }
  return r.json();
}

async function poll() {
  try {
    const r = await getJson("api/runs");
    state.runs = r.runs;
    document.getElementById("root").textContent = r.root + " — " + r.runs.length + " run(s)";
    const known = new Set(r.runs.map(x => x.path));
    state.selected = state.selected.filter(p => known.has(p));
    if (!state.userChose) { state.selected = r.runs.slice(0, 3).map(x => x.path); }
    for (const p of state.selected) { await loadMetrics(p); }
    renderTable();
    renderCharts();
    document.body.dataset.polls = String(+(document.body.dataset.polls || 0) + 1);
  } catch (e) {
    document.getElementById("root").textContent = "error: " + e.message;
  }
}

async function loadMetrics(path) {
  for (let i = 0; i < 20; i++) { // up to 20 chunks per poll for a long file
    const from = state.offsets[path] || 0;
    const m = await getJson("api/metrics?run=" + encodeURIComponent(path) + "&from=" + from);
    const rows = state.rows[path] || (state.rows[path] = []);
    for (const row of m.rows) {
      if (row.reset) { rows.length = 0; continue; }
      rows.push(row);
    }
    state.offsets[path] = m.next;
    if (m.next === from || m.rows.length === 0) { break; }
  }
}

function runOf(path) { return state.runs.find(r => r.path === path) || { path: path, state: "unknown" }; }

function renderTable() {
  const body = document.querySelector("#runs tbody");
  body.innerHTML = "";
  for (const r of state.runs) {
    const tr = document.createElement("tr");
    tr.dataset.path = r.path;
    tr.dataset.state = r.state;
    const on = state.selected.includes(r.path);
    const rows = state.rows[r.path] || [];
    let last = null;
    for (let i = rows.length - 1; i >= 0 && last === null; i--) { if (typeof rows[i].loss === "number") { last = rows[i].loss; } }
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = on;
    box.onchange = () => {
      state.userChose = true;
      state.selected = box.checked ? state.selected.concat([r.path]) : state.selected.filter(p => p !== r.path);
      poll();
    };
    const cells = [box, (on ? '<span class="swatch" style="background:' + colour(r.path) + '"></span>' : "") + escapeHtml(r.path),
      '<span class="badge ' + escapeHtml(r.state) + '">' + escapeHtml(r.state) + "</span>",
      (r.step ?? "–") + (r.total_steps ? " / " + r.total_steps : ""), fmt(last), escapeHtml((r.updated || "").replace("T", " ").slice(0, 19))];
    cells.forEach((c, i) => {
      const td = document.createElement("td");
      if (i === 0) { td.appendChild(c); } else { td.innerHTML = c; }
      if (i === 2 && r.message) { td.title = r.message; }
      tr.appendChild(td);
    });
    body.appendChild(tr);
  }
}

function escapeHtml(s) { return String(s).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c])); }

function keysOf(paths) {
  const keys = new Set();
  for (const p of paths) {
    for (const row of state.rows[p] || []) {
      for (const [k, v] of Object.entries(row)) { if (!SKIP.has(k) && typeof v === "number") { keys.add(k); } }
    }
  }
  const rest = [...keys].filter(k => !FIRST.includes(k)).sort();
  return FIRST.filter(k => keys.has(k)).concat(rest);
}

function renderCharts() {
  const paths = state.selected;
  const keys = keysOf(paths);
  const host = document.getElementById("charts");
  for (const k of Object.keys(state.charts)) {
    if (!keys.includes(k)) { state.charts[k].plot.destroy(); state.charts[k].el.remove(); delete state.charts[k]; }
  }
  for (const key of keys) {
    const tables = [];
    const series = [{ label: "step" }];
    const points = [];
    let allPositive = true;
    for (const p of paths) {
      const xs = [], ys = [];
      for (const row of state.rows[p] || []) {
        const v = row[key];
        if (typeof v === "number" && isFinite(v)) { xs.push(row.step); ys.push(v); allPositive = allPositive && v > 0; }
      }
      if (xs.length === 0) { continue; }
      points.push(p + "=" + xs.length);
      tables.push([xs, ys]);
      const run = runOf(p);
      series.push({ label: p + (run.state === "diverged" ? " (diverged)" : ""), stroke: colour(p), width: 1.5, spanGaps: true });
      if (isSharpness(key) && typeof run.threshold === "number") {
        const tx = [], ty = [];
        for (const row of state.rows[p] || []) { if (typeof row.lr === "number" && row.lr > 0) { tx.push(row.step); ty.push(run.threshold / row.lr); } }
        if (tx.length > 0) {
          tables.push([tx, ty]);
          series.push({ label: "threshold " + fmt(run.threshold) + "/h (" + p + ")", stroke: colour(p), width: 1, dash: [6, 4], spanGaps: true });
        }
      }
    }
    if (tables.length === 0) { continue; }
    const data = uPlot.join(tables);
    let c = state.charts[key];
    if (c && c.signature !== series.map(s => s.label).join("|")) { c.plot.destroy(); c.el.remove(); delete state.charts[key]; c = null; }
    if (!c) {
      const el = document.createElement("div");
      el.className = "chart";
      el.dataset.key = key;
      host.appendChild(el);
      const positive = key.includes("loss") && allPositive;
      const plot = new uPlot({ title: key, width: Math.max(480, el.clientWidth - 12), height: 280,
        scales: { x: { time: false }, y: positive ? { distr: 3 } : {} }, series: series,
        axes: [{ label: "step" }, { size: 64, values: (u, vals) => vals.map(v => v == null ? "" : fmt(v)) }] }, data, el);
      c = state.charts[key] = { el: el, plot: plot, signature: series.map(s => s.label).join("|") };
    } else {
      c.plot.setData(data);
    }
    c.el.dataset.points = points.join(";"); // per run: what the browser test reads
  }
  // keep the charts in the key order
  for (const key of keys) { if (state.charts[key]) { host.appendChild(state.charts[key].el); } }
}

poll();
setInterval(poll, 1000);
