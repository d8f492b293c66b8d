"""Sources that name their speaker by a common noun the story used before: "the
statement" a body issued, "the group" just quoted, "the newspaper" named last, "the
production company" whose name holds the word."""

from __future__ import annotations

from newsfacts.models import ArticleFacts
from newsfacts.pipeline import analyze_text
from newsfacts.settings import Settings


def speakers(text: str) -> dict[str, str | None]:
    """Each attribution's source text → its speaker's name, or its description when
    anonymous."""
    facts: ArticleFacts = analyze_text(text, Settings())
    names = {e.id: e.name for e in facts.entities}
    found: dict[str, str | None] = {}
    for a in facts.attributions:
        source = " ".join(s.text for s in a.source).rstrip(",")
        if a.anonymous:
            found[source] = f"anonymous: {a.source_description}"
        else:
            found[source] = names.get(a.speaker or "")
    return found


def test_the_statement_is_the_one_a_body_issued_or_spoke_in() -> None:
    issued = speakers(
        "Lark Records issued a statement on Monday saying it would not block the show.\n"
        "The statement, seen by the Harbour Post, said the label had agreed to the terms.\n"
        '"Talks will go on," the statement added.'
    )
    assert issued["The statement"] == "Lark Records"
    assert issued["the statement"] == "Lark Records"
    spoke = speakers(
        "Kestrel Foods said in a statement that it would close two plants.\n"
        "The statement added that no jobs would be lost before June."
    )
    assert spoke["The statement"] == "Kestrel Foods"


def test_the_production_company_is_the_one_whose_name_holds_the_word() -> None:
    found = speakers(
        "Ann Lee accused Lark Productions and the Harbour Trust of blocking the film.\n"
        '"We never agreed to any such deal," the production company said on Tuesday.'
    )
    assert found["the production company"] == "Lark Productions"


def test_the_group_is_the_body_or_the_people_just_quoted() -> None:
    body = speakers(
        "The Kestrel Tenants Coalition said in a letter that repairs had stalled for a "
        "year.\n"
        "The group also said that rents had risen twice."
    )
    assert body["The group"] == "Kestrel Tenants Coalition"
    people = speakers(
        "A group of nurses told the Harbour Post that their shifts were too long.\n"
        "The group said managers had ignored two complaints."
    )
    assert people["The group"] == "anonymous: A group of nurses"


def test_the_newspaper_is_the_outlet_named_last() -> None:
    found = speakers(
        "The Harbour Post reported that the mine would close in March.\n"
        "The newspaper, citing two officials, said talks with the union had failed."
    )
    assert found["The newspaper"] == "Harbour Post"


def test_the_group_is_not_a_body_when_the_story_called_others_a_group() -> None:
    found = speakers(
        "The Kestrel Institute said that turnout would be low.\n"
        "Among the group of voters earning more than $100,000, turnout fell.\n"
        "The group also said that it preferred the mayor."
    )
    assert found["The group"] != "Kestrel Institute"


def test_the_nurse_is_the_person_an_apposition_called_a_nurse() -> None:
    found = speakers(
        "Tom Hale, an estate agent in Leeds, said prices had fallen.\n"
        "The estate agent added that buyers were nervous.\n"
        "A teacher, Ann Byrne, said classes were large.\n"
        "The teacher warned that pay was low.\n"
        "The travel agent said flights were full.\n"
        "Helen Carter, the former state governor, told reporters she would run.\n"
        "The governor said nothing.\n"
        "The author of the book, Ed Park, said in an interview that he stood by it.\n"
        "The book says the chief caused delays."
    )
    assert found["The estate agent"] == "Tom Hale"
    assert found["The teacher"] == "Ann Byrne"
    assert found["The travel agent"] is None  # an estate agent is no travel agent
    assert found["The governor"] is None  # nor is a former governor "the governor"
    assert found["Helen Carter, the former state governor"] == "Helen Carter"
    assert found["The book"] is None  # Park wrote the book: he is not described as it


def test_an_epithet_is_the_subject_of_the_sentence_before() -> None:
    found = speakers(
        "Tom Okafor took questions from about 200 voters in a school gym in Leeds.\n"
        "The billionaire businessman said the city needed a new hospital."
    )
    assert found["The billionaire businessman"] == "Tom Okafor"


def test_an_epithet_is_the_person_named_as_subject_before_it_in_its_sentence() -> None:
    found = speakers(
        "Ann Lee met the union on Monday.\n"
        "As Tom Hale still hopes to win, the Ohio senator said he would stay in the race."
    )
    assert found["the Ohio senator"] == "Tom Hale"
    two = speakers(
        "Ann Lee met the union on Monday.\n"
        "As Tom Hale and Ed Park still hope to win, the Ohio senator said he would stay."
    )
    assert two["the Ohio senator"] is None  # which of the two?


