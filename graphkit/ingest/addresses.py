"""Which addresses a URL may be fetched from, and connections pinned to a checked address.

Only ``http`` and ``https``. The host name is resolved once and every address it resolves to
must be public: private, loopback, link-local, multicast, reserved and unspecified addresses
(IPv4, IPv6, IPv4-mapped IPv6, and spellings such as ``2130706433``, ``0177.0.0.1`` or
``0x7f.1``) are refused unless ``allow_private``. The connection goes to the address that was
checked (no second lookup, so DNS rebinding cannot swap it).

Examples:
    >>> check_url("ftp://example.org/a")
    Traceback (most recent call last):
    ...
    graphkit.errors.FetchError: ftp://example.org/a: only http and https URLs are fetched
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
from collections.abc import Callable
from urllib.parse import urlsplit

from graphkit.errors import FetchError

__all__ = ["PinnedHTTP", "PinnedHTTPS", "Resolver", "check_url", "system_resolve"]

Resolver = Callable[[str, int], list[str]]


def system_resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        msg = f"cannot resolve host {host!r} ({err}); check the URL"
        raise FetchError(msg) from err
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _numeric_address(host: str) -> str:
    """The address a numeric host names, in any spelling the C library accepts
    (``2130706433``, ``0177.0.0.1``, ``0x7f.1``, ``::ffff:127.0.0.1``); ``""`` for a name."""
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if re.fullmatch(r"[0-9a-fA-FxX.]+", host) and any(ch.isdigit() for ch in host):
        try:
            return socket.inet_ntoa(socket.inet_aton(host))
        except OSError:
            return ""
    return ""


def _why_not_public(address: str) -> str:
    """'' for a public address, else what kind of address it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if mapped is not None:
            inner = _why_not_public(str(mapped))
            if inner:
                return inner
    for kind, flag in (
        ("a loopback", ip.is_loopback),
        ("a link-local", ip.is_link_local),
        ("an unspecified", ip.is_unspecified),
        ("a multicast", ip.is_multicast),
        ("a private", ip.is_private),
        ("a reserved", ip.is_reserved),
        ("a non-global", not ip.is_global),
    ):
        if flag:
            return kind
    return ""


def check_url(
    url: str, *, allow_private: bool = False, resolve: Resolver = system_resolve
) -> tuple[str, int, str]:
    """Check that a URL may be fetched; returns ``(host, port, address to connect to)``.

    Raises:
        FetchError: not http(s), no host, cannot be resolved, or an address that is not
            public (unless ``allow_private``).

    Examples:
        >>> check_url("http://10.1.2.3/x", resolve=lambda host, port: [host])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        graphkit.errors.FetchError: http://10.1.2.3/x: 10.1.2.3 is a private address; graphkit ...
        >>> check_url("https://example.org/", resolve=lambda host, port: ["93.184.215.14"])
        ('example.org', 443, '93.184.215.14')
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as err:
        msg = f"{url}: not a valid URL ({err}); check it"
        raise FetchError(msg) from err
    if parts.scheme not in ("http", "https"):
        msg = f"{url}: only http and https URLs are fetched"
        raise FetchError(msg)
    host = parts.hostname or ""
    if not host:
        msg = f"{url}: the URL has no host; check it"
        raise FetchError(msg)
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")  # "bücher.example" -> "xn--bcher-kva..."
        except UnicodeError as err:
            msg = f"{url}: the host name is not a valid international name; check the URL"
            raise FetchError(msg) from err
    port = port or (443 if parts.scheme == "https" else 80)
    numeric = _numeric_address(host)
    try:
        addresses = [numeric] if numeric else resolve(host, port)
    except FetchError as err:
        msg = f"{url}: {err}"
        raise FetchError(msg) from err
    if not addresses:
        msg = f"{url}: host {host!r} has no address; check the URL"
        raise FetchError(msg)
    if not allow_private:
        for address in addresses:
            kind = _why_not_public(address)
            if kind:
                msg = (
                    f"{url}: {address} is {kind} address; graphkit fetches public addresses only "
                    "(use --allow-private for a local server)"
                )
                raise FetchError(msg)
    return host, port, addresses[0]


class PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to an address checked beforehand (the Host header keeps the name)."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        context = self._context  # type: ignore[attr-defined]
        self.sock = context.wrap_socket(sock, server_hostname=self.host)
