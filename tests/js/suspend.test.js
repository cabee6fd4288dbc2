// The SCORM suspend-data codec (suspend.js): what scorm.js writes to cmi.suspend_data and reads back.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load, plain } = require("./browser.js");

const cq = load("core.js", "suspend.js");
const { encode, decode, LIMIT } = cq.suspend;

// As generator/exports/scorm.py writes it: [quiz id, kind, [[question id, choice ids | null (items) | "t" (typed)]]].
const INDEX = [
  ["01-basics", "module", [["goal-1", ["a", "b", "c"]], ["tf-1", ["true", "false"]], ["multi-1", ["a", "b", "c", "d"]],
    ["order-1", null], ["rate-1", "t"], ["term-1", "t"]]],
  ["01-basics-checks", "checks", [["check-1", ["a", "b"]]]],
];
const KEY = "3f9a1c";

function state() {
  return {
    v: 1,
    quizzes: {
      "01-basics": {
        seed: 123456, at: "2026-03-04T05:06:07.000Z", started: 1772600000000, submitted: true,
        draw: ["goal-1", "multi-1", "rate-1"],
        answers: {
          "goal-1": { value: ["b"], correct: true },
          "tf-1": { value: ["false"], correct: false },
          "multi-1": { value: ["a", "d"], correct: true },
          "order-1": { value: ["2", "0", "1"], correct: false },
          "rate-1": { value: ["4.5"], correct: true },
          "term-1": { value: ["Taux d’engagement, 100 % ; ou | pas"], correct: false },
        },
      },
      "01-basics-checks": { answers: { "check-1": { value: ["a"], correct: true } } },
    },
    visited: { "01-basics/01-goal-first": 1 }, last: "01-basics/01-goal-first", name: "Ann",
  };
}

test("a state packed against the index reads back the same, every kind of answer and attempt", () => {
  const text = encode(state(), INDEX, "01-basics", KEY);
  assert.ok(text.startsWith(`c1${KEY};`), text);
  assert.deepEqual(plain(decode(text, INDEX, KEY)), state());
});

test("answers are packed small: about four characters each", () => {
  const only = { v: 1, quizzes: { "01-basics": { answers: state().quizzes["01-basics"].answers } } };
  delete only.quizzes["01-basics"].answers["term-1"];
  delete only.quizzes["01-basics"].answers["rate-1"];
  assert.equal(encode(only, INDEX, "01-basics", KEY), `c1${KEY};0:0+1,1-1,2+03,3-201`);
});

test("what the index does not know travels as JSON after a bar, and comes back", () => {
  const s = { v: 1, quizzes: { old: { answers: { x: { value: ["a"], correct: true } } },
    "01-basics": { answers: { "gone-1": { value: ["a"], correct: false }, "goal-1": { value: ["a"], correct: true } } } } };
  const text = encode(s, INDEX, "01-basics", KEY);
  assert.match(text, /\|\{/);
  assert.deepEqual(plain(decode(text, INDEX, KEY)), s);
});

test("data written for another version of the course (another index key) reads as no progress", () => {
  const text = encode(state(), INDEX, "01-basics", KEY);
  assert.deepEqual(plain(decode(text, INDEX, "000000")), { v: 1, quizzes: {} });
});

test("a state written without an index (a page launched on its own) is plain JSON, read back as is", () => {
  const text = encode(state(), null, "01-basics", undefined);
  assert.equal(text, JSON.stringify(state()));
  assert.deepEqual(plain(decode(text, INDEX, KEY)), state());
  assert.deepEqual(plain(decode('{"v":2,"quizzes":{}}', INDEX, KEY)), { v: 1, quizzes: {} }, "another version");
});

test("corrupt or cut-short data never throws: what can be read is kept, the rest left out", () => {
  const text = encode(state(), INDEX, "01-basics", KEY);
  for (let end = 0; end <= text.length; end++) {
    const back = plain(decode(text.slice(0, end), INDEX, KEY));
    assert.equal(back.v, 1, `cut at ${end}`);
    for (const quiz of Object.values(back.quizzes)) {
      for (const answer of Object.values(quiz.answers)) assert.ok(answer.value.every((v) => typeof v === "string"));
    }
  }
  for (const junk of ["garbage", "{not json", "c1;", `c1${KEY};zz:0+0`, `c1${KEY};0@:0+0`, `c1${KEY};0:0+z,9+0`, "null"]) {
    assert.deepEqual(plain(decode(junk, INDEX, KEY)).v, 1, junk);
  }
  // A broken %-escape or a choice the index lacks loses that answer only; a broken tail loses the tail only.
  assert.deepEqual(plain(decode(`c1${KEY};0:0+1,5-'%E2%8,1+9|{"k":`, INDEX, KEY)),
    { v: 1, quizzes: { "01-basics": { answers: { "goal-1": { value: ["b"], correct: true } } } } });
});

test("a course of many quizzes stays under the limit, keeping the quiz of the module being taken", () => {
  const index = [];
  const s = { v: 1, quizzes: {} };
  for (let i = 0; i < 120; i++) {
    const questions = [];
    s.quizzes[`quiz-${i}`] = { seed: 999999, at: "2026-03-04T05:06:07.000Z", answers: {} };
    for (let j = 0; j < 10; j++) {
      questions.push([`q${j}`, ["a", "b", "c", "d"]]);
      s.quizzes[`quiz-${i}`].answers[`q${j}`] = { value: ["a", "c"], correct: j % 2 === 0 };
    }
    index.push([`quiz-${i}`, "module", questions]);
  }
  const text = encode(s, index, "quiz-119", KEY);
  assert.ok(text.length <= LIMIT && LIMIT < 4096, `${text.length} characters`);
  const back = plain(decode(text, index, KEY));
  assert.deepEqual(back.quizzes["quiz-119"], s.quizzes["quiz-119"]);
  assert.ok(Object.keys(back.quizzes).length < 120);
});
