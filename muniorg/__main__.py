"""``python -m muniorg``: the same command line as ``muniorg`` (for environments where the
console script is not on PATH)."""

from muniorg.cli import main

main()
