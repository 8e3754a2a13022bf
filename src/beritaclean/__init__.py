"""Clean text scraped from Indonesian news sites.

>>> import beritaclean
>>> beritaclean.clean("TRIBUNNEWS.COM- Presiden Rusia .")
'TRIBUNNEWS.COM - Presiden Rusia.'
"""

from beritaclean._version import __version__
from beritaclean.batch import clean_many, explain_many
from beritaclean.edits import Edit, apply_edits
from beritaclean.findings import Finding
from beritaclean.pipeline import STEPS, CleanResult, Pipeline, clean, clean_and_explain
from beritaclean.steps.bylines import Byline, parse_byline

__all__ = [
    "STEPS",
    "Byline",
    "CleanResult",
    "Edit",
    "Finding",
    "Pipeline",
    "__version__",
    "apply_edits",
    "clean",
    "clean_and_explain",
    "clean_many",
    "explain_many",
    "parse_byline",
]