def test_an_epithet_is_nobody_named_after_it_or_inside_a_quote_before_it() -> None:
    after = speakers(
        "Tom Hale spoke to reporters in Leeds on Monday.\n"
        "The billionaire businessman said Tom Hale had misled voters."
    )
    assert after["The billionaire businessman"] is None
    quoted = speakers(
        "The union met on Monday.\n“Ann Lee has misled everyone,” the Ohio senator said."
    )
    assert quoted["the Ohio senator"] is None


def test_an_epithet_of_one_sex_is_nobody_of_the_other() -> None:
    found = speakers(
        "Ann Lee took questions from voters in Leeds.\n"
        "The businessman said the city needed a new hospital."
    )
    assert found["The businessman"] is None


def test_a_noun_for_no_one_in_particular_is_no_epithet() -> None:
    found = speakers(
        "Tom Okafor took questions from about 200 voters in a school gym in Leeds.\n"
        "The teacher said the city needed a new school."
    )
    assert found["The teacher"] == "anonymous: The teacher"  # not Okafor


def test_an_epithet_stands_for_a_person_only_as_a_subject() -> None:
    from newsfacts.extract.entities import extract_entities
    from newsfacts.extract.epithets import by_epithet
    from newsfacts.models import Region
    from newsfacts.nlp.loader import load_pipeline, parse_body

    settings = Settings()
    nlp = load_pipeline(settings)
    heads = {}
    for text in (
        "Tom Okafor took questions in Leeds. The candidate said the city needed a school.",
        "Tom Okafor took questions in Leeds. Voters liked the candidate's plan for a school.",
    ):
        doc = parse_body(nlp, text, [Region(0, len(text))])
        entities = extract_entities(doc, settings)
        head = next(t for t in doc if t.lower_ == "candidate")
        meant = by_epithet(head, entities, lambda e: True)
        heads[head.dep_] = meant.name if meant else None
    assert heads == {"nsubj": "Tom Okafor", "poss": None}


def test_friends_attendees_and_prosecutors_are_unnamed_sources() -> None:
    found = speakers(
        "Tom Hale spoke in Leeds on Monday.\n"
        "Some friends say he would look healthier if he slept more.\n"
        "He spoke briefly, according to an attendee.\n"
        "Prosecutors said the case would go to trial in June."
    )
    assert found["Some friends"] == "anonymous: Some friends"
    assert found["an attendee"] == "anonymous: an attendee"
    assert found["Prosecutors"] == "anonymous: Prosecutors"


def test_one_of_the_aides_named_beside_is_that_person() -> None:
    found = speakers(
        "Ann Lee spoke in Leeds.\n"
        "One of her advisers, Tom Reyes, told reporters that she would let others judge "
        "the remarks.\n"
        "One of her aides said the plan would not change."
    )
    assert found["One of her advisers, Tom Reyes"] == "Tom Reyes"
    assert found["One of her aides"] == "anonymous: One of her aides"


def test_the_campaign_speaks_for_the_person_just_made_the_subject() -> None:
    found = speakers(
        "Ann Lee plans to visit six towns in Yorkshire this week.\n"
        "The campaign says she will speak about housing in each of them."
    )
    assert found["The campaign"] == "Ann Lee"


def test_a_title_noun_means_no_one_whose_office_is_another() -> None:
    found = speakers(
        "Minister Karen Holt resigned on Friday.\n"
        "The prime minister's office said she had quit over a leaked memo.\n"
        "Foreign Minister Tom Hale said the memo was genuine.\n"
        "The health minister said she would not comment on it."
    )
    assert found["The prime minister's office"] is None  # the office of no one named
    assert found["The health minister"] == "Karen Holt"  # her plain title fits, Hale's not
    same = speakers(
        "Health Minister Ann Lee toured the ward.\n"
        "The health minister said the ward would stay open."
    )
    assert same["The health minister"] == "Ann Lee"


def test_the_paper_that_reported_a_memo_is_not_its_author() -> None:
    found = speakers(
        "The memo, first reported by the Harbour Post, warned that three wards could close.\n"
        "A report released by the Kestrel Institute said the wards were full."
    )
    assert found["The memo"] is None
    assert found["A report released by the Kestrel Institute"] == "Kestrel Institute"


