"""One bounded HTTP fetch of a feed: conditional GET, capped redirects, size limit while streaming."""

from __future__ import annotations

import asyncio
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

import httpx

from tui.core.models import FetchResult
from tui.core.schedule import parse_max_age, parse_retry_after

_PERMANENT = {301, 308}
_REDIRECTS = {301, 302, 303, 307, 308}


class TooLarge(Exception):
    """The response body (after decompression) exceeded the configured limit."""


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """Bounds on one fetch."""

    total_timeout: float
    max_bytes: int
    max_redirects: int


class _Decoder:
    """Incremental Content-Encoding decoder that never inflates more than `limit` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.size = 0
        encoding = encoding.strip().lower()
        self.z: zlib._Decompress | None = None  # none for identity; for deflate, made by _start_deflate
        if encoding in {"gzip", "x-gzip"}:
            self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding not in {"", "identity", "deflate"}:
            raise ValueError(f"unsupported Content-Encoding {encoding!r}")
        # "deflate" is zlib-wrapped by the standard and raw by many servers (as browsers accept): which
        # one is told by the first two bytes, so the decompressor is made when they have come
        self.head: bytes | None = b"" if encoding == "deflate" else None
        self.parts: list[bytes] = []

    def _start_deflate(self, head: bytes) -> None:
        wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and ((head[0] << 8) | head[1]) % 31 == 0
        self.z = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        self.head = None

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise TooLarge
        self.parts.append(data)

    def feed(self, chunk: bytes) -> None:
        if self.head is not None:  # deflate, its first bytes not seen yet
            chunk = self.head + chunk
            if len(chunk) < 2:
                self.head = chunk
                return
            self._start_deflate(chunk)
        if self.z is None:
            self._add(chunk)
            return
        data = chunk
        while data:
            # max_length bounds what one call may inflate: a gzip bomb is stopped at the limit.
            out = self.z.decompress(data, self.limit - self.size + 1)
            self._add(out)
            data = self.z.unconsumed_tail
            if self.z.eof:
                break

    def finish(self) -> bytes:
        if self.head is not None:  # a deflate body under two bytes long
            head = self.head
            self._start_deflate(head)
            self.feed(head)
        if self.z is not None:
            self._add(self.z.flush())
        return b"".join(self.parts)


def _describe_error(exc: BaseException, limits: FetchLimits) -> str:
    if isinstance(exc, TooLarge):
        return f"response larger than {limits.max_bytes:,} bytes (max_response_bytes)"
    if isinstance(exc, TimeoutError | asyncio.TimeoutError):
        return f"timed out after {limits.total_timeout:g} s in total"
    if isinstance(exc, httpx.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, httpx.ReadTimeout):
        return "read timed out (server stopped sending)"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc) or "connection failed"
        if "refused" in text.lower():
            return "connection refused"
        return f"cannot connect: {text}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"protocol error: {exc}"
    if isinstance(exc, httpx.HTTPError):
        return f"{type(exc).__name__}: {exc}"
    if isinstance(exc, httpx.InvalidURL):
        return f"bad address in the response: {exc}"
    if isinstance(exc, ValueError | zlib.error):
        return f"bad response: {exc}"
    return f"{type(exc).__name__}: {exc}"


async def _read_body(response: httpx.Response, limits: FetchLimits) -> bytes:
    declared = response.headers.get("content-length")
    encoding = response.headers.get("content-encoding", "")
    if declared and declared.isdigit() and not encoding and int(declared) > limits.max_bytes:
        raise TooLarge
    decoder = _Decoder(encoding, limits.max_bytes)
    async for chunk in response.aiter_raw():
        decoder.feed(chunk)
    return decoder.finish()


async def _drain(response: httpx.Response, limit: int = 65536) -> None:
    """Read a small body to its end so the keep-alive connection can be reused (closed if large)."""
    size = 0
    async for chunk in response.aiter_raw():
        size += len(chunk)
        if size > limit:
            return


async def _fetch(client: httpx.AsyncClient, feed: str, url: str, etag: str | None,
                 last_modified: str | None, limits: FetchLimits) -> FetchResult:
    started = time.monotonic()
    headers = {"Accept-Encoding": "gzip, deflate",
               "Accept": "application/rss+xml, application/atom+xml, application/feed+json;q=0.9, "
                         "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    all_permanent = True
    for hop in range(limits.max_redirects + 1):
        request = client.build_request("GET", current, headers=headers)
        response = await client.send(request, stream=True)
        try:
            if response.status_code in _REDIRECTS and "location" in response.headers:
                target = urljoin(current, response.headers["location"])
                if urlsplit(target).scheme not in ("http", "https"):
                    return FetchResult(feed=feed, status=response.status_code, final_url=current,
                                       error=f"HTTP {response.status_code} redirect to a non-HTTP address: "
                                             f"{target[:200]}", elapsed=time.monotonic() - started)
                if hop == limits.max_redirects:
                    return FetchResult(feed=feed, status=response.status_code, final_url=current,
                                       error=f"more than {limits.max_redirects} redirects (last to "
                                             f"{target})",
                                       elapsed=time.monotonic() - started)
                await _drain(response)
                all_permanent = all_permanent and response.status_code in _PERMANENT
                current = target
                continue
            if response.status_code in _REDIRECTS:
                await _drain(response)
                return FetchResult(feed=feed, status=response.status_code, final_url=current,
                                   error=f"HTTP {response.status_code} redirect without a Location header",
                                   elapsed=time.monotonic() - started)
            now = time.time()
            moved = current if (current != url and all_permanent) else None
            base = FetchResult(feed=feed, status=response.status_code, final_url=current,
                               permanent_redirect=moved,
                               max_age=parse_max_age(response.headers.get("cache-control")))
            if response.status_code == 304:
                await _drain(response)
                return replace(base, etag=response.headers.get("etag", etag),
                               last_modified=response.headers.get("last-modified", last_modified),
                               elapsed=time.monotonic() - started)
            if response.status_code >= 400 or response.status_code < 200:
                await _drain(response)
                reason = response.reason_phrase or ""
                return replace(base, error=f"HTTP {response.status_code} {reason}".strip(),
                               retry_after=parse_retry_after(response.headers.get("retry-after"), now),
                               elapsed=time.monotonic() - started)
            body = await _read_body(response, limits)
            return replace(base, body=body, headers={"content-type": response.headers.get("content-type", "")},
                           etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"),
                           elapsed=time.monotonic() - started)
        finally:
            await response.aclose()
    raise AssertionError("unreachable")


async def fetch_feed(client: httpx.AsyncClient, feed: str, url: str, etag: str | None,
                     last_modified: str | None, limits: FetchLimits) -> FetchResult:
    """Fetch one feed; never raises for network or HTTP trouble (the error is in the result)."""
    started = time.monotonic()
    try:
        async with asyncio.timeout(limits.total_timeout):
            return await _fetch(client, feed, url, etag, last_modified, limits)
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, TooLarge, TimeoutError, ValueError, zlib.error,
            OSError) as exc:  # InvalidURL: a Location header no URL parser accepts ("javascript:…", "http://[")
        return FetchResult(feed=feed, status=None, error=_describe_error(exc, limits), final_url=url,
                           elapsed=time.monotonic() - started)


class _LazyTransport(httpx.AsyncBaseTransport):
    """Creates its transport on first use: TLS set-up (loading CA certificates, ~45 ms) is only paid
    when an https URL is actually fetched."""

    def __init__(self, factory: Callable[[], httpx.AsyncBaseTransport]) -> None:
        self._factory = factory
        self._transport: httpx.AsyncBaseTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._transport is None:
            self._transport = self._factory()
        return await self._transport.handle_async_request(request)

    async def aclose(self) -> None:
        if self._transport is not None:
            await self._transport.aclose()


def make_client(user_agent: str, concurrency: int, connect_timeout: float, read_timeout: float) -> httpx.AsyncClient:
    """The shared HTTP client: keep-alive pool sized to the concurrency, no automatic redirects.

    Plain http:// and https:// have separate pools; the https one (with certificate verification)
    is created on first use.
    """
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    def tls() -> httpx.AsyncBaseTransport:
        return httpx.AsyncHTTPTransport(limits=limits, verify=True)

    return httpx.AsyncClient(
        headers={"User-Agent": user_agent},
        timeout=httpx.Timeout(connect=connect_timeout, read=read_timeout, write=read_timeout, pool=None),
        follow_redirects=False,
        # The http:// transport never speaks TLS (mounts route by scheme), so it needs no context.
        transport=_LazyTransport(tls),
        mounts={"http://": httpx.AsyncHTTPTransport(limits=limits, verify=False)},
    )
