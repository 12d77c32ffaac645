"""Times the portfolio advisor through the API at the scale of the real landscape of networks.

Starts the release server once on a fresh SQLite file (reference directory, demo accounts and the demo
portfolios of Helsinki and Vejle), stops it, adds generated networks until there are 300 with skewed
sizes (a few of thousands of members, most of tens), then times `POST /api/v1/cities/{Helsinki}/portfolio/advice`:
the strategy's own proposal and what-ifs with random weights over every theme and random capacities.
Each answer must fit its capacity and state whether it is optimal; the script prints how many were.

    swift build -c release --product cityweave
    python3 scripts/measure_engagement.py [--requests 300]
"""

import argparse
import http.client
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

from server_harness import percentile, start, stop

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THEMES = ["climate", "culture", "digital", "economy", "education", "energy", "environment", "equity", "governance",
          "health", "housing", "migration", "mobility", "peace", "resilience", "security"]


def add_networks(path, total, seed):
    """Adds generated global networks until there are `total`; returns (networks, memberships)."""
    rng = random.Random(seed)
    database = sqlite3.connect(path)
    cities = [row[0] for row in database.execute("SELECT id FROM cities WHERE population >= 20000")]
    existing = database.execute("SELECT COUNT(*) FROM networks").fetchone()[0]
    now = time.time()
    with database:
        for number in range(existing, total):
            # Pareto sizes: most networks have tens of members, a few thousands.
            size = min(len(cities), int(10 * rng.paretovariate(0.9)))
            themes = rng.sample(THEMES, rng.randint(1, 4))
            cursor = database.execute(
                """INSERT INTO networks (created_at, updated_at, slug, name, acronym, founded, scope, region, themes,
                   website, source, description) VALUES (?, ?, ?, ?, '', NULL, 'global', '', ?, '', 'generated', '')""",
                (now, now, f"generated-{number}", f"Generated network {number}", json.dumps(themes)))
            database.executemany(
                "INSERT INTO memberships (created_at, network_id, city_id, role, source) VALUES (?, ?, ?, 'member', 'generated')",
                [(now, cursor.lastrowid, city) for city in rng.sample(cities, size)])
    counts = database.execute("SELECT (SELECT COUNT(*) FROM networks), (SELECT COUNT(*) FROM memberships)").fetchone()
    database.close()
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "cityweave"))
    parser.add_argument("--networks", type=int, default=300)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--port", type=int, default=8097)
    parser.add_argument("--seed", type=int, default=5)
    arguments = parser.parse_args()

    path = os.path.join(tempfile.mkdtemp(prefix="cityweave-engagement-"), "measure.sqlite")
    env = dict(os.environ, DATABASE_URL=f"sqlite://{path}", CITYWEAVE_PORT=str(arguments.port), LOG_LEVEL="warning")
    process, _ = start(arguments.binary, ROOT, env, arguments.port)
    stop(process)
    networks, memberships = add_networks(path, arguments.networks, arguments.seed)
    database = sqlite3.connect(path)
    helsinki = database.execute("SELECT id FROM cities WHERE geonameid = 658225").fetchone()[0]
    database.close()
    token = subprocess.run(
        [arguments.binary, "tokens", "create", "--email", "helsinki.editor@example.org", "--name", "measure",
         "--scope", "read"], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    token = next(word for word in token.split() if word.startswith("cwt_"))
    print(f"{networks} networks, {memberships:,} memberships in {path}", flush=True)

    process, _ = start(arguments.binary, ROOT, env, arguments.port)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", arguments.port, timeout=30)
        rng = random.Random(arguments.seed)

        def advise(body):
            began = time.perf_counter()
            connection.request("POST", f"/api/v1/cities/{helsinki}/portfolio/advice", body=json.dumps(body),
                               headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            response = connection.getresponse()
            answer = response.read()
            elapsed = (time.perf_counter() - began) * 1000
            if response.status != 200:
                sys.exit(f"advice answered {response.status}: {answer[:300]}")
            return elapsed, json.loads(answer)

        for _ in range(10):
            advise({})
        timings, optimal, gaps = [], 0, []
        for number in range(arguments.requests):
            body = {} if number % 4 == 0 else {
                "priorities": [{"theme": theme, "weight": rng.randint(1, 10)} for theme in THEMES],
                "hoursPerMonth": rng.randint(60, 400), "yearlyBudget": rng.randint(40, 400) * 1000}
            elapsed, answer = advise(body)
            timings.append(elapsed)
            optimal += answer["optimal"]
            gaps.append(answer["gap"])
            capacity = answer["settings"]
            if answer["hoursPerMonth"] > capacity["hoursPerMonth"] + 1e-6 or answer["yearlyFees"] > capacity["yearlyBudget"] + 1e-6:
                sys.exit(f"a proposal does not fit: {answer['hoursPerMonth']} h, {answer['yearlyFees']}")
    finally:
        stop(process)
    timings.sort()
    print(f"advice through the API, {len(timings)} requests ({answer['candidates']} networks, "
          f"{len(THEMES)} themes in the what-ifs): p50 {statistics.median(timings):.1f} ms, "
          f"p95 {percentile(timings, 0.95):.1f} ms, p99 {percentile(timings, 0.99):.1f} ms, most {timings[-1]:.1f} ms")
    print(f"proven optimal: {optimal} of {len(timings)}; largest proven gap {max(gaps) * 100:.2f}%")


if __name__ == "__main__":
    main()
