#!/usr/bin/env python3
"""Build Resources/Demo/oxcgrt-brazil-2020-cities.csv: the city rows of the
Oxford COVID-19 Government Response Tracker's Brazil subnational file (Hale
et al., Blavatnik School of Government, CC BY 4.0), which a first start loads
as example measures so that the local action tracker is not empty.

State and national rows are left out (the tracker marks state governments
with the city code STATE_GOV); every column is kept as the tracker wrote it.
Standard library only; deterministic output.

    python3 scripts/build_demo_measures.py --source ../shared/data/oxcgrt-brazil-2020.csv
"""

import argparse
import csv

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--source", required=True, help="the OxCGRT Brazil subnational CSV")
parser.add_argument("--out", default="Resources/Demo/oxcgrt-brazil-2020-cities.csv")
arguments = parser.parse_args()

with open(arguments.source, encoding="utf-8", newline="") as source:
    rows = list(csv.reader(source))
city_code = rows[0].index("CityCode")
cities = [row for row in rows[1:] if row[city_code] not in ("", "STATE_GOV")]
with open(arguments.out, "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rows[0])
    writer.writerows(cities)
print(f"{arguments.out}: {len(cities)} city rows of {len(rows) - 1}")
