"""Authoring files: YAML with positions into the typed model, every error with file:line:col.

Layer 4 (beside dcat and validation, which it does not import).
"""
