"""Entities with titles, affiliations and in-article aliases (uses the small spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsfacts.extract.aliases import (
    Cluster,
    Mention,
    link_mentions,
    link_people,
    reads_as_place,
    without_company_suffix,
)
from newsfacts.extract.entities import extract_entities
from newsfacts.extract.entity_candidates import past_particle, person_families
from newsfacts.extract.person_names import candidate_name
from newsfacts.models import Entity, Region
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings

SEED = Path(__file__).parents[1].parent / "shared" / "data" / "seed" / "us-iraq-roadmap.txt"
SEED_PEOPLE = {
    "Mohamed Shia al-Sudani": (("Prime Minister",), "Iraq"),
    "Lloyd Austin": (("Pentagon chief",), "Pentagon"),
    "Pat Ryder": (("Pentagon Press Secretary", "Maj. Gen."), "Pentagon"),
    "CQ Brown": (("Joint Chiefs Chairman", "Gen."), None),
    "Jereal Dorsey": (("Joint Staff Spokesman",), None),
    "Saddam Hussein": ((), None),
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def _entities(nlp: Language, text: str, body: list[Region] | None = None) -> list[Entity]:
    doc = parse_body(nlp, text, body or [Region(0, len(text))])
    entities = extract_entities(doc, Settings())
    for e in entities:  # offsets are sacred, mentions sorted
        assert all(text[m.start : m.end] == m.text for m in e.mentions)
        assert [m.start for m in e.mentions] == sorted(m.start for m in e.mentions)
    assert [e.id for e in entities] == [f"E{n}" for n in range(1, len(entities) + 1)]
    return entities


def _people(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities if e.type == "PERSON"}


def _person_mentions(nlp: Language, text: str) -> dict[str, list[str]]:
    """Each person's name and the words of their mentions."""
    return {
        e.name: [m.text for m in e.mentions] for e in _entities(nlp, text) if e.type == "PERSON"
    }


def _named(entities: list[Entity], name: str) -> Entity:
    return next(e for e in entities if e.name == name)


def _seed_body(text: str) -> list[Region]:
    """Paragraphs between the headline block and the closing "Advertisement" line."""
    start = text.index("\nAdvertisement\n") + len("\nAdvertisement\n")
    end = text.rindex("\nAdvertisement")
    regions, pos = [], start
    for para in text[start:end].split("\n"):
        if para.strip():
            regions.append(Region(pos, pos + len(para)))
        pos += len(para) + 1
    return regions


@pytest.mark.parametrize("whole", [False, True], ids=["body", "whole-text"])
def test_seed_people_with_titles_and_no_false_person(nlp: Language, whole: bool) -> None:
    if not SEED.exists():
        pytest.skip(f"shared data not present: {SEED}")
    text = SEED.read_text(encoding="utf-8")
    entities = _entities(nlp, text, None if whole else _seed_body(text))
    people = _people(entities)
    assert set(people) == set(SEED_PEOPLE)
    for name, (titles, affiliation) in SEED_PEOPLE.items():
        person = people[name]
        assert person.titles[: len(titles)] == titles, name
        if affiliation is not None:
            assert person.affiliation == affiliation, name
    austin = people["Lloyd Austin"]
    assert [m.text for m in austin.mentions] == ["Lloyd Austin", "Austin", "Austin", "Austin"]
    operation = _named(entities, "Operation Inherent Resolve")
    assert operation.type == "ORG"
    assert [m.text for m in operation.mentions][-1] == "Inherent Resolve"
    coalition = _named(entities, "Global Coalition")
    assert [m.text for m in coalition.mentions] == ["Global Coalition", "Global Coalition"]
    us = _named(entities, "United States")
    assert {m.text for m in us.mentions} == {"US", "United States"}
    assert not any(e.name.startswith(("the ", "The ")) for e in entities)


def test_wire_titles(nlp: Language) -> None:
    text = (
        "White House press secretary Karine Jean-Pierre said the bill would be vetoed.\n"
        "Sen. Elizabeth Warren, D-Mass., said the rule was unfair.\n"
        "Russian President Vladimir Putin met German Chancellor Olaf Scholz in Moscow.\n"
    )
    people = _people(_entities(nlp, text))
    assert set(people) == {
        "Karine Jean-Pierre",
        "Elizabeth Warren",
        "Vladimir Putin",
        "Olaf Scholz",
    }
    assert people["Karine Jean-Pierre"].titles == ("White House press secretary",)
    assert people["Karine Jean-Pierre"].affiliation == "White House"
    assert people["Elizabeth Warren"].titles == ("Sen.",)
    assert people["Elizabeth Warren"].affiliation == "D-Mass."
    assert people["Vladimir Putin"].titles == ("Russian President",)
    assert people["Vladimir Putin"].affiliation == "Russia"
    assert people["Olaf Scholz"].affiliation == "Germany"


