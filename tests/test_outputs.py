"""cds_cli.outputs: whole-or-nothing writes, byte-identical archives, the report's date, SHA-256."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile

import pytest

from cds_cli import outputs
from cds_cli.outputs import FIXED_ZIP_TIME, report_date, sha256_of, stable_zip, write_atomic

CORE = (
    b'<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2024-05-06T07:08:09Z</dcterms:created>'
    b'<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-06T07:08:10Z</dcterms:modified></cp:coreProperties>'
)


def test_write_atomic_writes_the_whole_file(tmp_path):
    path = tmp_path / "report.html"
    write_atomic(path, b"old")
    write_atomic(path, b"<html>new</html>")
    assert path.read_bytes() == b"<html>new</html>"
    assert os.listdir(tmp_path) == ["report.html"]  # no temporary file left behind


def test_write_atomic_gives_an_ordinary_files_permissions(tmp_path):
    previous = os.umask(0o027)
    try:
        write_atomic(tmp_path / "out.csv", b"x")
    finally:
        os.umask(previous)
    assert (tmp_path / "out.csv").stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_leftovers(tmp_path, monkeypatch):
    path = tmp_path / "report.docx"
    path.write_bytes(b"the signed version")

    def refuse(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(path, b"half a report")
    assert path.read_bytes() == b"the signed version"
    assert os.listdir(tmp_path) == ["report.docx"]


def test_writing_into_a_missing_folder_creates_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "no" / "report.html", b"x")
    assert os.listdir(tmp_path) == []


def _archive(stamp: tuple[int, ...]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in (
            ("[Content_Types].xml", b"<Types/>"),
            ("docProps/core.xml", CORE),
            ("word/document.xml", b"<w:document>2024-05-06T07:08:09Z</w:document>"),
        ):
            archive.writestr(zipfile.ZipInfo(name, stamp), content)
    return buffer.getvalue()


def test_stable_zip_fixes_every_timestamp():
    first, second = stable_zip(_archive((2024, 5, 6, 7, 8, 10))), stable_zip(_archive((2025, 1, 2, 3, 4, 6)))
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert [info.filename for info in archive.infolist()] == [
        "[Content_Types].xml",
        "docProps/core.xml",
        "word/document.xml",
    ]
    assert {info.date_time for info in archive.infolist()} == {FIXED_ZIP_TIME} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}
    core = archive.read("docProps/core.xml")
    assert b"2024" not in core
    assert core.count(b">2000-01-01T00:00:00Z</dcterms:") == 2
    # only the document properties' dates are fixed: the content stays as written
    assert archive.read("word/document.xml") == b"<w:document>2024-05-06T07:08:09Z</w:document>"


def test_stable_zip_with_another_stamp():
    core = zipfile.ZipFile(io.BytesIO(stable_zip(_archive((2024, 5, 6, 7, 8, 10)), "2023-12-31T00:00:00Z")))
    assert core.read("docProps/core.xml").count(b">2023-12-31T00:00:00Z<") == 2


def test_report_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    assert report_date("2024-01-15") == "2024-01-15"  # --date wins
    assert report_date(None) == "2023-11-14"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert report_date(None) == "1970-01-01"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert report_date(None) is None
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert report_date(None) is None and report_date("") is None  # a draft: the signer dates it


def test_sha256_of(tmp_path):
    small = tmp_path / "abc.csv"
    small.write_bytes(b"abc")
    assert sha256_of(small) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    big = tmp_path / "big.csv"
    data = bytes(range(256)) * 8193  # past the 1 MB block
    big.write_bytes(data)
    assert sha256_of(big) == hashlib.sha256(data).hexdigest()
    assert sha256_of(tmp_path / "missing.csv") == ""
    assert sha256_of(tmp_path) == ""  # a folder cannot be read as a file
