"""Replacing files durably (exhibition_app.core.durable): the old file survives any failure
and no temporary file is left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from exhibition_app.core import durable
from exhibition_app.core.durable import (
    atomic_write,
    open_replacing,
    replace_dir,
    replace_file,
    replacing,
)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_atomic_write_creates_and_replaces(tmp_path: Path) -> None:
    dest = tmp_path / "doc.json"
    atomic_write(dest, b"first")
    assert dest.read_bytes() == b"first"
    atomic_write(dest, "second \u0436\n")
    assert dest.read_text(encoding="utf-8") == "second \u0436\n"
    atomic_write(dest, "latin \xe9", encoding="latin-1")
    assert dest.read_bytes() == b"latin \xe9"
    assert names(tmp_path) == ["doc.json"]


def test_failure_mid_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    dest = tmp_path / "state.json"
    dest.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk went away"), open_replacing(dest, True) as fp:
        fp.write("new, but only ha")
        raise RuntimeError("disk went away")
    assert dest.read_text(encoding="utf-8") == "old"
    assert names(tmp_path) == ["state.json"]


def test_a_tool_writing_the_path_itself(tmp_path: Path) -> None:
    dest = tmp_path / "out.bin"
    dest.write_bytes(b"old")
    with replacing(dest, prefix=".tmp-", suffix=".bin") as tmp:
        assert tmp.parent == tmp_path
        assert tmp.name.startswith(".tmp-") and tmp.name.endswith(".bin")
        assert tmp.exists() and tmp.stat().st_size == 0
        tmp.write_bytes(b"new")
        assert dest.read_bytes() == b"old"  # nothing replaced before the block ends
    assert dest.read_bytes() == b"new"
    assert names(tmp_path) == ["out.bin"]

    with pytest.raises(KeyboardInterrupt), replacing(dest) as tmp:
        tmp.write_bytes(b"half")
        raise KeyboardInterrupt
    assert dest.read_bytes() == b"new"
    assert names(tmp_path) == ["out.bin"]


def test_default_temporary_name_is_a_hidden_sibling(tmp_path: Path) -> None:
    with replacing(tmp_path / "pin.json") as tmp:
        assert tmp.name.startswith(".pin.json.") and tmp.name.endswith(".tmp")
        tmp.write_text("{}", encoding="utf-8")


def test_failed_fsync_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "backup.db"
    dest.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(durable.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="Input/output error"):
        atomic_write(dest, b"new")
    assert dest.read_bytes() == b"old"
    assert names(tmp_path) == ["backup.db"]


def test_failed_rename_keeps_the_old_file(tmp_path: Path) -> None:
    dest = tmp_path / "folder"
    dest.mkdir()
    (dest / "inside").write_bytes(b"x")
    with pytest.raises(OSError):
        atomic_write(dest, b"not over a folder")
    assert names(tmp_path) == ["folder"]
    assert names(dest) == ["inside"]


def test_missing_folder_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "nowhere" / "file", b"x")
    assert names(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_modes(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "plain", b"x")
        atomic_write(tmp_path / "secret", b"x", mode=0o600)
        os.umask(0o000)
        atomic_write(tmp_path / "secret2", b"x", mode=0o600)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "plain").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "secret").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "secret2").stat().st_mode) == 0o600


def test_replace_file_moves_a_finished_temporary_file(tmp_path: Path) -> None:
    tmp, dest = tmp_path / ".dump.tmp", tmp_path / "dump"
    tmp.write_bytes(b"archive")
    dest.write_bytes(b"old")
    replace_file(tmp, dest)
    assert dest.read_bytes() == b"archive"
    assert names(tmp_path) == ["dump"]


def test_replace_dir_swaps_a_folder_in_and_removes_the_old_one(tmp_path: Path) -> None:
    dest = tmp_path / "set"
    for content in (b"one", b"two"):
        building = tmp_path / ".building-set"
        building.mkdir()
        (building / "info.json").write_bytes(content)
        replace_dir(building, dest)
        assert (dest / "info.json").read_bytes() == content
        assert names(tmp_path) == ["set"]


def test_replace_dir_puts_the_old_folder_back_when_the_new_one_cannot_go_in(
    tmp_path: Path,
) -> None:
    dest = tmp_path / "set"
    dest.mkdir()
    (dest / "info.json").write_bytes(b"old")
    with pytest.raises(FileNotFoundError):
        replace_dir(tmp_path / ".building-gone", dest, retired_prefix=".old-")
    assert (dest / "info.json").read_bytes() == b"old"
    assert names(tmp_path) == ["set"]