def test_former_president_alias(nlp: Language) -> None:
    text = (
        "Former President Donald Trump spoke at a rally in Ohio. Trump said the election was "
        "rigged. The crowd cheered, but the former president offered no evidence."
    )
    trump = _people(_entities(nlp, text))["Donald Trump"]
    assert trump.titles == ("Former President",)
    assert [m.text for m in trump.mentions] == ["Donald Trump", "Trump", "former president"]


def test_title_alias_with_the(nlp: Language) -> None:
    text = (
        "Pentagon chief Lloyd Austin met his counterpart on Tuesday. "
        "Later, the Pentagon chief told reporters that Austin would travel again."
    )
    entities = _entities(nlp, text)
    austin = _people(entities)["Lloyd Austin"]
    assert [m.text for m in austin.mentions] == ["Lloyd Austin", "Pentagon chief", "Austin"]
    assert _named(entities, "Pentagon").type == "ORG"


def test_appositions(nlp: Language) -> None:
    text = (
        "Lloyd Austin, the defense secretary, said the troops would stay. "
        '"We are ready," said John Kirby, a spokesman for the National Security Council.'
    )
    entities = _entities(nlp, text)
    people = _people(entities)
    assert people["Lloyd Austin"].titles == ("defense secretary",)
    assert people["John Kirby"].titles == ("spokesman",)
    assert people["John Kirby"].affiliation == "National Security Council"
    council = _named(entities, "National Security Council")
    assert _people(entities).keys() == {"Lloyd Austin", "John Kirby"}
    assert [m.text for m in council.mentions] == ["National Security Council"]


def test_acronym_and_alias_table(nlp: Language) -> None:
    text = (
        "The Islamic State (ISIS) claimed the attack. ISIS fighters fled toward the border, "
        "U.S. officials said, and the United States sent drones."
    )
    entities = _entities(nlp, text)
    isis = _named(entities, "Islamic State")
    assert [m.text for m in isis.mentions] == ["Islamic State", "ISIS", "ISIS"]
    us = _named(entities, "United States")
    assert [m.text for m in us.mentions] == ["U.S.", "United States"]


def test_an_agency_in_brackets_is_no_acronym_of_the_place_before_it(nlp: Language) -> None:
    text = (
        "Brussels (Reuters) - The European Commission (EC) proposed new rules on Friday. "
        "The EC said Brussels would act, Reuters reported."
    )
    entities = _entities(nlp, text)
    assert [m.text for m in _named(entities, "Brussels").mentions] == ["Brussels", "Brussels"]
    assert [m.text for m in _named(entities, "Reuters").mentions] == ["Reuters", "Reuters"]
    commission = _named(entities, "European Commission")
    assert [m.text for m in commission.mentions] == ["European Commission", "EC", "EC"]


def test_a_name_cut_at_its_particle_is_one_person(nlp: Language) -> None:
    text = (
        "European Commission President Ursula von der Leyen told reporters that the deal was "
        "historic. Von der Leyen said it would be reviewed in the spring."
    )
    people = _people(_entities(nlp, text))
    assert set(people) == {"Ursula von der Leyen"}
    mentions = [m.text for m in people["Ursula von der Leyen"].mentions]
    assert mentions == ["Ursula von der Leyen", "Von der Leyen"]


def test_surname_links_to_the_latest_full_name_when_both_are_named_as_often(
    nlp: Language,
) -> None:
    text = (
        "Bill Clinton campaigned in Iowa on Monday. Hillary Clinton spoke in Ohio. "
        "Clinton said the economy was strong."
    )
    mentions = _person_mentions(nlp, text)
    assert mentions["Hillary Clinton"] == ["Hillary Clinton", "Clinton"]
    assert mentions["Bill Clinton"] == ["Bill Clinton"]


def test_no_fragment_or_lowercase_people(nlp: Language) -> None:
    text = (
        "Operation Desert Storm began in 1991. Analysts said Desert Storm changed the region.\n"
        "Gen. Mark Milley and Maj. Gen. Pat Ryder briefed reporters.\n"
    )
    entities = _entities(nlp, text)
    people = _people(entities)
    assert set(people) == {"Mark Milley", "Pat Ryder"}
    for person in people.values():
        assert person.name[:1].isupper()
        assert not any(word in person.name for word in ("Gen", "Maj", "Operation"))
    storm = _named(entities, "Operation Desert Storm")
    assert storm.type == "ORG"


def test_family_name_that_is_a_function_word(nlp: Language) -> None:
    text = (
        "British Prime Minister Theresa May did not attend the summit in Oslo. "
        "May said on Monday that Britain would stay close to Europe. It may rain later."
    )
    people = _people(_entities(nlp, text))
    assert people["Theresa May"].titles == ("British Prime Minister",)
    assert all(m.text != "may" for m in people["Theresa May"].mentions)


