// Numbers as learners type them and as pages show them, with each language's CLDR marks (from Babel, through
// the generator's page data: tests/js/browser.js loadFor).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadFor } = require("./browser.js");

const pages = {};
const page = (lang) => (pages[lang] = pages[lang] || loadFor(lang, "core.js"));
const read = (lang, text, unit) => page(lang).parseNumber(text, unit);

test("English: a point is the decimal mark, a comma groups thousands", () => {
  assert.equal(read("en", "4.5"), 4.5);
  assert.equal(read("en", "1,200"), 1200);
  assert.equal(read("en", "1,234,567.25"), 1234567.25);
  assert.equal(read("en", "1 200"), 1200);
  assert.equal(read("en", "4,5"), 4.5, "a comma that cannot group (not three digits) is a decimal mark");
});

test("French: a comma is the decimal mark, spaces (also no-break and narrow) group thousands", () => {
  assert.equal(read("fr", "4,5"), 4.5);
  assert.equal(read("fr", "1,234"), 1.234, "French does not group with a comma");
  assert.equal(read("fr", "1 200"), 1200);
  assert.equal(read("fr", "1\u00a0200,5"), 1200.5);
  assert.equal(read("fr", "1\u202f234\u202f567"), 1234567);
  assert.equal(read("fr", "4.5"), 4.5, "a point typed on an English keyboard still reads");
});

test("German: a comma is the decimal mark, a point groups thousands", () => {
  assert.equal(read("de", "4,5"), 4.5);
  assert.equal(read("de", "1.200"), 1200);
  assert.equal(read("de", "1.234.567,89"), 1234567.89);
  assert.equal(read("de", "1.5"), 1.5, "a point that cannot group is a decimal mark");
});

test("signs, a percent sign and the question's unit before or after", () => {
  assert.equal(read("en", "-2.5"), -2.5);
  assert.equal(read("en", "\u22122.5"), -2.5);
  assert.equal(read("en", "+3"), 3);
  assert.equal(read("en", "4.5 %"), 4.5);
  assert.equal(read("fr", "4,5%"), 4.5);
  assert.equal(read("en", "12 kg", "kg"), 12);
  assert.equal(read("en", "EUR 1,200", "EUR"), 1200);
  assert.equal(read("en", "  .5  "), 0.5);
});

test("what is not a number is rejected (NaN), never read as a wrong number", () => {
  for (const [lang, text] of [["en", ""], ["en", "abc"], ["en", "4.5.6"], ["en", "1,2,3"], ["en", "12,34,567"],
    ["de", "1.23.4"], ["fr", "1 2"], ["en", "4,5.6"], ["en", "--4"], ["en", "4 kg"], ["en", "1e3"], ["en", "."]]) {
    assert.ok(Number.isNaN(read(lang, text)), `${lang}: ${JSON.stringify(text)} read as ${read(lang, text)}`);
  }
});

test("Spanish: a comma is the decimal mark, a point groups (CLDR through Babel: 1.234,5)", () => {
  assert.equal(read("es", "4,5"), 4.5);
  assert.equal(read("es", "1.200"), 1200);
  assert.equal(read("es", "1.234.567,89"), 1234567.89);
  assert.equal(page("es").num(1234567.5), "1.234.567,5");
});

test("numbers are shown as each language writes them, the marks Python used for the same page", () => {
  assert.equal(page("en").num(4.5), "4.5");
  assert.equal(page("en").num(1200), "1,200");
  assert.equal(page("fr").num(4.5), "4,5");
  assert.equal(page("fr").num(1234567.25), "1\u202f234\u202f567,25");
  assert.equal(page("de").num(1200.5), "1.200,5");
  assert.equal(page("pl").num(1200.5), "1\u00a0200,5");
  assert.equal(page("ar").num(4.5), "4.5", "ar: Latin digits and a point, as Babel's CLDR writes ar (not Intl's ٤٫٥)");
  assert.equal(page("en").num(-0.25), "-0.25");
});

test("Polish and Arabic read what their pages show", () => {
  assert.equal(read("pl", "4,5"), 4.5);
  assert.equal(read("pl", "1\u00a0200,5"), 1200.5);
  assert.equal(read("pl", "1,234"), 1.234, "Polish does not group with a comma");
  assert.equal(read("ar", "1,200"), 1200);
  assert.equal(read("ar", "4.5"), 4.5);
});

test("a share is written with the percent sign where and as each language's CLDR pattern puts it", () => {
  assert.equal(page("en").pct(80), "80%");
  assert.equal(page("fr").pct(87.5), "87,5\u00a0%");
  assert.equal(page("de").pct(80), "80\u00a0%");
  assert.equal(page("pl").pct(80), "80%");
  assert.equal(page("ar").pct(80), "80\u200e%\u200e");
});

test("a negative number keeps its sign and its grouping", () => {
  assert.equal(page("en").num(-1234.5), "-1,234.5");
  assert.equal(page("fr").num(-0.25), "-0,25");
});
