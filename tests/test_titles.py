"""Title and rank detection on plain text (no spaCy model needed)."""

from __future__ import annotations

from newsfacts.extract.title_appositions import title_after, title_before_comma
from newsfacts.extract.titles import (
    Word,
    strip_title_prefix,
    titles_before,
    words_in,
)


def _never(word: Word) -> bool:
    return False


def _before(text: str, name: str) -> tuple[tuple[str, ...], str | None, str]:
    start = text.index(name)
    match = titles_before(text, start, 0, _never)
    region = text[match.region[0] : match.region[1]] if match.region else ""
    return tuple(t.text for t in match.titles), match.affiliation, region


def test_title_and_rank_before_name() -> None:
    text = "according to Pentagon Press Secretary Maj. Gen. Pat Ryder."
    titles, affiliation, region = _before(text, "Pat Ryder")
    assert titles == ("Pentagon Press Secretary", "Maj. Gen.")
    assert affiliation == "Pentagon"
    assert region == "Pentagon Press Secretary Maj. Gen. "


def test_possessive_owner_is_affiliation_not_title() -> None:
    text = "give Iraq’s Prime Minister Mohamed Shia al-Sudani a win"
    assert _before(text, "Mohamed")[:2] == (("Prime Minister",), "Iraq")


def test_lowercase_head_and_org_prefix() -> None:
    assert _before("Pentagon chief Lloyd Austin met", "Lloyd")[:2] == (
        ("Pentagon chief",),
        "Pentagon",
    )
    assert _before("White House press secretary Karine Jean-Pierre said", "Karine")[:2] == (
        ("White House press secretary",),
        "White House",
    )


def test_a_ministry_word_qualifies_a_title_without_naming_an_organisation() -> None:
    # British cabinet titles: "Home" is no organisation of the Home Secretary's
    assert _before("Home Secretary Alan Price said", "Alan")[:2] == (("Home Secretary",), None)
    assert _before("Transport Minister Ada Brenn said", "Ada")[:2] == (
        ("Transport Minister",),
        None,
    )
    assert _before("WFP country director Ada Brenn said", "Ada")[:2] == (
        ("WFP country director",),
        "WFP",
    )


def test_the_words_naming_an_organisations_field_stay_in_its_name() -> None:
    cases = {
        "State Department spokesman Ned Price said": "State Department",
        "National Security Council spokesman John Kirby said": "National Security Council",
        "Interior Ministry spokesman Ali Reza said": "Interior Ministry",
        "Federal Reserve Chair Jerome Powell said": "Federal Reserve",
        "Former State Department spokesman Ned Price said": "State Department",
        "Acting Pentagon spokesman Ann Lee said": "Pentagon",
    }
    for text, affiliation in cases.items():
        name = text.split(" spokesman ")[-1] if " spokesman " in text else "Jerome Powell"
        assert _before(text, name)[1] == affiliation, text


def test_demonym_becomes_place() -> None:
    assert _before("Russian President Vladimir Putin met", "Vladimir")[1] == "Russia"


def test_of_complement() -> None:
    text = "met Chairman of the Joint Chiefs of Staff Gen. Mark Milley"
    titles, affiliation, _ = _before(text, "Mark")
    assert titles == ("Chairman of the Joint Chiefs of Staff", "Gen.")
    assert affiliation == "Joint Chiefs of Staff"


def test_no_title_from_plain_words_or_previous_sentence() -> None:
    assert _before("forces invaded to topple Saddam Hussein", "Saddam")[0] == ()
    assert _before("according to a campaign aide. Ann Okafor said", "Ann")[0] == ()
    assert _before("On Tuesday, Austin told", "Austin")[0] == ()


def test_apposition_after_name() -> None:
    text = "Lloyd Austin, the defense secretary, said"
    match = title_after(text, text.index(","), len(text))
    assert [t.text for t in match.titles] == ["defense secretary"]
    text = "said John Kirby, a spokesman for the National Security Council."
    match = title_after(text, text.index(","), len(text))
    assert [t.text for t in match.titles] == ["spokesman"]
    assert match.affiliation == "National Security Council"


def _after(text: str) -> tuple[list[str], str | None]:
    match = title_after(text, text.index(","), len(text))
    return [t.text for t in match.titles], match.affiliation


