// Draws the dashboard's charts from the JSON the page embeds with json_script.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var colour = "#0b5cad";

  function bar(id, rows, label, value, horizontal) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: rows.map(label),
        datasets: [{ data: rows.map(value), backgroundColor: colour }]
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true }, y: { beginAtZero: true } }
      }
    });
  }

  bar("chart-findings-per-month", data.findingsPerMonth,
      function (r) { return r.label; }, function (r) { return r.count; }, false);
  bar("chart-cases-by-sector", data.casesBySector,
      function (r) { return r.label; }, function (r) { return r.count; }, true);
  bar("chart-cases-by-region", data.casesByRegion,
      function (r) { return r.label; }, function (r) { return r.count; }, true);
  bar("chart-top-employers", data.topEmployers,
      function (r) { return r.legal_name; }, function (r) { return r.open_breaches; }, true);
})();
