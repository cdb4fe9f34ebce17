// The HTML report in a real browser: headless Chromium (Debian's /usr/bin/chromium; playwright
// cannot download its own here) driven by playwright-core. One browser launch for everything:
//  1. a real run with failures (reference servers, referral-loop fault): its results.json
//     and JUnit XML validate against their schemas; in the HTML report the totals match
//     results.json, a filter works, a failing scenario opens on its highlighted failing step,
//     no request leaves file://, a screenshot is saved;
//  2. the comparison page of two runs highlights their differences;
//  3. a generated report of 1,000 scenarios and 10 MB of transcripts loads within budget.
"use strict";
const assert = require("assert");
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { validator, problems } = require("./validate_results.js");

const LOAD_BUDGET_MS = 5000;  // the large report, from navigation to ready (measured: see README)

function options() {
  const args = process.argv.slice(2), result = {};
  for (let i = 0; i < args.length; i += 2) result[args[i].replace(/^--/, "")] = args[i + 1];
  for (const key of ["node-modules", "referee", "large-report", "schema", "junit-schema", "work"]) assert(result[key], `--${key} is required`);
  return result;
}

function runReferee(referee, args) {
  // Under GitLab's parallel jobs CI_NODE_INDEX/TOTAL would shard the run: the test wants it whole.
  const env = { ...process.env };
  delete env.CI_NODE_INDEX;
  delete env.CI_NODE_TOTAL;
  const result = spawnSync(referee, args, { encoding: "utf8", env });
  if (result.error) throw result.error;
  return result;
}

// Every request the page makes; anything not file:// is a failure of self-containment.
async function openPage(browser, file) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const external = [];
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    external.push(url);
    return route.abort();
  });
  const start = Date.now();
  await page.goto("file://" + file);
  await page.waitForSelector("body[data-ready='1']", { timeout: 30000 });
  const text = await page.innerText("#app");
  assert(!/\bnull\b|\bundefined\b|\[object /.test(text), `no placeholder text on ${file}: ${text.match(/.{0,40}(null|undefined|\[object ).{0,40}/)}`);
  return { page, external, errors, loadMs: Date.now() - start };
}

async function checkRunReport(browser, work, runDir) {
  const results = JSON.parse(fs.readFileSync(path.join(runDir, "results.json"), "utf8"));
  const { page, external, errors } = await openPage(browser, path.join(runDir, "report.html"));
  for (const outcome of ["pass", "fail", "warn", "info", "not_applicable", "error"]) {
    const shown = await page.textContent(`#totals [data-outcome='${outcome}'] .count`);
    assert.strictEqual(Number(shown), results.summary[outcome], `total of ${outcome}`);
  }
  assert.match(await page.textContent("#run-meta"), /referral-loop/, "the command line is on the first screen");
  assert.match(await page.textContent("#servers"), /MAILBOX-REFERRALS/, "capabilities are on the first screen");
  assert(results.summary.fail > 0, "the run was meant to fail");
  await page.selectOption("#filter-outcome", "fail");
  const outcomes = await page.$$eval("#scenario-list .scenario", (rows) => rows.map((r) => r.dataset.outcome));
  assert.strictEqual(outcomes.length, results.summary.fail);
  assert(outcomes.every((o) => o === "fail"), "the filter shows failures only");
  const failing = results.scenarios.find((s) => s.outcome === "fail");
  await page.fill("#filter-text", failing.id);
  await page.click("#scenario-list .scenario .row");
  const decisive = failing.checks.find((c) => c.outcome === "fail" && c.transcript_event !== null);
  assert(decisive, `${failing.id} has a failing check with a transcript event`);
  const step = await page.waitForSelector(".failing-step", { state: "visible" });
  assert.strictEqual(Number(await step.getAttribute("data-event")), decisive.transcript_event, "the failing step is the check's event");
  const lanes = await page.$$eval(".timeline .head[data-lane]", (heads) => heads.map((h) => h.dataset.lane));
  assert(lanes.includes("C1"), "a lane per client: " + lanes.join(","));
  assert(await page.$(".event.send") && await page.$(".event.recv"), "sent and received events are both shown");
  await page.screenshot({ path: path.join(work, "report.png"), fullPage: false });
  assert.deepStrictEqual(external, [], "no network requests");
  assert.deepStrictEqual(errors, [], "no script errors");
  console.log(`run report: ${results.scenarios.length} scenarios, ${results.summary.fail} failing; failing step ${failing.id} event ${decisive.transcript_event}; screenshot ${path.join(work, "report.png")}`);
  await page.close();
}

