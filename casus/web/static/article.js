// Article view: link event cards and their evidence highlights; toggle highlight kinds.
(function () {
  "use strict";
  const text = document.getElementById("doc-text");
  const cards = Array.from(document.querySelectorAll(".card[data-event]"));
  if (!text) return;
  const spans = Array.from(text.querySelectorAll(".hl"));

  function evidence(id) {
    return spans.filter((s) => (s.dataset.ev || "").split(" ").includes(id));
  }
  function clear() {
    spans.forEach((s) => s.classList.remove("focus"));
    cards.forEach((c) => c.classList.remove("active"));
  }
  function select(card, scroll) {
    const id = card.dataset.event;
    const already = card.classList.contains("active");
    clear();
    if (already) return;
    card.classList.add("active");
    const found = evidence(id);
    found.forEach((s) => s.classList.add("focus"));
    if (scroll && found.length) found[0].scrollIntoView({ block: "center", behavior: "smooth" });
  }
  cards.forEach((card) => {
    card.addEventListener("click", (e) => { if (!e.target.closest("summary")) select(card, true); });
    card.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(card, true); } });
  });
  spans.forEach((s) => s.addEventListener("click", () => {
    const ids = (s.dataset.ev || "").split(" ").filter(Boolean);
    const card = cards.find((c) => ids.includes(c.dataset.event));
    if (card) { select(card, false); card.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
  }));
  document.querySelectorAll(".legend input[data-kind]").forEach((box) => {
    box.addEventListener("change", () => text.classList.toggle("hide-" + box.dataset.kind, !box.checked));
  });
  const target = location.hash.startsWith("#ev-") ? document.getElementById(location.hash.slice(1)) : null;
  if (target) select(target, true);
})();
