"""The lowest layer: errors, source positions, namespaces, value rules, check digits.

Imports nothing of muniorg; everything else may import it.
"""
