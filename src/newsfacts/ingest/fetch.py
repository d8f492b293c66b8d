"""http(s) inputs: one streamed GET, bounded by the size limit, errors as one-line messages.

Redirects are followed by hand, so that every hop's host is checked for private addresses
(``addresses.public_address``) before anything is sent to it; the request then goes to the
address that was checked, with the host name kept for the Host header and for TLS (the
server name sent and the certificate checked), so no second lookup can point it elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message
from typing import TYPE_CHECKING

from newsfacts.errors import InputError
from newsfacts.ingest.addresses import IPAddress, public_address
from newsfacts.settings import Settings

if TYPE_CHECKING:  # httpx is imported when a URL is fetched
    import httpx

MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL, after redirects
    data: bytes
    content_type: str | None  # media type only, lower case: "text/html"
    charset: str | None  # the charset parameter of Content-Type, if any


def fetch_url(url: str, settings: Settings, *, allow_private: bool = False) -> Fetched:
    """GET ``url``, following up to five redirects; never reads more than max_bytes + 1.

    Hosts that resolve to private, loopback, link-local or reserved addresses are refused
    (at the first request and after each redirect) unless ``allow_private``.
    """
    import httpx

    try:
        with httpx.Client(
            timeout=settings.http_timeout,
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent},
        ) as client:
            return _get(client, url, settings, allow_private)
    except httpx.TimeoutException:
        raise InputError(
            f"could not fetch URL: no answer within {settings.http_timeout:g} s ({url})"
        ) from None
    except httpx.InvalidURL as err:
        raise InputError(f"could not fetch URL: invalid URL ({err}) ({url})") from None
    except httpx.HTTPError as err:
        detail = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise InputError(f"could not fetch URL: {detail} ({url})") from None


def _get(client: httpx.Client, url: str, settings: Settings, allow_private: bool) -> Fetched:
    request = client.build_request("GET", url)
    for _ in range(MAX_REDIRECTS + 1):
        target = str(request.url)
        if request.url.scheme not in _SCHEMES:
            raise InputError(f"could not fetch URL: redirected to a non-http URL {target} ({url})")
        sent = request if allow_private else _pinned(request, public_address(target))
        response = client.send(sent, stream=True)
        try:
            if response.next_request is not None:
                # resolved against the URL as the user's side knows it, not the address
                location = response.headers.get("location", "")
                request = client.build_request("GET", request.url.join(location))
                continue
            return _read(response, url, target, settings.max_bytes)
        finally:
            response.close()
    raise InputError(f"could not fetch URL: more than {MAX_REDIRECTS} redirects ({url})")


def _pinned(request: httpx.Request, address: IPAddress) -> httpx.Request:
    """``request`` sent to ``address``, its host name kept for the Host header and TLS."""
    import httpx

    host = request.url.host
    if str(address) == host.strip("[]"):
        return request
    return httpx.Request(
        request.method,
        request.url.copy_with(host=str(address)),
        headers=request.headers,  # Host: the name, set when the request was built
        extensions={**request.extensions, "sni_hostname": host},
    )


def _read(response: httpx.Response, url: str, final: str, limit: int) -> Fetched:
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
                f"{url} is too large: more than {limit:,} bytes (the limit is {limit:,} bytes)"
            )
    media, charset = content_type(response.headers.get("content-type"))
    return Fetched(final, b"".join(chunks), media, charset)


def content_type(header: str | None) -> tuple[str | None, str | None]:
    """Media type and charset of a Content-Type header."""
    if not header:
        return None, None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    return message.get_content_type(), charset if isinstance(charset, str) else None
