"""How fast a statement with 5,000 endorsements and the results of a survey of 40 questions answered by
5,000 cities are served by a release build on SQLite, against the same survey aggregated by SQL
GROUP BY alone on the same database, in one sitting.

The script starts the server on a fresh SQLite database (no example content), lets it load the
directory, then writes the statement, its endorsements, the survey and its answers straight into the
database (seeded, so every run holds the same data), and times in rounds:

- the statement's public page, its map of 5,000 cities (an SVG image of its own) and its two API answers
  (the statement, a page of its endorsements with the counts of all);
- the survey's results through the API, with breakdowns by region, income group and population band:
  the first request (which reads every city's answers; timed once), a request after one city's answers
  changed (before each, the survey's `answers_revision` moves on and stamps one city's answers, as a
  save does), and from memory; and the results page broken down by region;
- the same counts by SQL alone: n per question and the count of each option, over all the cities and
  grouped by region, income group and population band (four GROUP BY queries through Python's sqlite3).

Prints the median and 95th percentile of each, and each results figure's ratio to the SQL one.

    python3 scripts/measure_voice.py --binary .build/release/cityweave [--rounds 60]
"""

import argparse
import json
import os
import random
import sqlite3
import tempfile
import time

import server_harness

CITIES = 5_000
QUESTIONS = 40
KINDS = ["single-choice"] * 8 + ["multiple-choice"] * 8 + ["number"] * 8 + ["scale"] * 8 + ["yes-no"] * 6 + ["text"] * 2
BANDS = [(0, "under-100k"), (100_000, "100k-500k"), (500_000, "500k-1m"), (1_000_000, "1m-5m"), (5_000_000, "over-5m")]



def questions():
    listed = []
    for index, kind in enumerate(KINDS):
        question = {"id": f"q{index + 1}", "kind": kind, "prompt": f"Question {index + 1}", "choices": [], "isRequired": False}
        if kind in ("single-choice", "multiple-choice"):
            question["choices"] = [f"Choice {c}" for c in range(1, 7)]
        if kind == "number":
            question.update(unit="days", minimum=0, maximum=1000)
        listed.append(question)
    return listed


def answers(random_source, asked):
    given = {}
    for question in asked:
        if random_source.random() < 0.1:
            continue  # a question left unanswered
        kind = question["kind"]
        if kind == "single-choice":
            given[question["id"]] = random_source.choice(question["choices"])
        elif kind == "multiple-choice":
            given[question["id"]] = [c for c in question["choices"] if random_source.random() < 0.4]
        elif kind == "number":
            given[question["id"]] = random_source.randint(0, 1000)
        elif kind == "scale":
            given[question["id"]] = random_source.randint(1, 5)
        elif kind == "yes-no":
            given[question["id"]] = random_source.random() < 0.6
        else:
            given[question["id"]] = "A few words on what we lacked."
    return given


def seed(database):
    random_source = random.Random(2020)
    connection = sqlite3.connect(database, timeout=60)
    now = time.time()
    cities = [row[0] for row in connection.execute("SELECT id FROM cities ORDER BY population DESC LIMIT ?", (CITIES,))]
    if len(cities) < CITIES:
        raise SystemExit(f"the directory holds {len(cities)} cities, fewer than {CITIES}")
    network = connection.execute("SELECT id FROM networks ORDER BY id LIMIT 1").fetchone()[0]
    with connection:
        statement = connection.execute(
            """INSERT INTO statements (created_at, updated_at, title, body, language, version, state, themes, addressees,
               opened_at, delivered_to, delivered_how, is_example) VALUES (?, ?, ?, ?, 'en', 2, 'open', '["health"]',
               '[{"kind":"g20","name":"G20"}]', ?, '', '', 0)""",
            (now, now, "A statement with 5,000 endorsements", "We ask for **direct access** to recovery funds.", now),
        ).lastrowid
        connection.execute(
            "INSERT INTO statement_leads (statement_id, organisation_kind, organisation_id) VALUES (?, 'network', ?)",
            (statement, network),
        )
        for version in (1, 2):
            connection.execute(
                "INSERT INTO statement_versions (created_at, statement_id, version, title, body) VALUES (?, ?, ?, 'T', 'B')",
                (now, statement, version),
            )
        connection.executemany(
            """INSERT INTO statement_endorsements (statement_id, organisation_kind, organisation_id, signer_name,
               signer_title, comment, version, endorsed_at, is_example) VALUES (?, 'city', ?, ?, 'Mayor', '', ?, ?, 0)""",
            [(statement, city, f"Signatory {city}", 1 if index % 10 == 0 else 2, now - index) for index, city in enumerate(cities)],
        )
        asked = questions()
        survey = connection.execute(
            """INSERT INTO surveys (created_at, updated_at, title, description, language, organiser_kind, organiser_id,
               state, results_public, answers_public, target, questions, answers_revision, is_example)
               VALUES (?, ?, 'Shortfalls', '', 'en', 'network', ?, 'open', 1, 0,
               '{"countries":[],"populationBands":[],"regions":[]}', ?, 0, 0)""",
            (now, now, network, json.dumps(asked)),
        ).lastrowid
        connection.executemany(
            """INSERT INTO survey_responses (updated_at, survey_id, city_id, answers, submitted_at, is_example)
               VALUES (?, ?, ?, ?, ?, 0)""",
            [(now, survey, city, json.dumps(answers(random_source, asked), sort_keys=True), now) for city in cities],
        )
    connection.close()
    return statement, survey