def test_joining_words_are_no_family_names() -> None:
    from newsfacts.extract.person_names import _name_flags
    from newsfacts.extract.titles import lexicon, words_in

    text = "Ann Okafor And Tom Vance"
    flags = _name_flags(words_in(text, 0, len(text)), lexicon(), True, True)
    assert flags == [True, True, False, True, True]


def test_family_name_that_is_a_title_word(nlp: Language) -> None:
    text = (
        "Charlie King, a New York Democrat, said the party was worried. "
        "Gov. Jim Justice said the mine would reopen. Justice added that it had no choice. "
        "Charlotte Mayor Jennifer Roberts said Tuesday that the budget would pass. "
        "“I believed him,” said Robert Stone, a retired teacher from Hilton Head, South Carolina."
    )
    people = _people(_entities(nlp, text))
    assert set(people) == {"Charlie King", "Jim Justice", "Jennifer Roberts", "Robert Stone"}
    assert [m.text for m in people["Jim Justice"].mentions] == ["Jim Justice", "Justice"]
    assert people["Jennifer Roberts"].titles == ("Charlotte Mayor",)


def test_honorific_and_a_family_name_that_is_a_title_word(nlp: Language) -> None:
    text = (
        "Charlie King, a veteran Ohio Democrat, said the party was worried. "
        "Mr. King, 82, added that voters were tired. He referred to Martin Luther King."
    )
    people = _people(_entities(nlp, text))
    assert [m.text for m in people["Charlie King"].mentions] == ["Charlie King", "King"]
    assert "Martin Luther King" in people
    assert not _people(_entities(nlp, "Mr. President, the senator said, we need a vote."))


def test_possessive_apposition_keeps_owner_as_entity(nlp: Language) -> None:
    text = "Jake Sullivan, President Biden's national security adviser, said Mr. Biden would go."
    people = _people(_entities(nlp, text))
    assert people["Jake Sullivan"].titles == ("national security adviser",)
    assert people["Jake Sullivan"].affiliation == "Biden"
    assert [m.text for m in people["Biden"].mentions] == ["Biden", "Biden"]


def test_a_family_name_that_comes_first_joins_its_person() -> None:
    from newsfacts.extract.aliases import Mention, link_mentions

    text = "Foreign Minister Wang Yi met Ms. Lee in Seoul. Wang said talks went well. Lee agreed."
    people = [Mention(17, 24, "PERSON"), Mention(33, 36, "PERSON")]
    wang, lee, seoul = (
        Mention(47, 51, "ORG"),
        Mention(74, 77, "ORG"),
        Mention(40, 45, "GPE"),
    )
    assert [text[m.start : m.end] for m in (wang, lee, seoul)] == ["Wang", "Lee", "Seoul"]
    clusters = link_mentions(text, people, [wang, lee, seoul])
    named = {text[c.mentions[0].start : c.mentions[0].end]: c for c in clusters}
    assert [text[m.start : m.end] for m in named["Wang Yi"].mentions] == ["Wang Yi", "Wang"]
    assert "Seoul" in named  # places stay places


def test_a_place_in_apposition_with_a_title_noun_is_a_person(nlp: Language) -> None:
    text = (
        "The firm's chief executive, Agnes Whitcombe, said the sale was essential. "
        "Orvalle Media, publisher of the Daily Lantern, declined to comment."
    )
    entities = _entities(nlp, text)
    assert _named(entities, "Agnes Whitcombe").type == "PERSON"
    assert "Orvalle Media" not in _people(entities)


def test_a_family_name_the_tagger_missed_joins_its_person(nlp: Language) -> None:
    text = (
        "U.S. District Judge Harriet Colquitt ruled on Thursday that the map was unlawful. "
        "Colquitt, an appointee of former President Barack Obama, noted the delays. "
        "Mara Obama, a lawyer, said the state would appeal."
    )
    mentions = _person_mentions(nlp, text)
    assert mentions["Harriet Colquitt"] == ["Harriet Colquitt", "Colquitt"]
    # "Obama" inside another person's full name is no mention of Barack Obama
    assert mentions["Barack Obama"] == ["Barack Obama"]


def test_a_company_named_without_its_legal_form_is_one_entity(nlp: Language) -> None:
    text = "Velden AG said it would shed 3,700 posts. Velden declined to name the plants."
    velden = [e for e in _entities(nlp, text) if "Velden" in e.name]
    assert [(e.name, [m.text for m in e.mentions]) for e in velden] == [
        ("Velden AG", ["Velden AG", "Velden"])
    ]


def test_a_name_after_a_word_for_a_newspaper_is_an_organisation(nlp: Language) -> None:
    text = '"We will fight it," union leader Frank Oberholz told the newspaper Handelsblatt.'
    assert _named(_entities(nlp, text), "Handelsblatt").type == "ORG"


