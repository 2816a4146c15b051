"""Publishing: the build (validate, render, write a whole output folder), conversion between
formats, and the process pool that runs documents in parallel.

Layer 6: uses everything below; only the command line and the facade import it.
"""
