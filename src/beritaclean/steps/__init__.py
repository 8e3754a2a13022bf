"""The nine cleaning steps, one module each.

Every step is a pure, idempotent ``str -> str`` function that accepts any
``str``. Each module also has a ``*_spans`` function that finds the step's
replacements without applying them; the pipeline uses those to trace edits.
"""
