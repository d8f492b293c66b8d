"""newsfacts as a spaCy pipeline component.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsfacts_line_breaks", before="parser")  # optional: sentences as newsfacts
    nlp.add_pipe("newsfacts_attribution")      # after the parser and NER
    # or, with the slower, more accurate encoder tagger (the 'encoder' extra):
    # nlp.add_pipe("newsfacts_attribution", config={"tagger": "encoder"})
    doc = nlp(text)
    doc._.attributions, doc._.entities_nf

The factories are found through the ``spacy_factories`` entry point, so importing newsfacts
is not needed; Doc extensions are registered when the component is created, not at import.
``newsfacts_line_breaks`` presets the sentence starts ``analyze`` parses with (a line break
ends a sentence; a closing quote mark glued to the word before never starts one): on
PolNeAR dev that is worth content +0.5 and linked +0.6 with the default tagger.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

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

    def __init__(self, settings: Settings, own_vectors: bool) -> None:
        self.settings = settings
        # False when the host pipeline is not en_core_web_sm 3.8: the tagger's token vectors
        # are then computed here, for the duration of the call, and the doc's own restored.
        self.own_vectors = own_vectors
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        # Imported here: spaCy imports this module (entry point) whenever it builds any
        # pipeline, so it must stay light and import nothing heavy at module level.
        from newsfacts.extract.attribution import extract_attributions
        from newsfacts.extract.entities import extract_entities
        from newsfacts.nlp.doctext import KEY as TEXT_KEY

        entities = extract_entities(doc, self.settings)
        if self.own_vectors:
            attributions = extract_attributions(doc, entities, self.settings)
        else:
            import numpy

            from newsfacts.nlp.loader import reference_vectors

            host_tensor = doc.tensor
            doc.tensor = numpy.asarray(reference_vectors([doc])[0])
            try:
                attributions = extract_attributions(doc, entities, self.settings)
            finally:
                doc.tensor = host_tensor
        doc._.entities_nf = entities
        doc._.attributions = attributions
        doc.user_data.pop(TEXT_KEY, None)  # the extractors' cached text: not the user's data
        return doc


@Language.factory(
    "newsfacts_attribution",
    requires=["doc.ents", "token.dep", "token.head", "doc.sents"],
    assigns=["doc._.attributions", "doc._.entities_nf"],
    default_config={"tagger": "lstm"},
)
def make_attribution_component(nlp: Language, name: str, tagger: str) -> AttributionComponent:
    from newsfacts.nlp.loader import shares_vectors

    if tagger not in ("lstm", "encoder"):
        raise ValueError(
            f"newsfacts_attribution: tagger must be 'lstm' or 'encoder', not {tagger!r}"
        )
    if tagger == "encoder":
        from newsfacts.extract.encoder_roles import check_encoder

        check_encoder()
    settings = replace(Settings(), role_tagger=tagger)
    return AttributionComponent(settings, own_vectors=shares_vectors(nlp))


@Language.factory("newsfacts_line_breaks", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    from newsfacts.nlp.loader import paragraph_breaks

    return paragraph_breaks
