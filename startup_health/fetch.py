"""Polite HTTP fetching: the network edge of `fetch` and `follow` (httpx for HTTP, protego for robots.txt).

    with Fetcher(Politeness(delay_s=2)) as f:
        page = f.get("https://news.example/story", etag=old_etag)   # Fetched, or raises FetchError

What "polite" means here, by default:

* **robots.txt** is read once per site (and again after a day) and obeyed for our User-Agent, with its
  ``Crawl-delay`` when that is longer than ours. As RFC 9309 says: a robots.txt that is missing (HTTP 4xx)
  allows everything; one that cannot be read (HTTP 5xx, no answer) disallows everything until it can.
* **One request at a time**, and at least ``delay_s`` seconds between two requests to the same host.
* **Conditional GET**: the ``ETag`` and ``Last-Modified`` of the previous answer go out as ``If-None-Match``
  and ``If-Modified-Since``; a ``304 Not Modified`` costs the site no page.
* A **User-Agent** naming the project; a **time limit** for the whole request (a server that trickles bytes
  is cut off too); a **size cap** (``Content-Length`` over it is refused before a byte of the body is read,
  a body that grows over it is cut off); at most ``max_redirects`` **redirects**, each checked against its
  own site's robots.txt, and a redirect loop named as one; a **content-type check** (a PDF is not a page).

Every failure is a `FetchError` whose text is one line ``URL: problem``. Nothing here writes anywhere.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

__all__ = [
    "DEFAULT_USER_AGENT",
    "FEED_TYPES",
    "FetchError",
    "Fetched",
    "Fetcher",
    "Politeness",
]

MB = 1024 * 1024


def _version() -> str:
    try:
        return metadata.version("startup-health")
    except metadata.PackageNotFoundError:
        return "dev"


#: Names the project; robots.txt rules for "startup-health" apply to it.
DEFAULT_USER_AGENT = f"startup-health/{_version()} (startup news reader; reads robots.txt)"
#: Content types accepted as feeds (servers label RSS and Atom loosely).
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
_ROBOTS_MAX_BYTES = 512 * 1024
_ROBOTS_TTL_S = 24 * 3600
_MAX_CRAWL_DELAY_S = 60.0


class FetchError(Exception):
    """One address could not be fetched. ``str(err)`` is ``"URL: problem"`` on one line."""

    def __init__(self, url: str, problem: str) -> None:
        self.url = url
        self.problem = " ".join(problem.split())
        super().__init__(f"{url}: {self.problem}")


@dataclass(frozen=True, slots=True)
class Politeness:
    """How the fetcher behaves towards the sites it reads (from `Settings`, see the README)."""

    user_agent: str = DEFAULT_USER_AGENT
    delay_s: float = 1.0  # between two requests to one host
    timeout_s: float = 20.0  # for a whole request, body included
    max_bytes: int = 5 * MB
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Fetched:
    """An answer: 200 with its body, or 304 (``not_modified``, empty body)."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    body: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


