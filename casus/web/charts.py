"""Server-drawn SVG charts: a dyad's weekly events and Goldstein by quad class, and located events on a world map."""
from __future__ import annotations

import datetime as _dt
import json
import math
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

QUADS = {1: ("verbal cooperation", "#2c7fb8"), 2: ("material cooperation", "#31a354"),
         3: ("verbal conflict", "#f28e2b"), 4: ("material conflict", "#d62728")}
BASEMAP = Path(__file__).resolve().parent / "static" / "world.json"


def _week(value: Any) -> _dt.date:
    return value.date() if isinstance(value, _dt.datetime) else value


def timeline_svg(series: list[dict[str, Any]], width: int = 900) -> str:
    """Two stacked panels: events per week as bars stacked by quad class, mean Goldstein per week as lines."""
    if not series:
        return ""
    weeks = sorted({_week(r["week"]) for r in series})
    first, last = weeks[0], weeks[-1]
    n = (last - first).days // 7 + 1
    left, right, h1, h2, gap = 48, 12, 160, 140, 40
    plot_w = width - left - right
    bw = plot_w / n
    counts: dict[int, dict[int, int]] = {}
    gold: dict[int, list[tuple[int, float]]] = {}
    for r in series:
        k = (_week(r["week"]) - first).days // 7
        counts.setdefault(k, {})[r["quad"]] = r["events"]
        if r["goldstein"] is not None:
            gold.setdefault(r["quad"], []).append((k, float(r["goldstein"])))
    top = max(sum(c.values()) for c in counts.values())
    height = 20 + h1 + gap + h2 + 30
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="events and Goldstein per week">']
    y0 = 20 + h1
    out.append(f'<text x="{left}" y="14" class="axis-title">events per week</text>')
    for frac in (0, 0.5, 1):
        y = y0 - frac * h1
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{round(frac * top)}</text>')
    for k, by_quad in sorted(counts.items()):
        y = y0
        for q in sorted(by_quad):
            hgt = by_quad[q] / top * h1
            y -= hgt
            week = first + _dt.timedelta(weeks=k)
            out.append(f'<rect class="bar q{q}" x="{left + k * bw + 0.5:.1f}" y="{y:.1f}" width="{max(bw - 1, 1):.1f}" '
                       f'height="{hgt:.1f}" fill="{QUADS.get(q, ("", "#888"))[1]}"><title>week of {week}: '
                       f'{by_quad[q]} {escape(QUADS.get(q, ("quad " + str(q), ""))[0])}</title></rect>')
    g0 = y0 + gap + h2 / 2
    out.append(f'<text x="{left}" y="{y0 + gap - 6}" class="axis-title">mean Goldstein (−10 conflict … +10 cooperation)</text>')
    for v in (-10, 0, 10):
        y = g0 - v / 10 * h2 / 2
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid{" zero" if v == 0 else ""}"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{v:+d}</text>'.replace(">+0<", ">0<"))
    for q, pts in sorted(gold.items()):
        colour = QUADS.get(q, ("", "#888"))[1]
        xy = [(left + (k + 0.5) * bw, g0 - g / 10 * h2 / 2) for k, g in sorted(pts)]
        if len(xy) > 1:
            out.append(f'<polyline class="line q{q}" fill="none" stroke="{colour}" stroke-width="2" '
                       f'points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in xy)}"/>')
        for (x, y), (k, g) in zip(xy, sorted(pts)):
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"><title>week of '
                       f'{first + _dt.timedelta(weeks=k)}: mean Goldstein {g:+.1f}</title></circle>')
    base = height - 8
    for i, label in ((0, first), (n - 1, last)):
        anchor = "start" if i == 0 else "end"
        x = left if i == 0 else width - right
        out.append(f'<text x="{x}" y="{base}" class="tick" text-anchor="{anchor}">{label}</text>')
    out.append("</svg>")
    return "".join(out)


@lru_cache(maxsize=1)
def basemap_paths() -> str:
    """The world's country outlines as SVG paths in the equirectangular 360×180 frame."""
    data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    return "".join(f'<path class="land" d="{c["d"]}"><title>{escape(c["name"])}</title></path>'
                   for c in data["countries"])


def map_svg(points: list[dict[str, Any]]) -> str:
    """Located events as circles on the base map, coloured by quad class, area by number of events."""
    top = max((p["events"] for p in points), default=1)
    out = ['<svg class="worldmap" viewBox="0 0 360 180" width="100%" role="img" aria-label="map of located events">',
           '<rect class="sea" x="0" y="0" width="360" height="180"/>', basemap_paths()]
    for p in sorted(points, key=lambda p: -p["events"]):
        x, y = p["lon"] + 180, 90 - p["lat"]
        r = 0.8 + 3.2 * math.sqrt(p["events"] / top)
        name = escape(f'{p["name"] or "?"} ({p["country"] or "?"})')
        label = QUADS.get(p["quad"], (f'quad {p["quad"]}', ""))[0]
        out.append(f'<circle class="point q{p["quad"]}" cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}" '
                   f'fill="{QUADS.get(p["quad"], ("", "#888"))[1]}" data-place="{escape(p["name"] or "")}">'
                   f'<title>{name}: {p["events"]} {label}</title></circle>')
    out.append("</svg>")
    return "".join(out)
