"""Accuracy scoring against annotated corpora (PolNeAR for attributions)."""
