#!/usr/bin/env python3
"""Measure the knowledge module's speed targets with the release build.

What it does, in one run, in a temporary folder:
  1. a first start of `cityweave serve` on a fresh SQLite file, without the
     example content, to load the reference directory;
  2. generates --practices published practices (seeded, so every run
     generates the same ones) straight into that file: text in five
     languages drawn from a Zipf-distributed vocabulary (accented words and
     Chinese among them), themes, stages, some network reviews and one
     practice in twenty a translation of an earlier one, with the search
     index filled as Cityweave fills it (text folded: case, accents and
     punctuation removed, Han variants made simplified);
  3. starts the server again and sends --queries searches to
     /api/v1/practices over one kept-alive connection (one or two words,
     Chinese words, some with a facet filter, one in twenty naming a theme
     in one of the six interface languages, which also finds the theme's
     practices); prints p50, p95 and p99;
  4. runs the bare FTS5 query of each search (MATCH, ranked by bm25, first
     20 rows) in this process's SQLite on the same file; prints the same
     percentiles and the ratio of the API's p95 to the bare query's;
  5. times /api/v1/cities/{id}/recommended-practices for a few cities;
  6. changes a practice's facets beside the server, as an import would, and
     times the next search, which reads the published practices again.

Usage (from the project root):
    swift build -c release --product cityweave
    python3 scripts/measure_knowledge.py [--practices 100000] [--queries 2000]
The machine is shared and noisy: run it more than once before quoting a figure.
"""

import argparse
import http.client
import json
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import unicodedata
import urllib.parse

from server_harness import percentile, start, stop

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THEMES = ["climate", "culture", "digital", "economy", "education", "energy", "environment", "equity", "governance",
          "health", "housing", "migration", "mobility", "peace", "resilience", "security"]
STAGES = ["idea", "pilot", "implemented", "evaluated"]
LANGUAGES = ["en", "fr", "es", "pt", "zh"]
ACCENTS = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "c": "ç", "n": "ñ"}


def read_han_variants():
    """Variant -> simplified, from the table the search folds Han characters with."""
    source = open(os.path.join(ROOT, "Sources", "CityweaveCore", "Knowledge", "HanVariantTable.swift"),
                  encoding="utf-8").read()
    pairs = "".join(source.split('"""')[1].split())
    return {ord(pairs[index]): pairs[index + 1] for index in range(0, len(pairs), 2)}


def read_theme_names():
    """Every theme's name in the six interface languages, as ThemeVocabulary.swift writes them."""
    source = open(os.path.join(ROOT, "Sources", "CityweaveCore", "Directory", "ThemeVocabulary.swift"),
                  encoding="utf-8").read()
    return re.findall(r'name: "([^"]+)"', source)


HAN_VARIANTS = read_han_variants()


