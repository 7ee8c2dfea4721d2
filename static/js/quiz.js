// Quiz enhancements: confidence display, keyboard shortcuts, click-to-mark on spot items.
// Everything here is optional: the forms work without it.
(function () {
  "use strict";

  var slider = document.getElementById("confidence");
  var output = document.getElementById("confidence-value");
  if (slider && output) {
    var show = function () { output.textContent = slider.value + " %"; };
    slider.addEventListener("input", show);
    show();
  }

  // Click-to-mark: record the exact pixel and check the grid cell under it.
  var target = document.querySelector(".spot-target .media-frame");
  var xInput = document.getElementById("spot-x");
  var yInput = document.getElementById("spot-y");
  if (target && xInput && yInput) {
    var figure = target.parentNode;
    var width = parseInt(target.getAttribute("data-width"), 10);
    var height = parseInt(target.getAttribute("data-height"), 10);
    var grid = figure.querySelector(".spot-grid");
    var size = grid ? parseInt(grid.getAttribute("data-grid"), 10) : 6;
    var point = document.createElement("span");
    point.className = "spot-point";
    point.hidden = true;
    target.appendChild(point);

    target.addEventListener("click", function (event) {
      var box = target.getBoundingClientRect();
      var fx = (event.clientX - box.left) / box.width;
      var fy = (event.clientY - box.top) / box.height;
      if (fx < 0 || fx >= 1 || fy < 0 || fy >= 1 || !width || !height) return;
      xInput.value = Math.floor(fx * width);
      yInput.value = Math.floor(fy * height);
      point.style.left = (fx * 100) + "%";
      point.style.top = (fy * 100) + "%";
      point.hidden = false;
      figure.classList.add("has-point");
      var cell = Math.floor(fy * size) * size + Math.floor(fx * size);
      var radio = document.getElementById("cell-" + cell);
      if (radio) radio.checked = true;
    });
    // Choosing a square with the keyboard replaces any clicked point.
    figure.addEventListener("keyup", function (event) {
      if (event.target.name === "cell" && event.key.indexOf("Arrow") === 0) {
        xInput.value = "";
        yInput.value = "";
        point.hidden = true;
        figure.classList.remove("has-point");
      }
    });
  }

  function typing(element) {
    var tag = element && element.tagName;
    return tag === "INPUT" && element.type === "text" || tag === "TEXTAREA" || tag === "SELECT";
  }

  // The spot grid is one radio group; browsers move through it in reading order only. Here the
  // arrow keys move in two dimensions ("Row r, column c") and Enter sends the answer.
  var GRID_MOVES = { arrowleft: [0, -1], arrowright: [0, 1], arrowup: [-1, 0], arrowdown: [1, 0] };

  function gridKey(event, cell) {
    var key = event.key.toLowerCase();
    var grid = cell.closest(".spot-grid");
    var size = parseInt(grid.getAttribute("data-grid"), 10);
    if (key === "enter") {
      var send = cell.form && cell.form.querySelector('button[name="answer"]');
      if (!send) return false;
      cell.checked = true;
      send.click();
      return true;
    }
    var move = GRID_MOVES[key];
    if (!move || !size) return false;
    var index = parseInt(cell.value, 10);
    var row = Math.min(size - 1, Math.max(0, Math.floor(index / size) + move[0]));
    var col = Math.min(size - 1, Math.max(0, index % size + move[1]));
    var next = document.getElementById("cell-" + (row * size + col));
    if (next) {
      next.checked = true;
      next.focus();
    }
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(document.activeElement)) return;
    var active = document.activeElement;
    if (active && active.name === "cell" && active.closest(".spot-grid") && gridKey(event, active)) {
      event.preventDefault();
      return;
    }
    var key = event.key.toLowerCase();
    var form = document.querySelector("[data-quiz-form]");
    if (form) {
      var button = form.querySelector('button[data-key="' + key + '"]');
      if (button && key.length === 1) {
        event.preventDefault();
        button.click();
        return;
      }
      var inGrid = document.activeElement && document.activeElement.name === "cell";
      if (slider && !inGrid && document.activeElement !== slider &&
          (key === "arrowup" || key === "arrowdown")) {
        event.preventDefault();
        var step = key === "arrowup" ? 5 : -5;
        slider.value = Math.min(100, Math.max(50, parseInt(slider.value, 10) + step));
        slider.dispatchEvent(new Event("input"));
      }
      return;
    }
    var next = document.querySelector("[data-next]");
    if (next && key === "arrowright") {
      event.preventDefault();
      next.click();
    }
  });
})();
