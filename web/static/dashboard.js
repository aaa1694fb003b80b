// Dashboards: draws each `.chart[data-chart]` with ECharts (served from the npm package), again
// after every htmx swap of the dashboard; puts the focus back on the button that moved a
// component; shows only the form fields that apply to the chosen report and period.
// The chart description is JSON in data-chart: {type: bar|line|pie, labels, values, measure, unit}.
(function () {
  "use strict";

  var PALETTE = ["#1f6feb", "#067647", "#b54708", "#7a5af8", "#c11574", "#0e9384",
    "#667085", "#dc6803", "#2e90fa", "#9e77ed"];

  function formatValue(value, unit) {
    var text = unit ? value.toLocaleString(undefined, {minimumFractionDigits: 2,
      maximumFractionDigits: 2}) : value.toLocaleString();
    return unit ? text + " " + unit : text;
  }

  function shortLabel(text) {
    return text.length > 20 ? text.slice(0, 19) + "…" : text;
  }

  function option(spec) {
    var tooltip = {renderMode: "richText", confine: true,
      valueFormatter: function (value) { return formatValue(value, spec.unit); }};
    if (spec.type === "pie") {
      return {
        color: PALETTE,
        animation: false,
        tooltip: Object.assign({trigger: "item"}, tooltip),
        legend: {type: "scroll", bottom: 0, formatter: shortLabel},
        series: [{
          type: "pie", name: spec.measure, radius: ["35%", "65%"], center: ["50%", "45%"],
          label: {lineHeight: 15,
            formatter: function (p) { return shortLabel(p.name) + "\n" + p.percent + "%"; }},
          data: spec.labels.map(function (label, i) { return {name: label, value: spec.values[i]}; })
        }]
      };
    }
    var longest = spec.labels.reduce(function (n, label) { return Math.max(n, label.length); }, 0);
    var many = spec.labels.length > 6 || (spec.labels.length > 3 && longest > 10);
    return {
      color: PALETTE,
      animation: false,
      grid: {left: 8, right: 16, top: 16, bottom: 8, containLabel: true},
      tooltip: Object.assign({trigger: "axis"}, tooltip),
      xAxis: {type: "category", data: spec.labels,
        axisLabel: {interval: 0, rotate: many ? 35 : 0, hideOverlap: true, formatter: shortLabel}},
      yAxis: {type: "value", axisLabel: {formatter: function (v) { return v.toLocaleString(); }}},
      series: [{
        type: spec.type, name: spec.measure, data: spec.values,
        barMaxWidth: 48, smooth: false, symbolSize: 7,
        areaStyle: spec.type === "line" ? {opacity: 0.08} : undefined
      }]
    };
  }

  function draw(root) {
    if (typeof window.echarts === "undefined") { return; }
    root.querySelectorAll(".chart[data-chart]").forEach(function (element) {
      var spec;
      try { spec = JSON.parse(element.getAttribute("data-chart")); } catch (e) { return; }
      var existing = window.echarts.getInstanceByDom(element);
      if (existing) { existing.dispose(); }
      var chart = window.echarts.init(element, null, {renderer: "canvas"});
      chart.setOption(option(spec));
      element.setAttribute("data-drawn", "true");
    });
  }

  function resize() {
    if (typeof window.echarts === "undefined") { return; }
    document.querySelectorAll(".chart[data-drawn]").forEach(function (element) {
      var chart = window.echarts.getInstanceByDom(element);
      if (chart) { chart.resize(); }
    });
  }

  function restoreFocus(root) {
    var board = root.id === "dashboard" ? root : root.querySelector("#dashboard");
    var wanted = board && board.getAttribute("data-focus");
    if (!wanted) { return; }
    var button = document.getElementById(wanted);
    if (button && button.disabled) {  // moved to an end: the other direction's button
      var other = wanted.indexOf("move-up-") === 0 ? wanted.replace("move-up-", "move-down-")
        : wanted.replace("move-down-", "move-up-");
      button = document.getElementById(other);
    }
    if (button) { button.focus(); }
  }

  // Fields that apply to one report or period only are hidden for the others.
  function applies(form) {
    var report = form.querySelector("select[name=report]");
    var period = form.querySelector("select[name=period]");
    form.querySelectorAll("[data-for-report]").forEach(function (label) {
      label.hidden = report && report.value !== label.getAttribute("data-for-report");
    });
    form.querySelectorAll("[data-for-period]").forEach(function (label) {
      label.hidden = period && period.value !== label.getAttribute("data-for-period");
    });
  }

  function enhanceForms(root) {
    root.querySelectorAll("form.component-form").forEach(function (form) {
      applies(form);
      if (form.getAttribute("data-enhanced")) { return; }
      form.setAttribute("data-enhanced", "true");
      form.addEventListener("change", function () { applies(form); });
    });
  }

  function start(root) {
    draw(root);
    enhanceForms(root);
    restoreFocus(root);
  }

  document.addEventListener("DOMContentLoaded", function () { start(document); });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (document.getElementById("dashboard")) { start(document); }
  });
  // a closed <details> holds no drawable size: draw charts again once shown
  document.addEventListener("toggle", function () { resize(); }, true);
  window.addEventListener("resize", resize);
}());
