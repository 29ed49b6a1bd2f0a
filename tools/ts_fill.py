"""Fill a Qt Linguist .ts file from tab-separated translations.

    python tools/ts_fill.py translations/kiosk_es.ts /tmp/es-*.tsv

Each TSV line is ``context<TAB>English source<TAB>translation``. Matching messages get the
translation and lose their "unfinished" mark; everything else is left as it is. For a plural
message (``%n``) give the forms separated by `` || `` (Spanish: singular || plural); a single
text fills every form. Prints what was filled, what the .ts does not know, and what is still
untranslated. Run ``make lupdate`` first so the .ts holds every string of the code.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def read_tsv(paths: list[Path]) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{path}:{number}: expected context<TAB>source<TAB>translation")
            context, source, translation = parts
            table[(context, source.replace("\\n", "\n"))] = translation.replace("\\n", "\n")
    return table


def fill(ts_file: Path, table: dict[tuple[str, str], str]) -> tuple[int, list, list]:
    tree = ET.parse(ts_file)
    root = tree.getroot()
    used: set[tuple[str, str]] = set()
    filled = 0
    remaining = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            text = table.get((name, source))
            if text is None:
                if translation.get("type") == "unfinished":
                    remaining.append((name, source))
                continue
            used.add((name, source))
            forms = translation.findall("numerusform")
            if forms:
                pieces = text.split(" || ")
                for index, form in enumerate(forms):
                    form.text = pieces[min(index, len(pieces) - 1)]
            else:
                translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    ET.indent(tree, space="    ")
    ts_file.write_text(HEADER + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    unknown = sorted(set(table) - used)
    return filled, unknown, remaining


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ts_file", type=Path)
    parser.add_argument("tsv", type=Path, nargs="+")
    args = parser.parse_args(argv)
    filled, unknown, remaining = fill(args.ts_file, read_tsv(args.tsv))
    print(f"{args.ts_file}: filled {filled} message(s)")
    for context, source in unknown:
        print(f"  not in the .ts (run make lupdate?): {context}: {source!r}")
    for context, source in remaining:
        print(f"  still untranslated: {context}: {source!r}")
    return 0 if not remaining else 1


if __name__ == "__main__":
    sys.exit(main())