def test_a_name_ending_in_a_word_for_a_company_is_no_person(nlp: Language) -> None:
    text = "The investor, Qasr Holdings, promised on Friday that every dock would stay open."
    assert _named(_entities(nlp, text), "Qasr Holdings").type == "ORG"


def test_a_first_name_between_a_title_and_a_family_name_is_kept(nlp: Language) -> None:
    text = (
        "In an interview with the Financial Times, Bank of Canada Governor Tiff Macklem "
        "defended the bank's decision to keep rates on hold."
    )
    macklem = next(e for e in _entities(nlp, text) if e.type == "PERSON")
    assert (macklem.name, macklem.titles) == ("Tiff Macklem", ("Bank of Canada Governor",))


def test_a_company_named_without_its_kind_is_one_entity(nlp: Language) -> None:
    text = (
        "Arlen Pharma is exploring a sale after a drug trial failed. "
        "Shares of Arlen jumped 18 percent. An Arlen spokeswoman declined to comment."
    )
    arlen = [e for e in _entities(nlp, text) if "Arlen" in e.name]
    assert [(e.name, e.type, len(e.mentions)) for e in arlen] == [("Arlen Pharma", "ORG", 3)]
    text = "Ashby Capital bought the paper in 2017. Ashby said it would cut costs."
    ashby = [e for e in _entities(nlp, text) if "Ashby" in e.name]
    assert [(e.name, len(e.mentions)) for e in ashby] == [("Ashby Capital", 2)]


def test_a_listed_outlet_is_an_organisation_whatever_the_tagger_said(nlp: Language) -> None:
    text = (
        "The failure wiped out half of its market value, according to data compiled by Bloomberg."
    )
    assert _named(_entities(nlp, text), "Bloomberg").type == "ORG"


def test_a_family_name_taken_for_a_place_is_the_person_where_it_acts(nlp: Language) -> None:
    text = (
        "Former Polish President Aleksander Kwiecien wrote that President Marta Zielinska "
        "ignored warnings from judges. Zielinska's office rejected the claims. Analysts noted "
        "that Kwiecien had himself been criticized. Pentagon chief Lloyd Austin flew to "
        "Austin, Texas, on Monday."
    )
    mentions = _person_mentions(nlp, text)
    assert mentions["Marta Zielinska"] == ["Marta Zielinska", "Zielinska"]
    assert mentions["Aleksander Kwiecien"] == ["Aleksander Kwiecien", "Kwiecien"]
    assert mentions["Lloyd Austin"] == ["Lloyd Austin"]  # "Austin, Texas" is a place


def test_a_family_name_taken_for_a_time_is_a_person(nlp: Language) -> None:
    text = (
        "American Kevin Hale and Australian Martin Weeks, two lecturers at a college in "
        "Kabul, were freed on Tuesday.\nHale and Weeks were taken from their campus in 2016."
    )
    assert _person_mentions(nlp, text)["Martin Weeks"] == ["Martin Weeks", "Weeks"]


def test_an_organisation_followed_by_who_is_a_person(nlp: Language) -> None:
    text = "Kenyon Pruitt, who represents the second guard, said his client would plead not guilty."
    assert _named(_entities(nlp, text), "Kenyon Pruitt").type == "PERSON"
    text = "Harbour Freight Holdings, who bought the port, said the sale closed on Monday."
    assert all(e.type != "PERSON" for e in _entities(nlp, text))


def test_an_organisation_after_a_title_noun_is_a_person(nlp: Language) -> None:
    text = (
        "Layoffs are coming next month, the firm’s newly appointed executive chair Ruben "
        "Ostrova wrote to employees. Ostrova said the plan would work."
    )
    ostrova = _named(_entities(nlp, text), "Ruben Ostrova")
    assert (ostrova.type, [m.text for m in ostrova.mentions]) == (
        "PERSON",
        ["Ruben Ostrova", "Ostrova"],
    )


def test_a_name_run_on_from_the_country_of_a_post_is_split(nlp: Language) -> None:
    text = "Former ambassador to Ukraine Marta Kovalenko said she was recalled."
    entities = _entities(nlp, text)
    assert [(e.name, e.type) for e in entities] == [
        ("Ukraine", "GPE"),
        ("Marta Kovalenko", "PERSON"),
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("She moved to Mayer last year.", True),
        ("Mayer, Ariz., is small.", True),
        ("It is a sign of Mayer’s resolve.", False),
        ("Mayer, Kestrel’s chairman, spoke.", False),
    ],
)
def test_a_family_name_read_as_a_place_only_where_the_words_make_it_one(
    text: str, place: bool
) -> None:
    at = text.index("Mayer")
    assert reads_as_place(text, Mention(at, at + 5, "GPE")) is place


def test_a_name_with_an_initial_opening_a_paragraph_is_no_heading(nlp: Language) -> None:
    text = "The talks ended.\nAda K. Morrow, who ran the campaign, said the race was close."
    assert "Ada K. Morrow" in _people(_entities(nlp, text))
    heading = "The talks ended.\nMarta Vale. The new minister started work on Monday."
    assert "Marta Vale" not in _people(_entities(nlp, heading))  # a run-in heading


