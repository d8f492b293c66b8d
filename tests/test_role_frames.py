"""Linking the role tagger's spans into frames, on hand-labelled spans over real parses."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from conftest import link, pieces, role
from newsfacts.extract.quotes import find_quotes
from newsfacts.extract.role_frames import frames_from_roles
from newsfacts.nlp.loader import load_pipeline
from newsfacts.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def contents(nlp: Language, text: str, labelled: list[tuple[str, str]]) -> list[list[str]]:
    """Each linked frame's content pieces, as words."""
    return [pieces(text, f.content) for f in link(nlp, text, labelled)[1]]


def test_the_subject_of_a_passive_cue_is_content_not_source(nlp: Language) -> None:
    text = "Mr. Okafor was accused of keeping the money for himself."
    _, frames = link(
        nlp,
        text,
        [
            ("SOURCE", "Mr. Okafor"),
            ("CUE", "was accused of"),
            ("CONTENT", "keeping the money for himself"),
        ],
    )
    (frame,) = frames
    assert pieces(text, frame.content) == ["Mr. Okafor", "keeping the money for himself"]
    assert frame.source == []


def test_who_was_asked_is_neither_content_nor_source(nlp: Language) -> None:
    text = "The treasurer was asked whether the fund had lost money."
    _, frames = link(
        nlp, text, [("CUE", "was asked"), ("CONTENT", "whether the fund had lost money")]
    )
    (frame,) = frames
    assert pieces(text, frame.content) == ["whether the fund had lost money"]
    assert frame.source == []
    labelled = [
        ("CONTENT", "The treasurer"),  # the tagger's own piece goes too
        ("CUE", "was asked"),
        ("CONTENT", "whether the fund had lost money"),
    ]
    assert contents(nlp, text, labelled) == [["whether the fund had lost money"]]


def test_an_expletive_it_before_a_raising_verb_is_not_content(nlp: Language) -> None:
    text = "It seems unlikely that the council will meet again."
    _, frames = link(
        nlp, text, [("CUE", "seems"), ("CONTENT", "unlikely that the council will meet again")]
    )
    (frame,) = frames
    assert pieces(text, frame.content) == ["unlikely that the council will meet again"]
    assert frame.source == []
    text = "The bridge seems unlikely to open on time."  # a real subject stays
    _, frames = link(nlp, text, [("CUE", "seems"), ("CONTENT", "unlikely to open on time")])
    (frame,) = frames
    assert pieces(text, frame.content) == ["The bridge", "unlikely to open on time"]


def test_a_raising_verb_with_a_speech_verb_keeps_its_subject_as_source(nlp: Language) -> None:
    text = "He appeared to suggest that veterans are weak."
    _, frames = link(
        nlp,
        text,
        [("SOURCE", "He"), ("CUE", "appeared to suggest"), ("CONTENT", "that veterans are weak")],
    )
    (frame,) = frames
    assert pieces(text, frame.source) == ["He"]
    assert pieces(text, frame.content) == ["that veterans are weak"]


def test_a_parenthetical_source_splits_the_content(nlp: Language) -> None:
    text = "But to avoid delays, he said, city workers should start early."
    _, frames = link(
        nlp,
        text,
        [("SOURCE", "he"), ("CUE", "said"), ("CONTENT", "city workers should start early")],
    )
    (frame,) = frames
    assert pieces(text, frame.content) == [
        "But to avoid delays",
        "city workers should start early",
    ]
    assert pieces(text, frame.source) == ["he"]


def test_an_opening_of_only_a_conjunction_is_not_content(nlp: Language) -> None:
    text = "And still, she added, the depot will close in May."
    _, frames = link(
        nlp,
        text,
        [("SOURCE", "she"), ("CUE", "added"), ("CONTENT", "the depot will close in May")],
    )
    (frame,) = frames
    assert pieces(text, frame.content) == ["the depot will close in May"]


def test_a_source_that_opens_the_sentence_takes_no_opening(nlp: Language) -> None:
    text = "He said, of course, that local officials should be vigilant."
    _, frames = link(
        nlp,
        text,
        [("SOURCE", "He"), ("CUE", "said"), ("CONTENT", "that local officials should be vigilant")],
    )
    (frame,) = frames
    assert pieces(text, frame.content) == ["that local officials should be vigilant"]


