// Counted strings in the browser: the form CLDR's rules choose (the rules Babel gave the build), for
// English, French, Polish and Arabic, through the catalogues' own texts.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadFor, catalogue } = require("./browser.js");

function lookup(lang, section) {
  const cq = loadFor(lang, "core.js");
  return cq.strings(catalogue(lang)[section]);
}

test("English: one and other", () => {
  const t = lookup("en", "exam_js");
  assert.equal(t("minutes", { n: 1 }), "One minute left.");
  assert.equal(t("minutes", { n: 5 }), "5 minutes left.");
  assert.equal(t("missing", { n: 1 }), "1 question is not answered yet. Submit anyway?");
  assert.equal(t("answered", { a: 0, n: 1 }), "0 of 1 question answered.");
  assert.equal(t("answered", { a: 2, n: 3 }), "2 of 3 questions answered.");
  assert.equal(lookup("en", "progress_js")("lessons", { r: 1200, n: 1500 }), "1200 of 1,500 lessons read");
});

test("French: 0 and 1 take the singular, and numbers are French", () => {
  const t = lookup("fr", "exam_js");
  assert.equal(t("extended", { n: 0 }), "0\u00a0minute de plus accordée.");
  assert.equal(t("extended", { n: 1 }), "1\u00a0minute de plus accordée.");
  assert.equal(t("extended", { n: 2 }), "2\u00a0minutes de plus accordées.");
  assert.equal(t("extended", { n: 1500 }), "1\u202f500\u00a0minutes de plus accordées.");
  assert.equal(t("extended", { n: 1000000 }), "1\u202f000\u202f000\u00a0minutes de plus accordées.",
    "French `many` (1 000 000) is not written in fr.yml: `other` stands in");
});

test("Polish: one, few and many (1 lekcja, 2 lekcje, 5 lekcji, 22 lekcje, 25 lekcji)", () => {
  const t = lookup("pl", "site");
  const forms = [1, 2, 4, 5, 12, 21, 22, 25, 112, 122].map((n) => t("lesson_count", { n }));
  assert.deepEqual(forms, ["1 lekcja", "2 lekcje", "4 lekcje", "5 lekcji", "12 lekcji", "21 lekcji", "22 lekcje",
    "25 lekcji", "112 lekcji", "122 lekcje"]);
});

test("Arabic: its six forms", () => {
  const cq = loadFor("ar", "core.js");
  assert.deepEqual([0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111].map(cq.plural),
    ["zero", "one", "two", "few", "few", "many", "many", "other", "other", "other", "few", "many"]);
  const t = cq.strings(catalogue("ar").site);
  const forms = catalogue("ar").site.lesson_count;
  assert.equal(t("lesson_count", { n: 0 }), forms.zero.replace("{n}", "0"));
  assert.equal(t("lesson_count", { n: 2 }), forms.two.replace("{n}", "2"));
  assert.equal(t("lesson_count", { n: 7 }), forms.few.replace("{n}", "7"));
  assert.equal(t("lesson_count", { n: 15 }), forms.many.replace("{n}", "15"));
  assert.equal(t("lesson_count", { n: 100 }), forms.other.replace("{n}", "100"));
  assert.equal(new Set(["zero", "one", "two", "few", "many", "other"].map((c) => forms[c])).size, 6);
});

test("the minutes left on the home page are counted: Spanish, Polish and Arabic forms", () => {
  const stats = (lang, n) => {
    const t = lookup(lang, "progress_js");
    return t("stats", { lessons: "L", quizzes: "Q", left: t("minutesLeft", { n }) });
  };
  assert.equal(stats("es", 1), "L, Q. Queda 1 min aprox.");
  assert.equal(stats("es", 5), "L, Q. Quedan unos 5 min.");
  assert.deepEqual([1, 3, 5, 22].map((n) => stats("pl", n)), ["L, Q. Została mniej więcej 1 minuta.",
    "L, Q. Zostały mniej więcej 3 minuty.", "L, Q. Zostało mniej więcej 5 minut.",
    "L, Q. Zostały mniej więcej 22 minuty."]);
  const arabic = lookup("ar", "progress_js");
  assert.deepEqual([0, 1, 2, 3, 11, 100].map((n) => arabic("minutesLeft", { n })), ["لم يبقَ وقت.",
    "الوقت المتبقي نحو دقيقة واحدة.", "الوقت المتبقي نحو دقيقتين.", "الوقت المتبقي نحو 3 دقائق.",
    "الوقت المتبقي نحو 11 دقيقة.", "الوقت المتبقي نحو 100 دقيقة."]);
  assert.equal(stats("en", 1), "L, Q. About 1 min left.");
});
