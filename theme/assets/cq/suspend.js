/* The SCORM suspend-data codec: what scorm.js writes to cmi.suspend_data and reads back. Loaded
 * after core.js and before scorm.js, in SCORM packages only; no page, no LMS: tests/js/ runs it in Node.
 *
 * cmi.suspend_data holds at most 4,096 characters, so the state is packed against what the launch page
 * lists: the course's quizzes (about four characters an answer) and its lessons (one character for five
 * lessons read). Three forms are read: "c2<key>;…" (written now: a segment "!" for the lessons read, then
 * one per quiz, packed against the index whose fingerprint is <key>), "c1<key>;…" (written before lessons
 * were packed: they travelled in the JSON tail, which is still read) and plain JSON (written without an
 * index, by a course page launched on its own). Anything else reads as no progress. */
(function (cq) {
  "use strict";

  var LIMIT = 4000; // below the 4,096 of SCORM 1.2, leaving room for LMSs that count bytes loosely

  /* -- packing the quiz state --------------------------------------------------------------- */
  function b36(n) { return Number(n).toString(36); }
  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  // index: [[quizId, kind, [[questionId, choiceIds, null or "t"], ...]], ...]; null: values are item positions;
  // "t": the learner typed the answer, kept as text after an apostrophe (URI-encoded: no , ; | inside).
  function lookup(index) {
    var quizzes = {};
    (index || []).forEach(function (quiz, qi) {
      var questions = {};
      quiz[2].forEach(function (q, i) { questions[q[0]] = { at: i, choices: q[1] }; });
      quizzes[quiz[0]] = { at: qi, questions: questions };
    });
    return quizzes;
  }

  function packValue(values, choices) {
    if (choices === "t") {
      var text = values.length === 1 && typeof values[0] === "string" ? encodeURIComponent(values[0]) : null;
      return text !== null && text.length <= 200 ? "'" + text : null;
    }
    var out = "";
    for (var i = 0; i < values.length; i++) {
      var n = choices ? choices.indexOf(String(values[i])) : Number(values[i]);
      if (!(n >= 0 && n < 36 && Math.floor(n) === n)) return null;
      out += b36(n);
    }
    return out;
  }

  // The attempt travels in the segment's head: @time of the last answer, ~seed, ^start of an exam's
  // clock, * once an exam is submitted, =drawn questions (by their place in the index, dot-separated).
  function packAttempt(quiz, known) {
    var head = "";
    var when = Date.parse(quiz.at);
    if (!isNaN(when)) head += "@" + b36(Math.floor(when / 1000));
    if (quiz.seed > 0) head += "~" + b36(Math.floor(quiz.seed));
    if (quiz.started > 0) head += "^" + b36(Math.floor(quiz.started / 1000));
    if (quiz.submitted) head += "*";
    if (Array.isArray(quiz.draw)) {
      head += "=" + quiz.draw.filter(function (id) { return own(known.questions, id); })
        .map(function (id) { return b36(known.questions[id].at); }).join(".");
    }
    return head;
  }
  function unpackAttempt(head, quiz, entry) {
    var re = /([@~^*=])([0-9a-z.]*)/g, m;
    while ((m = re.exec(head)) !== null) {
      var n = parseInt(m[2], 36);
      if (m[1] === "*") entry.submitted = true;
      else if (m[1] !== "=" && !(n >= 0 && n <= 8e12)) continue; // no number (a cut-short segment): left out
      else if (m[1] === "@") entry.at = new Date(n * 1000).toISOString();
      else if (m[1] === "~") entry.seed = n;
      else if (m[1] === "^") entry.started = n * 1000;
      else entry.draw = m[2].split(".").filter(Boolean).map(function (n) { return quiz[2][parseInt(n, 36)]; })
        .filter(Boolean).map(function (q) { return q[0]; });
    }
  }

  /* -- packing the lessons read: "!<fingerprint>.<bits>.<last>" ---------------------------------- */
  // `slugs`: every lesson of the course, in order. The fingerprint keeps data written for another list
  // (a lesson added by a course update) from being misread: those lessons read are then forgotten,
  // the quiz answers (under the index's own key) are not.
  function fingerprint(slugs) {
    var text = slugs.join(" "), h = 5381;
    for (var i = 0; i < text.length; i++) h = (h * 33 + text.charCodeAt(i)) % 1679616; // 36^4: four characters
    return b36(h);
  }
  // Takes from `rest` (the state's other keys) the lessons read it can pack, and leaves the others there.
  function packRead(rest, slugs) {
    var seen = rest.visited && typeof rest.visited === "object" ? rest.visited : null;
    var bits = "", n = 0, left = {};
    if (seen) Object.keys(seen).forEach(function (slug) { if (seen[slug] !== 1 || slugs.indexOf(slug) === -1) left[slug] = seen[slug]; });
    for (var i = 0; i < slugs.length; i++) {
      if (seen && seen[slugs[i]] === 1) n += 1 << (i % 5);
      if (i % 5 === 4 || i === slugs.length - 1) { bits += n.toString(32); n = 0; }
    }
    bits = bits.replace(/0+$/, "");
    var last = slugs.indexOf(rest.last);
    if (seen) { if (Object.keys(left).length) rest.visited = left; else delete rest.visited; }
    if (last !== -1) delete rest.last;
    return bits || last !== -1 ? "!" + fingerprint(slugs) + "." + bits + (last !== -1 ? "." + b36(last) : "") : "";
  }
  function unpackRead(segment, slugs, state) {
    var parts = segment.slice(1).split(".");
    if (!slugs || parts[0] !== fingerprint(slugs)) return;
    var seen = {}, any = false;
    (parts[1] || "").split("").forEach(function (c, k) {
      var n = parseInt(c, 32);
      for (var j = 0; j < 5 && n >= 0; j++) if (n & (1 << j) && slugs[5 * k + j]) { seen[slugs[5 * k + j]] = 1; any = true; }
    });
    if (any) state.visited = seen;
    var last = slugs[parseInt(parts[2], 36)];
    if (last) state.last = last;
  }

  function encodeJson(state, keep) {
    var copy = JSON.parse(JSON.stringify(state));
    var text = JSON.stringify(copy);
    var ids = Object.keys(copy.quizzes || {}).filter(function (id) { return id !== keep; });
    while (text.length > LIMIT && ids.length) { delete copy.quizzes[ids.pop()]; text = JSON.stringify(copy); }
    return text.length > LIMIT ? "" : text;
  }

  // `key` fingerprints the index: data packed for another version of the course is not misread.
  // `slugs`: the course's lessons, in order (without them, lessons read travel in the JSON tail).
  function encode(state, index, keep, key, slugs) {
    if (!index) return encodeJson(state, keep);
    var table = lookup(index);
    var segments = [];
    var rest = { q: {} };
    var others = {};
    Object.keys(state).forEach(function (key) {
      if (key !== "v" && key !== "quizzes") others[key] = state[key];
    });
    var read = slugs ? packRead(others, slugs) : "";
    if (Object.keys(others).length) rest.k = others;
    Object.keys(state.quizzes || {}).forEach(function (quizId) {
      var quiz = state.quizzes[quizId];
      var known = table[quizId];
      if (!known || !quiz || typeof quiz.answers !== "object") { rest.q[quizId] = quiz; return; }
      var tokens = [];
      Object.keys(quiz.answers || {}).forEach(function (qid) {
        var answer = quiz.answers[qid];
        var q = known.questions[qid];
        var packed = q && answer && Array.isArray(answer.value) ? packValue(answer.value, q.choices) : null;
        if (packed === null) {
          rest.q[quizId] = rest.q[quizId] || { answers: {} };
          rest.q[quizId].answers[qid] = answer;
          return;
        }
        tokens.push(b36(q.at) + (answer.correct ? "+" : "-") + packed);
      });
      segments.push({ id: quizId, text: b36(known.at) + packAttempt(quiz, known) + ":" + tokens.join(",") });
    });
    function join(withRest) {
      var text = "c2" + (key || "") + ";" + (read ? [read] : []).concat(segments.map(function (s) { return s.text; })).join(";");
      return withRest ? text + "|" + JSON.stringify(rest) : text;
    }
    var hasRest = rest.k || Object.keys(rest.q).length;
    var text = join(hasRest);
    if (text.length > LIMIT) text = join(false); // unknown keys go first: they are not ours to keep at any price
    // Still too long only for a course of about a thousand questions: keep this module's quiz.
    while (text.length > LIMIT) {
      var victim = -1;
      for (var i = segments.length - 1; i >= 0 && victim === -1; i--) if (segments[i].id !== keep) victim = i;
      if (victim === -1) break;
      segments.splice(victim, 1);
      text = join(false);
    }
    return text.length > LIMIT ? "" : text;
  }

  // Never throws: what cannot be read (cut short by an LMS, written by another course) is left out.
  function json(text) { try { return JSON.parse(text); } catch (e) { return null; } }

  function decode(text, index, key, slugs) {
    var state = { v: 1, quizzes: {} };
    if (!text) return state;
    if (text.charAt(0) === "{") { // written without an index (a page launched on its own)
      var parsed = json(text);
      return parsed && parsed.v === 1 && parsed.quizzes && typeof parsed.quizzes === "object" ? parsed : state;
    }
    var head = "c2" + (key || "") + ";";
    if (text.slice(0, head.length) !== head && text.slice(0, head.length) !== "c1" + head.slice(2)) return state;
    var bar = text.indexOf("|");
    var body = bar === -1 ? text.slice(head.length) : text.slice(head.length, bar);
    var quizzes = index || [];
    body.split(";").forEach(function (segment) {
      if (segment.charAt(0) === "!") return unpackRead(segment, slugs, state);
      var colon = segment.indexOf(":");
      if (colon === -1) return;
      var head = /^([0-9a-z]+)(.*)$/.exec(segment.slice(0, colon));
      var quiz = head && quizzes[parseInt(head[1], 36)];
      if (!quiz) return;
      var entry = { answers: {} };
      unpackAttempt(head[2], quiz, entry);
      segment.slice(colon + 1).split(",").forEach(function (token) {
        var m = /^([0-9a-z]+)([+-])('[^,;|]*|[0-9a-z]*)$/.exec(token);
        var q = m && quiz[2][parseInt(m[1], 36)];
        if (!q) return;
        var value;
        try {
          value = m[3].charAt(0) === "'" ? [decodeURIComponent(m[3].slice(1))] : m[3].split("").map(function (c) {
            var n = parseInt(c, 36);
            return q[1] ? q[1][n] : String(n);
          });
        } catch (e) { return; } // a broken %-escape
        if (value.indexOf(undefined) !== -1) return; // a choice the index does not have
        entry.answers[q[0]] = { value: value, correct: m[2] === "+" };
      });
      state.quizzes[quiz[0]] = entry;
    });
    if (bar !== -1) {
      var rest = json(text.slice(bar + 1)) || {};
      Object.keys(rest.k || {}).forEach(function (key) {
        if (!own(state, key)) state[key] = rest.k[key];
        else if (key === "visited" && rest.k.visited && typeof rest.k.visited === "object") { // read, but not packed
          Object.keys(rest.k.visited).forEach(function (slug) { state.visited[slug] = rest.k.visited[slug]; });
        }
      });
      Object.keys(rest.q || {}).forEach(function (quizId) {
        var extra = rest.q[quizId] || {};
        var entry = state.quizzes[quizId] = state.quizzes[quizId] || { answers: {} };
        Object.keys(extra).forEach(function (key) {
          if (key === "answers") {
            Object.keys(extra.answers || {}).forEach(function (qid) { entry.answers[qid] = extra.answers[qid]; });
          } else if (!own(entry, key)) { entry[key] = extra[key]; }
        });
      });
    }
    return state;
  }

  // What an LMS runtime (scorm.js, cmi5.js) needs from its launch page's data: the codec bound to the course's
  // index, and the module as cq.standing reads it (the quiz's current questions, its pass mark, its lessons).
  function launch(config) {
    var index = config.index || null, slugs = config.slugs || null;
    var module = { quiz: config.quiz, ids: [], total: Number(config.total) || 0, pass: Number(config.pass),
                   exam: config.exam, lessons: config.lessons || [] };
    (index || []).forEach(function (quiz) { if (quiz[0] === config.quiz) module.ids = quiz[2].map(function (q) { return q[0]; }); });
    return {
      module: module,
      encode: function (state) { return encode(state, index, config.quiz, config.key, slugs); },
      decode: function (text) { return decode(text, index, config.key, slugs); }
    };
  }

  cq.suspend = { encode: encode, decode: decode, launch: launch, LIMIT: LIMIT };
})(self.cq);