def test_an_apposition_that_ends_its_sentence_before_another_on_the_line() -> None:
    assert _after("said Jonas Weber, a campaign aide. He added that") == (["campaign aide"], None)
    assert _after("said Jonas Weber, a campaign aide. For now, he") == (["campaign aide"], None)
    assert _after("said Jonas Weber, an analyst at Berenberg. He said") == (
        ["analyst"],
        "Berenberg",
    )
    # an honorific's full stop ends no sentence
    assert _after("said Ed Vance, a spokesman for Mrs. Hale. He said") == (
        ["spokesman"],
        "Mrs. Hale",
    )


def test_an_affiliation_named_with_of_and_for() -> None:
    assert _after("said Tom Hale, a spokesman for the United Bakers of Ohio.") == (
        ["spokesman"],
        "United Bakers of Ohio",
    )
    assert _after("said Nancy Lee, president of the Center for Reproductive Rights, on") == (
        ["president"],
        "Center for Reproductive Rights",
    )
    assert _after("said Ann Lee, a spokesman for Smith and said so") == (["spokesman"], "Smith")


def test_a_titles_field_in_plain_words_after_of() -> None:
    assert _after("said Gunter Kuhnle, a professor of nutrition at the University of Reading,") == (
        ["professor of nutrition"],
        "University of Reading",
    )
    assert _after("said Ann Lee, director of communications, on Monday") == (
        ["director of communications"],
        None,
    )
    assert _after("said Ann Lee, a professor of nutrition. He said") == (
        ["professor of nutrition"],
        None,
    )
    assert _after("said Ann Lee, a professor of clinical epidemiology. He said")[0] == [
        "professor of clinical epidemiology"
    ]
    assert _after("said Ann Lee, a professor of economics who studies trade")[0] == [
        "professor of economics"
    ]
    assert _after("said Ann Lee, director of the FBI, on Monday") == (["director"], "FBI")
    assert _after("said Ann Lee, a professor of the old school and more") == ([], None)


def test_a_second_title_after_and_ends_the_first() -> None:
    text = (
        "said Ann Lee, an associate professor at the Chan School of Public Health and the study's"
    )
    assert _after(text) == (["associate professor"], "Chan School of Public Health")


def test_titles_of_a_field_a_club_or_a_team() -> None:
    assert _after("said Ann Lee, the chief financial officer, on Monday")[0] == [
        "chief financial officer"
    ]
    assert _after("said Ann Lee, the club's medical director, on Monday")[0] == ["medical director"]
    assert _after("said Ann Lee, the sporting director, on Monday")[0] == ["sporting director"]
    text = "Everton lost on Sunday. First-team coach Carlos Cuesta will take charge."
    assert _before(text, "Carlos")[:2] == (("First-team coach",), None)


def test_a_body_named_inside_the_title_keeps_its_last_word() -> None:
    assert _after("said Ann Lee, the Ohio Green Party chairwoman.") == (
        ["Ohio Green Party chairwoman"],
        "Ohio Green Party",
    )
    assert _after("said Ann Lee, the Lagos State Police spokesman, on Monday")[1] == (
        "Lagos State Police"
    )
    assert _after("said Ann Lee, a State Department spokesman, on Monday")[1] == "State Department"


def test_apposition_needs_a_title_head() -> None:
    text = "Austin, Brown and Ryder met"
    assert title_after(text, text.index(","), len(text)).titles == ()


def test_party_tag_after_name() -> None:
    text = "Sen. Elizabeth Warren, D-Mass., said"
    match = title_after(text, text.index(","), len(text))
    assert match.affiliation == "D-Mass."
    assert match.titles == ()


def test_strip_title_prefix_inside_span() -> None:
    text = "Joint Staff Spokesman Jereal Dorsey"
    assert strip_title_prefix(text, 0, len(text), True) == text.index("Jereal")
    assert strip_title_prefix("Secretary Austin", 0, 16, False) == 10
    king = "Martin Luther King Jr."
    assert strip_title_prefix(king, 0, len(king), True) is None


def test_words_split_possessive_and_keep_offsets() -> None:
    text = "Iraq’s O'Brien Maj. Gen."
    words = words_in(text, 0, len(text))
    assert [w.text for w in words] == ["Iraq", "’s", "O'Brien", "Maj.", "Gen."]
    assert all(text[w.start : w.end] == w.text for w in words)


