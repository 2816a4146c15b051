"""The `muniorg` command: one module per command; `app` holds the group.

The command line's modules (click, rdflib ...) are imported with the collector paused and then
frozen (:func:`muniorg.core.collector.long_lived`): they live as long as the process.
"""

from muniorg.core.collector import long_lived

with long_lived():
    from muniorg.cli.app import cli, main

__all__ = ["cli", "main"]
