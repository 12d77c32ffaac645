"""Checks the aid matching against OR-tools and networkx on the same flow networks, and compares times.

For each size it generates a seeded instance (as many offers as requests, over 20 resources, cities
clustered in 24 countries, no request with more than 50 compatible offers), writes it as the JSON that
`cityweave aid solve` reads (see Sources/CityweaveCore/Aid/AidMatchingInstance.swift), runs our solver
on it with `--network`, and reads back the report and the exact flow network the solver built. Then it
solves that same network with OR-tools and, on the smaller sizes, with networkx, and checks that each
finds the same two objectives as ours: weighted units met (maximised first) and total cost.

How the exported network encodes the lexicographic objective, and how the others solve it:

- The matching is a least-cost flow of ANY amount from the source to the sink. Every arc carries a
  `cost`: the route's `unitCost` on offer-to-request arcs, and minus a reward per unit of urgency
  `weight` on request-to-sink arcs, large enough that one more weighted unit met always outweighs any
  change of route cost. The arcs also carry `weight` and `unitCost`, so a flow's two objectives are
  read off it exactly: W = sum(weight * flow), C = sum(unitCost * flow).
- OR-tools' SimpleMinCostFlow.solve() needs supplies that balance and are all sent. The source gets
  the total of the offers as supply and the sink as demand, and an arc from the source straight to the
  sink of that capacity at cost 0 carries whatever is not worth sending: a flow of any amount k is
  the same as the balanced flow with F - k units on that arc, at the same cost, so the optimum is the
  same. networkx's network_simplex solves the same balanced network.
- As a second, independent check, OR-tools also solves with its own reward: M = 1 + the sum over
  requests of units * (largest route cost into it, or 0 if more) - units * (smallest, or 0 if less),
  which no two flows' route costs can differ by more; weights are whole numbers, so a flow meeting
  more weighted need is cheaper by at least M - (cost difference) > 0. Every augmenting path from the
  source to the sink ends on a request-to-sink arc and so meets more weighted need: the optimum is a
  maximum flow, and solve_max_flow_with_min_cost (no bypass arc) finds it.

Python packages: scripts/requirements-aid.txt (ortools, networkx), e.g.

    python3 -m venv /tmp/aid-venv && /tmp/aid-venv/bin/pip install -r scripts/requirements-aid.txt
    swift build -c release --product cityweave
    /tmp/aid-venv/bin/python scripts/compare_aid_matching.py [--sizes 250,1000,2500,5000] [--solver CMD]
"""

import argparse
import json
import math
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time

import networkx
import numpy
from ortools.graph.python import min_cost_flow

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = 20_000
RESOURCES = ["bottled water", "water purification units", "generators", "tents", "blankets", "hospital beds",
             "ambulances", "first-aid kits", "vaccine cold boxes", "fire engines", "water pumps", "sandbags",
             "school kits", "food parcels", "hygiene kits", "mobile kitchens", "power banks", "heaters",
             "search and rescue teams", "interpreters"]
NETWORKS = ["Eurocities", "ICLEI", "Energy Cities", "C40", "UCLG", "Mayors for Peace", "Climate Alliance",
            "Covenant of Mayors", "Healthy Cities", "Strong Cities", "Resilient Cities", "Union of the Baltic Cities"]
PARTNERSHIPS = ["sister cities", "twin cities", "friendship cities", "partner cities"]
URGENCY_WEIGHTS = {"critical": 8, "high": 4, "medium": 2, "low": 1}
# The default AidMatchingPolicy, which the instances use (they leave "policy" out).
HANDLING_DAYS, KM_PER_DAY, BORDER_DAYS, MAX_LATE_DAYS = 1, 800.0, 2, 14


