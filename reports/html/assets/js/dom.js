// Shared by every part of the page: outcome names, DOM building without innerHTML, sorting.
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
