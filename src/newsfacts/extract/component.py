"""newsfacts as a spaCy pipeline component.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsfacts_attribution")      # after the parser and NER
    doc = nlp(text)
    doc._.attributions, doc._.entities_nf

The factory is found through the ``spacy_factories`` entry point, so importing newsfacts is
not needed; Doc extensions are registered when the component is created, not at import.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.settings import Settings


def register_extensions() -> None:
    """Register the Doc extensions once (idempotent)."""
    for name in ("attributions", "entities_nf"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class AttributionComponent:
    """Sets ``doc._.entities_nf`` (newsfacts entities) and ``doc._.attributions``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        # Imported here: spaCy imports this module (entry point) whenever it builds any
        # pipeline, so it must stay light and import nothing heavy at module level.
        from newsfacts.extract.attribution import extract_attributions
        from newsfacts.extract.entities import extract_entities

        entities = extract_entities(doc, self.settings)
        attributions = extract_attributions(doc, entities, self.settings)
        doc._.entities_nf = entities
        doc._.attributions = attributions
        return doc


@Language.factory(
    "newsfacts_attribution",
    requires=["doc.ents", "token.dep", "token.head", "doc.sents"],
    assigns=["doc._.attributions", "doc._.entities_nf"],
)
def make_attribution_component(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(Settings())
