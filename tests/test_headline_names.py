"""People in title-case lines (headline_names): cut to a name the article gives elsewhere."""

from __future__ import annotations

from newsfacts.extract.aliases import Mention
from newsfacts.extract.headline_names import headline_people, title_case_lines

TEXT = (
    "Ada Brenn Slams Council Over Depot Closure\n"
    "Backfire\n"
    "Councillor Ada Brenn said on Monday that the depot would close. Tom Rudd agreed.\n"
    "Why The Depot Plan Could Backfire For Marine Le Pen Backs Rudd\n"
    "Mr. Quill Explains Why Kim Wellman Left The Board\n"
    "Veteran Councillor Tom Rudd Quits In Protest\n"
    "Le Pen said the vote was lost.\n"
)


def at(words: str, label: str = "PERSON", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Mention(start, start + len(words), label)


def names(mentions: list[Mention]) -> list[str]:
    return [TEXT[m.start : m.end] for m in mentions]


def test_title_case_lines_are_found() -> None:
    lines = [TEXT[s:e] for s, e in title_case_lines(TEXT)]
    assert lines == [
        "Ada Brenn Slams Council Over Depot Closure",
        "Why The Depot Plan Could Backfire For Marine Le Pen Backs Rudd",
        "Mr. Quill Explains Why Kim Wellman Left The Board",
        "Veteran Councillor Tom Rudd Quits In Protest",
    ]


def test_a_headline_mention_is_cut_to_a_name_given_elsewhere() -> None:
    body = [at("Ada Brenn", nth=1), at("Tom Rudd")]
    found = headline_people(TEXT, [at("Ada Brenn Slams"), at("Veteran Councillor Tom Rudd"), *body])
    assert names(found) == ["Ada Brenn", "Tom Rudd", "Ada Brenn", "Tom Rudd"]


def test_a_full_name_is_not_cut_to_the_part_the_article_gives_elsewhere() -> None:
    found = headline_people(TEXT, [at("Marine Le Pen"), at("Le Pen", nth=1)])
    assert names(found) == ["Marine Le Pen", "Le Pen"]


def test_a_family_name_alone_is_no_name_to_cut_to() -> None:
    # "Rudd" is known only as the end of "Tom Rudd": the mention stays as the tagger read it
    found = headline_people(TEXT, [at("Le Pen Backs Rudd"), at("Tom Rudd")])
    assert names(found) == ["Le Pen Backs Rudd", "Tom Rudd"]


def test_a_lone_word_that_names_no_one_is_dropped() -> None:
    found = headline_people(TEXT, [at("Backfire", nth=1), at("Quill"), at("Kim Wellman")])
    assert names(found) == ["Quill", "Kim Wellman"]  # after "Mr.", and two words


def test_mentions_outside_title_case_lines_and_other_kinds_stay() -> None:
    kept = [at("Ada Brenn", nth=1), at("Council", "ORG"), at("Backfire", nth=1, label="ORG")]
    kept.append(at("Backfire"))  # a person's mention, but not in a title-case line
    assert headline_people(TEXT, kept) == kept