def fold(text):
    """Cityweave's folding for the text this script writes: lower case, no accents, no punctuation, Han variants
    made simplified (unless --without-han-folding, to measure a build from before the folding)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    kept = "".join(c if (c.isalnum() or unicodedata.category(c) == "Lo") else " "
                   for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(kept.split()).translate(HAN_VARIANTS)


class Vocabulary:
    def __init__(self, rng, size=5000, chinese=400):
        syllables = [c + v for c in "bcdfghjklmnprstvz" for v in "aeiou"]
        words = set()
        while len(words) < size:
            word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
            if rng.random() < 0.08:
                position = rng.randrange(len(word))
                word = word[:position] + ACCENTS.get(word[position], word[position]) + word[position + 1:]
            words.add(word)
        self.latin = sorted(words)
        rng.shuffle(self.latin)
        # Three characters or more: what the trigram index answers (shorter words are scanned).
        self.chinese = ["".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(3, 4)))
                        for _ in range(chinese)]
        self.latin_weights = [1 / (rank + 1) for rank in range(len(self.latin))]
        self.chinese_weights = [1 / (rank + 1) for rank in range(len(self.chinese))]

    def text(self, rng, language, count):
        if language == "zh":
            return "，".join(rng.choices(self.chinese, self.chinese_weights, k=count)) + "。"
        return " ".join(rng.choices(self.latin, self.latin_weights, k=count)).capitalize() + "."


def generate(path, count, seed):
    rng = random.Random(seed)
    vocabulary = Vocabulary(rng)
    database = sqlite3.connect(path)
    cities = database.execute("SELECT id, country_code, population FROM cities WHERE population >= 50000").fetchall()
    networks = [row[0] for row in database.execute("SELECT id FROM networks")]
    began = time.monotonic()
    with database:
        for number in range(1, count + 1):
            language = rng.choice(LANGUAGES)
            text = lambda words: vocabulary.text(rng, language, words)
            title, summary, problem = text(6), text(25), text(80)
            method = [text(15) for _ in range(rng.randint(3, 6))]
            staff, partners, legal, pitfalls, resources, evidence = (text(12) for _ in range(6))
            themes = sorted(rng.sample(THEMES, rng.randint(1, 3)))
            published = 1577836800 + rng.random() * (1790000000 - 1577836800)
            stage, city = rng.choice(STAGES), rng.choice(cities)
            cursor = database.execute(
                """INSERT INTO practices (created_at, updated_at, published_at, is_example, language, title, summary,
                   problem, method, know_how_staff, know_how_budget_band, know_how_partners,
                   know_how_legal_instruments, know_how_pitfalls, resources, evidence, stage, themes, links, city_id)
                   VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, '[]', ?)""",
                (published, published, published, language, title, summary, problem,
                 json.dumps(method, ensure_ascii=False), staff, partners, legal, pitfalls, resources, evidence,
                 stage, json.dumps(themes), city[0]))
            practice = cursor.lastrowid
            # One practice in twenty translates an earlier one: search results list a family once.
            original = rng.randrange(1, practice) if practice > 1 and rng.random() < 0.05 else None
            if original is not None:
                database.execute("UPDATE practices SET original_id = ? WHERE id = ?", (original, practice))
            database.execute(
                """INSERT INTO practice_facets (practice_id, city_id, country_code, population, original_id, published_at,
                   stage, language, theme_mask) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (practice, city[0], city[1], city[2], original, published, stage, language,
                 sum(1 << THEMES.index(theme) for theme in themes)))
            body = " ".join(fold(part) for part in
                            [summary, problem, " ".join(method), staff, partners, legal, pitfalls, resources, evidence])
            database.execute("INSERT INTO practices_fts (rowid, title, body) VALUES (?, ?, ?)",
                             (practice, fold(title), body))
            if rng.random() < 0.05:
                database.execute(
                    """INSERT INTO practice_reviews (reviewed_at, missing_sections, readable_alone, evidence_given,
                       comment, reviewer_name, practice_id, network_id) VALUES (?, '[]', 1, 1, '', 'benchmark', ?, ?)""",
                    (published, practice, rng.choice(networks)))
    database.close()
    return vocabulary, time.monotonic() - began


def searches(vocabulary, count, seed):
    """Query strings as people type them: mostly one word, some two, some Chinese, some with a filter, one in
    twenty a theme's name in one of the six interface languages."""
    rng = random.Random(seed)
    middle = vocabulary.latin[20:2000]
    theme_names = read_theme_names()
    chosen = []
    for index in range(count):
        kind = index % 10
        if index % 20 == 19:
            words = [rng.choice(theme_names)]
        elif kind < 6:
            words = [rng.choice(middle)]
        elif kind < 8:
            words = [rng.choice(vocabulary.latin[:300]), rng.choice(middle)]
        else:
            words = [rng.choice(vocabulary.chinese[:200])]
        parameters = {"q": " ".join(words)}
        if index % 7 == 0:
            parameters["theme"] = rng.choice(THEMES)
        chosen.append(parameters)
    return chosen


def fts5_query(text):
    terms = []
    for term in fold(text).split():
        if len(term) >= 3 and term not in terms:
            terms.append(term)
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


