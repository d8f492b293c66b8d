"""An "I" outside quotes is the writer of the story, described by the byline's names."""

from __future__ import annotations

from newsfacts.extract.attribution import the_writer
from newsfacts.models import ArticleFacts
from newsfacts.pipeline import analyze_text
from newsfacts.settings import Settings

OPINION = (
    "Why the tax plan fails working families\n\n"
    "By Jane Whitaker\n\n"
    "I believe the new tax plan will hurt working families more than its authors admit. "
    "We have seen this before.\n\n"
    'Senator Tom Briggs said the plan would "pay for itself." I doubt that very much.\n\n'
    '"I am sure it will pass," Briggs told reporters on Monday.\n'
)


def _by_cue(facts: ArticleFacts) -> dict[str, tuple[str | None, str | None]]:
    names = {e.id: e.name for e in facts.entities}
    return {
        a.cue[0].text: (names.get(a.speaker or ""), a.source_description)
        for a in facts.attributions
    }


def test_an_i_outside_quotes_is_the_bylines_writer() -> None:
    facts = analyze_text(OPINION, Settings())
    assert facts.sourcing is not None and facts.sourcing.writer == 2
    found = _by_cue(facts)
    assert found["believe"] == (None, "the writer, Jane Whitaker")
    assert found["doubt"] == (None, "the writer, Jane Whitaker")
    assert found["have seen"] == (None, None)  # "we" may be anyone
    assert found["told"] == ("Tom Briggs", None)  # an "I" inside quotes is the speaker's


def test_without_a_byline_the_writer_has_no_name() -> None:
    text = OPINION.replace("By Jane Whitaker\n\n", "")
    assert _by_cue(analyze_text(text, Settings()))["believe"] == (None, "the writer")


def test_a_byline_of_two() -> None:
    assert the_writer(["Jane Doe", "John Roe"]) == "the writer, Jane Doe or John Roe"
    assert the_writer([]) == "the writer"
