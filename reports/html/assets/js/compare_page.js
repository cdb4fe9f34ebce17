// Several runs: one behaviour matrix across targets, differences highlighted.
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
