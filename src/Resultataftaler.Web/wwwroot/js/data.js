// The data page: upload with a progress bar, and "Kør import nu" followed until the job is done.
// Without JavaScript both forms still work as plain posts.
(function () {
  "use strict";

  function say(box, text, ok) {
    box.textContent = text;
    box.hidden = false;
    box.className = ok ? "notice" : "error-box";
    box.setAttribute("role", ok ? "status" : "alert");
  }

  var upload = document.getElementById("upload-form");
  if (upload) {
    upload.addEventListener("submit", function (event) {
      event.preventDefault();
      var bar = document.getElementById("upload-progress");
      var box = document.getElementById("upload-result");
      var request = new XMLHttpRequest();
      request.open("POST", upload.action);
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) { bar.value = Math.round(e.loaded / e.total * 100); }
      });
      request.addEventListener("load", function () {
        var answer = {};
        try { answer = JSON.parse(request.responseText); } catch (e) { answer = { ok: false, message: upload.dataset.failed }; }
        bar.value = 100;
        if (answer.ok) { window.location.reload(); } else { say(box, answer.message, false); bar.hidden = true; }
      });
      request.addEventListener("error", function () { say(box, upload.dataset.failed, false); });
      bar.hidden = false;
      bar.value = 0;
      request.send(new FormData(upload));
    });
  }

  var run = document.getElementById("run-form");
  if (run) {
    run.addEventListener("submit", function (event) {
      event.preventDefault();
      var status = document.getElementById("run-status");
      var bar = document.getElementById("run-progress");
      var button = run.querySelector("button");
      button.disabled = true;
      bar.hidden = false;
      bar.removeAttribute("value");
      say(status, run.dataset.queued, true);
      fetch(run.action, { method: "POST", body: new FormData(run), headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (answer) { follow(answer.job); })
        .catch(function () { say(status, run.dataset.failed, false); button.disabled = false; });

      function follow(job) {
        fetch("/data/job/" + encodeURIComponent(job), { headers: { "Accept": "application/json" } })
          .then(function (r) { return r.json(); })
          .then(function (s) {
            if (!s.done) {
              say(status, run.dataset.running + " (" + s.state + ")", true);
              window.setTimeout(function () { follow(job); }, 1000);
            } else if (s.ok) {
              bar.value = 100;
              say(status, run.dataset.done, true);
              window.setTimeout(function () { window.location.reload(); }, 800);
            } else {
              say(status, run.dataset.failed, false);
              button.disabled = false;
            }
          })
          .catch(function () { say(status, run.dataset.failed, false); button.disabled = false; });
      }
    });
  }
})();
