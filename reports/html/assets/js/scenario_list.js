// The scenario list: filters by verdict, RFC and text; rows rendered in batches, details on
// demand.
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
