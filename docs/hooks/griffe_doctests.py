"""Griffe extension: render the doctests in docstrings as code.

The package's docstrings carry bare doctests (``>>>`` lines), which
Markdown would read as nested block quotes and, worse, as reference links
(``[('fix_bylines', ...)]``). This wraps each run of doctest lines, with its
expected output, in a ``pycon`` fence before mkdocstrings renders it. The
docstrings themselves stay plain, so ``pytest --doctest-modules`` runs them.
"""

from __future__ import annotations

import griffe


def wrap_doctests(text: str) -> str:
    """Fence every doctest (prompt lines and their output) in ``text``."""
    out: list[str] = []
    in_block = False
    for line in text.split("\n"):
        if line.lstrip().startswith(">>>") and not in_block:
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            in_block = True
        elif in_block and not line.strip():
            out.append(f"{indent}```")
            in_block = False
        out.append(line)
    if in_block:
        out.append(f"{indent}```")
    return "\n".join(out)


class FenceDoctests(griffe.Extension):
    """Fence the doctests of every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: object) -> None:  # noqa: ARG002
        """Rewrite the object's docstring, if it has one."""
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = wrap_doctests(obj.docstring.value)
