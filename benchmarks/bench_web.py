"""Response times of the REST API and pages on a big store (see scripts/make_big_store.py).

In-process (FastAPI TestClient, no network): what is measured is the app, its templates and DuckDB.
Prints the median and worst of `--repeat` calls per request, and the store's size.

    python scripts/make_big_store.py --out big.duckdb --events 1000000
    python benchmarks/bench_web.py --db big.duckdb
"""
from __future__ import annotations

import argparse
import statistics
import time

REQUESTS = [
    "/api/events",
    "/api/events?actor=RUS",
    "/api/events?actor=Ukraine&code=19&since=2018-01-01&until=2019-12-31",
    "/api/events?country=CHN&mode=negated&sort=goldstein&desc=true",
    "/api/events?text=artillery&limit=500",
    "/api/events?offset=900000&limit=100",
    "/api/events?place=Kyiv",
    "/api/incidents?actor=USA&code=04",
    "/api/actors",
    "/api/timeline?a=RUS&b=UKR",
    "/api/network",
    "/api/network?since=2020-01-01&until=2020-12-31&code=1",
    "/api/map",
    "/api/documents",
    "/api/documents/syn-0000042",
    "/explorer",
    "/explorer?actor=RUS&code=19&sort=goldstein&desc=1",
    "/explorer?level=incidents&country=IRN",
    "/timeline?a=USA&b=CHN",
    "/map?code=19",
    "/network",
    "/article/syn-0000042",
    "/",
]


def main() -> None:
    """Time each request on the store given by --db."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="big.duckdb")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from casus.web.app import create_app

    with TestClient(create_app(args.db)) as client:
        total = client.get("/api/").json()["store"]
        print(f"store {args.db}: {total['events']:,} events, {total['articles']:,} articles, "
              f"{total['incidents']:,} incidents")
        print(f"{'request':70} {'median':>8} {'worst':>8}  status")
        worst_median = 0.0
        for url in REQUESTS:
            times, status = [], None
            for _ in range(args.repeat):
                t = time.perf_counter()
                r = client.get(url)
                times.append(time.perf_counter() - t)
                status = r.status_code
            med = statistics.median(times)
            worst_median = max(worst_median, med)
            print(f"{url:70} {med * 1000:7.0f}ms {max(times) * 1000:7.0f}ms  {status}")
        print(f"slowest median: {worst_median * 1000:.0f} ms (goal < 1000 ms)")


if __name__ == "__main__":
    main()
