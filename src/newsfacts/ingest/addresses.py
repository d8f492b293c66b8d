"""Which hosts newsfacts may fetch from: public addresses only, unless allowed otherwise.

A URL given on the command line (or found in a feed) must not make newsfacts read from the
machine itself or its private network (cloud metadata services, admin pages on 10.x hosts).
Every address a host name resolves to is checked, since a resolver may return several, and
the fetcher then connects to the address that was checked (``public_address``): a host name
that resolves to a public address for the check and to a private one a moment later (DNS
rebinding) gets no second lookup.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from newsfacts.errors import InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def public_address(url: str, port_default: int = 80) -> IPAddress:
    """The address to connect to for ``url``: the first its host resolves to, once every
    one has been checked. Raises InputError if any is not public."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise InputError(f"could not fetch URL: it names no host ({url})")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else port_default)
    except ValueError:
        raise InputError(f"could not fetch URL: invalid port ({url})") from None
    addresses = resolve(host, port, url)
    for address in addresses:
        why = private_kind(address)
        if why is not None:
            raise InputError(
                f"refusing to fetch {url}: host {host} resolves to {why} address {address} "
                "(allow private addresses to fetch it anyway)"
            )
    return addresses[0]


def resolve(host: str, port: int, url: str) -> list[IPAddress]:
    """Every address ``host`` stands for (an address literal stands for itself)."""
    literal = _literal(host)
    if literal is not None:
        return [literal]
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise InputError(
            f"could not fetch URL: cannot resolve host {host} ({err}) ({url})"
        ) from None
    found: list[IPAddress] = []
    for info in infos:
        # The scope of a link-local IPv6 address ("fe80::1%eth0") is not part of it.
        address = _literal(str(info[4][0]).split("%", 1)[0])
        if address is not None and address not in found:
            found.append(address)
    if not found:
        raise InputError(f"could not fetch URL: host {host} has no address ({url})")
    return found


def private_kind(address: IPAddress) -> str | None:
    """'loopback', 'private', 'link-local', ... for addresses not on the public internet."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return private_kind(mapped)
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("unspecified", address.is_unspecified),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("non-public", not address.is_global),
    )
    return next((kind for kind, hit in checks if hit), None)


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
