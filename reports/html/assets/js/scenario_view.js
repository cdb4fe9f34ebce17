// One scenario opened: RFC sentences, checks, strategies, and the transcript timeline with a
// lane per client and the failing step highlighted.
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
