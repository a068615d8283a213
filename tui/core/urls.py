"""URL canonicalisation: stable article keys from links."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "piwik_", "hsa_", "itm_")
_TRACKING_KEYS = {
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ocid", "cmpid", "ncid", "smid",
    "cmp", "_ga", "_gl", "ref", "ref_src", "at_medium", "at_campaign", "at_custom1", "at_custom2",
    "at_custom3", "at_custom4", "rss", "feedtype", "spm", "mkt_tok", "ito",
}


def canonical_link(link: str) -> str:
    """The link with tracking parameters and the fragment removed, scheme and host lower-cased."""
    link = link.strip()
    if not link:
        return ""
    try:
        parts = urlsplit(link)
    except ValueError:
        return link
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_KEYS]
    netloc = parts.netloc.lower()
    if netloc.endswith(":80") and parts.scheme.lower() == "http":
        netloc = netloc[:-3]
    elif netloc.endswith(":443") and parts.scheme.lower() == "https":
        netloc = netloc[:-4]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


def host_of(url: str) -> str:
    """host:port of a URL (the unit of per-host politeness)."""
    try:
        parts = urlsplit(url)
        return f"{(parts.hostname or '').lower()}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    except ValueError:
        return url


def is_web_url(url: str) -> bool:
    """True for http(s) URLs with a host (safe to hand to a browser)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


def without_password(url: str) -> str:
    """A URL as shown on screen: a password in it ("https://user:secret@host/rss", the feed's own,
    from feeds.toml) written as ***, so that a screen share or a screenshot does not give it away."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url
    if not password:
        return url
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))
