"""The scratch pager (exhibition_app.imaging.scratch): pages it drops stay readable."""

from __future__ import annotations

import mmap
import sys
from pathlib import Path

import pytest

from exhibition_app.imaging import scratch


def _rss_file_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssFile:"):
            return int(line.split()[1])
    raise AssertionError("no RssFile in /proc/self/status")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux: /proc/self/maps")
def test_a_watched_file_mapped_by_a_library_leaves_the_resident_set(tmp_path: Path) -> None:
    # libtiff maps the TIFF it decodes; the pager pages such mappings out (never losing data).
    path = tmp_path / "source.bin"
    data = bytes(range(256)) * (16 << 12)  # 16 MiB
    path.write_bytes(data)
    with open(path, "rb") as fp, mmap.mmap(fp.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        total = sum(mm[i] for i in range(0, len(data), 4096))
        before = _rss_file_kb()
        with scratch.Pager(interval=60) as pager:
            pager.watch(path)
            pager.release()
            after = _rss_file_kb()
            pager.unwatch(path)
        assert before - after > 8 << 10  # most of the 16 MiB left the resident set
        assert sum(mm[i] for i in range(0, len(data), 4096)) == total  # and reads the same
        assert mm[12345] == data[12345]
