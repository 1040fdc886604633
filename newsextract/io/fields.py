"""Which keys of a JSON or CSV row hold an article's fields: the common names news
dumps use (or the ones the user names), read into an `Article`."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from ..schema import Article

# common names of each field in news dumps, tried in order, case-insensitively
TEXT_FIELDS = ("text", "body", "content", "maintext", "article", "article_text", "articleBody",
               "full_text", "fulltext", "story", "text_content", "raw_text")
ID_FIELDS = ("id", "article_id", "doc_id", "docid", "_id", "uid", "guid", "uuid")
TITLE_FIELDS = ("title", "headline", "heading")
DATE_FIELDS = ("published", "date", "date_publish", "date_published", "datePublished", "published_at",
               "publish_date", "publication_date", "pubdate", "pub_date", "datetime", "seendate")
URL_FIELDS = ("url", "source_url", "sourceurl", "link", "href", "uri", "permalink")

# bytes not valid in the encoding, decoded with surrogateescape (a lone surrogate written as a
# JSON escape is the cleaner's business: it becomes U+FFFD)
_UNDECODABLE = re.compile("[\udc80-\udcff]")


class RowError(ValueError):
    """A row that is not an article; `id` is kept when the row had one."""

    def __init__(self, message: str, id: Optional[str] = None):
        super().__init__(message)
        self.id = id


@dataclass
class FieldMap:
    """Which keys of a JSON/CSV row hold the article's fields. None: auto-detect from
    the common names above (exact, then case-insensitive). A dotted name such as
    `article.body` reaches into nested objects."""

    id: Optional[str] = None
    text: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None

    @staticmethod
    def _lookup(row: dict, chosen: Optional[str], candidates) -> tuple[Optional[str], object]:
        if chosen:
            if chosen in row:
                return chosen, row[chosen]
            value = row
            for part in chosen.split("."):
                if not isinstance(value, dict) or part not in value:
                    return None, None
                value = value[part]
            return chosen, value
        for key in candidates:
            if key in row:
                return key, row[key]
        lowered = {k.lower(): k for k in row if isinstance(k, str)}
        for key in candidates:
            real = lowered.get(key.lower())
            if real is not None:
                return real, row[real]
        return None, None

    def article(self, row: dict, fallback_id: Optional[str]) -> Article:
        if not isinstance(row, dict):
            raise RowError(f"expected a JSON object, got {type(row).__name__}", fallback_id)
        _, ident = self._lookup(row, self.id, ID_FIELDS)
        ident = str(ident) if ident not in (None, "") else fallback_id
        tkey, text = self._lookup(row, self.text, TEXT_FIELDS)
        if tkey is None:
            wanted = self.text or ", ".join(TEXT_FIELDS)
            keys = ", ".join(map(str, list(row)[:12]))
            raise RowError(f"no text field (looked for {wanted}; the row has {keys}); "
                           f"name it with --text-field", ident)
        if not isinstance(text, str):
            raise RowError(f"text field {tkey!r} is {type(text).__name__}, not a string", ident)
        if not text.strip():
            raise RowError("empty text", ident)
        title = _str_or_none(self._lookup(row, self.title, TITLE_FIELDS)[1])
        for name, value in (("text", text), ("title", title)):
            if value and _UNDECODABLE.search(value):
                raise RowError(f"{name} holds bytes that are not valid in the input encoding "
                               f"(pass --encoding?)", ident)
        return Article(
            text=text,
            id=ident,
            title=title,
            published=_date_value(self._lookup(row, self.date, DATE_FIELDS)[1]),
            url=_str_or_none(self._lookup(row, self.url, URL_FIELDS)[1]),
        )


def _str_or_none(v) -> Optional[str]:
    if v is None or v == "":
        return None
    return v if isinstance(v, str) else str(v)


def _date_value(v) -> Optional[str]:
    """A date as given, except Unix timestamps (seconds or milliseconds), made ISO."""
    if isinstance(v, str) and v.isdigit() and len(v) in (10, 13):
        v = int(v)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        seconds = v / 1000 if v > 1e11 else v
        if 1e8 < seconds < 5e9:
            return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date().isoformat()
    return _str_or_none(v)
