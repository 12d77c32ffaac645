"""How fast the shared calendar answers at scale: 100,000 events of 300 organisers over three years,
served by a release build on SQLite.

The script starts the server on a fresh SQLite database (no example content), lets it load the
directory, then writes the events straight into the database (seeded, so every run holds the same data):
every network of the directory and enough of the largest cities to make 300 organisers, one of them
holding 2,000 events, the others sharing the rest; themes, levels, kinds and languages drawn as networks
use them; weekday office hours in the organisers' zones. It times in rounds:

- the month view through the API with filters (a theme; a network; a kind, a level and a language),
  and without, a page of 100;
- a network's iCalendar feed of 2,000 events;
- the competing events of one event, and the overlaps of 90 days through the API.

Prints the median and 95th percentile of each.

    python3 scripts/measure_events.py --binary .build/release/cityweave [--rounds 60]
"""

import argparse
import os
import random
import sqlite3
import tempfile
import time

import server_harness

EVENTS = 100_000
ORGANISERS = 300
HEAVY = 2_000
START = 1_798_761_600  # 2027-01-01T00:00:00Z
YEARS = 3
THEMES = 16  # bits of the theme set
KINDS = ["webinar"] * 6 + ["roundtable", "conference", "working-group", "study-visit", "trade-mission", "other"]
LEVELS = ["political", "senior-adviser", "technical", "technical"]
LANGUAGES = ["en", "en", "en", "fr", "es", "ar", "zh", "ru", "pt"]
ZONES = ["Europe/Brussels", "America/Sao_Paulo", "Asia/Seoul", "Africa/Nairobi", "America/New_York", "Asia/Kolkata"]



def seed(database):
    random_source = random.Random(2020)
    connection = sqlite3.connect(database, timeout=60)
    networks = [row[0] for row in connection.execute("SELECT id FROM networks ORDER BY id")]
    cities = [
        row[0]
        for row in connection.execute("SELECT id FROM cities ORDER BY population DESC LIMIT ?", (ORGANISERS - len(networks),))
    ]
    organisers = [("network", n) for n in networks] + [("city", c) for c in cities]
    heavy = organisers[0]
    # Each organiser works on two or three themes of its own.
    focus = {o: random_source.sample(range(THEMES), 3) for o in organisers}
    now = time.time()
    events, hosts = [], []
    for index in range(EVENTS):
        organiser = heavy if index < HEAVY else random_source.choice(organisers[1:])
        day = random_source.randrange(YEARS * 365)
        if (day + 4) % 7 >= 5:  # 1 January 2027 is a Friday: move weekends to the Monday
            day += 7 - (day + 4) % 7
        start = START + day * 86_400 + random_source.choice([8, 9, 10, 12, 13, 14, 15, 16]) * 3_600
        kind = random_source.choice(KINDS)
        hours = 24 * random_source.randint(1, 3) if kind == "conference" else random_source.choice([1, 1.5, 2])
        themes = 0
        for theme in random_source.sample(focus[organiser], random_source.randint(1, 2)):
            themes |= 1 << theme
        languages = ",".join(sorted(set(random_source.sample(LANGUAGES, random_source.randint(1, 2)))))
        events.append(
            (index + 1, now, now, kind, f"Event {index + 1}", "", random_source.choice(ZONES), start, start + hours * 3_600,
             "https://example.org/meet", languages, themes, random_source.choice(LEVELS),
             random_source.choice(["public", "public", "members"]), 100 if index % 5 == 0 else None)
        )
        hosts.append((index + 1, organiser[0], organiser[1]))
    with connection:
        connection.executemany(
            """INSERT INTO events (id, created_at, updated_at, kind, title, description, time_zone, starts_at, ends_at,
               online_url, venue_address, languages, interpretation, themes, level, access, capacity, state,
               cancel_reason, sectors, outcome_summary, sequence, is_example)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, '[]', ?, ?, ?, ?, 'published', '', '[]', '', 0, 0)""",
            events,
        )
        connection.executemany(
            "INSERT INTO event_organisers (event_id, organisation_kind, organisation_id, is_confirmed) VALUES (?, ?, ?, 1)",
            hosts,
        )
    slug = connection.execute("SELECT slug FROM networks WHERE id = ?", (heavy[1],)).fetchone()[0]
    connection.close()
    return heavy[1], slug



def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/release/cityweave")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    work = tempfile.mkdtemp(prefix="cityweave-events-")
    database = f"{work}/events.sqlite"
    port = 8098
    environment = dict(os.environ, DATABASE_URL=f"sqlite://{database}", CITYWEAVE_PORT=str(port), CITYWEAVE_DEMO_CONTENT="0")
    process, seconds = server_harness.start(os.path.abspath(os.path.join(repository, args.binary)), repository, environment, port)
    print(f"server ready in {seconds:.0f} s")
    try:
        network, slug = seed(database)
        base = f"http://127.0.0.1:{port}"
        month = "from=2028-03-01&to=2028-04-01"
        targets = {
            "month, theme (API)": f"{base}/api/v1/events?{month}&theme=health&per=100",
            "month, network (API)": f"{base}/api/v1/events?{month}&network={network}&per=100",
            "month, kind+level+language": f"{base}/api/v1/events?{month}&kind=webinar&level=technical&language=fr&per=100",
            "month, no filter (API)": f"{base}/api/v1/events?{month}&per=100",
            f"feed of {HEAVY} events": f"{base}/calendars/networks/{slug}.ics",
            "competing with one event": f"{base}/api/v1/events/{HEAVY + 1}/competing",
            "overlaps of 90 days": f"{base}/api/v1/events/overlaps?from=2028-03-01&to=2028-05-30",
        }
        for url in targets.values():
            server_harness.fetch(url)  # warm the caches
        times = {name: [] for name in targets}
        for _ in range(args.rounds):
            for name, url in targets.items():
                times[name].append(server_harness.fetch(url))
        print(f"{'':30} {'median ms':>10} {'p95 ms':>10}")
        for name, values in times.items():
            median, p95 = server_harness.summary(values)
            print(f"{name:30} {median:10.1f} {p95:10.1f}")
    finally:
        server_harness.stop(process)


if __name__ == "__main__":
    main()