def test_a_closed_quote_continues_the_speaker_before_it(nlp: Language) -> None:
    # the parse puts the closing quote mark into the next paragraph's sentence
    text = (
        '"We are ready," said Ann Lee, a professor at the college. '
        '"The vote is on Tuesday."\n\nBob Smith recalled the long talks.'
    )
    _, frames = link(
        nlp,
        text,
        [
            ("CONTENT", '"We are ready,"'),
            ("CUE", "said"),
            ("SOURCE", "Ann Lee, a professor at the college"),
            ("CONTENT", '"The vote is on Tuesday."'),
            ("SOURCE", "Bob Smith"),
            ("CUE", "recalled"),
            ("CONTENT", "the long talks"),
        ],
    )
    ann, bob = frames
    assert pieces(text, ann.content) == ['"We are ready,"', '"The vote is on Tuesday."']
    assert pieces(text, bob.content) == ["the long talks"]


def test_a_speech_cue_leaves_out_where_it_was_said(nlp: Language) -> None:
    text = '"We will win," Ann Lee said in Boston. She spoke of "a new start."'
    _, frames = link(
        nlp,
        text,
        [
            ("CONTENT", '"We will win,"'),
            ("SOURCE", "Ann Lee"),
            ("CUE", "said in Boston"),
            ("SOURCE", "She"),
            ("CUE", "spoke of"),
            ("CONTENT", '"a new start."'),
        ],
    )
    said, spoke = frames
    assert pieces(text, said.cue) == ["said"]
    assert pieces(text, spoke.cue) == ["spoke of"]  # not a speech verb of the list: kept
    text = '"We will win," Ann Lee said in a statement.'  # a statement is how, and stays
    labelled = [
        ("CONTENT", '"We will win,"'),
        ("SOURCE", "Ann Lee"),
        ("CUE", "said in a statement"),
    ]
    _, frames = link(nlp, text, labelled)
    assert [pieces(text, f.cue) for f in frames] == [["said in a statement"]]


def test_content_stopping_at_the_object_runs_on_through_its_complement(nlp: Language) -> None:
    text = "She then urges her brother to step out of the truck."
    _, frames = link(
        nlp, text, [("SOURCE", "She"), ("CUE", "then urges"), ("CONTENT", "her brother")]
    )
    (frame,) = frames
    assert pieces(text, frame.content) == ["her brother to step out of the truck"]


def test_an_object_followed_by_a_time_or_place_stays_as_it_is(nlp: Language) -> None:
    text = "Lee has not mentioned Ortiz since the Tuesday night forum in Dayton."
    _, frames = link(
        nlp, text, [("SOURCE", "Lee"), ("CUE", "has not mentioned"), ("CONTENT", "Ortiz")]
    )
    (frame,) = frames
    assert pieces(text, frame.content) == ["Ortiz"]


def test_a_that_clause_goes_to_the_cue_it_hangs_on_not_the_nearest(nlp: Language) -> None:
    text = (
        "Two officials told the Harbour Post on Friday that Belgium had asked to join the "
        "talks, although neither government has confirmed the claim."
    )
    _, frames = link(
        nlp,
        text,
        [
            ("SOURCE", "Two officials"),
            ("CUE", "told"),
            ("CONTENT", "that Belgium had asked to join the talks"),
            ("SOURCE", "neither government"),
            ("CUE", "has confirmed"),
            ("CONTENT", "the claim"),
        ],
    )
    told, confirmed = frames
    assert pieces(text, told.content) == ["that Belgium had asked to join the talks"]
    assert pieces(text, confirmed.content) == ["the claim"]


def test_a_quote_of_its_own_continues_the_quoted_speaker_not_a_nearer_plain_claim(
    nlp: Language,
) -> None:
    # the nearest cue before the second quote ("stressing") holds plain content only
    text = (
        "“The harbour cannot wait another winter,” Mayor Ann Lee said, stressing that the "
        "repairs were overdue. “We will start on the north pier in March.”"
    )
    _, frames = link(
        nlp,
        text,
        [
            ("CONTENT", "“The harbour cannot wait another winter,”"),
            ("SOURCE", "Mayor Ann Lee"),
            ("CUE", "said"),
            ("CUE", "stressing"),
            ("CONTENT", "that the repairs were overdue"),
            ("CONTENT", "“We will start on the north pier in March.”"),
        ],
    )
    said, stressing = frames
    assert pieces(text, said.content) == [
        "“The harbour cannot wait another winter,”",
        "“We will start on the north pier in March.”",
    ]
    assert pieces(text, stressing.content) == ["that the repairs were overdue"]


