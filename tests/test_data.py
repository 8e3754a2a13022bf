"""The package data loader."""

from __future__ import annotations

import pytest

from beritaclean.data import load_table


def test_a_missing_table_is_a_clear_error() -> None:
    with pytest.raises(FileNotFoundError, match="no data table 'no_such_table'"):
        load_table("no_such_table")
