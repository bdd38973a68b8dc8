// Who met whom: persons as nodes, meetings as edges weighted by event count (Cytoscape.js, bundled).
(function () {
  const box = document.getElementById("network");
  const status = document.getElementById("network-status");
  const d = box.dataset;
  const params = new URLSearchParams();
  for (const k of ["country", "since", "until"]) if (d[k]) params.set(k, d[k]);
  fetch(`/api/network?${params}`).then((r) => r.json().then((body) => ({ ok: r.ok, body }))).then(({ ok, body }) => {
    if (!ok) { status.textContent = body.error ? body.error.message : "cannot load the network"; return; }
    if (!body.edges.length) { status.textContent = "No meetings between persons for these filters."; return; }
    const most = Math.max(...body.edges.map((e) => e.weight));
    const elements = body.nodes.map((n) => ({ data: { id: n.id, label: n.country ? `${n.name} (${n.country})` : n.name } }))
      .concat(body.edges.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target, weight: e.weight } })));
    const cy = cytoscape({
      container: box, elements,
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#1f5fa8", width: 14, height: 14 } },
        { selector: "edge", style: { width: (e) => 1 + 7 * e.data("weight") / most, "line-color": "#9db4d6", "curve-style": "haystack" } },
      ],
      layout: { name: "cose", animate: false, randomize: false },
    });
    cy.on("tap", "node", (evt) => { window.location.href = "/actors/" + evt.target.id(); });
    status.textContent = `${body.nodes.length} persons, ${body.edges.length} pairs`;
    box.dataset.ready = "1";
  }).catch(() => { status.textContent = "cannot load the network"; });
})();