async function checkComparison(browser, options, work, runDir) {
  // The second target passes where the first failed: requirement verdicts come from checks.
  const other = JSON.parse(fs.readFileSync(path.join(runDir, "results.json"), "utf8"));
  other.target = "a second target";
  const flippedScenario = other.scenarios.find((s) => s.outcome === "fail");
  const flipped = flippedScenario.checks.find((c) => c.outcome === "fail").requirement;
  flippedScenario.outcome = "pass";
  flippedScenario.checks.forEach((c) => { if (c.outcome === "fail") c.outcome = "pass"; });
  const blocks = flippedScenario.strategies.map((s) => s.block);
  const second = path.join(work, "second.json");
  fs.writeFileSync(second, JSON.stringify(other));
  const compare = path.join(work, "compare.html");
  const made = runReferee(options.referee, ["report", path.join(runDir, "results.json"), second, "--html", compare]);
  assert.strictEqual(made.status, 0, made.stderr);
  const { page, external, errors } = await openPage(browser, compare);
  const differing = await page.$$eval("#compare tr.differs", (rows) => rows.map((r) => r.dataset.requirement || r.dataset.block));
  assert(differing.includes(flipped), `${flipped} is highlighted: ${differing}`);
  assert(differing.every((row) => row === flipped || blocks.includes(row)), `only what changed differs: ${differing}`);
  await page.check("#only-differences");
  assert.strictEqual((await page.$$("#compare tr[data-requirement]")).length, 1);
  assert.deepStrictEqual(external, []);
  assert.deepStrictEqual(errors, []);
  console.log(`comparison: ${differing.join(", ")} highlighted`);
  await page.close();
}

async function checkLargeReport(browser, options, work) {
  const file = path.join(work, "large.html");
  execFileSync(options["large-report"], [file, "1000", "10000000"]);
  const bytes = fs.statSync(file).size;
  assert(bytes > 10e6, `the large report holds 10 MB of transcripts (${bytes} bytes)`);
  const { page, errors, loadMs } = await openPage(browser, file);
  const renderMs = Number(await page.getAttribute("body", "data-render-ms"));
  assert.strictEqual(Number(await page.textContent("#totals [data-outcome='all'] .count")), 1000);
  const filterStart = Date.now();
  await page.fill("#filter-text", "generated-0993");
  await page.waitForFunction(() => document.querySelectorAll("#scenario-list .scenario").length === 1);
  const filterMs = Date.now() - filterStart;
  const openStart = Date.now();
  await page.click("#scenario-list .scenario .row");
  await page.waitForSelector(".failing-step", { state: "visible" });
  const openMs = Date.now() - openStart;
  const literal = await page.textContent(".timeline .literal .size");
  assert.strictEqual(literal, "literal 120 bytes: ", "literals are shown with their size");
  assert.deepStrictEqual(errors, []);
  console.log(`large report: ${(bytes / 1e6).toFixed(1)} MB, loaded in ${loadMs} ms (script ${renderMs} ms), filter ${filterMs} ms, open scenario ${openMs} ms`);
  assert(loadMs < LOAD_BUDGET_MS, `loads within ${LOAD_BUDGET_MS} ms`);
  await page.close();
}

// The run's JUnit XML against junit-10.xsd, with the schema's "errors" read as "error"
// (../shared/schemas/README.md), by xmllint (libxml2-utils, tools/setup).
function validateJunit(opts, file) {
  const schema = fs.readFileSync(opts["junit-schema"], "utf8")
    .replace('name="errors">', 'name="error">').replace('ref="errors"/>', 'ref="error"/>');
  assert(schema.includes('name="error">') && schema.includes('ref="error"/>'), "the schema quirk was found");
  const patched = path.join(opts.work, "junit-10-error.xsd");
  fs.writeFileSync(patched, schema);
  const result = spawnSync("xmllint", ["--noout", "--schema", patched, file], { encoding: "utf8" });
  assert.strictEqual(result.status, 0, `${file} is valid JUnit XML:\n${result.stderr}`);
}

async function main() {
  const opts = options();
  const { chromium } = require(path.join(opts["node-modules"], "playwright-core"));
  fs.rmSync(opts.work, { recursive: true, force: true });
  fs.mkdirSync(opts.work, { recursive: true });
  const runDir = path.join(opts.work, "run");
  const run = runReferee(opts.referee, ["run", "--filter", "rfc2193/3/*:rfc2193/4.1/*", "--fixture-fault", "referral-loop",
                                        "-q", "--color", "never", "--out", runDir]);
  assert.strictEqual(run.status, 1, "a run with failures exits 1\n" + run.stdout + run.stderr);
  const violations = problems(validator(opts["node-modules"], opts.schema), path.join(runDir, "results.json"));
  assert.deepStrictEqual(violations, [], "results.json follows reports/json/results.schema.json");
  validateJunit(opts, path.join(runDir, "TEST-referee.xml"));
  const browser = await chromium.launch({ executablePath: process.env.REFEREE_CHROMIUM || "/usr/bin/chromium",
                                          args: ["--no-sandbox", "--disable-gpu"] });
  try {
    await checkRunReport(browser, opts.work, runDir);
    await checkComparison(browser, opts, opts.work, runDir);
    await checkLargeReport(browser, opts, opts.work);
  } finally {
    await browser.close();
  }
}

main().then(() => console.log("browser test passed"), (error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
