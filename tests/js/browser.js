// Loads our browser scripts (theme/assets/cq/) into a fresh `vm` context, as a page would load them:
// plain scripts, one after another, sharing one global. No DOM: only files that read no page at load.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { execFileSync } = require("node:child_process");

const REPO = path.join(__dirname, "..", "..");
const ASSETS = path.join(REPO, "theme", "assets", "cq");

function load(...names) {
  return loadFor(null, ...names);
}

// The scripts as a page of language `lang` gets them: its CLDR data (from the generator's Python, the one
// source) written into core.js's `locale` slot, as the build does.
function loadFor(lang, ...names) {
  const context = vm.createContext({});
  context.self = context;
  for (const name of names) {
    let text = fs.readFileSync(path.join(ASSETS, name), "utf8");
    if (lang) text = text.replace("{/*strings:locale*/}", JSON.stringify(fromPython("locale", lang)));
    vm.runInContext(text, context, { filename: name });
  }
  return context.cq;
}

// A language's whole catalogue as the build hands it to the scripts (theme/strings/<lang>.yml, read by
// the generator's own loader, plus its `locale` table), from the project's Python.
const answers = {};
function fromPython(what, lang) {
  const key = what + " " + lang;
  if (!answers[key]) {
    const python = [path.join(REPO, ".venv", "bin", "python"), "python3"].find((p) => p === "python3" || fs.existsSync(p));
    const code = `import json,sys; from tests.cldr_tables import ${what}; print(json.dumps(${what}(sys.argv[1])))`;
    answers[key] = JSON.parse(execFileSync(python, ["-c", code, lang], { cwd: REPO, encoding: "utf8" }));
  }
  return answers[key];
}
function catalogue(lang) {
  return fromPython("catalogue", lang);
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

module.exports = { load, loadFor, catalogue, plain, catalogueString };
