"""Build static/world.json, the offline base map, from Natural Earth 1:110m country outlines.

The outlines come from the public-domain Natural Earth `ne_110m_admin_0_countries` layer as
shipped inside the geopandas 0.14 wheel (`geopandas/datasets/naturalearth_lowres/`). Run once
by a maintainer, never at run time:

    pip download --no-deps geopandas==0.14.4 -d /tmp/gpd
    python -m casus.web.make_basemap /tmp/gpd/geopandas-0.14.4-py3-none-any.whl
"""
from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path

LAYER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parent / "static" / "world.json"


def read_dbf(data: bytes) -> list[dict[str, str]]:
    """Records of a dBase III table as dicts of stripped strings."""
    n, header_len, rec_len = struct.unpack("<xxxxIHH", data[:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(n):
        rec, off, row = data[header_len + i * rec_len:header_len + (i + 1) * rec_len], 1, {}
        for name, size in fields:
            row[name] = rec[off:off + size].decode("utf-8", "replace").strip()
            off += size
        rows.append(row)
    return rows


def read_shp(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """Rings of each polygon record of an ESRI shapefile (type 5)."""
    shapes, pos = [], 100
    while pos < len(data):
        length = struct.unpack(">I", data[pos + 4:pos + 8])[0] * 2
        body = data[pos + 8:pos + 8 + length]
        pos += 8 + length
        if struct.unpack("<i", body[:4])[0] != 5:
            shapes.append([])
            continue
        nparts, npoints = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{nparts}i", body[44:44 + 4 * nparts])) + [npoints]
        pts = struct.unpack(f"<{2 * npoints}d", body[44 + 4 * nparts:44 + 4 * nparts + 16 * npoints])
        shapes.append([[(pts[2 * k], pts[2 * k + 1]) for k in range(parts[j], parts[j + 1])] for j in range(nparts)])
    return shapes


def ring_path(ring: list[tuple[float, float]]) -> str:
    """An SVG path for one ring in equirectangular degrees: x = lon + 180, y = 90 - lat."""
    pts, last = [], None
    for lon, lat in ring:
        p = (round(lon + 180, 1), round(90 - lat, 1))
        if p != last:
            pts.append(p)
            last = p
    if len(pts) < 3:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in pts) + "Z"


def build(wheel: str) -> dict:
    """The base map record: one path per country with its ISO alpha-3 code and name."""
    with zipfile.ZipFile(wheel) as z:
        rows = read_dbf(z.read(LAYER + ".dbf"))
        shapes = read_shp(z.read(LAYER + ".shp"))
    countries = []
    for row, rings in zip(rows, shapes):
        d = "".join(ring_path(r) for r in rings)
        if d:
            countries.append({"iso3": row.get("iso_a3", ""), "name": row.get("name", ""), "d": d})
    countries.sort(key=lambda c: c["name"])
    return {"format": "casus base map 1: equirectangular, viewBox 0 0 360 180, x = lon + 180, y = 90 - lat",
            "source": "Natural Earth 1:110m admin 0 countries (public domain), via the geopandas 0.14 wheel",
            "countries": countries}


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(sys.argv[1]), separators=(",", ":")) + "\n")
    print(f"wrote {OUT}")
