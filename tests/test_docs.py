"""Every Python example in README.md and docs/*.md runs, and its output is checked.

Each fenced ``python`` (or ``pycon``) block is one test, run on its own in a
fresh namespace and a temporary directory: a block with ``>>>`` prompts runs
under doctest (every output must match); any other block runs as a script
with ``__name__ == "__main__"`` and must not raise. Blocks that import an
optional package (pandas, datasets, datatrove) are skipped where it is not
installed; CI installs them all. See docs/contributing.md.
"""

from __future__ import annotations

import doctest
import io
import re
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
OPTIONAL = frozenset({"pandas", "datasets", "datatrove"})

# Blocks whose output follows SPEC.md but needs a step that is still being
# finished. They run as strict xfails: when one starts passing the suite fails,
# and its entry must go.
PENDING: dict[str, str] = {}

FENCE_RE = re.compile(
    r"^```(?:python|pycon|py)\b[^\n]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE
)
HEADING_RE = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*$", re.MULTILINE)
IMPORT_RE = re.compile(
    r"^[ \t]*(?:>>> |\.\.\. )?[ \t]*(?:from|import)[ \t]+([A-Za-z_]\w*)", re.MULTILINE
)
TEST_REF_RE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


class Block(NamedTuple):
    """One fenced Python block of a page."""

    id: str
    path: Path
    line: int
    source: str


def _slug(heading: str) -> str:
    words = re.sub(r"[^\w\s-]", "", heading.lower())
    return re.sub(r"[\s]+", "-", words.strip())


def _blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    rel = page.relative_to(ROOT).as_posix()
    headings = [(m.start(), _slug(m.group(1))) for m in HEADING_RE.finditer(text)]
    blocks: list[Block] = []
    seen: dict[str, int] = {}
    for match in FENCE_RE.finditer(text):
        section = next((s for pos, s in reversed(headings) if pos < match.start()), "top")
        seen[section] = seen.get(section, 0) + 1
        line = text.count("\n", 0, match.start(1)) + 1
        blocks.append(Block(f"{rel}::{section}::{seen[section]}", page, line, match.group(1)))
    return blocks


BLOCKS = [block for page in PAGES for block in _blocks(page)]


def _params() -> list[object]:
    params: list[object] = []
    for block in BLOCKS:
        marks = []
        if block.id in PENDING:
            marks.append(pytest.mark.xfail(reason=PENDING[block.id], strict=True))
        params.append(pytest.param(block, id=block.id, marks=marks))
    return params


def test_the_collector_finds_the_examples() -> None:
    pages = {block.path.name for block in BLOCKS}
    expected = {"README.md", "index.md", "cleaners.md", "explain.md", "pipelines.md"}
    assert expected | {"integrations.md", "guarantees.md"} <= pages
    assert len(BLOCKS) >= 30


def test_pending_entries_name_real_blocks() -> None:
    assert set(PENDING) <= {block.id for block in BLOCKS}


@pytest.mark.parametrize("block", _params())
def test_example(block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for module in IMPORT_RE.findall(block.source):
        if module in OPTIONAL and find_spec(module) is None:
            pytest.skip(f"needs {module}")
    monkeypatch.chdir(tmp_path)
    name = f"{block.path.relative_to(ROOT).as_posix()}:{block.line}"
    if ">>>" in block.source:
        _run_doctest(block, name)
    else:
        code = compile(block.source, name, "exec")
        exec(code, {"__name__": "__main__"})  # noqa: S102 -- running our own documentation


def _run_doctest(block: Block, name: str) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.source, {"__name__": "__main__"}, name, str(block.path), 0)
    for example in test.examples:
        example.lineno += block.line - 1
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS, verbose=False)
    report = io.StringIO()
    runner.run(test, out=report.write, clear_globs=True)
    if runner.failures:
        pytest.fail(f"{block.id} ({name}):\n{report.getvalue()}", pytrace=False)


def test_documented_test_references_exist() -> None:
    for page in PAGES:
        for path, name in TEST_REF_RE.findall(page.read_text(encoding="utf-8")):
            source = (ROOT / path).read_text(encoding="utf-8")
            assert re.search(rf"^def {name}\(", source, re.MULTILINE), (
                f"{page.name}: {path}::{name}"
            )
