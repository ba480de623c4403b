"""The command line's output helpers: a long list streamed as JSON is byte for byte what
``json.dumps(..., indent=2)`` gives for the whole list, in flat memory."""

from __future__ import annotations

import argparse
import json
from typing import Any

import pytest

from exhibition_app.cli.console import emit_rows, indented_json

SAMPLES: list[Any] = [
    {"id": 1, "x": 1.5, "y": 2.0, "lon": None, "lat": -0.0, "label": {}, "text": {}},
    {"label": {"kk": 'Қазақ "хан"\n\u2028\x1b\\', "mn-Mong": "ᠮᠣᠩᠭᠣᠯ"}},
    [1, 0, True, False, None, 1e308, 1e-7, -3, "ä", [], {}, [{"a": [1, {"b": []}]}]],
    [float("nan"), float("inf"), float("-inf"), 12345678901234567890, 0.1],
    {},
    [],
    "plain",
]


@pytest.mark.parametrize("value", SAMPLES)
def test_indented_json_is_json_dumps(value: Any) -> None:
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("rows", [[], SAMPLES[:2], [{"id": n} for n in range(5)]])
def test_streamed_rows_are_the_whole_list(
    rows: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    emit_rows(argparse.Namespace(json=True), iter(rows), str)
    assert capsys.readouterr().out == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    emit_rows(argparse.Namespace(json=False), iter(rows), lambda r: f"row {r}")
    assert capsys.readouterr().out == "".join(f"row {r}\n" for r in rows)
