// Reads the embedded results and builds the page; marks the body ready (the browser test
// waits for data-ready and reads data-render-ms).
const started = performance.now();
const data = JSON.parse(document.getElementById("referee-data").textContent);
if (data.kind === "compare") comparePage(data.runs); else runPage(data.run);
document.body.dataset.renderMs = String(Math.round(performance.now() - started));
document.body.dataset.ready = "1";
