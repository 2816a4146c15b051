"""The lowest layer: errors, source positions, namespaces, value rules, bundled-file paths,
check digits and the process pool.

Imports nothing of muniorg; everything else may import it.
"""
