// Admin: drag on an item's preview to add a changed area to its "regions" box (one
// "x, y, width, height" line per box, in pixels of the full picture). The numbers stay
// editable by hand; the boxes drawn on the preview follow what the text says.
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";

  function parse(text) {
    return text.split("\n").map(function (line) {
      return line.split(/[,;]/).map(function (part) { return parseInt(part, 10); });
    }).filter(function (box) {
      return box.length === 4 && box.every(function (n) { return !isNaN(n); });
    });
  }

  function drawBox(svg, box, className) {
    var rect = document.createElementNS(SVG, "rect");
    rect.setAttribute("x", box[0]);
    rect.setAttribute("y", box[1]);
    rect.setAttribute("width", box[2]);
    rect.setAttribute("height", box[3]);
    rect.setAttribute("fill", "none");
    rect.setAttribute("stroke", "#ffd600");
    rect.setAttribute("stroke-width", "3");
    rect.setAttribute("vector-effect", "non-scaling-stroke");
    if (className) rect.setAttribute("class", className);
    svg.appendChild(rect);
    return rect;
  }

  function redraw(svg, textarea) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    parse(textarea.value).forEach(function (box) { drawBox(svg, box); });
  }

  function attach(editor) {
    var container = editor.closest(".inline-related") || editor.closest("form");
    var textarea = container && container.querySelector('textarea[name$="regions"]');
    var svg = editor.querySelector("svg");
    if (!textarea || !svg || editor.dataset.ready) return;
    editor.dataset.ready = "1";
    var width = parseInt(editor.dataset.width, 10);
    var height = parseInt(editor.dataset.height, 10);
    var start = null;
    var preview = null;

    function point(event) {
      var frame = editor.getBoundingClientRect();
      var x = Math.min(Math.max(event.clientX - frame.left, 0), frame.width);
      var y = Math.min(Math.max(event.clientY - frame.top, 0), frame.height);
      return [Math.round(x * width / frame.width), Math.round(y * height / frame.height)];
    }

    function box(a, b) {
      return [Math.min(a[0], b[0]), Math.min(a[1], b[1]),
              Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])];
    }

    editor.addEventListener("pointerdown", function (event) {
      event.preventDefault();
      start = point(event);
      editor.setPointerCapture(event.pointerId);
      preview = drawBox(svg, [start[0], start[1], 0, 0], "drawing");
    });
    editor.addEventListener("pointermove", function (event) {
      if (!start) return;
      var b = box(start, point(event));
      preview.setAttribute("x", b[0]);
      preview.setAttribute("y", b[1]);
      preview.setAttribute("width", b[2]);
      preview.setAttribute("height", b[3]);
    });
    editor.addEventListener("pointerup", function (event) {
      if (!start) return;
      var b = box(start, point(event));
      start = null;
      if (b[2] > 0 && b[3] > 0) {
        var text = textarea.value.replace(/\s+$/, "");
        textarea.value = (text ? text + "\n" : "") + b.join(", ");
      }
      redraw(svg, textarea);
    });
    textarea.addEventListener("input", function () { redraw(svg, textarea); });
  }

  function attachAll() {
    document.querySelectorAll(".region-editor").forEach(attach);
  }

  document.addEventListener("DOMContentLoaded", attachAll);
})();