def band_sql():
    cases = " ".join(f"WHEN c.population >= {lower} THEN '{name}'" for lower, name in reversed(BANDS))
    return f"CASE {cases} END"


def sql_aggregation(connection, survey):
    """n per question and the count of each option, overall and by each grouping, by GROUP BY alone."""
    groupings = ["'all'", "co.region", "co.income_group", band_sql()]
    for grouping in groupings:
        connection.execute(
            f"""SELECT {grouping} AS grp, a.key AS question, COUNT(*) FROM survey_responses r
                JOIN cities c ON c.id = r.city_id JOIN countries co ON co.iso2 = c.country_code, json_each(r.answers) a
                WHERE r.survey_id = ? AND r.submitted_at IS NOT NULL GROUP BY grp, question""",
            (survey,),
        ).fetchall()
        connection.execute(
            f"""SELECT {grouping} AS grp, a.key AS question, COALESCE(o.value, a.value) AS choice, COUNT(*)
                FROM survey_responses r JOIN cities c ON c.id = r.city_id JOIN countries co ON co.iso2 = c.country_code,
                json_each(r.answers) a LEFT JOIN json_each(CASE WHEN a.type = 'array' THEN a.value END) o
                WHERE r.survey_id = ? AND r.submitted_at IS NOT NULL AND a.type <> 'real' AND a.type <> 'integer'
                GROUP BY grp, question, choice""",
            (survey,),
        ).fetchall()



def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/release/cityweave")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    work = tempfile.mkdtemp(prefix="cityweave-voice-")
    database = f"{work}/voice.sqlite"
    port = 8097
    environment = dict(os.environ, DATABASE_URL=f"sqlite://{database}", CITYWEAVE_PORT=str(port), CITYWEAVE_DEMO_CONTENT="0")
    process, seconds = server_harness.start(os.path.abspath(os.path.join(repository, args.binary)), repository, environment, port)
    print(f"server ready in {seconds:.0f} s")
    try:
        statement, survey = seed(database)
        base = f"http://127.0.0.1:{port}"
        reader = sqlite3.connect(database, timeout=60)
        writer = sqlite3.connect(database, timeout=60, isolation_level=None)

        changed = iter(range(1, CITIES + 1))

        def afresh():
            # A city saves its answers again, as the server does it: the survey's revision moves on and stamps them.
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("UPDATE surveys SET answers_revision = answers_revision + 1 WHERE id = ?", (survey,))
            writer.execute(
                """UPDATE survey_responses SET revision = (SELECT answers_revision FROM surveys WHERE id = ?)
                   WHERE survey_id = ? AND id = (SELECT MIN(id) FROM survey_responses WHERE survey_id = ?) + ?""",
                (survey, survey, survey, next(changed) % CITIES),
            )
            writer.execute("COMMIT")
            return server_harness.fetch(f"{base}/api/v1/surveys/{survey}/results")

        def by_sql():
            started = time.perf_counter()
            sql_aggregation(reader, survey)
            return (time.perf_counter() - started) * 1000

        targets = {
            "statement page": lambda: server_harness.fetch(f"{base}/statements/{statement}"),
            "statement map (SVG)": lambda: server_harness.fetch(f"{base}/statements/{statement}/map.svg"),
            "statement API": lambda: server_harness.fetch(f"{base}/api/v1/statements/{statement}"),
            "endorsements API": lambda: server_harness.fetch(f"{base}/api/v1/statements/{statement}/endorsements"),
            "results API, first read": None,
            "results API, after an answer": afresh,
            "results API, from memory": lambda: server_harness.fetch(f"{base}/api/v1/surveys/{survey}/results"),
            "results page by region": lambda: server_harness.fetch(f"{base}/surveys/{survey}/results?by=region"),
            "SQL GROUP BY alone": by_sql,
        }
        # The first request reads every city's answers; the others read only what changed since.
        targets["results API, first read"] = lambda: first
        first = server_harness.fetch(f"{base}/api/v1/surveys/{survey}/results")
        for measure in targets.values():
            measure()  # warm every cache first
        times = {name: [] for name in targets}
        for _ in range(args.rounds):
            for name, measure in targets.items():
                times[name].append(measure())
        sql_median, sql_p95 = server_harness.summary(times["SQL GROUP BY alone"])
        print(f"{'':28} {'median ms':>10} {'p95 ms':>10} {'p95 / SQL p95':>14}")
        for name, values in times.items():
            median, p95 = server_harness.summary(values)
            ratio = f"{p95 / sql_p95:.2f}" if name.startswith("results") else ""
            print(f"{name:28} {median:10.1f} {p95:10.1f} {ratio:>14}")
    finally:
        server_harness.stop(process)


if __name__ == "__main__":
    main()
