#!/usr/bin/env python3
"""Build the Han character folding table: Sources/CityweaveCore/Knowledge/HanVariantTable.swift.

The search index folds Chinese traditional characters, Hong Kong and Taiwan
variants and Japanese shinjitai to Simplified Chinese, one character for one
character, so that a query 防灾 finds a text written 防災 and 廣, 広 and 广
all meet.  The table is a Swift string of character pairs, each variant
followed by its simplified form, sorted by the variant's code point: a string
literal compiles in a moment where a dictionary literal of four thousand
entries would not, and the search reads it into a dictionary once.

It is made from the character dictionaries of OpenCC (Apache-2.0), as Debian
ships them (opencc for the opencc_dict tool, libopencc1.1 for the .ocd2 files
in /usr/share/opencc), dumped to text with opencc_dict:

* TSCharacters: traditional -> simplified; of several candidates the first.
* JPVariants, reversed: shinjitai -> traditional, then simplified through
  TSCharacters (気 -> 氣 -> 气).
* JPShinjitaiCharacters: shinjitai -> traditional (what OpenCC's jp2t uses),
  first candidate, then simplified.  A line that lists the shinjitai itself
  among its candidates (芸 -> 藝 芸) is skipped: the character also stands
  for itself.
* HKVariants and TWVariants, reversed: variant -> standard traditional ->
  simplified (衞 -> 衛 -> 卫).

A variant is folded only when it is not a character of GB 2312, the core set
of Simplified Chinese: 沪 (Shanghai), 芸, 欠, 予, 著 are variants of other
characters in Japanese or Taiwan use but words of their own in Chinese text.
The first dictionary that maps a character wins, a variant that leads to two
different simplified characters is left out, and targets are followed until
they fold no further, so the table is idempotent.

Standard library only; deterministic output (sorted by code point).

    apt-get install opencc libopencc-data && python3 scripts/build_han_variants.py
"""

import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(ROOT, "Sources", "CityweaveCore", "Knowledge", "HanVariantTable.swift")
PAIRS_PER_LINE = 40

# Folded although GB 2312 has them: Yokohama is 横浜 in Japanese and 横滨 in
# Chinese, and 浜 (a creek, in a few Shanghai place names) is rare enough in
# Chinese text that meeting 滨 costs nothing a reader would notice.
ALSO_FOLDED = {"浜": "滨"}

# (dictionary, how it is read), in order of precedence.  "simplified": it maps
# traditional to simplified; "to traditional": a variant to its traditional
# forms; "reversed": a traditional character to its variants.
DICTIONARIES = [
    ("TSCharacters", "simplified"),
    ("JPVariants", "reversed"),
    ("JPShinjitaiCharacters", "to traditional"),
    ("HKVariants", "reversed"),
    ("TWVariants", "reversed"),
]


def read_dictionary(path, scratch):
    """The lines of an .ocd2 dictionary as {key: [candidates]}, through opencc_dict."""
    text = os.path.join(scratch, os.path.basename(path) + ".txt")
    subprocess.run(["opencc_dict", "-i", path, "-o", text, "-f", "ocd2", "-t", "text"], check=True)
    entries = {}
    for line in open(text, encoding="utf-8"):
        line = line.rstrip("\n")
        if line:
            key, candidates = line.split("\t")
            entries[key] = candidates.split(" ")
    return entries


def debian_package(path):
    """'name version' of the Debian package that installed path, or 'unknown'."""
    try:
        owner = subprocess.run(["dpkg-query", "-S", path], capture_output=True, text=True, check=True)
        name = owner.stdout.split(":")[0]
        version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", name], capture_output=True, text=True, check=True)
        return f"{name} {version.stdout}"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def in_gb2312(character):
    try:
        character.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def single(text):
    return len(text) == 1


def pairs(entries, reading, simplified):
    """(source, simplified) pairs a dictionary offers, single characters only.

    simplified maps traditional to simplified (TSCharacters); a traditional
    character it does not name is its own simplified form."""
    for key, candidates in entries.items():
        if not single(key):
            continue
        if reading == "simplified" and single(candidates[0]):
            yield key, candidates[0]
        elif reading == "to traditional" and single(candidates[0]) and key not in candidates:
            # 芸 -> 藝 芸: the character also stands for itself, so it is not folded.
            yield key, simplified.get(candidates[0], candidates[0])
        elif reading == "reversed":
            for variant in candidates:
                if single(variant) and variant != key:
                    yield variant, simplified.get(key, key)