class Fetcher:
    """Fetches pages one at a time, politely (see the module). Use as a context manager, or call ``close``.

    ``transport`` (an httpx transport), ``clock`` and ``sleep`` are for tests.
    """

    def __init__(
        self,
        politeness: Politeness = Politeness(),
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.politeness = politeness
        self._client = httpx.Client(
            headers={"User-Agent": politeness.user_agent},
            timeout=httpx.Timeout(politeness.timeout_s),
            follow_redirects=False,
            transport=transport,
        )
        self._clock, self._sleep = clock, sleep
        self._robots: dict[str, tuple[float, Protego | bool, str]] = {}  # origin -> (when, rules, why blocked)
        self._last: dict[str, float] = {}  # host -> when its last request ended

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- the one public call ---------------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        accept: Collection[str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """GET ``url`` politely, following redirects; ``accept``: the content types wanted (None: any).

        Raises `FetchError` (``"URL: problem"``) for anything but a usable answer or a 304.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        chain = [url]
        current = url
        for _ in range(self.politeness.max_redirects + 1):
            self._check_address(url, current)
            self._check_robots(url, current)
            status, resp_headers, body = self._request(url, current, headers)
            if status in (301, 302, 303, 307, 308) and resp_headers.get("location"):
                nxt = urljoin(current, resp_headers["location"])
                if nxt in chain:
                    loop = " -> ".join(chain[chain.index(nxt) :] + [nxt])
                    raise FetchError(url, f"redirect loop ({loop})")
                chain.append(nxt)
                current = nxt
                continue
            return self._answer(url, current, status, resp_headers, body, accept)
        raise FetchError(url, f"more than {self.politeness.max_redirects} redirects (last to {current})")

    # -- steps -----------------------------------------------------------------------------------

    @staticmethod
    def _check_address(url: str, current: str) -> None:
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            where = "" if current == url else f" (redirected to {current})"
            raise FetchError(url, f"not an http(s) address{where}")

    def _answer(
        self, url: str, final: str, status: int, headers: httpx.Headers, body: bytes, accept: Collection[str] | None
    ) -> Fetched:
        if status == 304:
            return Fetched(url, final, 304, b"", etag=headers.get("etag"), last_modified=headers.get("last-modified"))
        if status != 200:
            reason = httpx.codes.get_reason_phrase(status)
            raise FetchError(url, f"HTTP {status} {reason}".strip() + ("" if final == url else f" (at {final})"))
        ctype = headers.get("content-type")
        if accept is not None and _media_type(ctype) not in accept:
            wanted = "an HTML page" if "text/html" in accept else "a feed"
            raise FetchError(url, f"not {wanted} (content type {_media_type(ctype) or 'missing'})")
        return Fetched(url, final, 200, body, ctype, headers.get("etag"), headers.get("last-modified"))

    def _wait_for(self, host: str, delay: float) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)

    def _request(
        self, url: str, current: str, headers: dict[str, str], max_bytes: int | None = None
    ) -> tuple[int, httpx.Headers, bytes]:
        """One GET of ``current`` (on behalf of ``url``, which errors name): status, headers, body."""
        host = urlsplit(current).netloc.lower()
        self._wait_for(host, self._delay(current))
        limit = max_bytes or self.politeness.max_bytes
        timeout = self.politeness.timeout_s
        deadline = self._clock() + timeout
        try:
            with self._client.stream("GET", current, headers=headers) as resp:
                declared = resp.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, f"page is {_size(int(declared))}, over the {_size(limit)} limit")
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(url, f"page is over the {_size(limit)} limit (cut off)")
                    if self._clock() > deadline:
                        raise FetchError(url, f"timed out after {timeout:g} s")
                    chunks.append(chunk)
                return resp.status_code, resp.headers, b"".join(chunks)
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out after {timeout:g} s") from None
        except httpx.TooManyRedirects:  # pragma: no cover - redirects are followed by hand
            raise FetchError(url, "too many redirects") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"cannot fetch: {type(exc).__name__}: {exc}".splitlines()[0]) from None
        finally:
            self._last[host] = self._clock()

    # -- robots.txt ------------------------------------------------------------------------------

    def _rules(self, current: str) -> tuple[Protego | bool, str]:
        parts = urlsplit(current)
        origin = f"{parts.scheme}://{parts.netloc.lower()}"
        cached = self._robots.get(origin)
        if cached is not None and self._clock() - cached[0] < _ROBOTS_TTL_S:
            return cached[1], cached[2]
        rules: Protego | bool
        why = ""
        robots_url = origin + "/robots.txt"
        try:
            status, _, body = self._robots_get(robots_url)
        except FetchError as err:
            rules, why = False, f"robots.txt cannot be read ({err.problem})"
        else:
            if 200 <= status < 300:
                rules = Protego.parse(body.decode("utf-8", "replace"))
            elif 400 <= status < 500:
                rules = True  # no robots.txt: everything is allowed
            else:
                rules, why = False, f"robots.txt cannot be read (HTTP {status})"
        self._robots[origin] = (self._clock(), rules, why)
        return rules, why

    def _robots_get(self, robots_url: str) -> tuple[int, httpx.Headers, bytes]:
        current = robots_url
        for _ in range(5):  # RFC 9309: follow at least five redirects
            status, headers, body = self._request(robots_url, current, {}, _ROBOTS_MAX_BYTES)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                current = urljoin(current, headers["location"])
                continue
            return status, headers, body
        return 500, httpx.Headers(), b""  # a robots.txt that redirects forever cannot be read

    def _check_robots(self, url: str, current: str) -> None:
        rules, why = self._rules(current)
        if rules is False:
            raise FetchError(url, f"{why}; not fetched" + ("" if current == url else f" (redirected to {current})"))
        if isinstance(rules, Protego) and not rules.can_fetch(current, self.politeness.user_agent):
            where = "" if current == url else f" (redirected to {current})"
            raise FetchError(url, f"disallowed by robots.txt{where}")

    def _delay(self, current: str) -> float:
        parts = urlsplit(current)
        cached = self._robots.get(f"{parts.scheme}://{parts.netloc.lower()}")
        delay = self.politeness.delay_s
        if cached is not None and isinstance(cached[1], Protego):
            asked = cached[1].crawl_delay(self.politeness.user_agent)
            if asked:
                delay = max(delay, min(float(asked), _MAX_CRAWL_DELAY_S))
        return delay
