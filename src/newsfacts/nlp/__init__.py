"""Builds the spaCy pipeline once and parses article bodies with offsets kept."""

from newsfacts.nlp.loader import load_pipeline, parse_body

__all__ = ["load_pipeline", "parse_body"]