def add_dictionary(table, offered, is_variant):
    """Adds the pairs of one dictionary to table; returns the sources it added or
    left out, by reason."""
    outcome = {"added": [], "same": [], "in GB 2312": [], "ambiguous": [], "already mapped": [], "disagrees": []}
    targets = {}
    for source, target in offered:
        targets.setdefault(source, set()).add(target)
    for source, found in sorted(targets.items()):
        target = min(found)
        if len(found) > 1:
            reason = "ambiguous"
        elif target == source:
            reason = "same"
        elif is_variant and in_gb2312(source):
            reason = "in GB 2312"
        elif source in table:
            reason = "already mapped" if table[source] == target else "disagrees"
        else:
            table[source] = target
            reason = "added"
        outcome[reason].append(source + "→" + "/".join(sorted(found)))
    return outcome


def close(table):
    """Follows each target through the table until it folds no further."""
    for source in list(table):
        target, seen = table[source], {source}
        while target in table and target not in seen:
            seen.add(target)
            target = table[target]
        table[source] = target
    for source in [source for source, target in table.items() if source == target]:
        del table[source]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--opencc", default="/usr/share/opencc", help="folder of OpenCC's .ocd2 dictionaries")
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="the table to write")
    arguments = parser.parse_args()

    table, read, simplified = {}, [], {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, reading in DICTIONARIES:
            path = os.path.join(arguments.opencc, name + ".ocd2")
            if not os.path.exists(path):
                if name == "TSCharacters":
                    raise SystemExit(f"{path} is missing: apt-get install opencc libopencc-data")
                print(f"{name}: not found, skipped", file=sys.stderr)
                continue
            entries = read_dictionary(path, scratch)
            offered = pairs(entries, reading, simplified)
            outcome = add_dictionary(table, offered, is_variant=reading != "simplified")
            if reading == "simplified":
                simplified = dict(table)
            read.append(name + (" (reversed)" if reading == "reversed" else ""))
            print(f"{name}: {len(entries)} lines, {len(outcome['added'])} mappings added")
            for reason in ("same", "already mapped"):
                if outcome[reason]:
                    print(f"  {len(outcome[reason])} {reason}")
            for reason in ("in GB 2312", "ambiguous", "disagrees"):
                if outcome[reason]:
                    print(f"  {len(outcome[reason])} {reason}, left out: {' '.join(outcome[reason])}")
    table.update(ALSO_FOLDED)
    before = dict(table)
    close(table)
    followed = [f"{source}→{before[source]}→{table[source]}" for source in sorted(table) if table[source] != before[source]]
    if followed:
        print(f"{len(followed)} targets followed further: {' '.join(followed)}")

    package = debian_package(os.path.join(arguments.opencc, "TSCharacters.ocd2"))
    pairs_in_order = [source + table[source] for source in sorted(table)]
    lines = ["".join(pairs_in_order[start:start + PAIRS_PER_LINE]) for start in range(0, len(pairs_in_order), PAIRS_PER_LINE)]
    swift = (
        "// Generated by scripts/build_han_variants.py; do not edit. From the character dictionaries of OpenCC\n"
        f"// (https://github.com/BYVoid/OpenCC, Apache License 2.0), Debian package {package}:\n"
        f"// {', '.join(read)}; and 浜 → 滨 (see the script).\n"
        "\n"
        "extension HanVariants {\n"
        "    /// Character pairs, each variant followed by its simplified form, by the variant's code point;\n"
        "    /// line breaks are not part of the table.\n"
        '    static let pairs = """\n'
        + "".join(f"        {line}\n" for line in lines)
        + '        """\n'
        "}\n"
    )
    with open(arguments.output, "w", encoding="utf-8", newline="\n") as output:
        output.write(swift)
    print(f"{len(pairs_in_order)} mappings written to {arguments.output}")


if __name__ == "__main__":
    main()
