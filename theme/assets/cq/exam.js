/* Exam mode (`mode: exam` on a module quiz): loaded by quiz.js only on a page that holds an exam.
 * Answers are kept as the learner gives them, with no feedback; "Submit my answers" (after a
 * confirmation listing the questions left unanswered) shows the score and the full answer sheet.
 * An optional time limit shows a countdown and submits when it ends. quiz.js hands over its
 * helpers (storage, reading, judging, showing): one way to read and judge an answer. */
(function (cq) {
  "use strict";

  // This language's interface strings (exam_js in theme/strings/<code>.yml): the build writes them in.
  var TEXT = {/*strings:exam_js*/};

  // The exam's own look travels with it: pages without an exam never load it.
  var STYLE = ".cq-timer{position:sticky;top:3rem;z-index:1;background:var(--md-default-bg-color);" +
    "border:1px solid var(--md-primary-fg-color);border-radius:.2rem;padding:0 .8em}" +
    ".cq-clock{font-variant-numeric:tabular-nums;font-weight:700}" +
    ".cq-confirm{padding-inline-start:.8em;border-inline-start:.25em solid var(--md-accent-fg-color)}";

  window.cqExam = function (q) {
    var style = document.createElement("style");
    style.textContent = STYLE;
    document.head.appendChild(style);
    var all = cq.all, load = q.load, save = q.save, quizState = q.quizState, record = q.record, show = q.show,
      judge = q.judge, readAnswer = q.readAnswer;
    function summarise(quiz) { q.summarise(quiz); }
    var t = cq.strings(TEXT, q.t); // quiz.js's strings for the rest ("right", "wrong")

    /* -- exam mode: answers are kept as the learner gives them; feedback waits for the submission ---- */
    function mountExamQuestion(quiz, el, previous, submitted) {
      var quizId = quiz.getAttribute("data-cq-quiz");
      var qid = el.getAttribute("data-cq-question");
      if (submitted) sheetQuestion(el, previous);
      else if (previous && Array.isArray(previous.value)) restoreAnswer(el, previous.value);
      el.addEventListener("change", function () {
        if (quizState(load(), quizId).submitted) return;
        var answer = readAnswer(el);
        // A number is kept as the number it reads as, or not at all.
        if (answer && el.getAttribute("data-cq-type") === "numeric") answer = q.numericAnswer(el, answer);
        record(quizId, qid, answer ? { value: answer, correct: judge(el, answer) } : null);
        summarise(quiz);
      });
    }

    function restoreAnswer(el, value) {
      var input = el.querySelector(".cq-input");
      if (input) input.value = q.typedText(el, value[0]);
      all(el, ".cq-choice input").forEach(function (input) { input.checked = value.indexOf(input.value) !== -1; });
      all(el, ".cq-item").forEach(function (item) { item.querySelector("select").value = value[Number(item.getAttribute("data-cq-item"))]; });
    }

    // One question of the answer sheet: the learner's answer judged, or "not answered", with every explanation.
    function sheetQuestion(el, previous) {
      if (previous && Array.isArray(previous.value)) {
        show(el, previous.value, judge(el, previous.value));
        if (!cq.typed(el.getAttribute("data-cq-type"))) el.querySelector(".cq-result").textContent = t(judge(el, previous.value) ? "right" : "wrong");
        return;
      }
      all(el, "input, select").forEach(function (i) { i.disabled = true; });
      el.classList.add("cq-is-wrong");
      el.querySelector(".cq-result").textContent = t("notAnswered");
      var details = el.querySelector(".cq-answer");
      details.hidden = false;
      details.open = true;
    }

    function unanswered(quiz) {
      var entry = quizState(load(), quiz.getAttribute("data-cq-quiz"));
      return all(quiz, ".cq-question").filter(function (q) { return !q.hidden && !entry.answers[q.getAttribute("data-cq-question")]; });
    }

    function submitExam(quiz, timeUp) {
      var state = load();
      var entry = quizState(state, quiz.getAttribute("data-cq-quiz"));
      if (entry.submitted) return;
      entry.submitted = true;
      entry.at = new Date().toISOString();
      save(state);
      stopClock(quiz);
      quiz.querySelector(".cq-submit-box").hidden = true;
      all(quiz, ".cq-question").forEach(function (el) {
        if (!el.hidden) sheetQuestion(el, entry.answers[el.getAttribute("data-cq-question")]);
      });
      summarise(quiz);
      var score = quiz.querySelector(".cq-score");
      if (timeUp) score.textContent = t("timeUp") + " " + score.textContent;
      score.setAttribute("tabindex", "-1");
      score.focus();
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
        text.textContent = t(!missing.length ? "confirm" : missing.length === 1 ? "missingOne" : "missing", { n: missing.length });
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
      startClock(quiz, entry);
    }

    function restartExam(quiz, entry) {
      quiz.querySelector(".cq-submit-box").hidden = false;
      quiz.querySelector(".cq-confirm").hidden = true;
      all(quiz, ".cq-question .cq-actions").forEach(function (a) { a.hidden = true; });
      startClock(quiz, entry);
    }

    /* -- the exam's clock: visible, read on demand (role=timer), announced at 5 and 1 minutes -------- */
    var clocks = {};
    function stopClock(quiz) {
      var id = quiz.getAttribute("data-cq-quiz");
      if (clocks[id]) { clearInterval(clocks[id]); delete clocks[id]; }
      var box = quiz.querySelector(".cq-timer");
      if (box) box.hidden = true;
    }
    function startClock(quiz, entry) {
      var minutes = Number(quiz.getAttribute("data-cq-time"));
      var box = quiz.querySelector(".cq-timer");
      stopClock(quiz);
      if (!minutes || !box || entry.submitted) return;
      var end = entry.started + minutes * 60000;
      var said = {};
      function tick() {
        var left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
        var mm = Math.floor(left / 60), ss = left % 60;
        box.querySelector(".cq-clock").textContent = mm + ":" + (ss < 10 ? "0" : "") + ss;
        [5, 1].forEach(function (m) {
          if (left <= m * 60 && left > (m - 1) * 60 && !said[m] && minutes > m) {
            said[m] = true;
            box.querySelector(".cq-timer-say").textContent = t(m === 1 ? "minute" : "minutes", { n: m });
          }
        });
        if (left === 0) submitExam(quiz, true);
      }
      box.hidden = false;
      clocks[quiz.getAttribute("data-cq-quiz")] = setInterval(tick, 1000);
      tick();
    }

    return { mountQuestion: mountExamQuestion, mount: mountExam, restart: restartExam, answered: function (n, total) {
      return t("answered", { n: n, t: total }); } };
  };
})(self.cq);
