"""Ready-made glue between beritaclean and the tools corpora are built with.

Each integration lives in its own module and imports its tool only when that
module is imported, so ``import beritaclean`` never pulls in any of them:

- :mod:`beritaclean.integrations.datatrove`: ``BeritaCleanFormatter``, a
  datatrove pipeline step (``pip install 'beritaclean[datatrove]'``).
- :mod:`beritaclean.integrations.hf`: ``clean_batch``, a batched function for
  Hugging Face ``datasets.Dataset.map`` (needs no extra dependency).

pandas needs no glue: ``series.map(beritaclean.clean)`` is the recipe; see the
integrations page of the documentation.
"""