def summary(timings):
    timings = sorted(timings)
    return (f"p50 {statistics.median(timings):.2f} ms, p95 {percentile(timings, 0.95):.2f} ms, "
            f"p99 {percentile(timings, 0.99):.2f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "cityweave"))
    parser.add_argument("--practices", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--port", type=int, default=8098)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--database", help="a file this script generated before, to measure again without generating")
    parser.add_argument("--without-han-folding", action="store_true",
                        help="index Han characters as written, as builds before the folding did")
    arguments = parser.parse_args()
    if arguments.without_han_folding:
        HAN_VARIANTS.clear()

    path = arguments.database or os.path.join(tempfile.mkdtemp(prefix="cityweave-knowledge-"), "measure.sqlite")
    env = dict(os.environ, DATABASE_URL=f"sqlite://{path}", CITYWEAVE_PORT=str(arguments.port), LOG_LEVEL="warning",
               CITYWEAVE_DEMO_CONTENT="0", CITYWEAVE_DEMO_ACCOUNTS="0")
    if arguments.database:
        vocabulary = Vocabulary(random.Random(arguments.seed))
        print(f"measuring on {path}", flush=True)
    else:
        process, _ = start(arguments.binary, ROOT, env, arguments.port)
        stop(process)
        vocabulary, generated = generate(path, arguments.practices, arguments.seed)
        print(f"generated {arguments.practices:,} practices in {generated:.1f} s into {path}", flush=True)

    process, _ = start(arguments.binary, ROOT, env, arguments.port)
    connection = http.client.HTTPConnection("127.0.0.1", arguments.port, timeout=30)

    def get(url):
        began = time.perf_counter()
        connection.request("GET", url)
        response = connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - began) * 1000
        if response.status != 200:
            sys.exit(f"{url} answered {response.status}: {body[:300]}")
        return elapsed, json.loads(body)

    queries = searches(vocabulary, arguments.queries, arguments.seed)
    for parameters in queries[:50]:
        get("/api/v1/practices?" + urllib.parse.urlencode(parameters))
    api, matches = [], []
    for parameters in queries:
        elapsed, answer = get("/api/v1/practices?" + urllib.parse.urlencode(parameters))
        api.append(elapsed)
        matches.append(answer["metadata"]["total"])
    print(f"search through the API (page of 20, snippets, facet counts): {summary(api)}", flush=True)
    listing = [get("/api/v1/practices?sort=date")[0] for _ in range(20)]

    database = sqlite3.connect(path)
    bare = []
    statement = ("SELECT rowid, bm25(practices_fts, 4.0, 1.0) AS rank FROM practices_fts "
                 "WHERE practices_fts MATCH ? ORDER BY rank LIMIT 20")
    # Words shorter than a trigram (two-character Chinese words such as 住房) cannot be looked up in the
    # index: Cityweave scans for them, and so does the bare query.
    scan = "SELECT rowid FROM practices_fts WHERE title LIKE ?1 OR body LIKE ?1 LIMIT 20"

    def run_bare(text):
        match = fts5_query(text)
        if match:
            database.execute(statement, (match,)).fetchall()
        else:
            database.execute(scan, ("%" + fold(text) + "%",)).fetchall()

    for parameters in queries[:50]:
        run_bare(parameters["q"])
    for parameters in queries:
        began = time.perf_counter()
        run_bare(parameters["q"])
        bare.append((time.perf_counter() - began) * 1000)

    cities = [row[0] for row in database.execute(
        "SELECT id FROM cities WHERE population >= 1000000 ORDER BY id LIMIT 5")]
    recommendations = [get(f"/api/v1/cities/{city}/recommended-practices")[0] for city in cities]
    after_change = []
    for parameters in queries[:5]:
        with database:
            database.execute("UPDATE practice_facets SET stage = stage WHERE practice_id = 1")
        after_change.append(get("/api/v1/practices?" + urllib.parse.urlencode(parameters))[0])
    stop(process)

    matches.sort()
    print(f"searches: {len(queries)}, matches per search: median {statistics.median(matches):,.0f}, "
          f"p95 {percentile(matches, 0.95):,}, most {matches[-1]:,}")
    print(f"all practices, newest first, with facet counts (no words): {summary(listing)}")
    print(f"bare FTS5 query (MATCH, bm25, 20 rows; SQLite {sqlite3.sqlite_version} in this process): {summary(bare)}")
    print(f"ratio of p95s, API / bare: {percentile(sorted(api), 0.95) / percentile(sorted(bare), 0.95):.2f}")
    print(f"recommended practices for a city, over all practices: {', '.join(f'{t:.0f}' for t in recommendations)} ms")
    print(f"first search after a change (reads the published practices again): "
          f"{', '.join(f'{t:.0f}' for t in after_change)} ms")


if __name__ == "__main__":
    main()
