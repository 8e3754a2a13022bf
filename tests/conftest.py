"""Shared test configuration: Hypothesis profiles and the golden cases."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# `ci` is the default: derandomized, so a run is reproducible and CI is never
# red by chance; `dev` explores more and at random (HYPOTHESIS_PROFILE=dev).
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
