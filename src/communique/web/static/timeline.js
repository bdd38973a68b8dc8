// Dyad timeline: stacked bars of events per month, one colour per PLOVER type (Chart.js, bundled).
(function () {
  const box = document.getElementById("timeline");
  const status = document.getElementById("timeline-status");
  const d = box.dataset;
  const params = new URLSearchParams({ view: d.view });
  if (d.since) params.set("since", d.since);
  if (d.until) params.set("until", d.until);
  const url = `/api/dyads/${encodeURIComponent(d.a)}/${encodeURIComponent(d.b)}/timeline?${params}`;
  const palette = ["#1f5fa8", "#d95f02", "#1b9e77", "#e7298a", "#7570b3", "#66a61e", "#e6ab02", "#a6761d",
                   "#666666", "#00a6ca", "#b2182b", "#4d9221", "#8c510a", "#542788", "#c51b7d", "#01665e"];
  fetch(url).then((r) => r.json().then((body) => ({ ok: r.ok, body }))).then(({ ok, body }) => {
    if (!ok) { status.textContent = body.error ? body.error.message : "cannot load the timeline"; return; }
    const months = [...new Set(body.months.map((m) => m.month))];
    const types = [...new Set(body.months.map((m) => m.event_type))].sort();
    if (!months.length) { status.textContent = `No dated events between ${d.a} and ${d.b}.`; return; }
    const count = new Map(body.months.map((m) => [m.month + "|" + m.event_type, m.count]));
    const datasets = types.map((t, i) => ({
      label: t, backgroundColor: palette[i % palette.length],
      data: months.map((m) => count.get(m + "|" + t) || 0),
    }));
    const total = body.months.reduce((s, m) => s + m.count, 0);
    status.textContent = `${total} ${d.view === "clusters" ? "happenings" : "reports"} in ${months.length} months`;
    new Chart(document.getElementById("timeline-chart"), {
      type: "bar", data: { labels: months, datasets },
      options: { animation: false, responsive: true, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
    });
    box.dataset.ready = "1";
  }).catch(() => { status.textContent = "cannot load the timeline"; });
})();