def test_a_body_said_to_be_called_a_name_is_that_body() -> None:
    found = speakers(
        "Protest turns violent\n\n"
        "The protest organisers, a group called Fair Homes Now, said in a statement that "
        "they condemned the violence.\n"
    )
    (source,) = [s for s in found if s.startswith("The protest organisers")]
    assert found[source] == "Fair Homes Now"  # whether the source holds the name or not


def test_the_company_is_not_the_firm_of_an_analyst_quoted_on_it() -> None:
    story = (
        "Nordwind AG, the German turbine maker, said on Wednesday that its profit fell.\n\n"
        '"The cut was bigger than we feared," said Jonas Weber, an analyst at Berenberg. He '
        "said margins would stay under pressure.\n\n"
        "The company said its finance chief would step down."
    )
    found = speakers(story)
    assert found["He"] == "Jonas Weber"
    assert found["The company"] == "Nordwind AG"
    # where the analyst's firm is the only company named, it is still the one meant
    alone = speakers(
        '"The cut was bigger than we feared," said Jonas Weber, an analyst at Berenberg.\n\n'
        "The company said it would cut its forecast."
    )
    assert alone["The company"] == "Berenberg"
    before = speakers(
        "Nordwind AG, the German turbine maker, said on Wednesday that its profit fell.\n\n"
        'Deutsche Bank analyst Jonas Weber said: "The cut was bigger than we feared."\n\n'
        "The company said its finance chief would step down."
    )
    assert before["The company"] == "Nordwind AG"


def test_an_indefinite_title_is_the_person_the_next_sentence_names_with_it() -> None:
    found = speakers(
        "A federal judge on Thursday blocked the state law, ruling that it was too vague.\n\n"
        'U.S. District Judge Ann Okafor wrote that the law "leaves doctors guessing."\n'
    )
    assert found["A federal judge"] == "Ann Okafor"
    # two judges named next: which one is meant is not known
    two = speakers(
        "A federal judge on Thursday blocked the state law, ruling that it was too vague.\n\n"
        "Judge Ann Okafor and Judge Tom Vance heard the case in May.\n"
    )
    assert two["A federal judge"] is None
    # only "a" or "an" introduces someone named next
    every = speakers(
        "Every judge ruled that the state law was too vague.\n\n"
        'U.S. District Judge Ann Okafor wrote that the law "leaves doctors guessing."\n'
    )
    assert every["Every judge"] != "Ann Okafor"


def test_police_are_the_force_the_story_named() -> None:
    found = speakers(
        "Two men were arrested on Friday after a robbery in Dunmore, Harbour County Police "
        "said.\n\n"
        "Officers found the stolen rings in a car, police said in a statement.\n"
    )
    assert found["Harbour County Police"] == "Harbour County Police"
    assert found["police"] == "Harbour County Police"


def test_the_agency_is_the_body_quoted_just_before_it() -> None:
    found = speakers(
        "Flu cases in the region doubled last year, the Kestrel Health Organization said on "
        "Monday.\n\n"
        "In a report released on Monday, the agency said 5,000 people had been treated.\n"
    )
    assert found["the agency"] == "Kestrel Health Organization"
    # quoted long before, with other words in between, it is not taken
    filler = "Doctors in the north treated more patients than ever before. " * 12
    far = speakers(
        "Flu cases in the region doubled last year, the Kestrel Health Organization said on "
        f"Monday.\n\n{filler}\n\n"
        "In a report released on Monday, the agency said 5,000 people had been treated.\n"
    )
    assert far["the agency"] is None


def test_a_pronoun_right_after_an_unnamed_person_is_that_person() -> None:
    found = speakers(
        "Detective Inspector Ann Okafor said the thieves had fled in a van.\n\n"
        "A witness, who asked not to be named, told the Dunmore Courier that the robbers "
        'wore masks. "It was over in a minute," she said.\n'
    )
    assert found["she"] == "anonymous: A witness"
    # a person the pronoun may mean named in between is meant instead
    named = speakers(
        "A witness, who asked not to be named, told the Dunmore Courier that the robbers "
        "wore masks.\n\n"
        'Detective Inspector Ann Okafor arrived soon after. "We will find them," she said.\n'
    )
    assert named["she"] == "Ann Okafor"
    # nor is a spokesman a "she"
    spokesman = speakers(
        "Ann Okafor leads the inquiry. A spokesman, who asked not to be named, told the "
        'Dunmore Courier that arrests were near. "We are close," she said.\n'
    )
    assert spokesman["she"] == "Ann Okafor"


