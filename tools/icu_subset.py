"""A smaller ICU data library for the frozen build (build.spec, Linux).

PySide6's Qt links to ICU, whose data library ``libicudata.so.NN`` is 31 MB: character set
converters for every legacy encoding, break dictionaries for Thai, Khmer, Chinese and
Japanese, and names, currencies and units in some 800 locales. The kiosk speaks Spanish and
English in UTF-8. This rebuilds the library from the same ICU "common data" with only

- the locale-independent items (properties, normalization, collation root data ...),
- the ``root`` locale and the kept languages (``es``, ``es_MX``, ``en``, ``en_GB`` ...) in
  every tree (coll/, curr/, lang/, region/, unit/, zone/, ...),

and without ``*.cnv`` converters and ``*.dict`` dictionaries. A lookup for a dropped locale
falls back to ``root``, as ICU does for any locale it lacks. The new library exports the
same symbol (``icudtNN_dat``) and soname, assembled with binutils' ``as`` and ``ld`` (already
needed by PyInstaller on Linux).

The common data format (ICU's ``ucmndata.h``): a header of ``headerSize`` bytes, then a table
of contents, ``count`` then ``count`` pairs of (name offset, data offset), both relative to
the start of the table, names sorted (ICU searches them by bisection), then the items, each
aligned to 16 bytes.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

_SYMBOL = re.compile(r"\b(icudt\d+_dat)\b")
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
_ALWAYS = {"root", "pool", "res_index"}


def _readelf(library: Path, flag: str) -> str:
    command = ["readelf", flag, "-W", str(library)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


def extract(library: Path) -> tuple[str, bytes]:
    """The data symbol's name and the common data it points at, from ``libicudata.so``."""
    for line in _readelf(library, "--dyn-syms").splitlines():
        found = _SYMBOL.search(line)
        if found and " OBJECT " in line and " UND " not in line:
            fields = line.split()
            address, size, symbol = int(fields[1], 16), int(fields[2], 0), found.group(1)
            break
    else:
        raise ValueError(f"{library}: no icudtNN_dat symbol")
    for line in _readelf(library, "--section-headers").splitlines():
        fields = line.split("]", 1)[-1].split()
        if len(fields) >= 5 and fields[1] in ("PROGBITS",):
            start, offset, length = int(fields[2], 16), int(fields[3], 16), int(fields[4], 16)
            if start <= address < start + length:
                with open(library, "rb") as handle:
                    handle.seek(address - start + offset)
                    return symbol, handle.read(size)
    raise ValueError(f"{library}: {symbol} is in no section")


def items(common: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, data) ...]) of an ICU common data blob."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", common, 0)
    if (magic1, magic2) != (0xDA, 0x27):
        raise ValueError("not ICU common data")
    toc = common[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    found = []
    for index, (name_at, data_at) in enumerate(entries):
        name = toc[name_at : toc.index(b"\0", name_at)].decode("ascii")
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        found.append((name, toc[data_at:end]))
    return common[:header_size], found


def pack(header: bytes, kept: list[tuple[str, bytes]]) -> bytes:
    """The common data blob with these items, in the order given (ICU's sorted order)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in kept)
    table_size = 4 + 8 * len(kept)
    data_start = -(-(table_size + len(names)) // 16) * 16
    offsets, body, name_at = [], bytearray(), table_size
    for name, data in kept:
        offsets.append((name_at, data_start + len(body)))
        name_at += len(name) + 1
        body += data + b"\0" * (-len(data) % 16)
    table = struct.pack("<I", len(kept)) + b"".join(struct.pack("<II", *o) for o in offsets)
    padding = b"\0" * (data_start - table_size - len(names))
    return header + table + names + padding + bytes(body)


def wanted(name: str, languages: Iterable[str]) -> bool:
    """True for an item the kept languages may need (``name`` like ``icudt73l/coll/es.res``)."""
    leaf = name.rsplit("/", 1)[-1]
    stem, _, kind = leaf.rpartition(".")
    if kind in ("cnv", "dict"):
        return False
    if kind != "res" or stem in _ALWAYS or not _LOCALE.match(stem):
        return True  # properties, normalization, collation root, supplemental data ...
    return stem.split("_", 1)[0] in set(languages)


def subset(library: Path, out: Path, languages: Iterable[str]) -> Path:
    """Write a ``libicudata`` with only what ``languages`` need to ``out``; return ``out``."""
    languages = tuple(languages)
    symbol, common = extract(library)
    header, found = items(common)
    blob = pack(header, [(n, d) for n, d in found if wanted(n, languages)])
    soname = next(
        (m.group(1) for m in re.finditer(r"\(SONAME\).*\[(.+)\]", _readelf(library, "-d"))),
        library.name,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        (work / "common.dat").write_bytes(blob)
        (work / "data.s").write_text(
            f".section .rodata\n.balign 16\n.globl {symbol}\n.type {symbol}, @object\n"
            f'{symbol}:\n.incbin "common.dat"\n.size {symbol}, . - {symbol}\n'
            '.section .note.GNU-stack,"",@progbits\n'
        )
        subprocess.run(["as", "-o", "data.o", "data.s"], cwd=work, check=True)
        link = ["ld", "-shared", "-soname", soname, "-o", str(out.resolve()), "data.o"]
        subprocess.run(link, cwd=work, check=True)  # noqa: S603
    return out
