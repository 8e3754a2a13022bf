"""Collection rules for the whole tree (the test fixtures live in tests/conftest.py).

The datatrove integration imports datatrove at module level, so its doctests
are collected only where the ``datatrove`` extra is installed.
"""

from importlib.util import find_spec

collect_ignore = [] if find_spec("datatrove") else ["src/beritaclean/integrations/datatrove.py"]
