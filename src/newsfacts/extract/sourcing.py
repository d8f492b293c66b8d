"""The sourcing profile: whose word an article rests on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsfacts.extract.entity_lookup import word_list
from newsfacts.models import Attribution, Entity, QuotedCount, Region, Sourcing

ORGANISATION_TYPES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


def document_nouns() -> frozenset[str]:
    """The head nouns that make a source a document (shared with speaker resolution)."""
    return word_list("sourcing_documents.txt")


def source_class(attribution: Attribution, entities: dict[str, Entity]) -> str:
    """One of named_person, named_organisation, document, anonymous, writer, other."""
    if attribution.anonymous:
        return "anonymous"
    if not attribution.speakers and [s.text.lower() for s in attribution.source] == ["i"]:
        return "writer"  # an "I" that speaker resolution gave nobody (not an interviewee)
    # a group counts as what its members are
    speaker = entities.get(attribution.speakers[0]) if attribution.speakers else None
    words = {w.strip(".,:;").lower() for s in attribution.source for w in s.text.split()}
    if words & document_nouns() and (speaker is None or speaker.type != "PERSON"):
        return "document"
    if speaker is not None and speaker.type == "PERSON":
        return "named_person"
    if speaker is not None and speaker.type in ORGANISATION_TYPES:
        return "named_organisation"
    return "other"


def sourcing_profile(
    attributions: Sequence[Attribution], entities: Sequence[Entity], body: Sequence[Region]
) -> Sourcing:
    by_id = {e.id: e for e in entities}
    classes = Counter(source_class(a, by_id) for a in attributions)
    outlets = tuple(dict.fromkeys(a.via for a in attributions if a.via))
    quoted = Counter(
        member
        for a in attributions
        if not a.anonymous
        for member in a.speakers
        if member in by_id and by_id[member].type == "PERSON"
    )
    most_quoted = tuple(
        QuotedCount(entity=eid, name=by_id[eid].name, count=n)
        for eid, n in quoted.most_common(5)
        if eid is not None
    )
    return Sourcing(
        attributions=len(attributions),
        named_person=classes["named_person"],
        named_organisation=classes["named_organisation"],
        document=classes["document"],
        anonymous=classes["anonymous"],
        writer=classes["writer"],
        other=classes["other"],
        outlets=outlets,
        attributed_share=round(_attributed_share(attributions, body), 4),
        most_quoted=most_quoted,
    )


def _attributed_share(attributions: Sequence[Attribution], body: Sequence[Region]) -> float:
    """Characters of the body inside some attributed content, over body characters."""
    total = sum(r.end - r.start for r in body)
    if not total:
        return 0.0
    pieces = sorted((c.start, c.end) for a in attributions for c in a.content)
    covered = 0
    for region in body:
        cursor = region.start
        for start, end in pieces:
            start, end = max(start, cursor), min(end, region.end)
            if end > start:
                covered += end - start
                cursor = end
    return min(1.0, covered / total)
