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
// As the launch page lists them: every lesson of the course, in order.
const LESSONS = ["01-basics/01-goal-first", "01-basics/02-smart", "01-basics/03-kpi", "01-basics/04-review",
  "01-basics/05-wrap-up", "02-more/01-one", "02-more/02-two"];

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
  const text = encode(state(), INDEX, "01-basics", KEY, LESSONS);
  assert.ok(text.startsWith(`c2${KEY};`), text);
  assert.deepEqual(plain(decode(text, INDEX, KEY, LESSONS)), state());
});

test("answers are packed small: about four characters each", () => {
  const only = { v: 1, quizzes: { "01-basics": { answers: state().quizzes["01-basics"].answers } } };
  delete only.quizzes["01-basics"].answers["term-1"];
  delete only.quizzes["01-basics"].answers["rate-1"];
  assert.equal(encode(only, INDEX, "01-basics", KEY), `c2${KEY};0:0+1,1-1,2+03,3-201`);
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
  for (const junk of ["garbage", "{not json", "c1;", "c2;", `c2${KEY};!`, `c2${KEY};!zz.vv.zz`, `c1${KEY};zz:0+0`, `c1${KEY};0@:0+0`, `c1${KEY};0:0+z,9+0`, "null"]) {
    assert.deepEqual(plain(decode(junk, INDEX, KEY)).v, 1, junk);
  }
  // A broken %-escape or a choice the index lacks loses that answer only; a broken tail loses the tail only.
  assert.deepEqual(plain(decode(`c2${KEY};0:0+1,5-'%E2%8,1+9|{"k":`, INDEX, KEY)),
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

test("lessons read are packed against the course's lessons: one character for five, and the last one opened", () => {
  const s = { v: 1, quizzes: {}, visited: { "01-basics/01-goal-first": 1, "01-basics/03-kpi": 1, "02-more/01-one": 1 },
    last: "02-more/02-two" };
  const text = encode(s, INDEX, "01-basics", KEY, LESSONS);
  // Lessons 1 and 3 of the first five (1 + 4 = 5), lesson 1 of the next ones (1), the last one opened is the 7th (6).
  assert.match(text, new RegExp(`^c2${KEY};!([0-9a-z]{1,4})\\.51\\.6$`), text);
  assert.deepEqual(plain(decode(text, INDEX, KEY, LESSONS)), s);
  // Read, but not a lesson of this list (a page of another version), or marked otherwise: kept in the tail.
  const odd = { v: 1, quizzes: {}, visited: { "01-basics/02-smart": 1, "99-gone/01-old": 1 }, last: "99-gone/01-old" };
  const back = encode(odd, INDEX, "01-basics", KEY, LESSONS);
  assert.match(back, /;!\w+\.2\|/, back);
  assert.deepEqual(plain(decode(back, INDEX, KEY, LESSONS)), odd);
});

test("lessons read for another list of lessons (a course update) are left out, the quiz answers kept", () => {
  const text = encode(state(), INDEX, "01-basics", KEY, LESSONS);
  const changed = LESSONS.slice(0, 1).concat(["01-basics/01b-new"], LESSONS.slice(1));
  const back = plain(decode(text, INDEX, KEY, changed));
  assert.equal(back.visited, undefined);
  assert.equal(back.last, undefined);
  assert.deepEqual(back.quizzes, state().quizzes);
  assert.equal(back.name, "Ann");
});

test("data written by the previous version (c1: lessons read in the JSON tail) is still read, and rewritten as c2", () => {
  // As suspend.js wrote it before lessons were packed (encode, c1, index and key as above).
  const old = `c1${KEY};0:0+1,1-0;1:0+0|{"q":{},"k":{"visited":{"01-basics/01-goal-first":1,"01-basics/02-smart":1},` +
    `"last":"01-basics/02-smart","name":"Ann"}}`;
  const expected = {
    v: 1,
    quizzes: {
      "01-basics": { answers: { "goal-1": { value: ["b"], correct: true }, "tf-1": { value: ["true"], correct: false } } },
      "01-basics-checks": { answers: { "check-1": { value: ["a"], correct: true } } },
    },
    visited: { "01-basics/01-goal-first": 1, "01-basics/02-smart": 1 }, last: "01-basics/02-smart", name: "Ann",
  };
  const back = plain(decode(old, INDEX, KEY, LESSONS));
  assert.deepEqual(back, expected);
  const now = encode(back, INDEX, "01-basics", KEY, LESSONS);
  assert.match(now, new RegExp(`^c2${KEY};!\\w+\\.3\\.1;0:0\\+1,1-0;1:0\\+0\\|\\{"q":\\{\\},"k":\\{"name":"Ann"\\}\\}$`), now);
  assert.deepEqual(plain(decode(now, INDEX, KEY, LESSONS)), expected);
  assert.deepEqual(plain(decode(old, INDEX, "000000", LESSONS)), { v: 1, quizzes: {} }, "c1 of another index");
});

// What scorm.js and cmi5.js share: the codec bound to the launch page's data, and the module cq.standing reads.
test("launch(config) binds the codec and reads the module as cq.standing does", () => {
  const config = { quiz: "01-basics", total: 6, pass: 75, index: INDEX, key: KEY, slugs: LESSONS,
    lessons: [{ slug: LESSONS[0] }, { slug: LESSONS[1] }] };
  const bound = cq.suspend.launch(config);
  assert.deepEqual(plain(bound.module.ids), ["goal-1", "tf-1", "multi-1", "order-1", "rate-1", "term-1"]);
  assert.equal(bound.module.pass, 75);
  const s = state();
  assert.equal(bound.encode(s), encode(s, INDEX, "01-basics", KEY, LESSONS));
  assert.deepEqual(plain(bound.decode(bound.encode(s)).visited), { "01-basics/01-goal-first": 1 });
  const r = cq.standing({ v: 1, quizzes: {}, visited: { [LESSONS[0]]: 1, [LESSONS[1]]: 1 } }, bound.module);
  assert.equal(r.completed, true, "every lesson of the module read");
  assert.equal(r.passed, false);
  assert.deepEqual(plain(cq.suspend.launch({}).decode("")), { v: 1, quizzes: {} }, "a page launched on its own");
});