@pytest.mark.parametrize("name", ["Trump Tower", "Kestrel Plaza", "Harbour Stadium"])
def test_a_building_the_entity_tagger_took_for_a_person_is_none(name: str) -> None:
    text = f"He spoke at {name} on Monday."
    at = text.index(name)
    assert candidate_name(text, Mention(at, at + len(name), "PERSON")) is None


def test_a_first_name_before_a_lone_family_name_joins_it(nlp: Language) -> None:
    text = (
        "Deputy Director of Public Appeals Eva-Marie Vass closed the case. Ms Vass said the "
        "evidence was weak."
    )
    assert _person_mentions(nlp, text) == {"Eva-Marie Vass": ["Eva-Marie Vass", "Vass"]}


def test_a_name_run_on_into_the_clause_after_it_is_cut(nlp: Language) -> None:
    text = (
        "Ann Swift sang at the Brit Awards after Swift criticised her old record company. "
        "Swift said the company had blocked her."
    )
    entities = _entities(nlp, text)
    assert _named(entities, "Brit Awards").type == "ORG"
    assert _person_mentions(nlp, text)["Ann Swift"] == ["Ann Swift", "Swift", "Swift"]


def test_a_gerund_opening_a_sentence_is_no_first_name(nlp: Language) -> None:
    text = (
        "Tim Rook runs Kestrel. He has learned a lot from him.\n"
        'Hosting Rook at the summit "was a joy," Ann Vale said.'
    )
    assert "Hosting Rook" not in _people(_entities(nlp, text))


@pytest.mark.parametrize("name", ["KestrelX", "Harbour Police"])
def test_a_brand_or_a_police_force_is_no_person(name: str) -> None:
    text = f"{name} said on Monday that the launch would go ahead."
    assert candidate_name(text, Mention(0, len(name), "PERSON")) is None


def test_an_agency_glued_to_the_story_is_no_name_of_its_own(nlp: Language) -> None:
    text = (
        "Hong Kong (Kestrel Business)A muddled view of the talks weighs on markets.\n"
        "Washington (CNN)The president left early. Ann Lee said the mood was grim."
    )
    names = {e.name: e.type for e in _entities(nlp, text)}
    assert not [name for name in names if ")" in name]
    assert names.get("CNN") == "ORG"
    doc = parse_body(nlp, text, [Region(0, len(text))])
    assert [t.text for t in doc[:6]] == ["Hong", "Kong", "(", "Kestrel", "Business", ")"]


def test_a_bracket_left_open_and_a_reporter_after_a_possessive_are_cut_off(
    nlp: Language,
) -> None:
    from newsfacts.extract.entity_candidates import _trim

    text = "Norway's Bergen Composite (BRGX) fell 1.4% by noon."
    start = text.index("Bergen")  # the entity tagger's span stops before ")"
    assert _trim(text, start, text.index(")")) == (start, text.index(" ("))
    text = "Ann Lee said the mood was grim.\nFox News’ Jessica Napoli contributed to this report."
    names = {e.name: e.type for e in _entities(nlp, text)}
    assert not [name for name in names if "’" in name]
    assert names.get("Jessica Napoli") == "PERSON"
    assert names.get("Fox News") == "ORG"


def test_a_family_name_typed_a_building_or_a_work_is_the_person() -> None:
    from newsfacts.extract.entity_candidates import _family_names_as_things

    text = "Ann Swift left. Swift spoke at the Swift Arena. The Tempest was staged."

    def mention(words: str, label: str, nth: int = 0) -> Mention:
        start = [i for i in range(len(text)) if text.startswith(words, i)][nth]
        return Mention(start, start + len(words), label)

    found = _family_names_as_things(
        text,
        [
            mention("Ann Swift", "PERSON"),
            mention("Swift", "FAC", 1),
            mention("Swift Arena", "FAC"),
            mention("Tempest", "WORK_OF_ART"),
        ],
    )
    assert [m.label for m in found] == ["PERSON", "PERSON", "FAC", "WORK_OF_ART"]


def test_a_family_name_stays_a_person_where_the_tagger_took_it_for_an_organisation_elsewhere(
    nlp: Language,
) -> None:
    text = (
        "Donald Trump won the vote on Monday. Trump said the result was fair. "
        "The Trump campaign thanked voters. His wife, Melania Trump, smiled."
    )
    entities = _entities(nlp, text)
    donald = next(e for e in entities if e.name == "Donald Trump")
    # the tagger reads the "Trump" of "Trump said" as an organisation and the one of "The
    # Trump campaign" as a person: the person's stays his, not turned into the organisation
    assert text.index("Trump campaign") in [m.start for m in donald.mentions]


