"""Validation against the bundled SHACL shapes (muniorg's engine, or pySHACL), and results.

Layer 4 (beside authoring and dcat, which it does not import).
"""
