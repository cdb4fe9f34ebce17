// The first screen of a run: metadata, servers, totals, legend, requirement matrix and
// behaviour profile.
function metaList(run) {
  const shard = run.shard && run.shard.total > 1 ? run.shard.index + " of " + run.shard.total : "whole selection";
  const rows = [["Target", run.target], ["Referee", [run.suite_version, run.git_commit ? "commit " + run.git_commit : "", run.catalogue_version ? "catalogue " + run.catalogue_version : ""].filter(Boolean).join(", ")], ["Started", run.started_at],
                ["Duration", seconds(run.duration_us || 0)], ["Run id", run.run_id || ""], ["Shard", shard],
                ["Strict", run.strict ? "yes (warn fails)" : "no"],
                ["Command line", (run.command_line || []).join(" ")]];
  return el("dl", { class: "meta", id: "run-meta" }, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}
// Capabilities after login get a column only when the results carry them.
function serverTable(servers) {
  const afterLogin = servers.some((s) => (s.capabilities_after_login || []).length);
  return el("table", { id: "servers" },
    el("tr", {}, ["Server", "Address", "Greeting", "Capabilities", afterLogin ? "After login" : null].map((h) => h && el("th", {}, h))),
    servers.map((s) => el("tr", {}, el("td", {}, s.id), el("td", { class: "mono" }, s.address),
      el("td", { class: "mono" }, s.greeting), el("td", { class: "mono" }, (s.capabilities || []).join(" ")),
      afterLogin ? el("td", { class: "mono" }, (s.capabilities_after_login || []).join(" ") || "—") : null)));
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
