/* Exam mode (`mode: exam` on a module quiz): loaded by quiz.js only on a page that holds an exam.
 * Answers are kept as the learner gives them (every keystroke: a learner who stays in a field when the
 * time runs out loses nothing), with no feedback; "Submit my answers" (after a confirmation listing the
 * questions left unanswered) shows the score and the full answer sheet. A time limit waits for Start,
 * shows a countdown the learner can extend (WCAG 2.2.1) and submits when it ends. quiz.js hands over
 * its helpers (storage, reading, judging, showing): one way to read and judge an answer. */
(function (cq) {
  "use strict";

  // This language's interface strings (exam_js in theme/strings/<code>.yml): the build writes them in.
  var TEXT = {/*strings:exam_js*/};

  /* -- the clock's arithmetic (tests/js/exam.test.js): minutes allowed, extensions, what is left ----- */
  // One extension adds half the time allowed (at least a minute); a learner may ask as often as they need,
  // which is more than WCAG 2.2.1's ten.
  function step(minutes) { return Math.max(1, Math.ceil(minutes / 2)); }
  function allowed(minutes, extensions) { return minutes + (extensions > 0 ? extensions : 0) * step(minutes); }
  // Whole seconds left (never below 0) for an attempt started at `started` (ms), at `now` (ms).
  function secondsLeft(started, minutes, extensions, now) {
    return Math.max(0, Math.ceil((started + allowed(minutes, extensions) * 60000 - now) / 1000));
  }
  function clockText(seconds) { var s = seconds % 60; return Math.floor(seconds / 60) + ":" + (s < 10 ? "0" : "") + s; }
  cq.clock = { step: step, allowed: allowed, secondsLeft: secondsLeft, text: clockText };

  // The exam's own look travels with it: pages without an exam never load it.
  var STYLE = ".cq-timer{position:sticky;top:3rem;z-index:1;background:var(--md-default-bg-color);" +
    "border:1px solid var(--md-primary-fg-color);border-radius:.2rem;padding:0 .8em}" +
    ".cq-timer p{display:flex;flex-wrap:wrap;align-items:center;gap:.2em .6em;margin:.4em 0}" +
    ".cq-clock{font-variant-numeric:tabular-nums;font-weight:700}" +
    // What the clock says (more time given, 5 and 1 minutes left) is shown, not only spoken; nothing when silent.
    ".cq-timer-say:empty{display:none}.cq-score{scroll-margin-top:4rem}" +
    // While the clock runs (cq-clock-on), Material's back-to-top pill would cover it.
    ".cq-clock-on .md-top{display:none}" +
    ".cq-waiting .cq-question,.cq-waiting .cq-summary{display:none}" +
    ".cq-confirm{padding-inline-start:.8em;border-inline-start:.25em solid var(--md-accent-fg-color)}";

  self.cqExam = function (q) {
    // A constructed sheet is CSSOM, which a strict Content-Security-Policy allows (a <style> element
    // written by a script is refused unless its hash is listed); a browser without one gets the element.
    if (window.CSSStyleSheet && "adoptedStyleSheets" in document) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    } else {
      var style = document.createElement("style");
      style.textContent = STYLE;
      document.head.appendChild(style);
    }
    var all = cq.all, load = q.load, save = q.save, quizState = q.quizState, record = q.record, show = q.show,
      judge = q.judge, readAnswer = q.readAnswer;
    function summarise(quiz) { q.summarise(quiz); }
    var t = cq.strings(TEXT, q.t); // quiz.js's strings for the rest ("right", "wrong")
    function quizId(quiz) { return quiz.getAttribute("data-cq-quiz"); }

    /* -- answers: kept as the learner gives them; feedback waits for the submission ----------------- */
    // Stores what the question holds now. A typed number that is no number is not kept; `say` shows why
    // at once, tied to its field (when the learner leaves it, not at every keystroke).
    function keep(quiz, el, say) {
      if (quizState(load(), quizId(quiz)).submitted) return;
      var answer = readAnswer(el);
      if (answer && el.getAttribute("data-cq-type") === "numeric") {
        answer = q.numericAnswer(el, answer);
        if (say) q.invalid(el, answer ? "" : t("nan", { x: cq.num(4.5), y: cq.num(1200) }));
        else if (answer) q.invalid(el, "");
      }
      record(quizId(quiz), el.getAttribute("data-cq-question"), answer ? { value: answer, correct: judge(el, answer) } : null);
      summarise(quiz);
    }

    function mountExamQuestion(quiz, el, previous, submitted) {
      if (submitted) sheetQuestion(el, previous);
      else if (previous && Array.isArray(previous.value)) restoreAnswer(el, previous.value);
      el.addEventListener("input", function () { keep(quiz, el, false); });
      el.addEventListener("change", function () { keep(quiz, el, true); });
    }

    function restoreAnswer(el, value) {
      var input = el.querySelector(".cq-input");
      if (input) input.value = q.typedText(el, value[0]);
      all(el, ".cq-choice input").forEach(function (input) { input.checked = value.indexOf(input.value) !== -1; });
      all(el, ".cq-item").forEach(function (item) { item.querySelector("select").value = value[Number(item.getAttribute("data-cq-item"))]; });
    }

    // One question of the answer sheet: the learner's answer judged, or "not answered", with every
    // explanation. The sheet is read by browsing it, not announced: its status lines stop being live.
    function sheetQuestion(el, previous) {
      var result = el.querySelector(".cq-result");
      result.removeAttribute("role");
      result.removeAttribute("aria-live");
      if (previous && Array.isArray(previous.value)) {
        show(el, previous.value, judge(el, previous.value));
        if (!cq.typed(el.getAttribute("data-cq-type"))) result.textContent = t(judge(el, previous.value) ? "right" : "wrong");
        return;
      }
      all(el, "input, select").forEach(function (i) { i.disabled = true; });
      el.classList.add("cq-is-wrong");
      result.textContent = t("notAnswered");
      var details = el.querySelector(".cq-answer");
      details.hidden = false;
      details.open = true;
    }

    function unanswered(quiz) {
      var entry = quizState(load(), quizId(quiz));
      return all(quiz, ".cq-question").filter(function (q) { return !q.hidden && !entry.answers[q.getAttribute("data-cq-question")]; });
    }

    function submitExam(quiz, timeUp) {
      // What the fields hold is what is submitted, even when the page missed an event.
      all(quiz, ".cq-question").forEach(function (el) { if (!el.hidden) keep(quiz, el, false); });
      var state = load();
      var entry = quizState(state, quizId(quiz));
      if (entry.submitted) return;
      entry.submitted = true;
      entry.at = new Date().toISOString();
      save(state);
      stopClock(quiz);
      document.documentElement.classList.remove("cq-clock-on");
      var place = document.activeElement && document.activeElement.closest ? document.activeElement.closest(".cq-question") : null;
      quiz.querySelector(".cq-submit-box").hidden = true;
      all(quiz, ".cq-question").forEach(function (el) {
        if (!el.hidden) sheetQuestion(el, entry.answers[el.getAttribute("data-cq-question")]);
      });
      var score = quiz.querySelector(".cq-score");
      // Said once: by the focus when the learner submitted, by the live line when the time ran out
      // (the focus stays where the learner was: a jump at 0:00 loses their place).
      if (!timeUp) score.removeAttribute("aria-live");
      summarise(quiz);
      if (timeUp) {
        score.textContent = t("timeUp") + " " + score.textContent;
        // A field the sheet disabled drops the focus: it stays on that question, where the learner was.
        // The explanations now open above it move the page: it is brought back to the top of the screen.
        if (place) { place.setAttribute("tabindex", "-1"); place.focus({ preventScroll: true }); place.scrollIntoView(); }
        // The screen now shows that question's explanations: where the clock was, a sighted learner reads
        // that the time is up and finds the score (a plain line, not live: the score line already spoke).
        var box = quiz.querySelector(".cq-timer"), note = document.createElement("p"), link = document.createElement("a");
        score.id = score.id || "cq-score-" + quizId(quiz);
        link.href = "#" + score.id;
        link.textContent = t("timeUp");
        note.className = "cq-timeup";
        note.appendChild(link);
        link.addEventListener("click", function (e) {
          // Material's instant loading would take over a plain hash link; the note's job is done, and hidden it
          // no longer covers the score.
          e.preventDefault();
          box.hidden = true;
          score.setAttribute("tabindex", "-1");
          score.focus();
        });
        if (box) { box.firstChild.hidden = true; box.appendChild(note); box.hidden = false; }
      } else {
        score.setAttribute("tabindex", "-1");
        score.focus();
      }
    }

    function mountExam(quiz, entry) {
      var box = quiz.querySelector(".cq-submit-box");
      var panel = quiz.querySelector(".cq-confirm");
      box.hidden = !!entry.submitted;
      quiz.querySelector(".cq-submit").addEventListener("click", function () {
        var missing = unanswered(quiz);
        var list = panel.querySelector(".cq-unanswered");
        list.textContent = "";
        missing.forEach(function (q) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = "#" + q.id;
          a.textContent = q.querySelector(".cq-number").textContent;
          li.appendChild(a);
          list.appendChild(li);
        });
        list.hidden = !missing.length;
        var text = panel.querySelector(".cq-confirm-text");
        text.textContent = t(missing.length ? "missing" : "confirm", { n: missing.length });
        panel.hidden = false;
        text.setAttribute("tabindex", "-1");
        text.focus();
      });
      quiz.querySelector(".cq-submit-now").addEventListener("click", function () { panel.hidden = true; submitExam(quiz, false); });
      quiz.querySelector(".cq-keep").addEventListener("click", function () {
        panel.hidden = true;
        var first = unanswered(quiz)[0];
        var target = first ? first.querySelector("input, select") : quiz.querySelector(".cq-submit");
        if (target) target.focus();
      });
      var start = quiz.querySelector(".cq-start");
      if (start) start.addEventListener("click", function () { begin(quiz); });
      var more = quiz.querySelector(".cq-more");
      if (more) more.addEventListener("click", function () { extend(quiz); });
      startClock(quiz, entry);
    }

    function restartExam(quiz, entry) {
      var note = quiz.querySelector(".cq-timeup");
      if (note) { note.parentNode.firstChild.hidden = false; note.remove(); }
      quiz.querySelector(".cq-submit-box").hidden = false;
      quiz.querySelector(".cq-confirm").hidden = true;
      quiz.querySelector(".cq-score").setAttribute("aria-live", "polite");
      all(quiz, ".cq-question .cq-actions").forEach(function (a) { a.hidden = true; });
      all(quiz, ".cq-result").forEach(function (r) { r.setAttribute("role", "status"); r.setAttribute("aria-live", "polite"); });
      startClock(quiz, entry);
    }

    /* -- the clock: waits for Start, read on demand (role=timer), announced at 5 and 1 minutes ------- */
    var clocks = {};
    function minutes(quiz) { return Number(quiz.getAttribute("data-cq-time")); }
    function stopClock(quiz) {
      var id = quizId(quiz);
      if (clocks[id]) { clearInterval(clocks[id]); delete clocks[id]; }
      var box = quiz.querySelector(".cq-timer");
      if (box) { box.hidden = true; box.querySelector(".cq-timer-say").textContent = ""; }
    }
    // The learner reads the instructions first: the questions and the clock wait for Start.
    function begin(quiz) {
      var state = load();
      var entry = quizState(state, quizId(quiz));
      if (!(entry.started > 0)) { entry.started = Date.now(); save(state); }
      startClock(quiz, entry);
      var first = quiz.querySelector(".cq-question:not([hidden])");
      if (first) { first.setAttribute("tabindex", "-1"); first.focus(); }
    }
    function extend(quiz) {
      var state = load();
      var entry = quizState(state, quizId(quiz));
      if (entry.submitted || !(entry.started > 0)) return;
      entry.extra = (entry.extra > 0 ? entry.extra : 0) + 1;
      save(state);
      quiz.querySelector(".cq-timer-say").textContent = t("extended", { n: step(minutes(quiz)) });
      startClock(quiz, entry, true);
    }
    function startClock(quiz, entry, keepSaid) {
      var limit = minutes(quiz);
      var box = quiz.querySelector(".cq-timer");
      var waiting = !!limit && !entry.submitted && !(entry.started > 0);
      quiz.classList.toggle("cq-waiting", waiting);
      var startBox = quiz.querySelector(".cq-start-box");
      if (startBox) startBox.hidden = !waiting;
      var sayBox = box && box.querySelector(".cq-timer-say"), kept = keepSaid && sayBox ? sayBox.textContent : "";
      stopClock(quiz);
      if (!limit || !box || entry.submitted || waiting) return;
      // While the clock runs, Material's "back to top" pill would sit over it (quiz.css hides it).
      document.documentElement.classList.add("cq-clock-on");
      var said = {}, clearAt = null;
      sayBox.textContent = kept;
      function tick() {
        var fresh = quizState(load(), quizId(quiz));
        var left = secondsLeft(entry.started, limit, fresh.extra, Date.now());
        box.querySelector(".cq-clock").textContent = clockText(left);
        // What the line says holds for a minute: "5 minutes left" beside a clock at 1:32 misleads (a blind walk).
        if (kept && clearAt === null) clearAt = left - 60;
        if (clearAt !== null && left <= clearAt) { sayBox.textContent = ""; clearAt = -1; }
        [5, 1].forEach(function (m) {
          if (left <= m * 60 && left > (m - 1) * 60 && !said[m] && allowed(limit, fresh.extra) > m) {
            said[m] = true;
            sayBox.textContent = t("minutes", { n: m }) + " " + t("canExtend");
            clearAt = (m - 1) * 60;
          }
        });
        if (left === 0) submitExam(quiz, true);
      }
      box.hidden = false;
      clocks[quizId(quiz)] = setInterval(tick, 1000);
      tick();
    }

    return { mountQuestion: mountExamQuestion, mount: mountExam, restart: restartExam, answered: function (n, total) {
      return t("answered", { a: n, n: total }); } };
  };
})(self.cq);
