"""The typed model generated from the shapes: its schema, the classes, nodes and their IRIs.

Layer 2: imports :mod:`muniorg.core` and :mod:`muniorg.formats`.
"""
