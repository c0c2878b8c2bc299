// Actor network: fetch /api/network, lay nodes out with a small force simulation, draw SVG.
(function () {
  "use strict";
  const box = document.getElementById("network");
  const svg = document.getElementById("network-svg");
  const status = document.getElementById("network-status");
  const NS = "http://www.w3.org/2000/svg";
  const W = 900, H = 600;

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  // Goldstein −10 … +10 as red … grey … blue.
  function colour(g) {
    const t = Math.max(-1, Math.min(1, (g || 0) / 10));
    const mix = (a, b, u) => Math.round(a + (b - a) * u);
    const grey = [150, 150, 150], red = [214, 39, 40], blue = [44, 127, 184];
    const to = t < 0 ? red : blue, u = Math.abs(t);
    return `rgb(${mix(grey[0], to[0], u)},${mix(grey[1], to[1], u)},${mix(grey[2], to[2], u)})`;
  }
  // Fruchterman-Reingold: pairs repel (k²/d), edges attract (d²/k), a weak pull to the centre keeps
  // separate components in view; steps shrink as the layout cools.
  function layout(nodes, edges) {
    nodes.forEach((n, i) => {
      const a = (2 * Math.PI * i) / nodes.length;
      n.x = W / 2 + 200 * Math.cos(a); n.y = H / 2 + 200 * Math.sin(a);
    });
    const k = Math.min(110, Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.35);
    const steps = 400;
    for (let step = 0; step < steps; step++) {
      nodes.forEach((n) => { n.dx = 0; n.dy = 0; });
      for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.hypot(dx, dy), 1);
        const f = (k * k) / d / d;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
      for (const e of edges) {
        const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.max(Math.hypot(dx, dy), 1);
        const f = d / k;
        e.s.dx += dx * f; e.s.dy += dy * f; e.t.dx -= dx * f; e.t.dy -= dy * f;
      }
      const heat = 40 * (1 - step / steps) + 0.5;
      for (const n of nodes) {
        n.dx += (W / 2 - n.x) * 0.5; n.dy += (H / 2 - n.y) * 0.75;
        const d = Math.max(Math.hypot(n.dx, n.dy), 0.01), move = Math.min(d, heat);
        n.x = Math.max(40, Math.min(W - 80, n.x + (n.dx / d) * move));
        n.y = Math.max(30, Math.min(H - 30, n.y + (n.dy / d) * move));
      }
    }
  }
  function draw(data) {
    const byCode = new Map(data.nodes.map((n) => [n.code, n]));
    const edges = data.edges.map((e) => ({ ...e, s: byCode.get(e.source), t: byCode.get(e.target) })).filter((e) => e.s && e.t);
    const nodes = data.nodes;
    if (!nodes.length) { status.textContent = "No actor pairs match these filters."; return; }
    layout(nodes, edges);
    const defs = el("defs", {}, svg);
    const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
    el("path", { d: "M0 0L10 5L0 10z", fill: "#777" }, marker);
    const maxE = Math.max(...edges.map((e) => e.events), 1), maxN = Math.max(...nodes.map((n) => n.events), 1);
    const gEdges = el("g", {}, svg), gNodes = el("g", {}, svg);
    nodes.forEach((n) => { n.r = 5 + 14 * Math.sqrt(n.events / maxN); });
    function path(e) {
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.hypot(dx, dy) || 1;
      const ex = e.t.x - (dx / d) * (e.t.r + 2), ey = e.t.y - (dy / d) * (e.t.r + 2);
      const mx = (e.s.x + ex) / 2 - dy * 0.12, my = (e.s.y + ey) / 2 + dx * 0.12;  // bend: A→B and B→A stay apart
      return `M${e.s.x.toFixed(1)} ${e.s.y.toFixed(1)}Q${mx.toFixed(1)} ${my.toFixed(1)} ${ex.toFixed(1)} ${ey.toFixed(1)}`;
    }
    edges.forEach((e) => {
      e.el = el("path", { class: "edge", d: path(e), stroke: colour(e.goldstein), "stroke-width": (1 + 6 * e.events / maxE).toFixed(1), "marker-end": "url(#arrow)" }, gEdges);
      el("title", {}, e.el).textContent = `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${(e.goldstein || 0).toFixed(1)}`;
    });
    nodes.forEach((n) => {
      n.el = el("g", { class: "node", transform: `translate(${n.x},${n.y})`, "data-code": n.code }, gNodes);
      el("circle", { r: n.r.toFixed(1) }, n.el);
      el("text", { x: n.r + 3, y: 4 }, n.el).textContent = n.code;
      el("title", {}, n.el).textContent = `${n.name || n.code} (${n.code}): ${n.events} events`;
      n.el.addEventListener("dblclick", () => { location.href = "/explorer?actor=" + encodeURIComponent(n.code); });
      n.el.addEventListener("pointerdown", (ev) => {
        ev.preventDefault();
        const pt = svg.createSVGPoint();
        const move = (m) => {
          pt.x = m.clientX; pt.y = m.clientY;
          const p = pt.matrixTransform(svg.getScreenCTM().inverse());
          n.x = p.x; n.y = p.y;
          n.el.setAttribute("transform", `translate(${n.x},${n.y})`);
          edges.forEach((e) => { if (e.s === n || e.t === n) e.el.setAttribute("d", path(e)); });
        };
        const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
        window.addEventListener("pointermove", move); window.addEventListener("pointerup", up);
      });
    });
    status.textContent = `${nodes.length} actors, ${edges.length} edges (${edges.reduce((a, e) => a + e.events, 0)} events). Double-click an actor to list its events.`;
  }
  fetch(box.dataset.api, { headers: { Accept: "application/json" } })
    .then((r) => r.ok ? r.json() : r.json().then((j) => Promise.reject(new Error(j.detail || r.statusText))))
    .then(draw)
    .catch((err) => { status.textContent = "Could not load the network: " + err.message; status.classList.add("error"); });
})();
