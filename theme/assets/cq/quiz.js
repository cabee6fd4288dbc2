/* Quiz behaviour for the course portal: one file, no dependencies, no network.
 * Questions are plain HTML written by the generator; without this script they stay
 * readable and their answers sit in a collapsed <details>. Results are kept in
 * localStorage under a versioned key; when storage is missing or broken the quizzes
 * still work, they just forget on reload. */
(function (cq) {
  "use strict";

  var KEY = "cq:v1";
  // This language's interface strings (quiz_js in theme/strings/<code>.yml): the build writes them in.
  var TEXT = {/*strings:quiz_js*/};
  var t = cq.strings(TEXT), all = cq.all, isTyped = cq.typed, isSelect = cq.placed;

  /* -- storage: every access guarded, every read checked ------------------------------- */
  function emptyState() { return { v: 1, quizzes: {} }; }
  // When storage is blocked or full, results live in memory for this page view.
  var memory = null;
  var saveFailed = false;
  // An LMS wrapper (scorm.js in SCORM packages) may set window.cqBackend = {load, save}
  // before this file runs: results then go to the LMS instead of localStorage.
  function backend() { return window.cqBackend && typeof window.cqBackend.load === "function" ? window.cqBackend : null; }
  function valid(data) { return data && data.v === 1 && data.quizzes && typeof data.quizzes === "object"; }
  function load() {
    if (saveFailed && memory) return JSON.parse(JSON.stringify(memory));
    try {
      var lms = backend();
      var data = lms ? lms.load() : JSON.parse(window.localStorage.getItem(KEY) || "null");
      if (valid(data)) return data;
    } catch (e) { /* blocked, corrupt or foreign data: start afresh */ }
    return memory ? JSON.parse(JSON.stringify(memory)) : emptyState();
  }
  function save(state) {
    memory = state;
    try {
      var lms = backend();
      if (lms) lms.save(state); else window.localStorage.setItem(KEY, JSON.stringify(state));
      saveFailed = false;
    } catch (e) { saveFailed = true; }
    try { document.dispatchEvent(new CustomEvent("cq:saved", { detail: state })); } catch (e) { /* old browsers */ }
    return !saveFailed;
  }
  // progress.js (resume, progress page, certificate) shares this store.
  window.cqStore = { load: load, save: save, valid: valid, empty: emptyState };

  function quizState(state, id) {
    var q = state.quizzes[id];
    if (!q || typeof q !== "object" || typeof q.answers !== "object" || !q.answers) {
      q = state.quizzes[id] = { answers: {} };
    }
    return q;
  }

  /* -- reading and judging one question (the rule itself is cq.judge, in core.js) ------------- */
  // A typed number as the number it reads as ([String(n)]), or null when it is no number.
  function numericAnswer(el, answer) {
    var unit = el.querySelector(".cq-unit");
    var n = cq.parseNumber(answer[0], unit && unit.textContent);
    return isNaN(n) ? null : [String(n)];
  }
  function typedText(el, value) {
    return el.getAttribute("data-cq-type") === "numeric" ? cq.num(Number(value)) : String(value);
  }

  function readAnswer(el) {
    var type = el.getAttribute("data-cq-type");
    if (isTyped(type)) {
      var typed = el.querySelector(".cq-input").value.trim();
      return typed ? [typed] : null;
    }
    if (isSelect(type)) {
      // Indexed by the author's item, not the screen: the items' order changes with each attempt.
      var values = [];
      all(el, ".cq-item").forEach(function (item) {
        values[Number(item.getAttribute("data-cq-item"))] = item.querySelector("select").value;
      });
      return values.indexOf("") === -1 ? values : null;
    }
    var chosen = all(el, "input:checked").map(function (i) { return i.value; });
    return chosen.length ? chosen : null;
  }

  // What judging needs from the page: the right choice ids, the items' own places, or the listed typed answers.
  function key(el) {
    var type = el.getAttribute("data-cq-type");
    if (isSelect(type)) return all(el, ".cq-item").map(function (item) { return item.getAttribute("data-cq-item"); });
    if (!isTyped(type)) return all(el, ".cq-answer [data-cq-correct=true]").map(function (li) { return li.getAttribute("data-cq-for"); });
    return all(el, ".cq-answer [data-cq-for]").map(function (li) {
      function a(name) { return li.getAttribute("data-cq-" + name); }
      return { id: a("for"), correct: a("correct") === "true", accept: JSON.parse(a("accept")), min: Number(a("min")), max: Number(a("max")) };
    });
  }
  function judge(el, answer) { return cq.judge(el.getAttribute("data-cq-type"), answer, key(el)); }

  function feedbackText(el, id) {
    var li = el.querySelector('.cq-answer [data-cq-for="' + id + '"] .cq-fb');
    return li ? cq.unrepeat(li.textContent, [t("right"), t("wrong")]) : "";
  }
  // A typed answer that is no number: the message in the question's status line, the field marked and
  // described by it (its aria-describedby lists the status line); "" clears both.
  function invalid(el, message) {
    var input = el.querySelector(".cq-input");
    if (message) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
    el.querySelector(".cq-result").textContent = message;
  }
  function isCheck(el) { return el.closest(".cq-quiz").getAttribute("data-cq-kind") !== "module"; }

  function show(el, answer, correct) {
    var type = el.getAttribute("data-cq-type");
    if (isSelect(type)) {
      all(el, ".cq-item").forEach(function (item) {
        var want = item.getAttribute("data-cq-item");
        var ok = want === answer[Number(want)];
        var select = item.querySelector("select");
        select.value = answer[Number(want)];
        var label = type === "ordering" ? (ok ? t("placeOk") : t("placeBad") + " " + (Number(want) + 1) + t("colon"))
                                        : (ok ? t("matchOk") : t("matchBad"));
        mark(item, ok, label + " " + feedbackText(el, want));
      });
    } else if (isTyped(type)) {
      var found = cq.matchTyped(type === "numeric", answer[0], key(el));
      el.querySelector(".cq-input").value = typedText(el, answer[0]);
      mark(el.querySelector(".cq-typed"), correct, "");
      // The feedback goes to the live status line: a screen reader hears it as soon as it is checked.
      el.querySelector(".cq-result").textContent = t(correct ? "right" : "wrong") + " " +
        (found ? feedbackText(el, found.id) : t("typedWrong"));
    } else {
      var right = key(el);
      all(el, ".cq-choice").forEach(function (choice) {
        var id = choice.getAttribute("data-cq-choice");
        var input = choice.querySelector("input");
        var isRight = right.indexOf(id) !== -1;
        input.checked = answer.indexOf(id) !== -1;
        if (input.checked) mark(choice, isRight, (isRight ? t("yourRight") : t("yourWrong")) + " " + feedbackText(el, id));
        else if (isRight && type === "multiple") mark(choice, false, t("missed") + " " + feedbackText(el, id));
        else mark(choice, null, "");
      });
    }
    all(el, "input").forEach(function (i) { i.disabled = true; });
    all(el, "select").forEach(function (s) { s.setAttribute("data-cq-locked", s.value); });
    var details = el.querySelector(".cq-answer");
    details.hidden = false;
    // A check question answered wrongly the first time shows the feedback for that choice only: the full
    // answer waits for a second try, or for the learner to open it, so that "Try again" still means something.
    details.open = correct || !isCheck(el) || Number(el.getAttribute("data-cq-tries")) > 1;
    el.classList.add(correct ? "cq-is-right" : "cq-is-wrong");
    var check = el.querySelector(".cq-check");
    check.setAttribute("aria-disabled", "true");
    check.textContent = t("checked");
    var retry = el.querySelector(".cq-retry");
    if (retry && el.closest(".cq-quiz").getAttribute("data-cq-kind") !== "module") retry.hidden = false;
    if (isExam(el.closest(".cq-quiz"))) { details.hidden = false; check.parentNode.hidden = true; }
  }

  function mark(node, ok, text) {
    var p = node.querySelector(".cq-choice-feedback");
    node.classList.remove("cq-right", "cq-wrong");
    if (ok !== null) node.classList.add(ok ? "cq-right" : "cq-wrong");
    if (!p) return;
    p.textContent = text;
    p.hidden = !text;
  }

  function reset(el) {
    all(el, "input").forEach(function (i) { i.disabled = false; i.checked = false; if (i.type === "text") i.value = ""; });
    all(el, "select").forEach(function (s) { s.removeAttribute("data-cq-locked"); s.value = ""; });
    all(el, ".cq-choice, .cq-item, .cq-typed").forEach(function (n) { mark(n, null, ""); });
    el.classList.remove("cq-is-right", "cq-is-wrong");
    var details = el.querySelector(".cq-answer");
    details.open = false;
    details.hidden = true;
    var check = el.querySelector(".cq-check");
    check.removeAttribute("aria-disabled");
    check.textContent = check.getAttribute("data-cq-label");
    el.querySelector(".cq-retry").hidden = true;
    el.querySelector(".cq-result").textContent = "";
  }

  /* -- attempts: a seed stored with each attempt orders the options; a pool draws its questions ---- */
  // The same seed gives the same order (a reload), a new attempt a new seed (a retry). Four base-36
  // characters in SCORM's suspend data.
  function newSeed() { return 1 + Math.floor(Math.random() * 1679614); }
  function random(seed, text) { // mulberry32, seeded by the attempt and the question id
    var a = seed >>> 0;
    for (var i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 2654435761) >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) | 0;
      var x = Math.imul(a ^ (a >>> 15), 1 | a);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }
  // Shuffles from the page's own order (remembered at the first call), so a seed always gives one order.
  function shuffle(list, next) {
    list.forEach(function (node, i) { if (node.nodeType === 1 && !node.hasAttribute("data-cq-at")) node.setAttribute("data-cq-at", i); });
    var out = list.slice().sort(function (a, b) {
      return a.nodeType === 1 ? a.getAttribute("data-cq-at") - b.getAttribute("data-cq-at") : 0;
    });
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(next() * (i + 1));
      var tmp = out[i]; out[i] = out[j]; out[j] = tmp;
    }
    return out;
  }
  function isExam(quiz) { return !!quiz && quiz.getAttribute("data-cq-mode") === "exam"; }
  // A practice page's block (practice.js): judged and shown as a check question, stored in no quiz's results.
  function practised(quiz) { return quiz.getAttribute("data-cq-kind") === "practice"; }

  // Answers stored before attempts had seeds listed ordering items in the page's fixed order.
  function upgradeAnswers(quiz, entry) {
    all(quiz, '.cq-question[data-cq-type="ordering"]').forEach(function (el) {
      var answer = entry.answers[el.getAttribute("data-cq-question")];
      if (!answer || !Array.isArray(answer.value)) return;
      var canonical = [];
      all(el, ".cq-item").forEach(function (item, i) { canonical[Number(item.getAttribute("data-cq-item"))] = answer.value[i]; });
      answer.value = canonical;
    });
  }

  function drawQuestions(quiz, entry) {
    var n = Number(quiz.getAttribute("data-cq-draw"));
    var ids = all(quiz, ".cq-question").map(function (q) { return q.getAttribute("data-cq-question"); });
    if (!n) return null;
    // Keep what the attempt drew when it is still in the quiz; a course update may have removed some.
    var kept = (Array.isArray(entry.draw) ? entry.draw : []).filter(function (id) { return ids.indexOf(id) !== -1; });
    var others = shuffle(ids.filter(function (id) { return kept.indexOf(id) === -1; }), random(entry.seed, "draw"));
    kept = kept.concat(others).slice(0, Math.min(n, ids.length));
    return ids.filter(function (id) { return kept.indexOf(id) !== -1; });
  }

  function orderQuestion(el, seed) {
    if (el.getAttribute("data-cq-shuffle") !== "true") return;
    var type = el.getAttribute("data-cq-type");
    var next = random(seed, el.getAttribute("data-cq-question"));
    if (type === "single" || type === "multiple") {
      var list = el.querySelector(".cq-choices");
      shuffle(all(list, ".cq-choice"), next).forEach(function (li) { list.appendChild(li); });
    } else if (isSelect(type)) {
      var items = el.querySelector(".cq-items");
      var order = shuffle(all(items, ".cq-item"), next);
      // An ordering question never starts in the right order.
      if (type === "ordering" && order.every(function (li, i) { return li.getAttribute("data-cq-item") === String(i); })) {
        order.push(order.shift());
      }
      order.forEach(function (li) { items.appendChild(li); });
      if (type === "matching") {
        var rights = shuffle(all(el.querySelector(".cq-item select"), "option").slice(1).map(function (o) { return o.value; })
          .sort(), next);
        all(el, ".cq-item select").forEach(function (select) {
          rights.forEach(function (value) { select.appendChild(select.querySelector('option[value="' + value + '"]')); });
        });
      }
    }
  }

  // A check question retried on its own gets its own seed, so the retry shows a new order too.
  function questionSeed(entry, el) {
    var own = entry.seeds && entry.seeds[el.getAttribute("data-cq-question")];
    return own > 0 ? own : entry.seed;
  }
  function reorderForRetry(quiz, el) {
    if (practised(quiz)) return orderQuestion(el, newSeed());
    var state = load();
    var entry = quizState(state, quiz.getAttribute("data-cq-quiz"));
    entry.seeds = entry.seeds && typeof entry.seeds === "object" ? entry.seeds : {};
    entry.seeds[el.getAttribute("data-cq-question")] = newSeed();
    save(state);
    orderQuestion(el, questionSeed(entry, el));
  }

  function showDrawn(quiz, draw) {
    var questions = all(quiz, ".cq-question");
    var shown = questions.filter(function (q) { return !draw || draw.indexOf(q.getAttribute("data-cq-question")) !== -1; });
    questions.forEach(function (q) { q.hidden = shown.indexOf(q) === -1; });
    if (draw && questions.length > 1) {
      // "Question 3 of 10" becomes "Question 1 of 3": the page's own words, new numbers.
      shown.forEach(function (q, i) {
        var number = q.querySelector(".cq-number");
        number.textContent = number.textContent.replace(/\d+(\D+)\d+\s*$/, (i + 1) + "$1" + shown.length);
      });
    }
  }

  // Starts an attempt when the quiz has none (a seed, a draw, an exam's clock) and lays the quiz out for it.
  function startAttempt(quiz) {
    if (practised(quiz)) {
      var fresh = { answers: {}, seed: newSeed() };
      all(quiz, ".cq-question").forEach(function (el) { orderQuestion(el, fresh.seed); });
      return fresh;
    }
    var state = load();
    var id = quiz.getAttribute("data-cq-quiz");
    var entry = quizState(state, id);
    var changed = false;
    if (!(entry.seed > 0)) {
      upgradeAnswers(quiz, entry);
      entry.seed = newSeed();
      changed = true;
    }
    var draw = drawQuestions(quiz, entry);
    if (draw && (!Array.isArray(entry.draw) || draw.join() !== entry.draw.join())) { entry.draw = draw; changed = true; }
    if (changed) save(state);
    all(quiz, ".cq-question").forEach(function (el) { orderQuestion(el, questionSeed(entry, el)); });
    showDrawn(quiz, draw);
    return entry;
  }

  /* -- a visual score: a bar beside the words, hidden from screen readers (the words say it) ------ */
  function meter(quiz, percent) {
    var bar = quiz.querySelector(".cq-meter");
    if (!bar) return;
    bar.hidden = percent === null;
    if (percent !== null) bar.querySelector(".cq-meter-fill").style.width = percent + "%";
  }

  /* -- a quiz block ----------------------------------------------------------------------- */
  function summarise(quiz) {
    if (quiz.getAttribute("data-cq-kind") !== "module") return;
    var id = quiz.getAttribute("data-cq-quiz");
    var record = quizState(load(), id);
    var questions = all(quiz, ".cq-question").filter(function (q) { return !q.hidden; });
    // The questions shown are the ones asked (the draw is applied): answers to others never count.
    var r = cq.score({ answers: record.answers }, questions.map(function (q) { return q.getAttribute("data-cq-question"); }), questions.length);
    var out = quiz.querySelector(".cq-score");
    var retry = quiz.querySelector(".cq-summary .cq-actions");
    meter(quiz, null);
    review(quiz, []);
    if (quiz.querySelector(".cq-next")) quiz.querySelector(".cq-next").hidden = true;
    if (isExam(quiz) && !record.submitted) {
      out.textContent = exam.answered(r.answered, questions.length);
      retry.hidden = true;
      return;
    }
    if (!r.complete && !isExam(quiz)) {
      out.textContent = t("progress", { a: r.answered, n: questions.length });
      retry.hidden = r.answered === 0;
      return;
    }
    var passed = r.percent >= Number(quiz.getAttribute("data-cq-pass"));
    out.textContent = t("score", { s: r.right, t: questions.length, pct: cq.pct(r.percent) }) + " " + t(passed ? "passed" : "failed");
    quiz.classList.toggle("cq-passed", passed);
    meter(quiz, r.percent);
    retry.hidden = false;
    review(quiz, questions.filter(function (q) {
      var a = record.answers[q.getAttribute("data-cq-question")];
      return !(a && a.correct === true);
    }));
    var next = quiz.querySelector(".cq-next");
    if (next) next.hidden = !passed;
  }
  // After the score, links to the questions to look at again: no scrolling back through the whole quiz.
  function review(quiz, wrong) {
    var box = quiz.querySelector(".cq-review");
    if (!box) return;
    var list = box.querySelector("ul");
    list.textContent = "";
    wrong.forEach(function (q) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = "#" + q.id;
      a.textContent = q.querySelector(".cq-number").textContent + t("colon") + " " + q.querySelector(".cq-prompt").textContent;
      li.appendChild(a);
      list.appendChild(li);
    });
    box.hidden = !wrong.length;
  }

  function record(quizId, questionId, value) {
    var state = load();
    var entry = quizState(state, quizId);
    if (value === null) delete entry.answers[questionId];
    else entry.answers[questionId] = value;
    entry.at = new Date().toISOString();
    save(state);
  }

  function mountQuestion(quiz, el, saved) {
    var quizId = quiz.getAttribute("data-cq-quiz");
    var qid = el.getAttribute("data-cq-question");
    var check = el.querySelector(".cq-check");
    check.setAttribute("data-cq-label", check.textContent);
    el.querySelector(".cq-actions").hidden = isExam(quiz);
    el.querySelector(".cq-answer").hidden = true;
    var previous = saved.answers[qid];
    if (isExam(quiz)) { exam.mountQuestion(quiz, el, previous, saved.submitted); return; }
    if (previous && Array.isArray(previous.value)) show(el, previous.value, judge(el, previous.value));

    check.addEventListener("click", function () {
      if (check.getAttribute("aria-disabled") === "true") return;
      var result = el.querySelector(".cq-result");
      var type = el.getAttribute("data-cq-type");
      var answer = readAnswer(el);
      if (!answer) { result.textContent = t(isSelect(type) ? "fill" : isTyped(type) ? "type" : "choose"); return; }
      if (type === "numeric") {
        answer = numericAnswer(el, answer);
        // Not a number is not a wrong answer: say so, record nothing, let the learner correct it.
        invalid(el, answer ? "" : t("nan", { x: cq.num(4.5), y: cq.num(1200) }));
        if (!answer) return;
      }
      el.setAttribute("data-cq-tries", Number(el.getAttribute("data-cq-tries")) + 1);
      var correct = judge(el, answer);
      show(el, answer, correct);
      if (!isTyped(type)) result.textContent = t(correct ? "right" : "wrong");
      // Missed: its first answer in this sitting was wrong, whatever a retry gives (schedule.js brings it back).
      if (!correct) el.setAttribute("data-cq-miss", 1);
      var kept = { value: answer, correct: correct };
      if (el.hasAttribute("data-cq-miss")) kept.miss = 1;
      if (!practised(quiz)) record(quizId, qid, kept);
      summarise(quiz);
      // progress.js: an answered check counts its lesson read; practice.js: an answer to schedule.
      document.dispatchEvent(new CustomEvent("cq:checked", { detail: { quiz: quiz, correct: correct } }));
    });
    // A checked select can still be opened to read its options, but keeps the answer that was checked.
    el.addEventListener("change", function (e) {
      var locked = e.target.getAttribute("data-cq-locked");
      if (locked !== null) e.target.value = locked;
    });
    var input = el.querySelector(".cq-input");
    if (input) {
      input.addEventListener("keydown", function (e) {
        if (e.key !== "Enter") return;
        e.preventDefault();
        check.click();
        // A checked field is disabled: move the focus on instead of losing it.
        if (input.disabled) { var retry = el.querySelector(".cq-retry"); (retry.hidden ? check : retry).focus(); }
      });
    }
    el.querySelector(".cq-retry").addEventListener("click", function () {
      reset(el);
      reorderForRetry(quiz, el);
      if (!practised(quiz)) record(quizId, qid, null);
      var first = el.querySelector("input, select");
      if (first) first.focus();
    });
  }

  // Exam mode lives in exam.js, fetched only by a page that holds an exam.
  var exam = null, examWaiting = [];
  function needExam(quiz) {
    if (exam || !isExam(quiz)) return false;
    examWaiting.push(quiz);
    if (examWaiting.length === 1) {
      cq.load("exam.js", function () {
        exam = window.cqExam({ t: t, load: load, save: save, quizState: quizState, record: record, show: show,
          judge: judge, readAnswer: readAnswer, numericAnswer: numericAnswer, typedText: typedText,
          summarise: summarise, invalid: invalid });
        examWaiting.splice(0).forEach(mountQuiz);
      });
    }
    return true;
  }

  function mountQuiz(quiz) {
    if (quiz.getAttribute("data-cq-mounted") || needExam(quiz)) return;
    quiz.setAttribute("data-cq-mounted", "true");
    var saved = startAttempt(quiz);
    all(quiz, ".cq-question").forEach(function (el) { mountQuestion(quiz, el, saved); });
    if (isExam(quiz)) exam.mount(quiz, saved);
    var retryAll = quiz.querySelector(".cq-retry-all");
    if (retryAll) {
      retryAll.addEventListener("click", function () {
        var state = load();
        delete state.quizzes[quiz.getAttribute("data-cq-quiz")];
        save(state);
        all(quiz, ".cq-question").forEach(reset);
        quiz.classList.remove("cq-passed");
        var fresh = startAttempt(quiz);
        if (isExam(quiz)) exam.restart(quiz, fresh);
        summarise(quiz);
        var first = quiz.querySelector("input, select");
        if (first) first.focus();
      });
    }
    summarise(quiz);
  }

  // Check questions are numbered on their page, not each as "Question 1" of its own block; a link to
  // "review the lesson" on that very lesson goes.
  function tidyPage() {
    var checks = all(document, '.cq-quiz:not([data-cq-kind="module"]) .cq-number');
    if (checks.length > 1) {
      checks.forEach(function (n, i) {
        n.textContent = n.textContent.replace(/\d+(\D+\d+)?\s*$/, function (_, of) {
          return (i + 1) + (of ? of.replace(/\d+/, checks.length) : "");
        });
      });
    }
    var here = location.href.split("#")[0];
    all(document, ".cq-review-lesson a").forEach(function (a) { if (a.href.split("#")[0] === here) a.parentNode.remove(); });
  }

  cq.mount(function () { tidyPage(); all(document, ".cq-quiz").forEach(mountQuiz); });
})(self.cq);
