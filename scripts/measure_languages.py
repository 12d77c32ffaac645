"""What wording pages in six languages costs: the city page and the practice search page, rendered by an
earlier release build in English against this one in every interface language, in one sitting.

Both servers run at once, each on a fresh SQLite database with the example content, and the requests
alternate between every page and language in rounds, so that the machine's noise falls on all alike.
Prints the median and 90th percentile of each, and each one's ratio to the earlier English page.

    python3 scripts/measure_languages.py --before /path/to/old/cityweave --before-root /path/to/old/checkout \
        --after .build/release/cityweave [--rounds 200]

The earlier binary must run from a checkout of its own commit (its templates and catalogues).
"""

import argparse
import json
import os
import re
import statistics
import tempfile
import time
import urllib.parse
import urllib.request

import server_harness

LANGUAGES = ["en", "zh", "es", "fr", "ar", "ru"]
PAGES = {"city page": "/cities/{helsinki}", "practice search": "/practices?q=housing"}


def fetch(url):
    started = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
    return (time.perf_counter() - started) * 1000


def helsinki(base):
    with urllib.request.urlopen(base + "/search?q=" + urllib.parse.quote("Helsinki")) as response:
        match = re.search(r'href="/cities/(\d+)"', response.read().decode())
    if not match:
        raise SystemExit(f"no Helsinki at {base}")
    return match.group(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True)
    parser.add_argument("--before-root", required=True)
    parser.add_argument("--after", default=".build/release/cityweave")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    work = tempfile.mkdtemp(prefix="cityweave-languages-")
    servers = {}
    for name, binary, root, port in [
        ("before", os.path.abspath(args.before), os.path.abspath(args.before_root), 8095),
        ("after", os.path.abspath(os.path.join(repository, args.after)), repository, 8096),
    ]:
        environment = dict(os.environ, DATABASE_URL=f"sqlite://{work}/{name}.sqlite", CITYWEAVE_PORT=str(port))
        process, seconds = server_harness.start(binary, root, environment, port)
        servers[name] = (process, f"http://127.0.0.1:{port}")
        print(f"{name}: ready in {seconds:.0f} s")
    try:
        targets = []
        for page, pattern in PAGES.items():
            for name, (_, base) in servers.items():
                path = pattern.format(helsinki=helsinki(base))
                for language in ["en"] if name == "before" else LANGUAGES:
                    prefix = "" if name == "before" else "/" + language
                    targets.append((page, name, language, base + prefix + path))
        for _, _, _, url in targets:
            fetch(url)  # warm every cache first
        times = {target[:3]: [] for target in targets}
        for _ in range(args.rounds):
            for page, name, language, url in targets:
                times[(page, name, language)].append(fetch(url))
        results = {}
        for page in PAGES:
            reference = statistics.median(times[(page, "before", "en")])
            print(f"\n{page} ({args.rounds} requests each, ms)")
            for (kind, name, language), values in times.items():
                if kind != page:
                    continue
                values.sort()
                median = statistics.median(values)
                p90 = server_harness.percentile(values, 0.9)
                label = f"{name} {language}"
                print(f"  {label:10} median {median:7.2f}  p90 {p90:7.2f}  ratio {median / reference:5.2f}")
                results[f"{page} / {label}"] = {"median": median, "p90": p90, "ratio": median / reference}
        print("\n" + json.dumps(results))
    finally:
        for process, _ in servers.values():
            server_harness.stop(process)


if __name__ == "__main__":
    main()
