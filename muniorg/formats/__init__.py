"""Files and text: RDF and JSON-LD reading and writing, YAML with positions, input limits,
atomic writes and the output folder.

Layer 1: imports only :mod:`muniorg.core`.
"""
