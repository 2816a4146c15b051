"""The model as RDF: model to graph and back, other publishers' terms, privacy on the graph.

Layer 3: imports the layers below (core, formats, model).
"""
