"""Bytes → text: byte order marks, strict UTF-8, a declared charset, then detection.

Text that is UTF-8 but for a few stray bytes (a page pasted together from two sources) is
read as UTF-8, each stray byte as windows-1252, rather than guessed to be in a code page
that would garble every curly quote (`_mixed`).

Binary data (images, archives, executables) is refused before any decoding is tried,
so that a PNG is never "successfully" decoded as some legacy code page.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import charset_normalizer

from newsfacts.errors import InputError

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)
_SAMPLE = 8192
_CONTROL_SHARE = 0.05  # above this share of control bytes, data is not text
_TEXT_CONTROLS = frozenset(b"\t\n\f\r\x1b")  # controls that do occur in real text files
_PREFERRED = ("cp1252", "iso8859_15", "iso8859_1")
_GZIP_MAGIC = b"\x1f\x8b"
_STRAY_BYTE = re.compile("[\udc80-\udcff]")  # how surrogateescape keeps a byte not UTF-8
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec used, e.g. "utf-8", "utf-16-le", "windows-1252"
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` is a charset named by the server or the page itself.

    Raises InputError for binary data and for bytes no text encoding fits.
    """
    refuse_binary(data, name)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], codec, name), codec)
    unmarked = _utf16_without_bom(data)
    if unmarked is not None:
        text, codec = unmarked
        return Decoded(text, codec, (f"decoded as {codec} (no byte order mark)",))
    if b"\x00" in data[:_SAMPLE]:
        raise InputError(f"{name} looks like a binary file (it holds NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        found = _decode_declared(data, declared)
        if found is not None:
            return found
    mixed = _mixed(data)
    if mixed is not None:
        return mixed
    return _detect(data, name)


def refuse_binary(data: bytes, name: str) -> None:
    """Raise InputError when ``data`` is a known binary format or mostly control bytes."""
    sample = data[:_SAMPLE]
    controls = sum(1 for b in sample if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
    looks_binary = bool(sample) and controls / len(sample) > _CONTROL_SHARE
    for magic, kind in _signatures():
        if sample.startswith(magic) and (looks_binary or not _printable(magic)):
            raise InputError(f"{name} looks like a binary file ({kind}), not text")
    # UTF-16/32 text is full of NUL bytes; those encodings are handled by the caller.
    if looks_binary and not _unicode_wide(sample):
        share = round(100 * controls / len(sample))
        raise InputError(f"{name} looks like a binary file ({share}% control bytes), not text")


def is_gzip(data: bytes) -> bool:
    return data.startswith(_GZIP_MAGIC)


def gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """Decompress gzip ``data``, refusing output larger than ``max_bytes``."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except (zlib.error, gzip.BadGzipFile) as err:
        raise InputError(f"{name} is not a valid gzip file ({err})") from None
    if len(out) > max_bytes:
        raise InputError(
            f"{name} is too large: more than {max_bytes:,} bytes once decompressed "
            f"(the limit is {max_bytes:,} bytes)"
        )
    return out


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in ``<meta charset>`` (or http-equiv) near its start."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name} starts with a {codec} byte order mark but is not valid {codec} "
            f"({err.reason} at byte {err.start})"
        ) from None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Mostly-ASCII UTF-16 text has a NUL in every other byte; decode it if so."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(data) % 2:
        return None
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    codec = None
    if odd_nuls > 0.3 and even_nuls < 0.02:
        codec = "utf-16-le"
    elif even_nuls > 0.3 and odd_nuls < 0.02:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or _control_share(text) > _CONTROL_SHARE:
        return None
    return text, codec


def _unicode_wide(sample: bytes) -> bool:
    return any(sample.startswith(bom) for bom, _ in _BOMS) or _utf16_without_bom(sample) is not None


def _decode_declared(data: bytes, declared: str) -> Decoded | None:
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return None
    if codec in ("iso8859-1", "ascii"):
        codec = "cp1252"  # what browsers do: windows-1252 is a superset of both
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    label = _label(codec)
    return Decoded(text, label, (f"decoded as {label} as declared (not UTF-8)",))


def _mixed(data: bytes) -> Decoded | None:
    """Text holding both well-formed multi-byte UTF-8 and bytes that are not UTF-8.

    Whichever is more common says what the text is: UTF-8 with some stray bytes (each read
    as windows-1252), or windows-1252 in which a few byte pairs happen to form UTF-8. A
    detector guesses poorly on such a mix (it picks Mac code pages), so it is not asked.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(_STRAY_BYTE.findall(text))
    well_formed = sum(1 for c in text if c > "\x7f") - stray
    if not well_formed:
        return None
    if well_formed <= stray:
        legacy = _windows1252(data)
        return Decoded(legacy, "windows-1252", ("decoded as windows-1252 (not UTF-8)",))
    text = _STRAY_BYTE.sub(lambda m: _windows1252(bytes([ord(m[0]) - 0xDC00])), text)
    some = "1 byte that is" if stray == 1 else f"{stray} bytes that are"
    return Decoded(text, "utf-8", (f"decoded as UTF-8; {some} not UTF-8 read as windows-1252",))


def _windows1252(data: bytes) -> str:
    """windows-1252 as browsers read it: its five unassigned bytes are the C1 controls."""
    text = data.decode("cp1252", errors="surrogateescape")
    return _STRAY_BYTE.sub(lambda m: chr(ord(m[0]) - 0xDC00), text)


def _detect(data: bytes, name: str) -> Decoded:
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        # Code pages that decode these bytes identically are listed together; for
        # English news the Western one is by far the likeliest name.
        same = best.could_be_from_charset
        codec = next((c for c in _PREFERRED if c in same), best.encoding)
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and _control_share(text) <= _CONTROL_SHARE:
            label = _label(codec)
            return Decoded(text, label, (f"decoded as {label} (not UTF-8)",))
    raise InputError(f"{name} could not be decoded: it is not UTF-8 and no text encoding fits")


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (c < " " and c not in "\t\n\f\r\x1b") or "\x7f" <= c < "\xa0")
    return bad / len(sample)


def _label(codec: str) -> str:
    """A charset name as people write it: cp1252 → windows-1252, iso8859_2 → iso-8859-2."""
    name = codecs.lookup(codec).name
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    if name == "latin-1":
        return "iso-8859-1"
    match = re.fullmatch(r"iso8859-(\d+)", name)
    if match:
        return f"iso-8859-{match.group(1)}"
    return name.replace("_", "-")


def _printable(magic: bytes) -> bool:
    return all(32 <= b < 127 for b in magic)


@lru_cache(maxsize=1)
def _signatures() -> tuple[tuple[bytes, str], ...]:
    raw = resources.files("newsfacts.data").joinpath("binary_signatures.json").read_text("utf-8")
    table: dict[str, str] = json.loads(raw)
    pairs = [(bytes.fromhex(k), v) for k, v in table.items() if not k.startswith("_")]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))
