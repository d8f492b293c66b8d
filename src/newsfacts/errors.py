"""One exception tree: each stage raises its own subclass; interfaces turn them into messages."""


class NewsfactsError(Exception):
    """Base of every error newsfacts raises on purpose. ``str(err)`` is a user message."""


class InputError(NewsfactsError):
    """An input could not be read: missing, unreachable, binary, undecodable, too large."""


class EmptyInputError(InputError):
    """The input holds no text (or no article body)."""


class NotEnglishError(InputError):
    """The text is not English; newsfacts analyses English only."""


class CleaningError(NewsfactsError):
    """Page litter removal or metadata extraction failed."""


class ModelError(NewsfactsError):
    """The spaCy model could not be loaded."""


class TimeLimitError(NewsfactsError):
    """Analysing one article took longer than ``Settings.article_time_limit``."""
