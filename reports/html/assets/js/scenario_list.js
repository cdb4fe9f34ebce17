// The scenario list: filters by verdict, RFC and text; rows rendered in batches, details on
// demand.

// One row; clicking it builds the scenario's details (once per opening) and scrolls to the
// failing step.
function scenarioRow(s, index) {
  const key = String(index);
  const item = el("div", { class: "scenario", id: "scenario-" + key, dataset: { id: s.id, outcome: s.outcome, rfc: s.rfc } });
  const head = el("div", { class: "row" }, badge(s.outcome),
    el("span", {}, el("span", { class: "mono" }, s.id), " ", el("span", { class: "muted" }, s.title)),
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

// The filter controls; `filters.accepts(scenario)` says whether a scenario is shown.
function scenarioFilters(run) {
  const outcome = el("select", { id: "filter-outcome" }, el("option", { value: "" }, "all verdicts"),
    el("option", { value: "failures" }, "failures (fail, error" + (run.strict ? ", warn" : "") + ")"),
    OUTCOMES.map((o) => el("option", { value: o }, o)));
  const rfcs = [...new Set(run.scenarios.map((s) => s.rfc))].sort((a, b) => Number(a) - Number(b));
  const rfc = el("select", { id: "filter-rfc" }, el("option", { value: "" }, "all RFCs"), rfcs.map((r) => el("option", { value: r }, "RFC " + r)));
  const text = el("input", { id: "filter-text", type: "search", placeholder: "id, title, requirement…" });
  const matchesText = (s, q) => !q || s.id.toLowerCase().includes(q) || (s.title || "").toLowerCase().includes(q) ||
    (s.checks || []).some((c) => c.requirement.toLowerCase().includes(q));
  return {
    controls: [outcome, rfc, text],
    accepts(s) {
      const o = outcome.value, q = text.value.trim().toLowerCase();
      return (!o || (o === "failures" ? isFailure(s.outcome, run.strict) : s.outcome === o)) &&
        (!rfc.value || s.rfc === rfc.value) && matchesText(s, q);
    },
    showOnly(id) { outcome.value = ""; rfc.value = ""; text.value = id; },
  };
}

function scenarioList(run) {
  const filters = scenarioFilters(run);
  const count = el("span", { id: "shown-count" });
  const list = el("div", { id: "scenario-list" });
  const more = el("button", { class: "more", id: "show-more" }, "Show more");
  let matching = [], shown = 0;
  function renderMore() {
    const batch = matching.slice(shown, shown + BATCH);
    list.append(...batch.map(([s, i]) => scenarioRow(s, i)));
    shown += batch.length;
    more.hidden = shown >= matching.length;
    count.textContent = matching.length + " of " + run.scenarios.length + " scenarios";
  }
  function apply() {
    matching = run.scenarios.map((s, i) => [s, i]).filter(([s]) => filters.accepts(s));
    list.replaceChildren();
    shown = 0;
    renderMore();
  }
  for (const control of filters.controls) control.addEventListener(control.tagName === "INPUT" ? "input" : "change", apply);
  more.addEventListener("click", renderMore);
  const section = el("section", { id: "scenarios" }, el("h2", {}, "Scenarios"),
    el("div", { class: "filters" }, filters.controls, count), list, more);
  apply();
  section.openScenario = (id) => {
    filters.showOnly(id);
    apply();
    const item = list.querySelector(".scenario");
    if (item) { item.querySelector(".row").click(); item.scrollIntoView(); }
  };
  return section;
}
