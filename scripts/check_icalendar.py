#!/usr/bin/env python3
"""Reads iCalendar files with two independent parsers (PyPI icalendar and vobject) and prints, for each
event, its UID, SEQUENCE, STATUS and its start and end as UTC instants, one JSON object per line.

Cityweave's feed tests run it on the feeds the server writes and compare the instants with the events'
own, so that a feed a calendar program reads means the same moments the organiser typed.

    python3 scripts/check_icalendar.py FILE.ics [FILE.ics ...]

Exits 1, naming the file and the event, when the two parsers disagree or one cannot read a file.
"""
import json
import sys
from datetime import datetime, timezone

import icalendar
import vobject


def utc(value):
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError(f"{value!r} is not a moment with a time zone")
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def with_icalendar(text):
    calendar = icalendar.Calendar.from_ical(text)
    events = {}
    for event in calendar.walk("VEVENT"):
        events[str(event["UID"])] = {
            "uid": str(event["UID"]),
            "sequence": int(event.get("SEQUENCE", 0)),
            "status": str(event.get("STATUS", "")),
            "summary": str(event.get("SUMMARY", "")),
            "start": utc(event.decoded("DTSTART")),
            "end": utc(event.decoded("DTEND")),
        }
    return events


def with_vobject(text):
    calendar = vobject.readOne(text)
    events = {}
    for event in calendar.contents.get("vevent", []):
        uid = event.uid.value
        events[uid] = {"start": utc(event.dtstart.value), "end": utc(event.dtend.value)}
    return events


def main(paths):
    failed = False
    for path in paths:
        with open(path, encoding="utf-8", newline="") as file:
            text = file.read()
        try:
            first = with_icalendar(text)
            second = with_vobject(text)
        except Exception as error:  # a parser that cannot read the file is the finding
            print(f"{path}: {error}", file=sys.stderr)
            failed = True
            continue
        for uid, event in sorted(first.items()):
            other = second.get(uid)
            if other is None or (other["start"], other["end"]) != (event["start"], event["end"]):
                print(f"{path}: {uid}: icalendar reads {event['start']}..{event['end']}, vobject {other}", file=sys.stderr)
                failed = True
            print(json.dumps(dict(event, file=path)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
