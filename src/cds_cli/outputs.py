"""Writing output files: whole or not at all, and the same bytes for the same inputs.

DOCX and XLSX are zip files whose entries carry the time they were written, and whose
document properties carry "created"/"modified" stamps; ``stable_zip`` re-packs such an
archive with one fixed timestamp so that two runs compare equal with ``cmp``.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def report_date(date: str | None) -> str | None:
    """The date printed in a report: ``--date`` if given, else SOURCE_DATE_EPOCH, else none
    (a draft leaves the date line for the signer)."""
    if date:
        return date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%d")
    return None


def stable_zip(
    data: bytes, stamp: str = "2000-01-01T00:00:00Z", *, edits: Mapping[str, Callable[[bytes], bytes]] | None = None
) -> bytes:
    """Re-pack a zip (DOCX/XLSX) with fixed entry times and fixed document dates; ``edits``
    change the content of the entries they name on the way."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if edits and info.filename in edits:
                content = edits[info.filename](content)
            if info.filename == "docProps/core.xml":
                content = _CORE_DATES.sub(rb"\g<1>" + stamp.encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a temporary file in the same folder, then a rename."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file read in 1 MB blocks ('' when it cannot be read), to name an
    input by its content in a report or a plan pack."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()