def test_one_of_them_is_one_of_the_unnamed_people_just_quoted() -> None:
    found = speakers(
        "Two employees familiar with the review told the Dunmore Courier that engineers had "
        "warned managers in May. One of them said the warnings were ignored.\n"
    )
    assert found["One of them"] == (
        "anonymous: One of them (Two employees familiar with the review)"
    )


def test_a_pronoun_right_after_an_unnamed_spokesman_is_the_body_he_speaks_for() -> None:
    story = (
        '"They knew," said Tom Hale, a lawyer for the families.\n\n'
        "Regulators are reviewing the records, a {} for the Harbour Utilities Commission "
        "said. He would not say when the review would end.\n"
    )
    assert speakers(story.format("spokesman"))["He"] == "Harbour Utilities Commission"
    assert speakers(story.format("spokeswoman"))["He"] == "Tom Hale"


def test_the_company_is_no_court_and_a_utility_keeps_its_short_name() -> None:
    found = speakers(
        "Pacific Ridge Power delayed the repairs for two years.\n\n"
        "Pacific Ridge said in a statement that it takes safety seriously.\n\n"
        "Families of the victims filed a lawsuit in Alder County Superior Court on Tuesday. "
        "The company declined to comment on the lawsuit.\n"
    )
    assert found["Pacific Ridge"] == "Pacific Ridge Power"
    assert found["The company"] == "Pacific Ridge Power"


def test_her_daughter_is_the_person_an_apposition_called_her_daughter() -> None:
    found = speakers(
        "Rosa Vidal, a labor organizer, died on Sunday. She was 88.\n\n"
        "Her daughter, Elena Ruiz, said the cause was pneumonia.\n\n"
        '"She never gave up," her daughter said.\n'
    )
    assert found["her daughter"] == "Elena Ruiz"
    # someone else's: "a lawyer" described another person
    other = speakers(
        "Tom Hale, a lawyer in Leeds, filed the claim on Monday.\n\n"
        '"We will appeal," her lawyer said.\n'
    )
    assert other["her lawyer"] != "Tom Hale"


def test_the_agency_is_no_outlet_nor_an_agency_named_in_between() -> None:
    reported = speakers(
        "Flu cases in the region doubled last year, Reuters reported on Monday.\n\n"
        "In a report released on Monday, the agency said 5,000 people had been treated.\n"
    )
    assert reported["the agency"] != "Reuters"
    another = speakers(
        "Flu cases in the region doubled last year, the Kestrel Health Organization said on "
        "Monday, and a city agency began testing children.\n\n"
        "The agency said 5,000 people had been tested.\n"
    )
    assert another["The agency"] != "Kestrel Health Organization"


def test_a_pronoun_after_some_is_no_one_of_them() -> None:
    found = speakers(
        "Tom Hale, the mayor, defended the plan on Monday.\n\n"
        'Some say the plan is doomed. "We will see," he said.\n'
    )
    assert found["he"] == "Tom Hale"


def test_the_group_is_a_chamber_of_commerce_quoted_before() -> None:
    found = speakers(
        "The Millbrook City Council voted on Tuesday to build the lanes.\n\n"
        "The Millbrook Chamber of Commerce said in a letter that it opposed the lanes. "
        "The group did not respond to a request for comment.\n"
    )
    assert found["The group"] == "Millbrook Chamber of Commerce"


def test_an_agency_spokesman_and_the_association_are_the_body_quoted_just_before() -> None:
    found = speakers(
        "The Kestrel Drug Authority said it does not regulate such tools. "
        'An agency spokesman said the authority was "watching closely."\n\n'
        "The employers' association, Port Employers Norland, said its offer was final. "
        '"Standing still is the threat," the association said.\n'
    )
    assert found["An agency spokesman"] == "Kestrel Drug Authority"
    assert found["the association"] == "Port Employers Norland"


def test_the_company_is_no_university() -> None:
    found = speakers(
        "Researchers at the University of Norland tested a chatbot made by the startup "
        "Velloria. The company said the study had used an old version.\n"
    )
    assert found["The company"] == "Velloria"
    # with no company named, the university is not taken for one
    alone = speakers(
        "Researchers at the University of Norland tested a chatbot on 500 questions. "
        "The company said the study had used an old version.\n"
    )
    assert alone["The company"] is None


def test_a_man_or_a_woman_not_named_is_an_unnamed_source() -> None:
    found = speakers(
        "Residents said they had felt tremors for days. "
        '"The ground would not stop shaking," one woman told local television.\n\n'
        'Ann Reyes, a nurse at the clinic, said: "We ran out of beds."\n'
    )
    assert found["one woman"] == "anonymous: one woman"
    assert found["Ann Reyes, a nurse at the clinic"] == "Ann Reyes"