def test_a_split_quote_resumes_after_where_it_was_said(nlp: Language) -> None:
    # the resumed quote stands nearer the next cue than its own
    text = (
        '"The bridge will be ready," Ann Lee said during a visit to the harbour, '
        '"but the road needs another year," blaming the contractors.'
    )
    _, frames = link(
        nlp,
        text,
        [
            ("CONTENT", '"The bridge will be ready,"'),
            ("SOURCE", "Ann Lee"),
            ("CUE", "said"),
            ("CONTENT", '"but the road needs another year,"'),
            ("CUE", "blaming"),
            ("CONTENT", "the contractors"),
        ],
    )
    said, blaming = frames
    assert pieces(text, said.content) == [
        '"The bridge will be ready,"',
        '"but the road needs another year,"',
    ]
    assert pieces(text, blaming.content) == ["the contractors"]


def test_of_two_subjects_the_one_the_tagger_marked_is_the_source(nlp: Language) -> None:
    # a misparse that made a dateline a second subject of "said", built by hand
    words = ["WASHINGTON", "—", "Senate", "leaders", "said", "that", "the", "bill", "died", "."]
    heads = [4, 4, 3, 4, 4, 8, 7, 8, 4, 4]
    deps = ["nsubj", "punct", "compound", "nsubj", "ROOT", "mark", "det", "nsubj", "ccomp"]
    pos = ["PROPN", "PUNCT", "PROPN", "NOUN", "VERB", "SCONJ", "DET", "NOUN", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=[*deps, "punct"], pos=pos)
    text = doc.text
    roles = [
        role(doc, "SOURCE", "Senate leaders"),
        role(doc, "CUE", "said"),
        role(doc, "CONTENT", "that the bill died"),
    ]
    (frame,) = frames_from_roles(doc, roles, find_quotes(text))
    assert pieces(text, frame.source) == ["Senate leaders"]


def test_an_infinitive_cue_after_an_object_speaks_for_the_object(nlp: Language) -> None:
    text = "The defeat led the party chairman to declare that the race was over."
    cue_and_content = [("CUE", "to declare"), ("CONTENT", "that the race was over")]
    # tagged or not, the chairman declares, not the defeat
    for labelled in (
        [("SOURCE", "The defeat"), ("SOURCE", "the party chairman"), *cue_and_content],
        cue_and_content,
    ):
        (frame,) = link(nlp, text, labelled)[1]
        assert pieces(text, frame.source) == ["the party chairman"]
    # a verb that keeps the infinitive for its own subject: "used … to argue"
    text = "Mr. Vance used his weekly column to argue that the race was over."
    labelled = [("CUE", "to argue"), ("CONTENT", "that the race was over")]
    (frame,) = link(nlp, text, labelled)[1]
    assert pieces(text, frame.source) == ["Mr. Vance"]


def test_a_participle_opening_the_sentence_takes_no_subject_as_source(nlp: Language) -> None:
    text = "Asked whether the plan would work, the minister said it would."
    doc, frames = link(
        nlp,
        text,
        [
            ("CUE", "Asked"),
            ("CONTENT", "whether the plan would work"),
            ("SOURCE", "the minister"),
            ("CUE", "said"),
            ("CONTENT", "it would"),
        ],
    )
    assert doc[0].tag_ == "VBN" and doc[0].dep_ == "advcl"
    asked, said = frames
    assert asked.source == []  # the minister was asked; the asker is not named
    assert pieces(text, said.source) == ["the minister"]
    text = "Asked by reporters whether the plan would work, the minister said it would."
    _, frames = link(
        nlp,
        text,
        [
            ("CUE", "Asked"),
            ("SOURCE", "reporters"),
            ("CONTENT", "whether the plan would work"),
            ("SOURCE", "the minister"),
            ("CUE", "said"),
            ("CONTENT", "it would"),
        ],
    )
    assert pieces(text, frames[0].source) == ["reporters"]  # the "by" agent asked


def test_a_cue_of_auxiliaries_only_takes_its_verb(nlp: Language) -> None:
    text = "Holt has\u00a0conceded the reality of the shortfall. She will not resign."
    _, frames = link(
        nlp,
        text,
        [("SOURCE", "Holt"), ("CUE", "has"), ("CONTENT", "the reality of the shortfall")],
    )
    (frame,) = frames
    assert pieces(text, frame.cue) == ["has\u00a0conceded"]
    _, frames = link(nlp, text, [("CUE", "will not"), ("CONTENT", "resign")])
    assert [pieces(text, f.cue) for f in frames] == [["will not"]]  # its verb is content


