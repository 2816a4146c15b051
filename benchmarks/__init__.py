"""Benchmarks of muniorg at national scale (run on demand, never as timed tests).

- ``python -m benchmarks.generate_corpus OUT`` writes realistic authoring YAML for every Nordic
  municipality in the registry extracts (package data, ``muniorg/data/registries``);
- ``python -m benchmarks.run`` times each stage on such a corpus and writes
  ``benchmarks/results/<date>-<label>.json`` and ``.md``.

See ``docs/performance.md``.
"""
