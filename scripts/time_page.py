"""Times a page of a running Cityweave: one request to warm its caches, then --requests more, one at a time.

Prints the status, the size and the wall-clock time of each kind (median, 90th percentile, slowest) as the
client sees it, so that it includes routing, rendering and the loopback, and nothing of the first request's
computation. Only the standard library.

    .build/release/cityweave serve &   # with the demo, or any directory
    python3 scripts/time_page.py http://127.0.0.1:8080/landscape [--requests 50]
"""

import argparse
import statistics
import time
import urllib.request

from server_harness import percentile


def fetch(url):
    started = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        body = response.read()
        status = response.status
    return status, len(body), time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    status, size, first = fetch(args.url)
    print(f"first request: {status}, {size:,} bytes, {first * 1000:.1f} ms")
    times = []
    for _ in range(args.requests):
        status, size, elapsed = fetch(args.url)
        if status != 200:
            raise SystemExit(f"{args.url} answered {status}")
        times.append(elapsed * 1000)
    times.sort()
    print(f"{args.requests} requests from cache: median {statistics.median(times):.1f} ms, "
          f"90th percentile {percentile(times, 0.9):.1f} ms, slowest {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()