def test_a_title_set_off_by_a_comma_before_the_name() -> None:
    def found(text: str, name: str) -> tuple[tuple[str, ...], str | None]:
        start = text.index(name)
        match = title_before_comma(text, start, start + len(name), 0)
        return tuple(t.text for t in match.titles), match.affiliation

    said = "Velden's chief executive, Markus Brandt, said"
    assert found(said, "Markus Brandt") == (("chief executive",), "Velden")
    assert found("The union's regional head, Petra Lang, called", "Petra Lang") == (
        ("regional head",),
        None,
    )
    assert found("Its new chairman, Ann Lee.", "Ann Lee") == (("chairman",), None)
    # a list, a plain noun, a name that does not close the apposition: no title
    assert found("He met the chairman, Ann Lee and Tom Hale", "Ann Lee") == ((), None)
    assert found("The company's shares, Ann Lee said, fell", "Ann Lee") == ((), None)
    assert found("He thanked voters, Ann Lee, and others", "Ann Lee") == ((), None)


def test_a_title_before_a_comma_with_a_named_owner_a_remit_or_a_body_noun() -> None:
    def found(text: str, name: str) -> tuple[tuple[str, ...], str | None]:
        start = text.index(name)
        match = title_before_comma(text, start, start + len(name), 0)
        return tuple(t.text for t in match.titles), match.affiliation

    envoy = "The United Nations envoy for Kestria, Ada Holm, urged calm."
    assert found(envoy, "Ada Holm") == (("United Nations envoy for Kestria",), "United Nations")
    assert found("The Secretary of State, Ada Holm, said", "Ada Holm") == (
        ("Secretary of State",),
        None,
    )
    assert found("The rebels' political leader, Omar Said, said", "Omar Said") == (
        ("political leader",),
        None,
    )
    assert found("A company spokeswoman, Ada Holm, said", "Ada Holm") == (
        ("company spokeswoman",),
        None,
    )
    assert found("The store's owner, Ravi Shah, said", "Ravi Shah") == (("owner",), None)
    # a plain noun between the article and the name is still no title
    assert found("The company's shares, Ada Holm said, fell", "Ada Holm") == ((), None)


def test_an_apposition_with_a_named_owner_a_place_or_a_party_after_it() -> None:
    assert _after("said Ada Holm, the WHO's regional director for Europe, on Monday") == (
        ["regional director"],
        "WHO",
    )
    assert _after("said Ed Park, the State Department's climate envoy, on Monday") == (
        ["climate envoy"],
        "State Department",
    )
    assert _after("said Ada Holm, a paediatrician in Kestrel Bay. She added") == (
        ["paediatrician"],
        None,
    )
    assert _after("said Ada Holm, a spokeswoman for Moreau's party.") == (
        ["spokeswoman"],
        "Moreau's party",
    )
    assert _after("Ed Park, chief economist at Moody's Analytics, said") == (
        ["chief economist"],
        "Moody's Analytics",
    )
    assert _after("Ed Park, head of the nationalist Homeland party, said") == (
        ["head"],
        "Homeland party",
    )
    # words after the place that do not close the apposition: no title
    assert _after("said Ada Holm, a paediatrician in Iasi hospitals for years") == ([], None)


def test_a_title_the_name_takes_on() -> None:
    def taken(text: str, name: str) -> tuple[list[str], str | None]:
        match = title_after(text, text.index(name) + len(name), len(text))
        return [t.text for t in match.titles], match.affiliation

    text = "When Claire Dufresne was elected mayor of Lyon in 2020, few believed her."
    assert taken(text, "Dufresne") == (["mayor"], "Lyon")
    assert taken("Ann Lee became chief executive last year.", "Lee") == (["chief executive"], None)
    assert taken("Al Roe was sworn in as governor on Monday.", "Roe") == (["governor"], None)
    # a verb that makes no one anything, or a plain noun after it, gives no title
    assert taken("Ann Lee was seen at the mayor's office.", "Lee") == ([], None)
    assert taken("Jo Kim became a citizen in 2001.", "Kim") == ([], None)


def test_a_ministry_named_by_its_field_is_the_countrys() -> None:
    assert _before("Dutch Economy Minister Femke Bos said", "Femke")[:2] == (
        ("Dutch Economy Minister",),
        "Netherlands",
    )
