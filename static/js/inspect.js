// Result page: lets the reader lay a heat-map over the picture and choose how strongly.
(function () {
  "use strict";
  var picker = document.querySelector(".layer-picker");
  if (!picker) return;
  var slider = document.getElementById("layer-opacity");
  var layers = document.querySelectorAll(".stage-layer");
  picker.hidden = false;
  function apply() {
    var chosen = picker.querySelector("input[name=layer]:checked").value;
    for (var i = 0; i < layers.length; i++) {
      layers[i].hidden = layers[i].getAttribute("data-layer") !== chosen;
      layers[i].style.opacity = slider.value / 100;
    }
  }
  picker.addEventListener("change", apply);
  slider.addEventListener("input", apply);
  apply();
})();