def test_a_passive_cue_leaves_out_the_by_of_its_agent(nlp: Language) -> None:
    text = "The plan was endorsed by most of the council, which met on Monday."
    _, frames = link(
        nlp,
        text,
        [("CONTENT", "The plan"), ("CUE", "was endorsed by"), ("SOURCE", "most of the council")],
    )
    (frame,) = frames
    assert pieces(text, frame.cue) == ["was endorsed"]
    assert pieces(text, frame.source) == ["most of the council"]


def test_the_reason_a_source_is_unnamed_frames_nothing(nlp: Language) -> None:
    text = (
        "Two lawmakers, who requested anonymity since they were not allowed "
        "to talk about the caucus's plans, said leaders were drafting a new map."
    )
    _, frames = link(
        nlp,
        text,
        [
            ("SOURCE", "Two lawmakers"),
            ("CUE", "were not allowed"),
            ("CONTENT", "the caucus's plans"),
            ("CUE", "said"),
            ("CONTENT", "leaders were drafting a new map"),
        ],
    )
    assert [(pieces(text, f.cue), pieces(text, f.content)) for f in frames] == [
        (["said"], ["leaders were drafting a new map"])
    ]


def test_a_raising_cue_takes_the_verb_it_raises_and_its_subject_speaks(nlp: Language) -> None:
    text = "Last week Ms. Varga appeared to blame junior staff for the errors."
    _, frames = link(
        nlp,
        text,
        [("SOURCE", "Ms. Varga"), ("CUE", "appeared"), ("CONTENT", "junior staff for the errors")],
    )
    (frame,) = frames
    assert pieces(text, frame.cue) == ["appeared to blame"]
    assert pieces(text, frame.source) == ["Ms. Varga"]
    assert pieces(text, frame.content) == ["junior staff for the errors"]
    # a raised verb the tagger put in the content stays there, and the subject with it
    _, frames = link(nlp, text, [("CUE", "appeared"), ("CONTENT", "to blame junior staff")])
    (frame,) = frames
    assert pieces(text, frame.cue) == ["appeared"]
    assert pieces(text, frame.content) == ["Ms. Varga", "to blame junior staff"]


def test_a_quote_after_plain_content_continues_only_a_verb_of_speaking(nlp: Language) -> None:
    quote = "“It is a gift to the town.”"

    def linked(text: str, cue: str, content: str) -> list[list[str]]:
        labelled = [("SOURCE", "The mayor"), ("CUE", cue), ("CONTENT", content), ("CONTENT", quote)]
        return contents(nlp, text, labelled)

    text = f"The mayor praised the new library. {quote}"
    assert linked(text, "praised", "the new library") == [["the new library"]]
    text = f"The mayor said the library would open. {quote}"
    assert linked(text, "said", "the library would open") == [["the library would open", quote]]


def test_a_participle_cue_after_a_comma_leaves_the_main_clause_alone(nlp: Language) -> None:
    text = "The union rejected the offer, saying the raise was too small."
    _, frames = link(
        nlp,
        text,
        [
            ("SOURCE", "The union"),
            ("CUE", "saying"),
            ("CONTENT", "the offer"),
            ("CONTENT", "the raise was too small"),
        ],
    )
    (frame,) = frames
    assert pieces(text, frame.content) == ["the raise was too small"]


def test_plain_content_after_the_cue_keeps_the_later_clauses_out(nlp: Language) -> None:
    text = "Ms. Ortiz praised the budget, which the council passed after a long debate."
    labelled = [
        ("SOURCE", "Ms. Ortiz"),
        ("CUE", "praised"),
        ("CONTENT", "the budget"),
        ("CONTENT", "after a long debate"),
    ]
    _, frames = link(nlp, text, labelled)
    (frame,) = frames
    assert pieces(text, frame.content) == ["the budget"]
    # a piece that is not right after the cue keeps its company
    text = "Ms. Ortiz praised, in a speech, the budget, which passed after a long debate."
    _, frames = link(nlp, text, labelled)
    (frame,) = frames
    assert pieces(text, frame.content) == ["the budget", "after a long debate"]


def test_a_passive_cue_with_only_its_subject_takes_what_follows_it(nlp: Language) -> None:
    text = "The mayor has been criticized for closing the depot."
    _, frames = link(nlp, text, [("CONTENT", "The mayor"), ("CUE", "has been criticized")])
    (frame,) = frames
    assert pieces(text, frame.content) == ["The mayor", "for closing the depot"]


