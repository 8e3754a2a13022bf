"""The built wheel and sdist: package data, typing marker, metadata for PyPI.

Builds both with ``python -m build`` (skipped where ``build`` is not
installed; the ``lint`` extra has it, and CI installs it). When
``BERITACLEAN_DIST`` names a folder that already holds them, as in
``.ci/run``, those are checked instead of building again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import beritaclean

if TYPE_CHECKING:
    from email.message import Message

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "beritaclean"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("BERITACLEAN_DIST")
    if given:
        return Path(given)
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(  # noqa: S603 -- our own interpreter building our own project
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


def _one(dist: Path, pattern: str) -> Path:
    found = sorted(dist.glob(pattern))
    assert len(found) == 1, found
    return found[0]


def _wheel_names(dist: Path) -> set[str]:
    with zipfile.ZipFile(_one(dist, "*.whl")) as wheel:
        return set(wheel.namelist())


def _metadata(dist: Path) -> Message:
    with zipfile.ZipFile(_one(dist, "*.whl")) as wheel:
        name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        return Parser().parsestr(wheel.read(name).decode("utf-8"))


def test_wheel_has_the_package_data_and_the_typing_marker(dist: Path) -> None:
    names = _wheel_names(dist)
    assert "beritaclean/py.typed" in names
    shipped = {
        f"beritaclean/{p.relative_to(PACKAGE).as_posix()}"
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix in {".py", ".toml", ".typed"}
    }
    assert shipped <= names, sorted(shipped - names)
    assert {n for n in names if n.startswith("beritaclean/data/")} >= {
        f"beritaclean/data/{p.name}" for p in (PACKAGE / "data").glob("*.toml")
    }
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_wheel_metadata_is_complete(dist: Path) -> None:
    meta = _metadata(dist)
    assert meta["Name"] == "beritaclean"
    assert meta["License-Expression"] == "MIT"
    assert meta["License-File"] == "LICENSE"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in _wheel_names(dist))
    classifiers = meta.get_all("Classifier") or []
    assert "Natural Language :: Indonesian" in classifiers
    assert "Typing :: Typed" in classifiers
    for version in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    assert meta["Requires-Python"] == ">=3.11"
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert {"Homepage", "Documentation", "Source", "Issues", "Changelog"} <= set(urls)
    assert set(meta.get_all("Provides-Extra") or []) >= {"datatrove", "docs", "lint", "test"}
    assert meta["Description-Content-Type"] == "text/markdown"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    payload = meta.get_payload()
    assert isinstance(payload, str)
    assert payload.strip() == readme.strip()


def test_wheel_declares_the_command(dist: Path) -> None:
    with zipfile.ZipFile(_one(dist, "*.whl")) as wheel:
        name = next(n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt"))
        entry_points = wheel.read(name).decode("utf-8")
    assert "beritaclean = beritaclean.cli:main_entry" in entry_points


def test_sdist_can_run_the_tests_and_build_the_docs(dist: Path) -> None:
    with tarfile.open(_one(dist, "*.tar.gz")) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    for needed in (
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
        "conftest.py",
        "mkdocs.yml",
        "src/beritaclean/py.typed",
        "tests/conftest.py",
        "docs/index.md",
        "docs/examples/tribunnews-trump-putin.raw.txt",
    ):
        assert needed in names, needed


def test_default_wheel_is_pure_python(dist: Path) -> None:
    # The compiled build is opt-in (HATCH_BUILD_HOOK_ENABLE_MYPYC): a plain
    # build, and so a source install, needs no C compiler.
    wheel = _one(dist, "*.whl")
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name
    assert not any(n.endswith((".so", ".pyd")) for n in _wheel_names(dist))


def test_no_compiled_module_shadows_the_sources() -> None:
    # A compiled wheel built in place leaves mypyc's extension modules in
    # src/, and Python imports them before the .py files: edits would be ignored.
    if not Path(beritaclean.__file__).resolve().is_relative_to(PACKAGE):
        pytest.skip("beritaclean is not imported from src/ here (an installed build)")
    stale = sorted(p.name for p in PACKAGE.parent.rglob("*") if p.suffix in {".so", ".pyd"})
    assert not stale, f"remove the compiled modules from src/: {stale}"