def test_a_family_name_typed_an_organisation_is_the_one_person_of_that_name(
    nlp: Language,
) -> None:
    text = (
        "Trump tells 3,000 in Reno the league is getting soft\n"
        "Republican presidential hopeful Donald Trump told a rally he no longer watches football."
    )
    entities = _entities(nlp, text)
    assert [e.name for e in entities if "Trump" in e.name] == ["Donald Trump"]
    donald = next(e for e in entities if e.name == "Donald Trump")
    assert [m.start for m in donald.mentions] == [0, text.index("Donald")]


@pytest.mark.parametrize(
    "text",
    [
        # two people of that family name: which one is meant is not known
        "Trump tells 3,000 in Reno the league is getting soft\nRepublican hopeful Donald Trump "
        "told a rally he no longer watches football. His son Eric Trump agreed.",
        # a news outlet's name
        "Bloomberg tells 3,000 in Reno the league is getting soft\nFormer mayor Michael "
        "Bloomberg told a rally he no longer watches football.",
    ],
)
def test_a_family_name_typed_an_organisation_stays_one_where_the_person_is_unsure(
    nlp: Language, text: str
) -> None:
    entities = _entities(nlp, text)
    first = next(e for e in entities if any(m.start == 0 for m in e.mentions))
    assert first.type == "ORG"


def _mentions(text: str, *names: str, label: str = "PERSON") -> list[Mention]:
    """Each occurrence of each name in ``text``, as a mention with ``label``."""
    found = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(s <= start < e for s, e in ((m.start, m.end) for m in found)):
                found.append(Mention(start, end, label))
            start = text.find(name, end)
    return found


def _linked(text: str, clusters: list[Cluster]) -> dict[str, list[int]]:
    """Each cluster's fullest mention, with the offsets of all its mentions."""
    return {
        max((text[m.start : m.end] for m in c.mentions), key=len): [m.start for m in c.mentions]
        for c in clusters
    }


def test_a_shared_family_name_goes_to_the_person_named_most_so_far() -> None:
    text = (
        "Hillary Clinton spoke in Ohio. Clinton said the economy was strong. "
        "Her husband, Bill Clinton, stood by. Clinton later took questions."
    )
    later = text.index(" Clinton later") + 1
    mentions = _mentions(text, "Hillary Clinton", "Bill Clinton")
    mentions += [Mention(31, 38, "PERSON"), Mention(later, later + 7, "PERSON")]
    linked = _linked(text, link_people(text, mentions))
    assert linked == {"Hillary Clinton": [0, 31, later], "Bill Clinton": [text.index("Bill")]}


@pytest.mark.parametrize(
    ("honorific", "owner"), [("Mrs.", "Hillary Clinton"), ("Mr.", "Bill Clinton")]
)
def test_an_honorific_picks_the_one_of_its_sex_among_people_sharing_a_name(
    honorific: str, owner: str
) -> None:
    text = (
        "Hillary Clinton spoke in Ohio. Clinton said the economy was strong. "
        f"Bill Clinton stood by. {honorific} Clinton later took questions."
    )
    mentions = _mentions(text, "Hillary Clinton", "Bill Clinton")
    later = text.index(" Clinton later") + 1
    mentions += [Mention(31, 38, "PERSON"), Mention(later, later + 7, "PERSON")]
    linked = _linked(text, link_people(text, mentions))
    assert later in linked[owner]


def test_a_family_name_typed_an_organisation_goes_to_the_person_named_most() -> None:
    text = (
        "Donald Trump spoke. Trump said he would win. His son, Eric Trump, agreed. "
        "The Trump campaign declined to comment."
    )
    people = _mentions(text, "Donald Trump", "Eric Trump")
    people.append(Mention(20, 25, "PERSON"))
    campaign = text.index("Trump campaign")
    clusters = link_mentions(text, people, [Mention(campaign, campaign + 5, "ORG")])
    assert _linked(text, clusters)["Donald Trump"] == [0, 20, campaign]


def test_a_name_run_on_from_the_dateline_is_the_person_after_it(nlp: Language) -> None:
    text = (
        "CLEVELAND - Donald Trump accepted the nomination on Thursday night. "
        "Trump said the country was in decline."
    )
    people = _people(_entities(nlp, text))
    assert "Donald Trump" in people
    assert [m.text for m in people["Donald Trump"].mentions][:1] == ["Donald Trump"]
    assert not any("CLEVELAND" in name for name in people)


