"""The JSON Schema of the facts format, shipped with the package."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any


def schema_text() -> str:
    return files("newsfacts").joinpath("data/facts.schema.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def facts_schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text())
    return loaded


def validate(payload: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when ``payload`` is not a valid facts object."""
    import jsonschema

    jsonschema.validate(payload, facts_schema())
