"""The DCAT-AP catalog: its settings (a ``type: Catalog`` file) and the catalog graph.

Layer 4 (beside authoring and validation, which it does not import).
"""
