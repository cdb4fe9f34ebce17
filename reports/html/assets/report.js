// Referee's HTML report. The results are embedded as JSON (#referee-data) and every part of the
// page is built from them in the browser, lazily: the scenario list in batches, a scenario's
// details and transcript only when it is opened. No network, no external assets.
"use strict";
(function () {
  const OUTCOMES = ["error", "fail", "warn", "info", "pass", "not_applicable"];
  const OUTCOME_LABEL = { error: "error", fail: "fail", warn: "warn", info: "info", pass: "pass", not_applicable: "n/a" };
  const LEGEND = [
    ["pass", "every check held"],
    ["fail", "a MUST (or MUST NOT) was broken, or a RFC 3501 rule"],
    ["warn", "a SHOULD was broken, or behaviour outside RFC 2180's documented practice"],
    ["info", "a MAY feature, or which documented strategy the server chose"],
    ["not_applicable", "the scenario does not apply to this target (role, capability, destructive)"],
    ["error", "the harness could not judge (never hides a server fault)"],
  ];
  const BATCH = 200;        // scenario rows rendered at a time
  const EVENT_BATCH = 400;  // transcript events rendered before "show all"

  // el("div", {class: "x", onclick: f}, child, "text", ...): DOM without innerHTML.
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  const badge = (outcome) => el("span", { class: "badge o-" + outcome, dataset: { outcome } }, OUTCOME_LABEL[outcome] || outcome);
  const seconds = (us) => (us / 1e6).toFixed(3) + " s";
  const isFailure = (outcome, strict) => outcome === "fail" || outcome === "error" || (strict && outcome === "warn");

  function compareSections(a, b) {
    const pa = String(a).split("."), pb = String(b).split(".");
    for (let i = 0; i < Math.max(pa.length, pb.length); ++i) {
      if (pa[i] === undefined) return -1;
      if (pb[i] === undefined) return 1;
      const na = Number(pa[i]), nb = Number(pb[i]);
      if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
      if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
    }
    return 0;
  }
  const compareRequirements = (a, b) => (Number(a.rfc) - Number(b.rfc)) || compareSections(a.section, b.section) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  // ---- bytes as text: control characters visible, literals marked with their size ----------
  const encoder = new TextEncoder();
  function escapedRun(text, keepLineBreaks) {
    const parts = [];
    let plain = "";
    for (const ch of text) {
      const code = ch.codePointAt(0);
      if (keepLineBreaks && ch === "\n") { plain += "\n"; continue; }
      if (keepLineBreaks && ch === "\r") continue;
      if (code < 0x20 || code === 0x7f) {
        if (plain) parts.push(plain), plain = "";
        const hex = code.toString(16).toUpperCase().padStart(2, "0");
        parts.push(el("span", { class: "esc" }, ch === "\r" ? "\\r" : ch === "\n" ? "\\n" : ch === "\t" ? "\\t" : "\\x" + hex));
        if (ch === "\n") parts.push("\n");
      } else plain += ch;
    }
    if (plain) parts.push(plain);
    return parts;
  }
  // The first `size` bytes of `text` (UTF-8), as characters.
  function takeBytes(text, size) {
    let bytes = 0, index = 0;
    for (const ch of text) {
      if (bytes >= size) break;
      bytes += encoder.encode(ch).length;
      index += ch.length;
    }
    return index;
  }
  // "{N}\r\n" (or "{N+}") starts a literal of N bytes (RFC 3501 §4.3).
  function renderBytes(text) {
    const parts = [];
    const literal = /\{(\d+)\+?\}\r\n/g;
    let rest = 0, match;
    while ((match = literal.exec(text)) !== null) {
      const start = match.index + match[0].length;
      parts.push(...escapedRun(text.slice(rest, start), true));
      const size = Number(match[1]);
      const end = start + takeBytes(text.slice(start), size);
      parts.push(el("span", { class: "literal", title: "literal, " + size + " bytes" },
                    el("span", { class: "size" }, "literal " + size + " bytes: "),
                    ...escapedRun(text.slice(start, end), false)));
      rest = end;
      literal.lastIndex = end;
    }
    parts.push(...escapedRun(text.slice(rest), true));
    return parts;
  }

  // ---- the first screen -----------------------------------------------------------------------
  function metaList(run) {
    const shard = run.shard && run.shard.total > 1 ? run.shard.index + " of " + run.shard.total : "whole selection";
    const rows = [["Target", run.target], ["Referee", run.suite_version], ["Started", run.started_at],
                  ["Duration", seconds(run.duration_us || 0)], ["Run id", run.run_id || ""], ["Shard", shard],
                  ["Strict", run.strict ? "yes (warn fails)" : "no"],
                  ["Command line", (run.command_line || []).join(" ")]];
    return el("dl", { class: "meta", id: "run-meta" }, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  }
  function serverTable(servers) {
    return el("table", { id: "servers" },
      el("tr", {}, ["Server", "Address", "Greeting", "Capabilities", "After login"].map((h) => el("th", {}, h))),
      servers.map((s) => el("tr", {}, el("td", {}, s.id), el("td", { class: "mono" }, s.address),
        el("td", { class: "mono" }, s.greeting), el("td", { class: "mono" }, (s.capabilities || []).join(" ")),
        el("td", { class: "mono" }, (s.capabilities_after_login || []).join(" ") || "—"))));
  }
  function totals(run) {
    const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
    for (const s of run.scenarios) counts[s.outcome] = (counts[s.outcome] || 0) + 1;
    return el("div", { class: "totals", id: "totals" },
      el("div", { class: "total", dataset: { outcome: "all" } }, el("span", { class: "count" }, run.scenarios.length), "scenarios"),
      OUTCOMES.map((o) => el("div", { class: "total", dataset: { outcome: o } }, el("span", { class: "count" }, counts[o]), badge(o))));
  }
  function rfcTotals(run) {
    const byRfc = new Map();
    for (const s of run.scenarios) {
      if (!byRfc.has(s.rfc)) byRfc.set(s.rfc, Object.fromEntries(OUTCOMES.map((o) => [o, 0])));
      byRfc.get(s.rfc)[s.outcome]++;
    }
    const rfcs = [...byRfc.keys()].sort((a, b) => Number(a) - Number(b));
    return el("table", { id: "rfc-totals" }, el("tr", {}, el("th", {}, "RFC"), OUTCOMES.map((o) => el("th", {}, badge(o)))),
      rfcs.map((rfc) => el("tr", { dataset: { rfc } }, el("td", {}, "RFC " + rfc), OUTCOMES.map((o) => el("td", { dataset: { outcome: o } }, byRfc.get(rfc)[o])))));
  }
  function legend() {
    return el("div", { class: "legend", id: "legend" }, LEGEND.map(([o, text]) => [badge(o), el("span", {}, text)]));
  }

  // A <details> whose body is built the first time it is opened.
  function lazySection(id, title, build, open) {
    const details = el("details", { id, open: !!open }, el("summary", {}, el("h2", { style: "display:inline" }, title)));
    let built = false;
    const fill = () => { if (!built && details.open) { built = true; details.append(build()); } };
    details.addEventListener("toggle", fill);
    if (open) queueMicrotask(fill);
    return details;
  }

  function requirementMatrix(run, onScenario) {
    const rows = [];
    let group = "";
    for (const r of (run.requirements || []).slice().sort(compareRequirements)) {
      const key = "RFC " + r.rfc + " §" + r.section;
      if (key !== group) { group = key; rows.push(el("tr", {}, el("th", { colspan: 5 }, key))); }
      rows.push(el("tr", { dataset: { requirement: r.id, outcome: r.outcome } },
        el("td", { class: "verdict" }, badge(r.outcome)), el("td", { class: "mono" }, r.id), el("td", {}, r.level),
        el("td", {}, r.text ? el("span", { class: "quote" }, r.text) : el("span", { class: "muted" }, "(sentence not recorded)")),
        el("td", {}, r.scenarios.map((id) => [el("a", { class: "jump", onclick: () => onScenario(id) }, id), " "]))));
    }
    return el("table", { class: "matrix" }, el("tr", {}, ["Verdict", "Requirement", "Level", "Sentence", "Scenarios"].map((h) => el("th", {}, h))), rows);
  }

  // For each RFC 2180 situation / RFC 2193 choice (an <alternatives> block): what was observed.
  function behaviourRows(run) {
    const blocks = new Map();
    for (const s of run.scenarios) {
      for (const st of s.strategies || []) {
        const key = st.block;
        if (!blocks.has(key)) blocks.set(key, new Map());
        const alt = st.alternative || "(none matched)";
        const entry = blocks.get(key).get(alt) || { section: st.section, description: st.description, scenarios: [], outcomes: new Set() };
        entry.scenarios.push(s.id);
        entry.outcomes.add(s.outcome);
        blocks.get(key).set(alt, entry);
      }
    }
    return blocks;
  }
  function behaviourProfile(run, onScenario) {
    const blocks = behaviourRows(run);
    if (blocks.size === 0) return el("p", { class: "muted" }, "No scenario of this run has documented alternatives.");
    return el("table", { id: "behaviour" }, el("tr", {}, ["Situation", "§", "Observed", "Verdict", "Scenarios"].map((h) => el("th", {}, h))),
      [...blocks.keys()].sort().map((block) => [...blocks.get(block)].map(([alt, e]) =>
        el("tr", { dataset: { block, alternative: alt } }, el("td", { class: "mono" }, block), el("td", {}, e.section),
          el("td", {}, el("strong", {}, alt), e.description ? " — " + e.description : ""),
          el("td", {}, [...e.outcomes].map(badge)),
          el("td", {}, e.scenarios.map((id) => [el("a", { class: "jump", onclick: () => onScenario(id) }, id), " "]))))));
  }

  // ---- scenario details and transcript timeline ------------------------------------------------
  // Lanes: setup, C1, C1R (referrals C1 followed), C2, …, teardown, anything else.
  function laneOrder(client) {
    if (client === "setup") return [0, 0, ""];
    const m = /^C(\d+)(R*)(.*)$/.exec(client);
    if (m) return [1, Number(m[1]), m[2] + m[3]];
    if (client === "teardown") return [2, 0, ""];
    return [3, 0, client];
  }
  function lanesOf(transcript) {
    const lanes = [...new Set(transcript.map((e) => e.client))];
    return lanes.sort((a, b) => {
      const x = laneOrder(a), y = laneOrder(b);
      return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
    });
  }
  function timeline(scenario, key, highlights, showAll) {
    const events = scenario.transcript || [];
    const lanes = lanesOf(events);
    const grid = el("div", { class: "timeline", style: "grid-template-columns: 90px repeat(" + Math.max(1, lanes.length) + ", minmax(220px, 1fr))" },
      el("div", { class: "head" }, "+s"), lanes.map((l) => el("div", { class: "head", dataset: { lane: l } }, l)));
    const limit = showAll ? events.length : Math.max(EVENT_BATCH, ...[...highlights.keys()].map((i) => i + 20));
    const start = events.length ? events[0].us : 0;
    events.slice(0, limit).forEach((e, index) => {
      grid.append(el("div", { class: "time mono", title: e.server }, ((e.us - start) / 1e6).toFixed(6)));
      for (const lane of lanes) {
        if (lane !== e.client) { grid.append(el("div", { class: "cell" })); continue; }
        const mark = highlights.get(index);
        grid.append(el("div", { class: "cell" + (mark ? " " + mark : ""), id: "ev-" + key + "-" + index, dataset: { event: index, server: e.server } },
          el("pre", { class: "event " + e.direction }, renderBytes(e.text))));
      }
    });
    if (limit < events.length) {
      const more = el("button", { class: "more", onclick: () => grid.replaceWith(timeline(scenario, key, highlights, true)) },
        "Show all " + events.length + " events");
      grid.append(el("div", { style: "grid-column: 1 / -1" }, more));
    }
    return grid;
  }
  function stepHighlights(scenario) {
    const marks = new Map();
    for (const c of scenario.checks || []) {
      if (c.transcript_event === null || c.transcript_event === undefined) continue;
      if (c.outcome === "fail" || c.outcome === "error") marks.set(c.transcript_event, "failing-step");
      else if (c.outcome === "warn" && !marks.has(c.transcript_event)) marks.set(c.transcript_event, "warning-step");
    }
    return marks;
  }
  function checksTable(scenario, key) {
    return el("table", { class: "checks" },
      el("tr", {}, ["Verdict", "Requirement", "Check", "Expected", "Observed", "Where"].map((h) => el("th", {}, h))),
      (scenario.checks || []).map((c) => el("tr", { dataset: { outcome: c.outcome } },
        el("td", {}, badge(c.outcome)), el("td", { class: "mono" }, c.requirement, el("br"), "RFC " + c.rfc + " §" + c.section + " " + c.level),
        el("td", {}, c.summary), el("td", { class: "expected mono" }, c.expected), el("td", { class: "observed mono" }, c.observed),
        el("td", { class: "mono" }, (c.step && c.step.file ? c.step.file.split("/").pop() + ":" + c.step.line : ""), " ", c.client,
          c.transcript_event !== null && c.transcript_event !== undefined
            ? [el("br"), el("a", { class: "jump", onclick: () => focusEvent(key, c.transcript_event) }, "event " + c.transcript_event)] : null))));
  }
  function focusEvent(key, index) {
    const node = document.getElementById("ev-" + key + "-" + index);
    if (node) node.scrollIntoView({ block: "center" });
  }
  function scenarioDetail(scenario, key) {
    const highlights = stepHighlights(scenario);
    const b = scenario.baseline || {};
    return el("div", { class: "detail" },
      el("div", { class: "mono muted" }, scenario.file, " · ", seconds(scenario.duration_us || 0), scenario.repetition ? " · repetition " + (scenario.repetition + 1) : ""),
      scenario.reason ? el("p", {}, el("strong", {}, "Reason: "), scenario.reason) : null,
      b.status && b.status !== "none" ? el("p", {}, el("strong", {}, "Baseline: "), b.status.replace("_", " "), b.reason ? " — " + b.reason : "", b.expires ? " (expires " + b.expires + ")" : "") : null,
      (scenario.quotes || []).map((q) => el("div", { class: "quote" }, q)),
      el("h3", {}, "Checks"), checksTable(scenario, key),
      (scenario.strategies || []).length ? [el("h3", {}, "Observed strategies"), el("ul", {}, scenario.strategies.map((s) =>
        el("li", {}, el("span", { class: "mono" }, s.block), " = ", el("strong", {}, s.alternative || "(none matched)"), " §" + s.section + " ", s.description)))] : null,
      el("h3", {}, "Transcript (" + (scenario.transcript || []).length + " events)"), timeline(scenario, key, highlights, false));
  }

  // ---- scenario list with filters ----------------------------------------------------------------
  function scenarioList(run) {
    const section = el("section", { id: "scenarios" });
    const outcomeSelect = el("select", { id: "filter-outcome" }, el("option", { value: "" }, "all verdicts"),
      el("option", { value: "failures" }, "failures (fail, error" + (run.strict ? ", warn" : "") + ")"),
      OUTCOMES.map((o) => el("option", { value: o }, o)));
    const rfcs = [...new Set(run.scenarios.map((s) => s.rfc))].sort((a, b) => Number(a) - Number(b));
    const rfcSelect = el("select", { id: "filter-rfc" }, el("option", { value: "" }, "all RFCs"), rfcs.map((r) => el("option", { value: r }, "RFC " + r)));
    const text = el("input", { id: "filter-text", type: "search", placeholder: "id, title, requirement…" });
    const count = el("span", { id: "shown-count" });
    const list = el("div", { id: "scenario-list" });
    const more = el("button", { class: "more", id: "show-more" }, "Show more");
    let matching = [], shown = 0;
    const matches = (s, q) => !q || s.id.toLowerCase().includes(q) || (s.title || "").toLowerCase().includes(q) ||
      (s.checks || []).some((c) => c.requirement.toLowerCase().includes(q));
    function row(s, index) {
      const key = String(index);
      const item = el("div", { class: "scenario", id: "scenario-" + key, dataset: { id: s.id, outcome: s.outcome, rfc: s.rfc } });
      const head = el("div", { class: "row" }, badge(s.outcome), el("span", {}, el("span", { class: "mono" }, s.id), " ", el("span", { class: "muted" }, s.title)),
        el("span", { class: "muted" }, "RFC " + s.rfc + " §" + s.section), el("span", { class: "muted mono" }, seconds(s.duration_us || 0)));
      let detail = null;
      head.addEventListener("click", () => {
        if (detail) { detail.remove(); detail = null; item.classList.remove("open"); return; }
        detail = scenarioDetail(s, key);
        item.append(detail);
        item.classList.add("open");
        const first = detail.querySelector(".failing-step, .warning-step");
        if (first) first.scrollIntoView({ block: "center" });
      });
      item.append(head);
      return item;
    }
    function renderMore() {
      const batch = matching.slice(shown, shown + BATCH);
      list.append(...batch.map(([s, i]) => row(s, i)));
      shown += batch.length;
      more.hidden = shown >= matching.length;
      count.textContent = matching.length + " of " + run.scenarios.length + " scenarios";
    }
    function apply() {
      const o = outcomeSelect.value, r = rfcSelect.value, q = text.value.trim().toLowerCase();
      matching = run.scenarios.map((s, i) => [s, i]).filter(([s]) =>
        (!o || (o === "failures" ? isFailure(s.outcome, run.strict) : s.outcome === o)) && (!r || s.rfc === r) && matches(s, q));
      list.replaceChildren();
      shown = 0;
      renderMore();
    }
    outcomeSelect.addEventListener("change", apply);
    rfcSelect.addEventListener("change", apply);
    text.addEventListener("input", apply);
    more.addEventListener("click", renderMore);
    section.append(el("h2", {}, "Scenarios"), el("div", { class: "filters" }, outcomeSelect, rfcSelect, text, count), list, more);
    apply();
    section.openScenario = (id) => {
      outcomeSelect.value = ""; rfcSelect.value = ""; text.value = id; apply();
      const item = list.querySelector(".scenario");
      if (item) { item.querySelector(".row").click(); item.scrollIntoView(); }
    };
    return section;
  }

  function runPage(run) {
    document.title = "Referee: " + run.target;
    const app = document.getElementById("app");
    const list = scenarioList(run);
    const open = (id) => list.openScenario(id);
    const parts = [
      el("h1", {}, "Referee conformance report"),
      metaList(run),
      run.fatal_error ? el("p", { class: "observed", id: "fatal" }, "The target could not be launched or reached: ", run.fatal_error) : null,
      el("h2", {}, "Servers"), serverTable(run.servers || []),
      el("h2", {}, "Totals"), totals(run), rfcTotals(run),
      el("h3", {}, "Outcomes"), legend(),
      (run.baseline_notes || []).length ? [el("h2", {}, "Baseline notes"), el("ul", { id: "baseline-notes" }, run.baseline_notes.map((n) =>
        el("li", {}, n.requirement, ": ", n.status.replace("_", " "), n.reason ? " — " + n.reason : "", n.expires ? " (expires " + n.expires + ")" : "")))] : null,
      lazySection("requirements", "Requirement matrix by RFC section", () => requirementMatrix(run, open), false),
      lazySection("profile", "Behaviour profile", () => behaviourProfile(run, open), true),
      list];
    app.append(...parts.flat(Infinity).filter((part) => part));
  }

  // ---- several runs: one behaviour matrix across targets ----------------------------------------
  function comparePage(runs) {
    document.title = "Referee: behaviour of " + runs.length + " targets";
    const names = runs.map((r, i) => r.target || "target " + (i + 1));
    const requirementRows = new Map();
    runs.forEach((run, i) => (run.requirements || []).forEach((r) => {
      if (!requirementRows.has(r.id)) requirementRows.set(r.id, { info: r, cells: new Array(runs.length).fill(null) });
      requirementRows.get(r.id).cells[i] = { outcome: r.outcome, text: "" };
    }));
    const situationRows = new Map();
    runs.forEach((run, i) => behaviourRows(run).forEach((alternatives, block) => {
      if (!situationRows.has(block)) situationRows.set(block, { cells: new Array(runs.length).fill(null), section: "" });
      const row = situationRows.get(block);
      row.cells[i] = [...alternatives].map(([alt, e]) => { row.section = e.section; return { alt, outcomes: [...e.outcomes] }; });
    }));
    const onlyDiff = el("input", { type: "checkbox", id: "only-differences" });
    const table = el("table", { class: "compare", id: "compare" });
    const signature = (cell) => JSON.stringify(cell);
    function fill() {
      const header = el("tr", {}, el("th", {}, "Requirement or situation"), names.map((n) => el("th", {}, n)));
      const rows = [el("tr", {}, el("th", { colspan: runs.length + 1 }, "Requirements"))];
      for (const { info, cells } of [...requirementRows.values()].sort((a, b) => compareRequirements(a.info, b.info))) {
        const differs = new Set(cells.map(signature)).size > 1;
        if (onlyDiff.checked && !differs) continue;
        rows.push(el("tr", { class: differs ? "differs" : "", dataset: { requirement: info.id } },
          el("td", {}, el("span", { class: "mono" }, info.id), " ", el("span", { class: "muted" }, "RFC " + info.rfc + " §" + info.section + " " + info.level)),
          cells.map((c) => el("td", { class: "cell" + (differs ? " differs" : "") }, c ? badge(c.outcome) : el("span", { class: "muted" }, "not run")))));
      }
      rows.push(el("tr", {}, el("th", { colspan: runs.length + 1 }, "RFC 2180 / RFC 2193 situations: observed strategy")));
      for (const [block, { cells, section }] of [...situationRows].sort()) {
        const differs = new Set(cells.map(signature)).size > 1;
        if (onlyDiff.checked && !differs) continue;
        rows.push(el("tr", { class: differs ? "differs" : "", dataset: { block } }, el("td", {}, el("span", { class: "mono" }, block), " §" + section),
          cells.map((c) => el("td", { class: "cell" + (differs ? " differs" : "") }, c ? c.map((a) => el("div", {}, el("strong", {}, a.alt), " ", a.outcomes.map(badge))) : el("span", { class: "muted" }, "not run")))));
      }
      table.replaceChildren(header, ...rows);
    }
    onlyDiff.addEventListener("change", fill);
    fill();
    document.getElementById("app").append(el("div", {},
      el("h1", {}, "Referee behaviour comparison"),
      el("table", { id: "targets" }, el("tr", {}, ["Target", "Referee", "Started", "Scenarios", "Failures"].map((h) => el("th", {}, h))),
        runs.map((r) => el("tr", {}, el("td", {}, r.target), el("td", {}, r.suite_version), el("td", {}, r.started_at), el("td", {}, r.scenarios.length),
          el("td", {}, r.scenarios.filter((s) => isFailure(s.outcome, r.strict)).length)))),
      legend(), el("label", {}, onlyDiff, " only rows where targets differ"), table));
  }

  const started = performance.now();
  const data = JSON.parse(document.getElementById("referee-data").textContent);
  if (data.kind === "compare") comparePage(data.runs); else runPage(data.run);
  document.body.dataset.renderMs = String(Math.round(performance.now() - started));
  document.body.dataset.ready = "1";
})();
