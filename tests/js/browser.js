// Loads our browser scripts (theme/assets/cq/) into a fresh `vm` context, as a page would load them:
// plain scripts, one after another, sharing one global. No DOM: only files that read no page at load.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const REPO = path.join(__dirname, "..", "..");
const ASSETS = path.join(REPO, "theme", "assets", "cq");

function load(...names) {
  const context = vm.createContext({});
  context.self = context;
  for (const name of names) {
    vm.runInContext(fs.readFileSync(path.join(ASSETS, name), "utf8"), context, { filename: name });
  }
  return context.cq;
}

// Values made in the context have its Array and Object: compare them as data, as a page would store them.
function plain(value) {
  return JSON.parse(JSON.stringify(value));
}

// One entry of a language's interface strings (theme/strings/<lang>.yml), read without a YAML parser:
// `key: value` at two spaces under `section:`, plain or quoted without escapes (else it says so).
function catalogueString(lang, section, key) {
  const text = fs.readFileSync(path.join(REPO, "theme", "strings", `${lang}.yml`), "utf8");
  const start = text.indexOf(`\n${section}:\n`);
  if (start === -1) throw new Error(`no section ${section} in ${lang}.yml`);
  const body = text.slice(start + section.length + 3).split(/\n(?=\S)/)[0];
  const line = body.split("\n").find((l) => l.startsWith(`  ${key}:`));
  if (line === undefined) throw new Error(`no ${section}.${key} in ${lang}.yml`);
  const raw = line.slice(key.length + 3).trim();
  if (raw.startsWith('"') && raw.includes("\\")) throw new Error(`${section}.${key} in ${lang}.yml has YAML escapes`);
  return /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
}

module.exports = { load, plain, catalogueString };
