// Interface strings: one lookup (cq.strings) for every script, placeholders of any length.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load, catalogueString } = require("./browser.js");

const cq = load("core.js");

test("a placeholder longer than one letter is filled: {left} does not print as is", () => {
  const t = cq.strings({ stats: catalogueString("en", "progress_js", "stats") });
  assert.equal(t("stats", { lessons: "3 of 12 lessons read", quizzes: "1 of 4 module quizzes passed",
    left: "About 25 min left." }), "3 of 12 lessons read, 1 of 4 module quizzes passed. About 25 min left.");
});

test("one-letter placeholders and repeated ones are filled from the values", () => {
  const t = cq.strings({ score: catalogueString("en", "quiz_js", "score"), twice: "{n}/{n}" });
  assert.equal(t("score", { s: 4, t: 5, pct: "80%" }), "Your score: 4 of 5 (80%).");
  assert.equal(t("twice", { n: 0 }), "0/0");
});

test("a placeholder without a value is left out, and text without placeholders stays", () => {
  const t = cq.strings({ line: "{a} of {total}.", plain: "Checked" });
  assert.equal(t("line", { a: 2 }), "2 of .");
  assert.equal(t("line"), " of .");
  assert.equal(t("plain", { a: 1 }), "Checked");
});

test("braces that are not a placeholder stay as written", () => {
  const t = cq.strings({ odd: "{ n } {} {n-1} {n}" });
  assert.equal(t("odd", { n: 7 }), "{ n } {} {n-1} 7");
});

test("a missing key asks the fallback table, else shows the key instead of stopping the script", () => {
  const quiz = cq.strings({ right: "Right.", left: "{n} left" });
  const exam = cq.strings({ timeUp: "Time is up." }, quiz);
  assert.equal(exam("timeUp"), "Time is up.");
  assert.equal(exam("right"), "Right.");
  assert.equal(exam("left", { n: 2 }), "2 left");
  assert.equal(exam("nowhere"), "nowhere");
  assert.equal(quiz("nowhere", { n: 1 }), "nowhere");
});
