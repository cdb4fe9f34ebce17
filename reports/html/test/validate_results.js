// node validate_results.js NODE_MODULES SCHEMA RESULTS.json...: each file against the schema;
// prints every violation with its JSON pointer, exits 1 on any.
"use strict";
const fs = require("fs");
const path = require("path");

function validator(nodeModules, schemaFile) {
  const Ajv = require(path.join(nodeModules, "ajv"));
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
}

// Returns the messages for one file ("file: /scenarios/0/outcome must be equal to one of …").
function problems(validate, file) {
  const document = JSON.parse(fs.readFileSync(file, "utf8"));
  if (validate(document)) return [];
  return validate.errors.map((e) => `${file}: ${e.instancePath || "/"} ${e.message}`);
}

module.exports = { validator, problems };

if (require.main === module) {
  const [nodeModules, schemaFile, ...files] = process.argv.slice(2);
  const validate = validator(nodeModules, schemaFile);
  // The schema must be able to fail: a document with a wrong outcome is rejected.
  const broken = { format: "referee-results", format_version: 2 };
  if (validate(broken)) throw new Error("the schema accepts an incomplete document");
  let failed = 0;
  for (const file of files) {
    const messages = problems(validate, file);
    messages.forEach((m) => console.error(m));
    failed += messages.length ? 1 : 0;
    console.log(`${file}: ${messages.length ? "INVALID" : "valid"}`);
  }
  console.log(`${files.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
