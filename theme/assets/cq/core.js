/* The core every course script shares, loaded before them all: interface strings with {placeholders},
 * queries, mounting on each page Material shows, numbers as learners type them, and scoring.
 * One global, `cq`, and no ES modules: the offline copy runs from file:// and SCORM packages inside
 * an LMS's frame, where module scripts are refused. Nothing here reads the page at load time, so
 * tests/js/ runs it in Node. */
(function (root) {
  "use strict";

  /* -- the page language's CLDR data, from Babel (generator/course/cldr.py: page_table) ---------------- */
  // What Python used for the same language, so a page, its PDF and its banks agree: decimal and group
  // marks, the percent form, and plural rules for whole counts ([category, [[relation…]…]]: a relation is
  // [modulus or 0, negated, low, high…]). The browser's Intl is not asked: its CLDR is not Babel's.
  var L = {/*strings:locale*/};
  function plural(n) {
    n = Math.abs(n);
    var rule = (L.plural || []).filter(function (c) {
      return c[1].some(function (and) {
        return and.every(function (r) {
          for (var x = r[0] ? n % r[0] : n, hit = 0, j = 2; j < r.length; j += 2) hit |= x >= r[j] && x <= r[j + 1];
          return hit != r[1];
        });
      });
    })[0];
    return rule ? rule[0] : "other";
  }
  // A number as the page's language writes it (grouped by threes, up to six decimals, none trailing).
  function num(x) {
    var parts = String(Math.round(x * 1e6) / 1e6).split(".");
    return parts[0].replace(/\B(?=(\d{3})+$)/g, L.group) + (parts[1] ? L.dec + parts[1] : "");
  }

  // A share as the page's language writes it: 80% (en), 80 % (fr).
  function pct(x) { return L.pct.replace("{n}", num(x)); }

  /* -- strings: each script's table is written into its `strings:` slot by the build ----------------- */
  // "{n} of {t}" with {n: 3, t: 10}; any word is a name ({min} too), and a name without a value goes.
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (_, k) { return values && k in values ? values[k] : ""; });
  }
  // A script's lookup: t("score", {s: 3}). A key its table lacks goes to `fallback` (exam.js asks
  // quiz.js's table), else shows as the key: a visible slip rather than a page whose script stopped.
  // A counted string ({one: …, other: …}) takes the form of values.n, and shows n as the language writes it.
  function strings(table, fallback) {
    return function (key, values) {
      var text = table[key];
      if (text && typeof text === "object") {
        text = text[plural(values.n)] || text.other;
        values.n = num(values.n); // the callers pass a fresh object each time
      }
      return key in table ? fill(text, values) : fallback ? fallback(key, values) : key;
    };
  }

  function all(node, selector) { return Array.prototype.slice.call(node.querySelectorAll(selector)); }

  // What only some pages need (exam mode, the progress page, search highlighting) is fetched from
  // beside this file when a page asks: a script or stylesheet element, which works over file:// and in
  // an LMS too. A stylesheet that fails to load still calls `done`: the page goes on, unstyled.
  var here = root.document && document.currentScript ? document.currentScript.src : "";
  function load(name, done) {
    if (!here) return;
    var css = /\.css$/.test(name), node = document.createElement(css ? "link" : "script");
    if (css) { node.rel = "stylesheet"; node.onerror = done; }
    node[css ? "href" : "src"] = new URL(name, here);
    node.onload = done;
    document.head.appendChild(node);
  }

  // Material's instant navigation swaps the page without running scripts again: document$ emits after
  // each swap (and replays the current page). Without Material, or before it is ready, the DOM's event.
  function mount(fn) {
    var pages = root.document$;
    if (pages && typeof pages.subscribe === "function") pages.subscribe(fn);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  /* -- numbers as people type them ----------------------------------------------------------------- */
  // "4,5" or "4.5"; "1 200" or "1,200" (grouping by threes, the page's way: "1,234" is 1234 in English
  // and 1.234 in French); a "%" or the question's unit before or after. The language's group mark comes
  // from CLDR ("," English, "." German; a space of some kind in French or Polish, where only spaces
  // group). NaN when it is no number.
  function parseNumber(text, unit) {
    var group = /\s/.test(L.group) ? "" : L.group;
    var s = String(text).trim();
    ["%", unit].forEach(function (u) {
      var k = (u || "").trim().toLowerCase(), l = s.toLowerCase();
      if (!k) return;
      if (l.slice(-k.length) === k) s = s.slice(0, -k.length).trim();
      else if (l.slice(0, k.length) === k) s = s.slice(k.length).trim();
    });
    var sign = /^[-\u2212]/.test(s) ? -1 : 1;
    s = s.replace(/^[-+\u2212]/, "").replace(/(\d)[ \u00a0\u202f\u2009](?=\d{3}(?!\d))/g, "$1");
    if (!/^[\d.,]*\d[\d.,]*$/.test(s)) return NaN;
    var seps = s.replace(/\d/g, "");
    // One separator is a thousands separator only when it is the language's (1,200 in English, 1.200 in German).
    if (seps.length > 1 || (seps === group && new RegExp("^\\d{1,3}\\" + seps + "\\d{3}$").test(s))) {
      var first = seps.charAt(0), last = seps.charAt(seps.length - 1);
      var dec = last !== first ? s.lastIndexOf(last) : s.length;
      var whole = s.slice(0, dec);
      if (!new RegExp("^\\d{1,3}(\\" + first + "\\d{3})*$").test(whole)) return NaN;
      s = whole.split(first).join("") + "." + s.slice(dec + 1);
    }
    s = s.replace(",", ".");
    return /^(\d+\.?\d*|\.\d+)$/.test(s) ? sign * parseFloat(s) : NaN;
  }

  /* -- scoring: one rule for the quiz page, the progress page and the LMS ------------------------------ */
  // Answers the learner types (kept as text), and answers that put items in places (kept as item keys).
  function typed(type) { return type === "numeric" || type === "short_answer"; }
  function placed(type) { return type === "ordering" || type === "matching"; }
  // Short answers are compared without case, accents, punctuation or extra spaces (as the generator checks them,
  // model.normalise_answer): marks go after Latin, Greek, Cyrillic, Arabic and Hebrew letters only; elsewhere
  // (Devanagari, Thai...) a mark is a vowel of the word.
  function normal(s) {
    return String(s).normalize("NFD")
      .replace(/([\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Arabic}\p{sc=Hebrew}])\p{M}+/gu, "$1")
      .replace(/[\p{P}\p{S}]/gu, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }
  // An author's feedback without the verdict the status line already gave: "Right." then "Right: 4.5 %"
  // read "Right. Right: 4.5 %" ("Exact. Exact :"). `verdicts`: the status words, such as ["Right.", "Not quite."].
  function unrepeat(text, verdicts) {
    var words = String(text).trim().split(/\s+/);
    for (var k = 0; k < verdicts.length; k++) {
      var want = normal(verdicts[k]);
      for (var i = 1; want && i <= words.length; i++) {
        var got = normal(words.slice(0, i).join(" "));
        if (got === want) {
          while (i < words.length && !normal(words[i])) i++; // the colon after "Exact"
          var rest = words.slice(i).join(" ");
          return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : String(text);
        }
        if (want.indexOf(got) !== 0) break;
      }
    }
    return String(text);
  }
  // The listed answer (right, or a typical wrong one) a typed value matches, or null. `answers`:
  // [{correct, accept: [texts]}] for a short answer, [{correct, min, max}] for a number.
  function matchTyped(numeric, value, answers) {
    var x = numeric ? Number(value) : normal(value);
    return answers.filter(function (a) {
      if (!numeric) return a.accept.map(normal).indexOf(x) !== -1;
      var eps = 1e-9 * Math.max(1, Math.abs(x));
      return x >= a.min - eps && x <= a.max + eps;
    })[0] || null;
  }
  // Whether `answer` is right. `key` by type: the right choice ids (single, multiple, true_false: every
  // right one and no other); the items' own places (ordering, matching: answer[i] is what item i got);
  // the listed answers (numeric, short_answer: answer holds the typed value).
  function judge(type, answer, key) {
    if (typed(type)) {
      var found = matchTyped(type === "numeric", answer[0], key);
      return !!found && found.correct;
    }
    if (placed(type)) {
      return key.every(function (k) { return answer[Number(k)] === k; });
    }
    return key.length === answer.length && key.every(function (id) { return answer.indexOf(id) !== -1; });
  }
  // The share of an attempt's questions answered rightly, counting current questions only: answers to
  // questions a course update removed stay stored but never count. `ids`: the quiz's questions now;
  // `size`: how many an attempt asks (a pool draws fewer).
  function score(entry, ids, size) {
    var answers = entry && entry.answers && typeof entry.answers === "object" ? entry.answers : {};
    var asked = Array.isArray(entry && entry.draw) ? ids.filter(function (id) { return entry.draw.indexOf(id) !== -1; }) : ids;
    var answered = asked.filter(function (id) { return answers[id] && Array.isArray(answers[id].value); });
    var right = answered.filter(function (id) { return answers[id].correct === true; }).length;
    return { answered: Math.min(answered.length, size), right: right,
             percent: size ? Math.min(100, Math.round((100 * right) / size)) : 0,
             complete: answered.length >= size, submitted: !!(entry && entry.submitted) };
  }

  // Where a learner stands in a module, by one rule for the web, SCORM and cmi5: completed when every lesson
  // is read, passed when its quiz is (an exam once submitted, else once every question is checked).
  // `m` as the course map (render/journey.py) and a SCO's launch page (exports/scorm.py) write it.
  function standing(state, m) {
    var seen = state.visited || {}, r = score(state.quizzes[m.quiz], m.ids, m.total); // score() reads any entry
    r.done = m.exam ? r.submitted : r.complete;
    r.passed = r.done && r.percent >= m.pass;
    r.read = m.lessons.filter(function (l) { return seen[l.slug]; }).length;
    r.completed = r.read === m.lessons.length;
    r.share = (r.read + (r.passed ? 1 : 0)) / (m.lessons.length + 1); // of the module's steps: its bar
    return r;
  }

  root.cq = { strings: strings, plural: plural, num: num, pct: pct, all: all, load: load, mount: mount, parseNumber: parseNumber, typed: typed, placed: placed,
              matchTyped: matchTyped, unrepeat: unrepeat, judge: judge, score: score, standing: standing };
})(self);
