"""What the parser reads: the user's text with plain spaces and plain inner apostrophes."""

from __future__ import annotations

from newsfacts.nlp.loader import for_parser
from newsfacts.pipeline import analyze_text
from newsfacts.settings import Settings


def test_only_an_apostrophe_between_letters_becomes_plain() -> None:
    text = "D’Souza’s ‘best’ deal of the 1990’s,\u00a0Ma’am’"
    read = for_parser(text)
    assert read == "D'Souza's ‘best’ deal of the 1990’s, Ma'am’"
    assert len(read) == len(text)


def test_a_name_written_with_a_typographic_apostrophe_is_a_person() -> None:
    text = (
        "Filmmaker and author Dinesh D’Souza spoke on Friday. "
        "D’Souza said the film would open in May."
    )
    facts = analyze_text(text, Settings())
    person = next(e for e in facts.entities if e.name == "Dinesh D’Souza")  # the user's text
    assert person.type == "PERSON"
    assert [text[m.start : m.end] for m in person.mentions] == ["Dinesh D’Souza", "D’Souza"]
    assert [a.speaker for a in facts.attributions] == [person.id]
