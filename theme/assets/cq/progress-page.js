/* The progress page (with a file that carries progress to another device) and the certificate:
 * fetched by progress.js only on those two pages, which hands over its helpers and strings. */
(function () {
  "use strict";

  var FORMAT = "coursegen-progress";

  window.cqProgressPage = function (p) {
    var t = p.t, store = p.store, quizResult = p.quizResult, summary = p.summary,
      fill = p.fill, link = p.link;

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
          ? t("inProgress", { a: r.answered, t: m.total }) : t(r.passed ? "passed" : "failed", { p: r.percent });
        row.classList.toggle("cq-passed", r.passed);
        fill(row.querySelector(".cq-bar"), r.share);
      });
      var s = summary(state, course);
      fill(root.querySelector(".cq-bar-total"), (s.read + s.passed) / (s.lessons + course.modules.length));
      root.querySelector(".cq-total").textContent = t("total", { r: s.read, n: s.lessons, q: s.passed, t: course.modules.length });
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
        score.textContent = t("percent", { p: quizResult(state, m).percent });
        tr.appendChild(name); tr.appendChild(score); rows.appendChild(tr);
      });
      var s = summary(state, course);
      cert.querySelector(".cq-cert-read").textContent = t("lessons", { r: s.read, n: s.lessons });
      var when = new Date();
      cert.querySelector(".cq-cert-date").textContent = when.toLocaleDateString(document.documentElement.lang || undefined,
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

    return { progress: mountProgressPage, certificate: mountCertificate };
  };
})();
