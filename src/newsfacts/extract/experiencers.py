"""Who holds a feeling: the experiencer of a verb of emotion is the source of the attitude.

With most cue verbs the subject speaks or believes, and a passive cue's subject is what was
said or thought of ("the mayor was expected to win"). Verbs of emotion turn that round:
"Clinton officials were thrilled with the editorial" — the officials hold the attitude, so
their passive subject is the source; "His behavior has angered the party's leaders" — the
leaders do, so the active verb's object is the source and its subject the content.

PolNeAR train and dev, gold attributions whose cue is such a verb: a passive subject is
the source 31 times and content once; with an active verb of ``OBJECT_FEELS`` that has both,
the object is the source 31 times of 31 and the subject content 28 times (neither 3).
Verbs of persuading or reminding ("assured voters that …", "reminded him of …") keep their
subject as source when active. Train: source 82.54 -> 82.62, content 69.81 -> 69.90
(exact F1); dev, which holds one such cue, unchanged.
"""

from __future__ import annotations

from spacy.tokens import Token

# an active subject that makes someone feel: the object holds the feeling
OBJECT_FEELS = frozenset(
    {"alarm", "amaze", "anger", "annoy", "baffle", "bother", "delight", "disappoint"}
    | {"dismay", "embolden", "enrage", "exasperate", "excite", "frighten", "frustrate"}
    | {"infuriate", "irk", "irritate", "mystify", "offend", "outrage", "please", "rankle"}
    | {"roil", "scare", "startle", "stun", "stupefy", "surprise", "terrify", "unsettle"}
    | {"shock", "upset", "worry"}
)
# a passive subject that holds the feeling or the conviction ("were split on", "is
# convinced", "is assured of")
SUBJECT_FEELS = OBJECT_FEELS | frozenset(
    {"assure", "attract", "concern", "convince", "divide", "embitter", "grip", "impress"}
    | {"intrigue", "miff", "persuade", "puzzle", "rattle", "reassure", "shake", "split"}
    | {"thrill", "trouble", "unite"}
)


def _lemma(verb: Token) -> str:
    return verb.lemma_.lower()


def passive_feeling(verb: Token) -> bool:
    """A passive verb of emotion or conviction whose subject holds it ("were thrilled
    with", "is deeply divided over", "is convinced that")."""
    return _lemma(verb) in SUBJECT_FEELS and any(c.dep_ == "nsubjpass" for c in verb.children)


def feeling_object(verb: Token) -> tuple[Token, Token] | None:
    """(object, subject) of an active verb that makes its object feel ("His behavior has
    angered the party's leaders"), where it has both."""
    if _lemma(verb) not in OBJECT_FEELS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not objects or not subjects:
        return None
    return objects[0], subjects[0]
