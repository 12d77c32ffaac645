#!/usr/bin/env python3
"""Writes Resources/Reference/common-passwords.txt, the list of passwords
Cityweave refuses, from John the Ripper's password.lst (Debian package
john-data; compiled by Solar Designer of the Openwall Project and placed in
the public domain). Entries are lower-cased and deduplicated, most common
first, so that the check can be case-insensitive.

    apt-get install john-data && python3 scripts/build_common_passwords.py
"""

import pathlib
import sys

SOURCE = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/john/password.lst")
TARGET = pathlib.Path(__file__).resolve().parent.parent / "Resources/Reference/common-passwords.txt"


def main() -> None:
    seen: set[str] = set()
    entries: list[str] = []
    for line in SOURCE.read_text(encoding="latin-1").splitlines():
        if line.startswith("#!comment:"):
            continue
        entry = line.strip().lower()
        if entry and entry not in seen:
            seen.add(entry)
            entries.append(entry)
    header = (
        "# The most common passwords, lower-cased, most common first.\n"
        "# From John the Ripper's password.lst by Solar Designer, Openwall Project (public domain).\n"
        "# Regenerate with scripts/build_common_passwords.py.\n"
    )
    TARGET.write_text(header + "\n".join(entries) + "\n", encoding="utf-8")
    print(f"{len(entries)} passwords written to {TARGET}")


if __name__ == "__main__":
    main()
