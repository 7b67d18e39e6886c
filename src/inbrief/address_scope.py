"""Whether an address is on the public internet, so that a public page cannot send inbrief to
a private one.

A redirect, a ``<meta http-equiv=refresh>`` or a feed item's link is the server's choice, not
the user's: followed blindly, a page on the internet could make inbrief send a GET to a
router's admin page, a service on localhost or a cloud's metadata address (169.254.169.254),
where a GET may change things. A fetch that starts from a public address therefore never
reaches a private, loopback, link-local or otherwise non-global one. An address the user gives
is fetched wherever it is, and so is whatever it sends on to: a page on the intranet may
redirect within it.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from inbrief.errors import InbriefError


def is_public_ip(text: str) -> bool:
    """Whether the IP address ``text`` is globally reachable (an IPv4-mapped IPv6 address is
    judged as its IPv4 address)."""
    address = ipaddress.ip_address(text.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global


def host_addresses(host: str) -> list[str]:
    """The IP addresses ``host`` stands for: itself when it is one, else what it resolves to
    (none when it does not resolve: the fetch then fails on its own)."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]").split("%", 1)[0]))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def is_public_url(url: str) -> bool:
    """Whether every address ``url``'s host stands for is public (False when none is known)."""
    addresses = host_addresses(_host(url))
    return bool(addresses) and all(is_public_ip(address) for address in addresses)


def refuse_private_hop(origin: str, target: str) -> None:
    """Raise :class:`InbriefError` when ``target`` is on a non-public address while
    ``origin``, where the fetch started, is public."""
    host = _host(target)
    addresses = host_addresses(host)
    if all(is_public_ip(address) for address in addresses) or not is_public_url(origin):
        return
    raise InbriefError(f"refusing to go from a public address to a private one ({host})")
