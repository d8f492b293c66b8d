"""Combining frames: the tagger's with the rules', a second tagger's content, shared quotes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsfacts.extract.attribution import Frame
from newsfacts.extract.frame_merge import _prefer_lstm, merge_frames, settle_shared_quotes
from newsfacts.models import Region
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def test_the_better_formed_of_two_contents_is_kept(nlp: Language) -> None:
    text = "The minister said on Tuesday that the budget would be cut next year."
    doc = parse_body(nlp, text, [Region(0, len(text))])

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    clause = [at("that the budget would be cut next year")]  # the whole "that" clause
    ragged = [at("Tuesday that the budget would be cut")]  # no constituent
    split = [at("that the budget"), at("would be cut next year")]
    # fewer pieces win, whichever tagger gave them
    assert _prefer_lstm(doc, split, clause)
    assert not _prefer_lstm(doc, clause, split)
    # as many pieces: the whole constituent wins; a tie goes to the LSTM
    assert not _prefer_lstm(doc, clause, ragged)
    assert _prefer_lstm(doc, ragged, clause)
    assert _prefer_lstm(doc, ragged, [at("Tuesday that the budget")])


def test_a_shared_quote_stays_with_the_nearest_cue() -> None:
    text = "“We are ready,” she said. “The vote is Tuesday.” Critics said it was rushed."
    q1, q2 = (0, 15), (26, 48)
    she = Frame(cue=[(20, 24)], source=[(16, 19)], content=[q1, q2])
    critics = Frame(cue=[(57, 61)], source=[(49, 56)], content=[q2, (62, 75)])
    alone = Frame(cue=[(57, 61)], source=[(49, 56)], content=[q1])
    frames = settle_shared_quotes([she, critics, alone], text)
    assert she.content == [q1, q2]  # the nearest cue, and the most pieces on a tie
    assert critics.content == [(62, 75)]
    assert alone.content == [q1]  # a frame keeps a shared piece that is all it has
    assert frames == [she, critics, alone]


def test_rule_frames_lend_quotes_and_sources_and_fill_gaps(nlp: Language) -> None:
    text = (
        "“We will win,” Smith said. Jones is expected to resign. Aides claimed a deal. "
        "Lee refused to confirm the date. Voters backed the plan that critics said would fail."
    )

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    # the tagger framed "said" with ragged content and no source; the rules found the quote
    tagged = Frame(cue=[at("said")], source=[], content=[at("We will win,”")])
    rule = Frame(cue=[at("said")], source=[at("Smith")], content=[at("“We will win,”")])
    rule.quoted = True
    # a passive cue: the rules' "source" is the tagger's content, so it is not taken
    passive = Frame(cue=[at("is expected")], source=[], content=[at("Jones"), at("to resign")])
    rule_passive = Frame(cue=[at("is expected")], source=[at("Jones")], content=[at("to resign")])
    # a cue only the rules found, and a rule cue inside the tagger's content
    claimed = Frame(cue=[at("claimed")], source=[at("Aides")], content=[at("a deal")])
    inside = Frame(cue=[at("win")], source=[], content=[at("We")])
    # cues only the rules found that are a verb's bare form or in a relative clause: not added
    bare = Frame(cue=[at("confirm")], source=[at("Lee")], content=[at("the date")])
    said = text.index("said", text.index("critics"))
    relative = Frame(cue=[(said, said + 4)], source=[at("critics")], content=[at("would fail")])
    doc = parse_body(nlp, text, [Region(0, len(text))])
    rules = [rule, rule_passive, claimed, inside, bare, relative]
    merged = merge_frames([tagged, passive], rules, doc)
    assert merged == [tagged, passive, claimed]
    assert tagged.content == [at("“We will win,”")] and tagged.quoted
    assert tagged.source == [at("Smith")]
    assert passive.source == []


def test_a_rule_quote_from_another_paragraph_does_not_replace_the_taggers_content(
    nlp: Language,
) -> None:
    text = (
        "Mr. Lee responded to the claim that the plan was “dead.”\n\n"
        "“Tell that to the workers,” Mr. Lee said.\n"
        "Ms. Park replied: “We will see.”"
    )

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    # the parse gave the rules' "responded" the quote of the next paragraph
    own = [at("that the plan was “dead.”")]
    tagged = Frame(cue=[at("responded")], source=[at("Mr. Lee")], content=list(own))
    quote = [at("“Tell that to the workers,”")]
    rule = Frame(cue=[at("responded")], source=[at("Mr. Lee")], content=quote)
    rule.quoted = True
    # a quote on the cue's own line still replaces the tagger's ragged content
    replied = Frame(cue=[at("replied")], source=[at("Ms. Park")], content=[at("We will see")])
    rule_replied = Frame(cue=[at("replied")], source=[], content=[at("“We will see.”")])
    rule_replied.quoted = True
    merge_frames(
        [tagged, replied], [rule, rule_replied], parse_body(nlp, text, [Region(0, len(text))])
    )
    assert tagged.content == own and not tagged.quoted
    assert replied.content == [at("“We will see.”")] and replied.quoted


def test_hearsay_gives_its_subject_to_the_content_and_keeps_the_frame_inside(
    nlp: Language,
) -> None:
    text = "Price reportedly told associates that he expects a deal by Friday."
    doc = parse_body(nlp, text, [Region(0, len(text))])

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    rest = at("told associates that he expects a deal by Friday")
    tagged = Frame(cue=[at("reportedly")], source=[at("Price")], content=[rest])
    told = Frame(
        cue=[at("told")], source=[at("Price")], content=[at("that he expects a deal by Friday")]
    )
    merged = merge_frames([tagged], [told], doc)
    # no one is named as saying it: the subject is part of what is reported
    assert (tagged.source, tagged.content) == ([], [at("Price"), rest])
    # and what Price told his associates is an attribution of its own
    assert merged == [tagged, told] and told.found_by == "rules"
    # a cue with a verb of saying is no hearsay: "Trump reportedly said …"
    said = Frame(cue=[at("reportedly told")], source=[at("Price")], content=[rest])
    merge_frames([said], [], doc)
    assert said.source == [at("Price")]