def test_a_piece_of_only_a_conjunction_is_no_content(nlp: Language) -> None:
    text = "But according to the report, the depot will close."
    labelled = [
        ("CONTENT", "But"),
        ("CUE", "according to"),
        ("SOURCE", "the report"),
        ("CONTENT", "the depot will close"),
    ]
    assert contents(nlp, text, labelled) == [["the depot will close"]]


def test_a_passive_cue_takes_no_source_but_its_agent(nlp: Language) -> None:
    text = "Critics say the bill, known as the Safe Streets Act, is flawed."
    labelled = [("SOURCE", "Critics"), ("CUE", "known as"), ("CONTENT", "the Safe Streets Act")]
    _, frames = link(nlp, text, labelled)
    assert [f.source for f in frames] == [[]]
    text = "The plan was endorsed by the council on Monday."
    labelled = [("CONTENT", "The plan"), ("CUE", "was endorsed by"), ("SOURCE", "the council")]
    _, frames = link(nlp, text, labelled)
    assert [pieces(text, f.source) for f in frames] == [["the council"]]


def test_a_raising_cue_takes_no_other_source_of_its_sentence(nlp: Language) -> None:
    text = "In the survey, voters seem wary of the plan."
    labelled = [("SOURCE", "the survey"), ("CUE", "seem"), ("CONTENT", "wary of the plan")]
    _, frames = link(nlp, text, labelled)
    (frame,) = frames
    assert frame.source == []
    assert pieces(text, frame.content) == ["voters", "wary of the plan"]


def test_a_tagged_source_running_into_the_subject_starts_at_the_subject(nlp: Language) -> None:
    text = "In Tampa, Ms. Ortiz said the race was close."
    labelled = [("SOURCE", "Tampa, Ms. Ortiz"), ("CUE", "said"), ("CONTENT", "the race was close")]
    _, frames = link(nlp, text, labelled)
    assert [pieces(text, f.source) for f in frames] == [["Ms. Ortiz"]]


def test_content_stopping_before_its_clauses_verb_runs_to_the_clauses_end(nlp: Language) -> None:
    text = "The auditor noted that in 2009, the council sold the depot at a loss."
    labelled = [("SOURCE", "The auditor"), ("CUE", "noted"), ("CONTENT", "that in 2009")]
    _, frames = link(nlp, text, labelled)
    (frame,) = frames
    assert pieces(text, frame.content) == ["that in 2009, the council sold the depot at a loss"]
    labelled[2] = ("CONTENT", "that in 2009, the council sold the depot")  # has its verb
    assert contents(nlp, text, labelled) == [["that in 2009, the council sold the depot"]]


def test_an_opening_phrase_on_the_cue_verb_is_not_what_was_said(nlp: Language) -> None:
    text = "In 2015, the mayor said the depot would close."
    labelled = [
        ("CONTENT", "In 2015"),
        ("SOURCE", "the mayor"),
        ("CUE", "said"),
        ("CONTENT", "the depot would close"),
    ]
    assert contents(nlp, text, labelled) == [["the depot would close"]]
    text = "To avoid delays, the mayor said, the crews should start early."
    labelled = [
        ("CONTENT", "To avoid delays"),
        ("SOURCE", "the mayor"),
        ("CUE", "said"),
        ("CONTENT", "the crews should start early"),
    ]
    assert contents(nlp, text, labelled) == [["To avoid delays", "the crews should start early"]]


@pytest.mark.parametrize(
    ("text", "cue", "content", "source"),
    [
        (
            "A viral post claims that the council banned gas stoves.",
            "claims",
            "that",
            "A viral post",
        ),
        ("As Okafor preps for the vote, his allies worry.", "preps", "for", "Okafor"),
        ("A 30-second ad attacks Okafor for voting.", "attacks", "Okafor", "A 30-second ad"),
    ],
)
def test_the_words_before_a_cue_misread_as_a_plural_noun_are_its_source(
    nlp: Language, text: str, cue: str, content: str, source: str
) -> None:
    word = next(t for t in nlp(text) if t.text == cue)
    assert (word.tag_, word.nbor(-1).dep_) == ("NNS", "compound")  # the misreading at issue
    start = text.index(content, text.index(cue))
    _, frames = link(
        nlp, text, [("CUE", cue), ("CONTENT", text[start : text.index(",") if "," in text else -1])]
    )
    (frame,) = frames
    assert pieces(text, frame.source) == [source]
