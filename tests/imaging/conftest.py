"""Fixtures for the imaging tests: the generated bad/odd-image corpus."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest


def _load_build_corpus() -> Callable[[Path], dict[str, Path]]:
    # Loaded by path so it works whatever pytest's import mode (no __init__.py here).
    spec = importlib.util.spec_from_file_location(
        "imaging_make_corpus", Path(__file__).with_name("make_corpus.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_corpus  # type: ignore[no-any-return]


build_corpus = _load_build_corpus()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``{key: path}`` of generated corpus files. Read-only: copy before modifying."""
    return build_corpus(tmp_path_factory.mktemp("image-corpus"))
