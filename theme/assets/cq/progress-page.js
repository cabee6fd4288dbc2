/* What shows the learner's progress: the resume box (home page, module overviews, progress page), the
 * home page's module cards, the progress page (with a file that carries progress to another device) and
 * the certificate. progress.js fetches it only on a page that holds one of them, and hands over the
 * store and its rules; the strings come with this file, so a quiz page carries none of them. */
(function (cq) {
  "use strict";

  var FORMAT = "coursegen-progress";
  // This language's interface strings (progress_js in theme/strings/<code>.yml): the build writes them in.
  var TEXT = {/*strings:progress_js*/};
  var t = cq.strings(TEXT);

  window.cqProgressPage = function (p) {
    var store = p.store, quizResult = p.quizResult, visited = p.visited;

    /* -- practice (schedule.js, fetched here): the home page's count, and the progress file's part ---- */
    var shown = null, asked = false;
    function needSchedule() {
      if (asked || cq.practice || !document.querySelector(".cq-resume-practice, [data-cq-progress]")) return;
      asked = true;
      cq.load("schedule.js", function () { if (shown) practiceCount(shown[0], shown[1]); });
    }
    function savedPractice() {
      try { return JSON.parse(window.localStorage.getItem("cq:practice") || "null"); } catch (e) { return null; }
    }
    function practice(raw, course) { return cq.practice.clean(raw, cq.practice.mapIds(course), cq.now()).state; }
    function practiceCount(course, state) {
      var P = cq.practice;
      if (!P) return;
      var ms = cq.now(), items = P.known(practice(savedPractice(), course), state, P.mapIds(course), ms);
      var n = P.due(items, P.day(ms)).length;
      cq.all(document, ".cq-resume-practice").forEach(function (line) {
        line.querySelector("a").textContent = t("practiseToday", { n: n });
        line.hidden = !n;
      });
    }

    function summary(state, course) {
      var seen = visited(state), read = 0, lessons = 0, left = 0, passed = 0, next = null;
      course.modules.forEach(function (m) {
        m.lessons.forEach(function (l) {
          lessons += 1;
          if (seen[l.slug]) read += 1; else { left += l.duration; if (!next) next = { lesson: l, module: m }; }
        });
        if (quizResult(state, m).passed) passed += 1;
      });
      return { read: read, lessons: lessons, left: left, passed: passed, next: next };
    }

    /* -- resume box (home page and module overviews) ----------------------------------------- */
    function link(href, text) { var a = document.createElement("a"); a.href = href; a.textContent = text; return a; }
    function mountResume(box, course, state) {
      var only = box.getAttribute("data-cq-resume");
      var scope = only ? { modules: course.modules.filter(function (m) { return m.slug === only; }) } : course;
      var s = summary(state, scope);
      var seen = visited(state), at = state.at && typeof state.at === "object" ? state.at : {};
      // Resume at the lesson the learner was last reading (opened, not read: reading.js keeps them in
      // state.at, the last opened last, or state.last from before it did), at the heading they reached;
      // only when every lesson opened is read, at the first unread one.
      var reading = Object.keys(at).reverse().concat(state.last ? [state.last] : []), target = null;
      reading.forEach(function (slug) {
        scope.modules.forEach(function (m) {
          m.lessons.forEach(function (l) {
            if (l.slug === slug && !seen[slug] && !target) target = { lesson: l, module: m, heading: at[slug] };
          });
        });
      });
      target = target || s.next;
      var line = box.querySelector(".cq-resume-next");
      line.textContent = "";
      if (target) {
        var words = t(s.read ? "cont" : "start", { l: "\u0001", m: target.module.title }).split("\u0001");
        line.appendChild(document.createTextNode(words[0]));
        line.appendChild(link(target.lesson.href + (target.heading ? "#" + target.heading : ""), target.lesson.title));
        line.appendChild(document.createTextNode(words[1]));
      } else {
        line.textContent = t("done");
      }
      box.querySelector(".cq-resume-stats").textContent = t("stats", {
        lessons: t("lessons", { r: s.read, n: s.lessons }), quizzes: t("quizzes", { q: s.passed, n: scope.modules.length }),
        left: t("minutesLeft", { n: s.left }) });
      box.hidden = false;
    }

    /* -- bars: a picture of the numbers the text already gives (hidden from screen readers) ---------- */
    function moduleShare(state, m) {
      var seen = visited(state);
      var read = m.lessons.filter(function (l) { return seen[l.slug]; }).length;
      return { read: read, share: (read + (quizResult(state, m).passed ? 1 : 0)) / (m.lessons.length + 1) };
    }
    function fill(bar, share) {
      if (!bar) return;
      bar.querySelector("span").style.width = Math.round(100 * Math.min(1, share)) + "%";
      bar.hidden = false;
    }

    /* -- module cards on the home page: Start, Continue (at the next unread lesson, then the quiz) or Review */
    function mountCards(course, state) {
      var seen = visited(state);
      course.modules.forEach(function (m) {
        var card = document.querySelector('[data-cq-card="' + m.slug + '"]');
        if (!card) return;
        var s = moduleShare(state, m);
        var r = quizResult(state, m);
        fill(card.querySelector(".cq-bar"), s.share);
        var line = card.querySelector(".cq-card-state");
        line.textContent = t("lessons", { r: s.read, n: m.lessons.length }) + ", " + t(r.passed ? "quizPassed" : "quizTodo") + ".";
        line.hidden = false;
        var next = m.lessons.filter(function (l) { return !seen[l.slug]; })[0];
        var go = card.querySelector(".cq-card-go");
        var started = s.read > 0 || r.answered > 0;
        if (started && (next || !r.passed)) go.href = next ? next.href : m.quizHref;
        // Not started: the page already says "Start".
        if (started) card.querySelector(".cq-card-label").textContent = t(r.passed && !next ? "cardReview" : "cardGo");
      });
    }

    /* -- progress page ----------------------------------------------------------------------- */
    function renderProgress(root, course) {
      var state = store().load();
      course.modules.forEach(function (m) {
        var row = root.querySelector('[data-cq-module-quiz="' + m.quiz + '"]');
        if (!row) return;
        var checks = 0, answered = 0;
        m.lessons.forEach(function (l) {
          l.checks.forEach(function (ref) {
            checks += 1;
            var entry = state.quizzes[ref[0]];
            if (entry && entry.answers && entry.answers[ref[1]]) answered += 1;
          });
        });
        var r = quizResult(state, m);
        row.querySelector(".cq-lessons").textContent = t("lessons", { r: r.read, n: m.lessons.length });
        row.querySelector(".cq-checks").textContent = t("checks", { a: answered, n: checks });
        var status = row.querySelector(".cq-status");
        status.textContent = !r.answered && !r.done ? t("notStarted") : !r.done
          ? t("inProgress", { a: r.answered, n: m.total }) : t(r.passed ? "passed" : "failed", { pct: cq.pct(r.percent) });
        row.classList.toggle("cq-passed", r.passed);
        fill(row.querySelector(".cq-bar"), r.share);
      });
      var s = summary(state, course);
      fill(root.querySelector(".cq-bar-total"), (s.read + s.passed) / (s.lessons + course.modules.length));
      root.querySelector(".cq-total").textContent = t("total", {
        lessons: t("lessons", { r: s.read, n: s.lessons }), quizzes: t("quizzes", { q: s.passed, n: course.modules.length }) });
    }

    function say(root, text) { root.querySelector(".cq-message").textContent = text; }

    function validFile(data, course) {
      return data && data.format === FORMAT && data.v === 1 && data.course === course.id &&
        store().valid(data.state) && (!data.state.visited || typeof data.state.visited === "object");
    }

    function mountProgressPage(root, course) {
      renderProgress(root, course);
      root.querySelector(".cq-tools").hidden = false;
      root.querySelector(".cq-reset").addEventListener("click", function () {
        if (!window.confirm(t("confirmReset"))) return;
        store().save(store().empty());
        renderProgress(root, course);
        say(root, t("reset"));
      });
      root.querySelector(".cq-download").addEventListener("click", function () {
        var data = { format: FORMAT, v: 1, course: course.id, saved: new Date().toISOString(), state: store().load() };
        // Practice travels with progress; a file without it (older ones) loads all the same.
        if (savedPractice()) data.practice = savedPractice();
        var blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = t("fileName");
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
      });
      var input = root.querySelector(".cq-load");
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (!file) return;
        if (file.size > 200000) { say(root, t("badFile")); input.value = ""; return; }
        var reader = new FileReader();
        reader.onload = function () {
          var data = null;
          try { data = JSON.parse(String(reader.result)); } catch (e) { data = null; }
          input.value = "";
          if (!validFile(data, course)) { say(root, t("badFile")); return; }
          if (!window.confirm(t("confirmLoad"))) return;
          store().save(data.state);
          // Practice is merged, never replaced: each question keeps its latest answer of the two.
          if (data.practice && cq.practice) {
            var both = cq.practice.merge(practice(savedPractice(), course), practice(data.practice, course));
            both.session = null; // today's session is drawn again from what both hold
            try { window.localStorage.setItem("cq:practice", JSON.stringify(both)); } catch (e) { /* blocked */ }
          }
          renderProgress(root, course);
          say(root, t("loaded"));
        };
        reader.onerror = function () { say(root, t("badFile")); };
        reader.readAsText(file);
      });
    }

    /* -- certificate ------------------------------------------------------------------------- */
    function mountCertificate(root, course) {
      var state = store().load();
      var missing = course.modules.filter(function (m) { return !quizResult(state, m).passed; });
      var todo = root.querySelector(".cq-cert-missing");
      var cert = root.querySelector(".cq-cert");
      if (missing.length) {
        todo.querySelector("p").textContent = t("missing");
        var list = todo.querySelector("ul");
        list.textContent = "";
        missing.forEach(function (m) {
          var li = document.createElement("li");
          li.appendChild(link(m.quizHref, m.title));
          list.appendChild(li);
        });
        todo.hidden = false;
        cert.hidden = true;
        return;
      }
      var rows = cert.querySelector("tbody");
      rows.textContent = "";
      course.modules.forEach(function (m) {
        var tr = document.createElement("tr");
        var name = document.createElement("td"), score = document.createElement("td");
        name.textContent = m.title;
        score.textContent = t("percent", { pct: cq.pct(quizResult(state, m).percent) });
        tr.appendChild(name); tr.appendChild(score); rows.appendChild(tr);
      });
      var s = summary(state, course);
      cert.querySelector(".cq-cert-read").textContent = t("lessons", { r: s.read, n: s.lessons });
      var when = new Date();
      cert.querySelector(".cq-cert-date").textContent = when.toLocaleDateString(root.getAttribute("data-cq-locale") || document.documentElement.lang || undefined,
        { year: "numeric", month: "long", day: "numeric" });
      var nameInput = root.querySelector(".cq-cert-name-input");
      var nameOut = cert.querySelector(".cq-cert-name");
      nameInput.value = typeof state.name === "string" ? state.name : "";
      nameOut.textContent = nameInput.value;
      nameInput.addEventListener("input", function () {
        nameOut.textContent = nameInput.value;
        var s = store().load();
        s.name = nameInput.value.slice(0, 120);
        store().save(s);
      });
      root.querySelector(".cq-cert-print").addEventListener("click", function () { window.print(); });
      todo.hidden = true;
      cert.hidden = false;
      root.querySelector(".cq-cert-form").hidden = false;
      // stats.js counts a certificate shown (when the brand opts in).
      document.dispatchEvent(new CustomEvent("cq:certificate"));
    }

    // Every part the page shown holds, filled from `state` (progress.js calls again after instant navigation).
    return function (course, state) {
      shown = [course, state];
      needSchedule();
      practiceCount(course, state);
      cq.all(document, "[data-cq-resume]").forEach(function (box) { mountResume(box, course, state); });
      mountCards(course, state);
      cq.all(document, "[data-cq-progress]").forEach(function (root) { mountProgressPage(root, course); });
      cq.all(document, "[data-cq-certificate]").forEach(function (root) { mountCertificate(root, course); });
    };
  };
})(self.cq);