def distance_km(a, b):
    """Great-circle distance as GeoPoint.distance computes it (haversine, mean Earth radius)."""
    lat1, lat2 = math.radians(a["latitude"]), math.radians(b["latitude"])
    d_lat, d_lon = lat2 - lat1, math.radians(b["longitude"] - a["longitude"])
    h = math.sin(d_lat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(d_lon / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def compatible_distance(supply, need):
    """The route's distance when the matching's rules let help go from the offer to the request, else None."""
    abroad = supply["country"] != need["country"]
    start = max(TODAY, supply["availableFrom"])
    if supply["resource"] != need["resource"] or supply["city"] == need["city"] or start > supply["availableUntil"]:
        return None
    if abroad and not (supply["shipsAbroad"] and need["acceptsFromAbroad"]):
        return None
    distance = distance_km(supply["location"], need["location"])
    if distance > supply.get("maxDistanceKm", math.inf) or distance > need.get("maxDistanceKm", math.inf):
        return None
    arrival = start + HANDLING_DAYS + math.ceil(distance / KM_PER_DAY) + (BORDER_DAYS if abroad else 0)
    return distance if arrival - need["neededBy"] <= MAX_LATE_DAYS else None


def generate(size, resources, candidate_limit, seed):
    """An instance like SyntheticAid's: `size` offers and `size` requests in 600 clustered cities."""
    rng = random.Random(seed)
    countries = [("C" + chr(65 + i), rng.uniform(38, 60), rng.uniform(-8, 28)) for i in range(24)]
    cities = []
    for _ in range(600):
        code, lat, lon = rng.choice(countries)
        cities.append((code, {"latitude": lat + rng.uniform(-1.5, 1.5), "longitude": lon + rng.uniform(-2, 2)}))
    names = [RESOURCES[i] if i < len(RESOURCES) else f"resource {i + 1}" for i in range(resources)]
    supplies, needs = [], []
    for number in range(size):
        city = rng.randrange(len(cities))
        start = TODAY + rng.randint(-10, 10)
        supply = {"id": number, "resource": rng.choice(names), "city": city, "country": cities[city][0],
                  "location": cities[city][1], "quantity": rng.randint(1, 40), "availableFrom": start,
                  "availableUntil": start + rng.randint(3, 40), "shipsAbroad": rng.random() < 0.75}
        if rng.random() < 0.5:
            supply["maxDistanceKm"] = rng.uniform(600, 2500)
        supplies.append(supply)
    for number in range(size):
        city = rng.randrange(len(cities))
        draw = rng.random()
        urgency = "critical" if draw < 0.1 else "high" if draw < 0.35 else "medium" if draw < 0.75 else "low"
        need = {"id": number, "resource": rng.choice(names), "city": city, "country": cities[city][0],
                "location": cities[city][1], "quantity": rng.randint(1, 50), "neededBy": TODAY + rng.randint(1, 21),
                "urgency": urgency, "acceptsFromAbroad": rng.random() < 0.85}
        if rng.random() < 0.5:
            need["maxDistanceKm"] = rng.uniform(800, 3000)
        needs.append(need)
    # No request keeps more than `candidate_limit` compatible offers: its distance limit is drawn in
    # half-way between the last offer kept and the next, so that rounding cannot let one more in.
    by_resource = {}
    for supply in supplies:
        by_resource.setdefault(supply["resource"], []).append(supply)
    for need in needs:
        distances = sorted(d for d in (compatible_distance(s, need) for s in by_resource.get(need["resource"], []))
                           if d is not None)
        if len(distances) > candidate_limit:
            kept = max((k for k in range(1, candidate_limit + 1) if distances[k] > distances[k - 1]), default=0)
            need["maxDistanceKm"] = (distances[kept - 1] + distances[kept]) / 2 if kept else 0.0
    ties = {}
    for _ in range(400):
        a, b = rng.randrange(len(cities)), rng.randrange(len(cities))
        if a != b:
            tie = {"cities": sorted([a, b]), "partnership": rng.choice(PARTNERSHIPS), "sharedNetworks": []}
            if rng.random() < 0.5:
                tie["partnershipSince"] = rng.randint(1950, 2020)
            ties[tuple(tie["cities"])] = tie
    for network in NETWORKS:
        members = sorted({rng.randrange(len(cities)) for _ in range(rng.randint(15, 60))})
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                ties.setdefault((a, b), {"cities": [a, b], "sharedNetworks": []})["sharedNetworks"].append(network)
    return {"today": TODAY, "supplies": supplies, "needs": needs, "ties": list(ties.values())}


def run_ours(solver, instance_path, network_path):
    """Runs our solver; returns its report and the wall time of the whole process (reading, writing)."""
    started = time.perf_counter()
    # The command needs no database: an in-memory one keeps it from creating a file; quiet logs keep stdout JSON.
    environment = dict(os.environ, DATABASE_URL="sqlite::memory:", LOG_LEVEL="error")
    result = subprocess.run(shlex.split(solver) + ["--instance", instance_path, "--network", network_path],
                            capture_output=True, text=True, cwd=ROOT, env=environment)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"our solver failed ({result.returncode}): {result.stderr.strip()}")
    return json.loads(result.stdout), elapsed


def objectives(arcs, flows):
    """(weighted units met, total cost) of a flow, read off the arcs' weights and unit costs."""
    weighted = sum(arc["weight"] * int(flow) for arc, flow in zip(arcs, flows))
    cost = sum(arc["unitCost"] * int(flow) for arc, flow in zip(arcs, flows))
    return weighted, cost


def solve_ortools(network):
    """OR-tools on the exported network, balanced by a bypass arc; returns (W, C, solve seconds)."""
    arcs, total = network["arcs"], network["supplies"][network["source"]]
    solver = min_cost_flow.SimpleMinCostFlow()
    tails = numpy.array([arc["tail"] for arc in arcs] + [network["source"]], dtype=numpy.int32)
    heads = numpy.array([arc["head"] for arc in arcs] + [network["sink"]], dtype=numpy.int32)
    capacities = numpy.array([arc["capacity"] for arc in arcs] + [total], dtype=numpy.int64)
    costs = numpy.array([arc["cost"] for arc in arcs] + [0], dtype=numpy.int64)
    handles = solver.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
    solver.set_nodes_supplies(numpy.arange(network["nodeCount"], dtype=numpy.int32),
                              numpy.array(network["supplies"], dtype=numpy.int64))
    started = time.perf_counter()
    status = solver.solve()
    elapsed = time.perf_counter() - started
    if status != solver.OPTIMAL:
        sys.exit(f"OR-tools did not solve the network: status {status}")
    return (*objectives(arcs, solver.flows(handles[:-1])), elapsed)


def solve_ortools_own_reward(network):
    """OR-tools with the script's own reward and solve_max_flow_with_min_cost; returns (W, C)."""
    arcs = network["arcs"]
    lowest, highest, units = {}, {}, {}
    for arc in arcs:
        if arc["head"] == network["sink"]:
            units[arc["tail"]] = arc["capacity"]
        elif arc["tail"] != network["source"]:
            lowest[arc["head"]] = min(lowest.get(arc["head"], 0), arc["unitCost"])
            highest[arc["head"]] = max(highest.get(arc["head"], 0), arc["unitCost"])
    reward = 1 + sum(units[node] * (highest[node] - lowest[node]) for node in highest)
    solver = min_cost_flow.SimpleMinCostFlow()
    costs = [arc["unitCost"] - reward * arc["weight"] for arc in arcs]
    handles = solver.add_arcs_with_capacity_and_unit_cost(
        numpy.array([arc["tail"] for arc in arcs], dtype=numpy.int32),
        numpy.array([arc["head"] for arc in arcs], dtype=numpy.int32),
        numpy.array([arc["capacity"] for arc in arcs], dtype=numpy.int64), numpy.array(costs, dtype=numpy.int64))
    solver.set_node_supply(network["source"], network["supplies"][network["source"]])
    solver.set_node_supply(network["sink"], network["supplies"][network["sink"]])
    status = solver.solve_max_flow_with_min_cost()
    if status != solver.OPTIMAL:
        sys.exit(f"OR-tools (own reward) did not solve the network: status {status}")
    return objectives(arcs, solver.flows(handles))


def solve_networkx(network):
    """networkx's network simplex on the exported network with the bypass arc; returns (W, C, seconds)."""
    graph = networkx.DiGraph()
    for node, supply in enumerate(network["supplies"]):
        graph.add_node(node, demand=-supply)
    for arc in network["arcs"]:
        graph.add_edge(arc["tail"], arc["head"], capacity=arc["capacity"], weight=arc["cost"])
    graph.add_edge(network["source"], network["sink"], capacity=network["supplies"][network["source"]], weight=0)
    started = time.perf_counter()
    _, flow = networkx.network_simplex(graph)
    elapsed = time.perf_counter() - started
    return (*objectives(network["arcs"], [flow[arc["tail"]][arc["head"]] for arc in network["arcs"]]), elapsed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--solver", default=".build/release/cityweave aid solve",
                        help="our solver's command; --instance FILE --network OUT are appended")
    parser.add_argument("--sizes", default="250,1000,2500,5000", help="offers (and requests) per instance")
    parser.add_argument("--resources", type=int, default=20)
    parser.add_argument("--candidates", type=int, default=50, help="most compatible offers a request keeps")
    parser.add_argument("--networkx-max", type=int, default=2500,
                        help="largest size networkx solves (its pure-Python simplex is slow)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="folder to keep the instances and networks in")
    args = parser.parse_args()

    folder = args.keep or tempfile.mkdtemp(prefix="aid-compare-")
    os.makedirs(folder, exist_ok=True)
    rows, mismatches = [], 0
    for size in (int(text) for text in args.sizes.split(",")):
        instance_path = os.path.join(folder, f"instance-{size}.json")
        network_path = os.path.join(folder, f"network-{size}.json")
        with open(instance_path, "w") as file:
            json.dump(generate(size, args.resources, args.candidates, args.seed + size), file)
        report, wall = run_ours(args.solver, instance_path, network_path)
        with open(network_path) as file:
            network = json.load(file)
        per_request = {}
        for arc in network["arcs"]:
            if arc["tail"] != network["source"] and arc["head"] != network["sink"]:
                per_request[arc["head"]] = per_request.get(arc["head"], 0) + 1
        ours = (report["weightedUnitsMet"], report["totalCost"])
        ortools_w, ortools_c, ortools_seconds = solve_ortools(network)
        own = solve_ortools_own_reward(network)
        nx = solve_networkx(network) if size <= args.networkx_max else None
        agree = (ortools_w, ortools_c) == ours and own == ours and (nx is None or nx[:2] == ours)
        mismatches += not agree
        rows.append([
            f"{size}x{size}", f"{report['candidateRoutes']:,}", str(max(per_request.values(), default=0)),
            f"{ours[0]:,} / {ours[1]:,}", f"{ortools_w:,} / {ortools_c:,}",
            f"{nx[0]:,} / {nx[1]:,}" if nx else "not run", "yes" if agree else "NO",
            f"{wall:.3f}", f"{report['buildSeconds'] + report['solveSeconds']:.3f}", f"{report['solveSeconds']:.3f}",
            f"{ortools_seconds:.3f}", f"{nx[2]:.2f}" if nx else "-",
            f"{ortools_seconds / report['solveSeconds']:.1f}x",
            f"{nx[2] / report['solveSeconds']:.0f}x" if nx else "-",
        ])
    header = ["size", "routes", "max cand", "ours W / C", "OR-tools W / C", "networkx W / C", "equal",
              "ours wall s", "ours build+solve s", "ours solve s", "OR-tools s", "networkx s",
              "OR-tools/ours", "networkx/ours"]
    widths = [max(len(row[i]) for row in rows + [header]) for i in range(len(header))]
    for row in [header, ["-" * width for width in widths]] + rows:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths)))
    print()
    print("W = weighted units met (maximised first), C = total cost (then minimised). 'equal' also checks OR-tools")
    print("with its own reward and max-flow-min-cost. Solve times: ours is AidMatcher.solve (all resources, both")
    print("cores), OR-tools' and networkx's the solve call alone on the whole network; 'ours wall' is the process")
    print(f"(reading the instance, writing the network). networkx runs on sizes up to {args.networkx_max} only:")
    print("its network simplex is pure Python. Files in " + folder)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