def test_a_word_before_a_full_name_given_alone_too_is_no_part_of_the_name() -> None:
    from newsfacts.extract.entities import _longest_name

    text = (
        "He called her Crooked Ann Lee at the rally. Ann Lee laughed. "
        "Chandler Van Voorhis and Van Voorhis spoke. "
        "Ildefonso Garza Montoya and Garza Montoya spoke."
    )
    lee = _mentions(text, "Crooked Ann Lee", "Ann Lee")
    assert [text[m.start : m.end] for m in lee] == ["Crooked Ann Lee", "Ann Lee"]
    assert _longest_name(text, lee) == "Ann Lee"
    # a family name of two words is kept whole
    voorhis = _mentions(text, "Chandler Van Voorhis", "Van Voorhis")
    assert _longest_name(text, voorhis) == "Chandler Van Voorhis"
    guajardo = _mentions(text, "Ildefonso Garza Montoya", "Garza Montoya")
    assert _longest_name(text, guajardo) == "Ildefonso Garza Montoya"
    # two first names, and a name never given without the word before it, stay whole
    both = "Mary Ann Lee spoke. Ann Lee laughed."
    assert _longest_name(both, _mentions(both, "Mary Ann Lee", "Ann Lee")) == "Mary Ann Lee"
    alone = "He called her Crooked Ann Lee. Lee laughed."
    assert _longest_name(alone, _mentions(alone, "Crooked Ann Lee", "Lee")) == "Crooked Ann Lee"


def test_a_first_name_that_is_also_a_common_word_opens_a_name() -> None:
    text = "Will Rook and May Vale backed the plan."
    for name in ("Will Rook", "May Vale"):
        at = text.index(name)
        assert candidate_name(text, Mention(at, at + len(name), "PERSON")) == (at, at + len(name))


def test_but_not_a_question_about_someone_named_in_full() -> None:
    text = "Will Rook win? Tom Rook said he would."
    rook = Mention(0, len("Will Rook"), "PERSON")
    assert candidate_name(text, rook, {"Rook": {"Will", "Tom"}}) is None
    assert candidate_name(text, rook, {"Rook": {"Will"}}) is None  # a question all the same
    statement = "Will Rook won. Tom Rook said so."
    assert candidate_name(statement, rook, {"Rook": {"Will"}}) == (0, 9)
    assert candidate_name(statement, rook, {"Rook": {"Will", "Tom"}}) is None


def test_a_family_name_with_a_particle_after_a_first_name_that_is_a_title_word(
    nlp: Language,
) -> None:
    text = (
        "French far-right leader Marine Le Pen praised the result. Le Pen said France would "
        "follow. Ms. Le Pen added that the euro was doomed."
    )
    assert _person_mentions(nlp, text) == {"Marine Le Pen": ["Marine Le Pen", "Le Pen", "Le Pen"]}


def test_a_person_cut_after_a_particle_and_its_family_names() -> None:
    text = "Marine Le Pen spoke."
    cut = Mention(0, len("Marine Le"), "PERSON")
    whole = Mention(0, len("Marine Le Pen"), "PERSON")
    assert past_particle(text, cut) == whole
    assert past_particle(text, whole) == whole
    assert person_families(text, [whole]) == {"Pen": {"Marine"}, "Le Pen": {"Marine"}}


def test_a_title_before_a_comma_is_the_persons(nlp: Language) -> None:
    text = (
        "Velden's chief executive, Markus Brandt, said the cuts were necessary. "
        "The union's regional head, Petra Lang, called them a disgrace."
    )
    people = {e.name: (e.titles, e.affiliation) for e in _entities(nlp, text) if e.type == "PERSON"}
    assert people["Markus Brandt"] == (("chief executive",), "Velden")
    assert people["Petra Lang"] == (("regional head",), None)


def test_a_person_after_a_title_is_no_organisation(nlp: Language) -> None:
    text = (
        "The campaign was in trouble on Monday, according to people close to it.\n\n"
        '"We are fine," said Ed Vance, a spokesman for Mrs. Hale. He added that the '
        "polls were wrong.\n"
    )
    ents = {(e.type, e.name): e for e in _entities(nlp, text)}
    assert ents[("PERSON", "Ed Vance")].affiliation == "Mrs. Hale"
    assert not [name for kind, name in ents if kind == "ORG"]


def test_a_name_in_an_affiliation_is_a_person_or_a_body_not_both(nlp: Language) -> None:
    analyst = _entities(
        nlp,
        "Shares fell on Monday after the results.\n\n"
        '"It was bad," said Jonas Weber, an analyst at Berenberg. He said margins would fall.\n',
    )
    assert [(e.type, e.name) for e in analyst] == [("PERSON", "Jonas Weber"), ("ORG", "Berenberg")]
    aide = _entities(
        nlp,
        "The campaign was in trouble on Monday, according to people close to it.\n\n"
        '"We are fine," said Ann Lee, an aide to Hillary Clinton. She added that it was over.\n',
    )
    assert [(e.type, e.name) for e in aide] == [
        ("PERSON", "Ann Lee"),
        ("PERSON", "Hillary Clinton"),
    ]
    family = _entities(
        nlp,
        "Hillary Clinton was in trouble on Monday, according to people close to her.\n\n"
        '"We are fine," said Ann Lee, an aide to Clinton. She added that it was over.\n',
    )
    assert [(e.type, e.name) for e in family] == [
        ("PERSON", "Hillary Clinton"),
        ("PERSON", "Ann Lee"),
    ]


