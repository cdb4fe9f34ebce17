// Several runs: one behaviour matrix across targets, differences highlighted.

// requirement id -> { info, cells: one { outcome } per run, null where the run did not check it }
function requirementCells(runs) {
  const rows = new Map();
  runs.forEach((run, i) => (run.requirements || []).forEach((r) => {
    if (!rows.has(r.id)) rows.set(r.id, { info: r, cells: new Array(runs.length).fill(null) });
    rows.get(r.id).cells[i] = { outcome: r.outcome };
  }));
  return [...rows.values()].sort((a, b) => compareRequirements(a.info, b.info));
}

// situation (alternatives block) -> { cells: one list of { alt, section, outcomes } per run }
function situationCells(runs) {
  const rows = new Map();
  runs.forEach((run, i) => behaviourRows(run).forEach((alternatives, block) => {
    if (!rows.has(block)) rows.set(block, { block, cells: new Array(runs.length).fill(null) });
    rows.get(block).cells[i] = [...alternatives].map(([alt, e]) => ({ alt, section: e.section, outcomes: [...e.outcomes] }));
  }));
  return [...rows.values()].sort((a, b) => (a.block < b.block ? -1 : a.block > b.block ? 1 : 0));
}

// One matrix row, or null when only differences are wanted and the targets agree.
function compareRow(label, dataset, cells, renderCell, onlyDifferences) {
  const differs = new Set(cells.map((cell) => JSON.stringify(cell))).size > 1;
  if (onlyDifferences && !differs) return null;
  return el("tr", { class: differs ? "differs" : "", dataset }, el("td", {}, label),
    cells.map((c) => el("td", { class: "cell" + (differs ? " differs" : "") }, c ? renderCell(c) : el("span", { class: "muted" }, "not run"))));
}

function compareMatrix(runs, table, onlyDifferences) {
  const heading = (text) => el("tr", {}, el("th", { colspan: runs.length + 1 }, text));
  const rows = [el("tr", {}, el("th", {}, "Requirement or situation"), runs.map((r, i) => el("th", {}, r.target || "target " + (i + 1)))),
    heading("Requirements")];
  for (const { info, cells } of requirementCells(runs)) {
    rows.push(compareRow([el("span", { class: "mono" }, info.id), " ", el("span", { class: "muted" }, "RFC " + info.rfc + " §" + info.section + " " + info.level)],
      { requirement: info.id }, cells, (c) => badge(c.outcome), onlyDifferences));
  }
  rows.push(heading("RFC 2180 / RFC 2193 situations: observed strategy"));
  for (const { block, cells } of situationCells(runs)) {
    rows.push(compareRow(el("span", { class: "mono" }, block), { block }, cells,
      (c) => c.map((a) => el("div", {}, el("strong", {}, a.alt), a.section ? " §" + a.section + " " : " ", a.outcomes.map(badge))), onlyDifferences));
  }
  table.replaceChildren(...rows.filter((row) => row));
}

function comparePage(runs) {
  document.title = "Referee: behaviour of " + runs.length + " targets";
  const onlyDifferences = el("input", { type: "checkbox", id: "only-differences" });
  const table = el("table", { class: "compare", id: "compare" });
  onlyDifferences.addEventListener("change", () => compareMatrix(runs, table, onlyDifferences.checked));
  compareMatrix(runs, table, false);
  document.getElementById("app").append(el("div", {},
    el("h1", {}, "Referee behaviour comparison"),
    el("table", { id: "targets" }, el("tr", {}, ["Target", "Referee", "Started", "Scenarios", "Failures"].map((h) => el("th", {}, h))),
      runs.map((r) => el("tr", {}, el("td", {}, r.target), el("td", {}, r.suite_version), el("td", {}, r.started_at), el("td", {}, r.scenarios.length),
        el("td", {}, r.scenarios.filter((s) => isFailure(s.outcome, r.strict)).length)))),
    legend(), el("label", {}, onlyDifferences, " only rows where targets differ"), table));
}
