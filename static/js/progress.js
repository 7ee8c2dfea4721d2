// Polls the analysis API while a job is queued or running, then reloads to show the verdict.
(function () {
  "use strict";
  var box = document.getElementById("progress");
  if (!box) return;
  var url = box.getAttribute("data-poll-url");
  var bar = document.getElementById("progress-bar");
  var text = document.getElementById("progress-text");
  var delay = 500;

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        if (data.status === "done" || data.status === "failed") {
          window.location.reload();
          return;
        }
        bar.value = data.progress.percent;
        bar.textContent = data.progress.percent + " %";
        text.textContent = data.status === "queued"
          ? "Waiting for a free detector…"
          : "Running: " + (data.progress.step || "starting") + " (" + data.progress.percent + " %)";
        delay = Math.min(delay * 1.3, 3000);
        window.setTimeout(poll, delay);
      })
      .catch(function () {
        text.textContent = "Lost contact with the server; trying again…";
        window.setTimeout(poll, 3000);
      });
  }
  window.setTimeout(poll, delay);
})();
