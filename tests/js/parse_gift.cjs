// Parse GIFT files with gift-pegjs, an independent parser, and print what it read as JSON.
// Usage: node parse_gift.cjs FILE...   (run from pytest; node_modules is found from the repo root)
"use strict";
const fs = require("fs");
const path = require("path");
const { parse } = require(path.join(__dirname, "..", "..", "node_modules", "gift-pegjs"));

const out = {};
for (const file of process.argv.slice(2)) {
  try {
    out[file] = { questions: parse(fs.readFileSync(file, "utf8")) };
  } catch (error) {
    out[file] = { error: String(error.message), line: error.location ? error.location.start.line : null };
  }
}
process.stdout.write(JSON.stringify(out));
