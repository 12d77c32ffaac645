#!/usr/bin/env python3
"""Build the member lists Cityweave ships: Resources/Reference/member-lists.csv.gz.

Reads the folder of public member lists (one CSV per network, with the header
``network,city,country,member_since,member_until,role,source_url,source_note``
and a README whose table names each file's source and the terms it states) and
writes one gzip CSV with the rows Cityweave may redistribute:

    network_slug, city, country, member_since, member_until, role, source, note

* A file is shipped only when its source states no terms.  A file whose
  licence cell says "non-commercial" is left out: the README shows the
  ``cityweave import memberships --member-list`` command that loads it.
* The network of a file is the row of Resources/Reference/networks.csv whose
  ``member_list`` column names the file (without ``.csv``).  A file that no
  network names is an error, so no list is dropped silently.
* A network whose own current list already ships in memberships.csv (its
  ``member_list_source`` is filled: a list taken from the network's website)
  keeps that list; the older research snapshot of it is not added.
* ``source`` says where the row comes from in a few words (the compiler and
  the years of collection); ``note`` keeps only what the loader reads: the
  member's entity type when it is not a city, and its seat ("entity type:
  Region (not a city); seat: Bamberg").

Standard library only; deterministic output (rows sorted, gzip mtime 0).

    python3 scripts/build_member_lists.py --members ../shared/data/memberships
"""

import argparse
import csv
import gzip
import io
import os
import re
import sys

HEADER = ["network_slug", "city", "country", "member_since", "member_until", "role", "source", "note"]

# How each research dataset is credited on every row it gives.
SOURCE_CREDITS = {
    "pgourdongeo/Chap3_LocationalAnalysis": (
        "ETMUN database (P. Gourdon, 2019), member lists collected from the networks' websites 2016-2019"
    ),
}


def licence_by_file(readme_path):
    """The licence cell of each file in the README's table."""
    licences = {}
    for line in open(readme_path, encoding="utf-8"):
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) > 6 and cells[1].startswith("`") and cells[1].endswith(".csv`"):
            licences[cells[1].strip("`")[: -len(".csv")]] = cells[5]
    return licences


def credit(source_url):
    for repository, text in SOURCE_CREDITS.items():
        if "/" + repository + "/" in source_url:
            return text
    raise SystemExit(f"no credit is known for the source {source_url}; add it to SOURCE_CREDITS")


ENTITY = re.compile(r"entity type: (?P<kind>.*?)(?: \(not a city\))?(?:; seat: (?P<seat>[^;]*))?$")


def entity_note(source_note):
    """Keeps the entity type and seat of a member that is not a city; empty for a city."""
    start = source_note.find("entity type: ")
    if start < 0:
        return ""
    match = ENTITY.match(source_note[start:])
    kind = match.group("kind")
    # "district/province (by name; source says City)" is a district or province.
    kind = re.sub(r" \(by name; source says \w+\)", "", kind)
    note = f"entity type: {kind} (not a city)"
    if match.group("seat"):
        note += f"; seat: {match.group('seat')}"
    return note


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", required=True, help="folder of member lists with its README.md")
    parser.add_argument("--reference", default="Resources/Reference", help="the reference folder")
    arguments = parser.parse_args()

    networks = list(csv.DictReader(open(os.path.join(arguments.reference, "networks.csv"), encoding="utf-8")))
    slug_by_file = {row["member_list"]: row["slug"] for row in networks if row["member_list"]}
    curated = {row["slug"] for row in networks if row["member_list_source"]}
    licences = licence_by_file(os.path.join(arguments.members, "README.md"))

    rows, shipped, withheld, kept_curated = [], [], [], []
    for name in sorted(os.listdir(arguments.members)):
        if not name.endswith(".csv"):
            continue
        stem = name[: -len(".csv")]
        if stem not in slug_by_file:
            raise SystemExit(f"{name}: no network in networks.csv names it in its member_list column")
        slug = slug_by_file[stem]
        if "non-commercial" in licences.get(stem, "").lower():
            withheld.append(stem)
            continue
        if slug in curated:
            kept_curated.append(stem)
            continue
        shipped.append(stem)
        for row in csv.DictReader(open(os.path.join(arguments.members, name), encoding="utf-8")):
            rows.append(
                [
                    slug,
                    row["city"],
                    row["country"],
                    row["member_since"],
                    row["member_until"],
                    row["role"],
                    credit(row["source_url"]),
                    entity_note(row["source_note"]),
                ]
            )
    rows.sort()
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    output = os.path.join(arguments.reference, "member-lists.csv.gz")
    with open(output, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed:
        packed.write(text.getvalue().encode("utf-8"))
    print(f"{output}: {len(rows)} rows of {len(shipped)} lists", file=sys.stderr)
    print(f"not shipped (their source forbids commercial use): {', '.join(withheld)}", file=sys.stderr)
    print(f"not added (the network's own list ships already): {', '.join(kept_curated)}", file=sys.stderr)


if __name__ == "__main__":
    main()
