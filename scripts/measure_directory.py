#!/usr/bin/env python3
"""Measure the directory's speed targets with the release build.

What it measures, in one run, on a fresh SQLite file in a temporary folder:
  1. first start: `cityweave serve` creating, migrating and loading the
     reference directory, until /healthz answers;
  2. restart with the data present, until /healthz answers;
  3. directory search through the API: --queries requests (half to
     /api/v1/search, half to /api/v1/cities?q=) over one kept-alive
     connection, with names, prefixes and names in other scripts drawn from
     the twin-town file; prints p50, p95, p99 and the slowest;
  4. `cityweave import partnerships` of ../shared/data/twin-cities-wikipedia.csv.

Usage (from the project root):
    swift build -c release --product cityweave
    python3 scripts/measure_directory.py [--binary .build/release/cityweave] [--queries 2000]
The machine is shared and noisy: run it more than once before quoting a figure.
"""

import argparse
import csv
import http.client
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

from server_harness import percentile, start, stop

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")
OTHER_SCRIPTS = ["上海", "東京", "Москва", "Кёльн", "القاهرة", "서울", "São Paulo", "Zürich", "Kraków", "Ciudad de México"]


def queries(count, seed=7):
    with open(os.path.join(DATA, "twin-cities-wikipedia.csv"), encoding="utf-8") as handle:
        names = sorted({row["city1"] for row in csv.DictReader(handle)})
    rng = random.Random(seed)
    chosen = []
    for index in range(count):
        name = rng.choice(names)
        kind = index % 4
        if kind == 0:
            chosen.append(name)
        elif kind == 1:
            chosen.append(name[: max(3, len(name) // 2)])
        elif kind == 2:
            chosen.append(rng.choice(OTHER_SCRIPTS))
        else:
            chosen.append(name.lower())
    return chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "cityweave"))
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--port", type=int, default=8097)
    arguments = parser.parse_args()
    if not os.path.exists(os.path.join(DATA, "twin-cities-wikipedia.csv")):
        sys.exit(f"{DATA} is not here: nothing to measure on")

    folder = tempfile.mkdtemp(prefix="cityweave-measure-")
    env = dict(os.environ, DATABASE_URL=f"sqlite://{folder}/measure.sqlite", CITYWEAVE_PORT=str(arguments.port), LOG_LEVEL="warning")

    process, first = start(arguments.binary, ROOT, env, arguments.port)
    stop(process)
    process, restart = start(arguments.binary, ROOT, env, arguments.port)

    connection = http.client.HTTPConnection("127.0.0.1", arguments.port, timeout=10)
    timings = []
    for index, query in enumerate(queries(arguments.queries)):
        path = "/api/v1/search" if index % 2 == 0 else "/api/v1/cities"
        url = f"{path}?q={urllib.parse.quote(query)}"
        began = time.perf_counter()
        connection.request("GET", url)
        response = connection.getresponse()
        response.read()
        timings.append((time.perf_counter() - began) * 1000)
        if response.status != 200:
            sys.exit(f"{url} answered {response.status}")
    stop(process)

    began = time.monotonic()
    result = subprocess.run(
        [arguments.binary, "import", "partnerships", os.path.join(DATA, "twin-cities-wikipedia.csv")],
        cwd=ROOT, env=env, capture_output=True, text=True)
    imported = time.monotonic() - began
    if result.returncode != 0:
        sys.exit(result.stderr)

    timings.sort()
    print(f"first start (reference data included): {first:.1f} s")
    print(f"restart with data present:            {restart:.2f} s")
    print(f"search through the API, {len(timings)} requests: p50 {statistics.median(timings):.1f} ms, "
          f"p95 {percentile(timings, 0.95):.1f} ms, p99 {percentile(timings, 0.99):.1f} ms, slowest {timings[-1]:.1f} ms")
    print(f"import of the 25,917 twin-town pairs:  {imported:.1f} s")
    for line in result.stdout.splitlines():
        if line.startswith(("rows read", "created", "unmatched")):
            print("    " + line)


if __name__ == "__main__":
    main()
