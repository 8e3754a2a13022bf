"""Package data: what the steps know about Indonesian news sites.

Each table is a TOML file beside this module (``outlets.toml``,
``places.toml``, ``boilerplate.toml`` ...), so adding an outlet or a
boilerplate phrase means editing one data file and no code. Steps load them
once, at import, and compile them into a few combined patterns.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load_table"]


@cache
def load_table(name: str) -> dict[str, Any]:
    """Load the data table ``<name>.toml`` shipped with the package.

    Args:
        name: The file name without ``.toml`` (``"outlets"``).

    Returns:
        The parsed table. It is shared: do not mutate it.

    Raises:
        FileNotFoundError: If the package has no such table.
    """
    path = resources.files(__package__).joinpath(f"{name}.toml")
    if not path.is_file():
        raise FileNotFoundError(f"beritaclean has no data table {name!r}")
    with path.open("rb") as fh:
        return tomllib.load(fh)
