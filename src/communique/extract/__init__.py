"""Extraction stages: each module reads the document and adds one layer of spans."""
