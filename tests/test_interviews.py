"""An "I" in the answers of a printed interview is the person interviewed."""

from __future__ import annotations

from newsfacts.extract.interviews import answers, interviewee
from newsfacts.models import Entity, Span
from newsfacts.pipeline import analyze_text
from newsfacts.settings import Settings

INTERVIEW = (
    "Q&A with Mayor Ann Lee.\n"
    "Ann Lee has run Leeds for six years. She spoke to us on Monday.\n"
    "Q: Will the tram be finished?\n"
    "A: I think it will be finished by June, and I expect the council to agree.\n"
    "Q: What about the buses?\n"
    "A: We are buying forty new ones. I believe they will arrive in May.\n"
    "I asked her about the budget too."
)


def _person(text: str, name: str, entity_id: str = "E1") -> Entity:
    start = text.index(name)
    return Entity(entity_id, "PERSON", name, mentions=(Span(start, start + len(name), name),))


def test_an_i_in_an_answer_is_the_person_the_headline_names() -> None:
    facts = analyze_text(INTERVIEW, Settings())
    names = {e.id: e.name for e in facts.entities}
    by_source = {}
    for a in facts.attributions:
        if a.source and INTERVIEW[a.source[0].start : a.source[0].end] == "I":
            line = INTERVIEW.count("\n", 0, a.source[0].start)
            by_source.setdefault(line, set()).add(names.get(a.speaker or ""))
    assert by_source[3] == {"Ann Lee"}
    assert by_source.get(6, {None}) == {None}  # the writer's own line is no answer


def test_answers_need_two_paragraphs_and_the_headline_one_person() -> None:
    assert len(answers(INTERVIEW)) == 2
    lone = "Lee spoke.\nA: Smith said nothing.\nThe end."
    assert answers(lone) == ()
    inside = INTERVIEW.index("I think")
    lee = _person(INTERVIEW, "Ann Lee")
    assert interviewee(INTERVIEW, inside, [lee]) == lee
    assert interviewee(INTERVIEW, INTERVIEW.index("I asked"), [lee]) is None
    two = INTERVIEW.replace("Q&A with Mayor Ann Lee.", "Q&A with Ann Lee and Tom Hale.")
    starts = [two.index("Ann Lee"), two.index("Ann Lee has")]
    lee_twice = Entity(
        "E1", "PERSON", "Ann Lee", mentions=tuple(Span(s, s + 7, "Ann Lee") for s in starts)
    )
    people = [lee_twice, _person(two, "Tom Hale", "E2")]
    assert interviewee(two, two.index("I think"), people) is None  # which of the two?


def test_with_nobody_in_the_headline_the_person_named_most_before_the_answers() -> None:
    text = (
        "Six questions for the mayor.\n"
        "Ann Lee met Tom Hale on Monday. Ann Lee has run Leeds for six years.\n"
        "Q: Will the tram be finished?\n"
        "A: I think so.\n"
        "Q: And the buses?\n"
        "A: I hope so."
    )
    first, second = text.index("Ann Lee"), text.rindex("Ann Lee")
    lee = Entity(
        "E1",
        "PERSON",
        "Ann Lee",
        mentions=(Span(first, first + 7, "Ann Lee"), Span(second, second + 7, "Ann Lee")),
    )
    hale = _person(text, "Tom Hale", "E2")
    assert interviewee(text, text.index("I think"), [hale, lee]) == lee
    assert interviewee(text, text.index("I think"), [hale, _person(text, "Ann Lee")]) is None


def test_each_answer_is_what_the_person_interviewed_said() -> None:
    facts = analyze_text(INTERVIEW, Settings())
    names = {e.id: e.name for e in facts.entities}
    given = [
        (names.get(a.speaker or ""), a.kind, a.content[0].text)
        for a in facts.attributions
        if [s.text for s in a.source] == ["A"]
    ]
    assert given == [
        (
            "Ann Lee",
            "direct",
            "I think it will be finished by June, and I expect the council to agree",
        ),
        ("Ann Lee", "direct", "We are buying forty new ones. I believe they will arrive in May"),
    ]
    # the questions and the writer's own line are nobody's answers
    assert not any("tram" in a.content[0].text for a in facts.attributions if a.speaker)


def test_an_answer_the_tagger_also_frames_is_given_once() -> None:
    text = (
        "Q&A with Vice President Ann Lee.\n\n"
        "Vice President Ann Lee spent Thursday morning in Leeds. She spoke with us afterwards.\n\n"
        "Q: Do you think the tram will be finished?\n\n"
        "A: I believe so. I say it whenever I visit the depots and speak to the drivers, "
        "meaning the night shifts and the mechanics. That's what I say about it.\n\n"
        "Q: Have you talked to the minister?\n\n"
        "A: No, nobody came. Nobody phoned. It was as if the depot did not exist...\n\n"
        "Q: And the waiting lists?\n\n"
        "A: You never think about what the delays do to the people who wait for years.\n"
    )
    facts = analyze_text(text, Settings(all_attributions=True))
    answers = [a for a in facts.attributions if [s.text for s in a.source] == ["A"]]
    assert [(a.kind, a.content[0].text[-12:]) for a in answers] == [
        ("direct", "I say about it"[-12:]),
        ("direct", "not exist..."),  # an ellipsis is no full stop
        ("direct", "it for years"),
    ]
    cues = [tuple(a.cue) for a in facts.attributions]
    assert len(cues) == len(set(cues))
