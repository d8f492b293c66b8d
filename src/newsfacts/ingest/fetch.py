"""http(s) inputs: one streamed GET, bounded by the size limit, errors as one-line messages."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message

import httpx

from newsfacts.errors import InputError
from newsfacts.settings import Settings

MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL, after redirects
    data: bytes
    content_type: str | None  # media type only, lower case: "text/html"
    charset: str | None  # the charset parameter of Content-Type, if any


def fetch_url(url: str, settings: Settings) -> Fetched:
    """GET ``url``, following up to five redirects; never reads more than max_bytes + 1."""
    limit = settings.max_bytes
    try:
        with (
            httpx.Client(
                timeout=settings.http_timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": settings.user_agent},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise InputError(f"could not fetch URL: {response.status_code} {reason} ({url})")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise InputError(
                    f"{url} is too large: {int(declared):,} bytes (the limit is {limit:,} bytes)"
                )
            chunks: list[bytes] = []
            total = 0
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise InputError(
                        f"{url} is too large: more than {limit:,} bytes "
                        f"(the limit is {limit:,} bytes)"
                    )
            media, charset = _content_type(response.headers.get("content-type"))
            return Fetched(str(response.url), b"".join(chunks), media, charset)
    except httpx.TooManyRedirects:
        raise InputError(
            f"could not fetch URL: more than {MAX_REDIRECTS} redirects ({url})"
        ) from None
    except httpx.TimeoutException:
        raise InputError(
            f"could not fetch URL: no answer within {settings.http_timeout:g} s ({url})"
        ) from None
    except httpx.InvalidURL as err:
        raise InputError(f"could not fetch URL: invalid URL ({err}) ({url})") from None
    except httpx.HTTPError as err:
        detail = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise InputError(f"could not fetch URL: {detail} ({url})") from None


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    return message.get_content_type(), charset if isinstance(charset, str) else None
