"""Publishing: the build (validate, render, write a whole output folder), rendering of the
published texts, conversion between formats, and checking files.

Layer 6: uses everything below; only the command line and the facade import it.
"""