def test_a_company_taken_for_a_person_is_one_with_its_short_name(nlp: Language) -> None:
    text = (
        "Nordwind AG, the German turbine maker, said on Wednesday that its quarterly profit "
        "fell 40 percent.\n\n"
        "Shares in Nordwind fell 6 percent in Frankfurt trading.\n"
    )
    found = {e.name: (e.type, len(e.mentions)) for e in _entities(nlp, text)}
    assert found["Nordwind AG"] == ("ORG", 2)
    assert "Nordwind" not in found


def test_a_company_suffix_or_a_body_word_makes_an_organisation(nlp: Language) -> None:
    text = (
        "Vantora Inc. on Wednesday withdrew its chatbot from public use.\n\n"
        '"We made a mistake," Vantora chief executive Dana Whitfield wrote on Tuesday.\n\n'
        "Shares of Vantora fell 4% in early trading, and Vantora said it would appeal.\n\n"
        "Two men were arrested on Friday, West Yorkshire Police said.\n"
    )
    found = {e.name: e.type for e in _entities(nlp, text)}
    assert found["Vantora Inc"] == "ORG"
    assert found["West Yorkshire Police"] == "ORG"
    tagged_a_person = _entities(
        nlp,
        "Norwegian shipping group Halvorsen ASA is in advanced talks to acquire Italian rival "
        "Tessaro SpA, three people familiar with the matter said on Tuesday.\n\n"
        "Halvorsen declined to comment.\n",
    )
    assert {e.name: e.type for e in tagged_a_person}["Halvorsen ASA"] == "ORG"
    utility = _entities(
        nlp,
        "Executives at Pacific Ridge Power were warned in 2021 that power lines posed a risk.\n\n"
        "Families allege that Pacific Ridge put profits ahead of safety.\n\n"
        "Pacific Ridge said in a statement that it takes safety seriously.\n",
    )
    assert {e.name: e.type for e in utility}["Pacific Ridge Power"] == "ORG"


def test_a_modifier_or_a_rank_word_before_a_name_is_no_organisation(nlp: Language) -> None:
    text = (
        '"This is what happens when you ship first," said Marcus Bell, director of the '
        "Digital Safety Project, a nonprofit group in Washington.\n\n"
        '"We are determined to find everyone responsible," Detective Inspector Sarah Kemp '
        "said.\n"
    )
    found = {e.name: (e.type, e.titles, e.affiliation) for e in _entities(nlp, text)}
    assert "Safety Project" not in found  # "Digital" is no title of its own
    assert found["Digital Safety Project"][0] == "ORG"
    assert found["Sarah Kemp"] == ("PERSON", ("Detective Inspector",), None)
    assert "Detective" not in found
    summit = _entities(nlp, "The United Nations Climate Action Summit opened on Monday.\n")
    assert [(e.type, e.name) for e in summit] == [("ORG", "United Nations Climate Action Summit")]


def test_a_kind_of_company_is_left_off_a_name_but_not_after_of_or_and() -> None:
    assert without_company_suffix("pacific ridge power") == "pacific ridge"
    assert without_company_suffix("velden ag") == "velden"
    assert without_company_suffix("ministry of trade, industry and energy") == (
        "ministry of trade, industry and energy"
    )
    assert without_company_suffix("department of energy") == "department of energy"


def test_a_place_whose_name_ends_in_bank_or_union_stays_a_place(nlp: Language) -> None:
    text = (
        "Settlements in the West Bank grew after the collapse of the Soviet Union, "
        "West Yorkshire Police said.\n"
    )
    found = {e.name: e.type for e in _entities(nlp, text)}
    assert found["West Bank"] != "ORG" and found["Soviet Union"] != "ORG"
    assert found["West Yorkshire Police"] == "ORG"


def test_a_family_name_after_a_title_and_of_stays_a_person(nlp: Language) -> None:
    text = (
        "In 1972 the party chose Tom Vance, a member of the Kennedy family, to run. "
        "Ann Lee, artistic director of Sleeping Weazel, spoke.\n"
    )
    found = {e.name: e.type for e in _entities(nlp, text)}
    assert found.get("Kennedy") != "ORG"
    assert found["Sleeping Weazel"] == "ORG"


def test_a_company_named_after_the_word_for_its_kind(nlp: Language) -> None:
    text = (
        "The chatbot was made by the San Francisco startup Curely, and the chipmaker "
        "Velloria supplied its servers. The firm Ann Lee founded sold them."
    )
    found = {e.name: e.type for e in _entities(nlp, text)}
    assert found.get("Curely") == "ORG"
    assert found.get("Velloria") == "ORG"
    assert found.get("Ann Lee") != "ORG"  # a first name opens a person, not a company
