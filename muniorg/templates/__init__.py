"""Annotated YAML templates that ``muniorg init`` fills in, one per comment language."""
