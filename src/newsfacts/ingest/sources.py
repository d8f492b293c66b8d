"""Where inputs come from: input specs expanded to files, and bounded reads of files and stdin."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from newsfacts.errors import InputError

STDIN = "-"
_CHUNK = 1 << 16


def expand_inputs(specs: Sequence[str]) -> list[str]:
    """Expand input specs into the inputs to read, in order.

    A file stays as given; a directory becomes its regular, non-hidden files (recursively,
    sorted); a glob becomes its sorted matching files; ``-`` and http(s) URLs stay.
    A spec that matches nothing raises InputError.
    """
    out: list[str] = []
    for spec in specs:
        if spec == STDIN or is_url(spec):
            out.append(spec)
            continue
        _refuse_other_schemes(spec)
        path = Path(spec)
        if path.is_file():
            out.append(spec)
        elif path.is_dir():
            files = _directory_files(path)
            if not files:
                raise InputError(f"no files in directory: {spec}")
            out.extend(files)
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            files = [m for m in matches if Path(m).is_file()]
            for match in matches:
                if Path(match).is_dir():
                    files.extend(_directory_files(Path(match)))
            if not files:
                raise InputError(f"no such file: {spec} (the pattern matches no file)")
            out.extend(sorted(set(files)))
        else:
            raise InputError(f"no such file: {spec}")
    return out


def is_url(spec: str) -> bool:
    """True for http:// and https:// URLs (the only schemes newsfacts fetches)."""
    return urlsplit(spec).scheme.lower() in ("http", "https") and "://" in spec


def read_path(spec: str, max_bytes: int) -> bytes:
    """The bytes of a local file, refusing files over ``max_bytes``."""
    _refuse_other_schemes(spec)
    path = Path(spec)
    with file_errors(spec):
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(f"{spec} is a directory, not a file")
        if size > max_bytes:
            raise InputError(_too_large(spec, max_bytes, f"{size:,} bytes"))
        with path.open("rb") as stream:
            return read_stream(stream, spec, max_bytes)


@contextmanager
def file_errors(spec: str) -> Iterator[None]:
    """Turn the operating system's errors on opening or reading ``spec`` into InputErrors."""
    try:
        yield
    except FileNotFoundError:
        raise InputError(f"no such file: {spec}") from None
    except PermissionError:
        raise InputError(f"cannot read {spec}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{spec} is a directory, not a file") from None
    except OSError as err:
        raise InputError(f"cannot read {spec}: {err.strerror or err}") from None


def read_stream(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` + 1 bytes; more than ``max_bytes`` raises InputError."""
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise InputError(_too_large(name, max_bytes, f"more than {max_bytes:,} bytes"))
    return b"".join(chunks)


def _too_large(name: str, limit: int, size: str) -> str:
    return f"{name} is too large: {size} (the limit is {limit:,} bytes)"


def _refuse_other_schemes(spec: str) -> None:
    scheme = urlsplit(spec).scheme.lower()
    # One-letter "schemes" are Windows drive letters (C:\...).
    if "://" in spec and len(scheme) > 1 and scheme not in ("http", "https"):
        raise InputError(f"unsupported URL scheme {scheme!r} in {spec} (only http and https)")


def _directory_files(root: Path) -> list[str]:
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(folder, name)
            if not name.startswith(".") and path.is_file():
                found.append(str(path))
    return sorted(found)
