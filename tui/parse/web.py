"""Lines of a web page copied as text that are not the article's own: bylines, datelines, share
buttons, advertisements, photo credits. They stay in the text (no word is lost); they are never a
heading or a dek, and a byline or dateline under the title gives the article's author and date."""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # Nov 19, 2019
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"  # 19 November 2019
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"  # 11/19/19, 18.11.2019
    r"|\d{4}-\d{2}-\d{2}"  # 2019-11-19
    r"|\d{1,2}\s+de\s+\w+\s+de\s+\d{4})"  # 22 de outubro de 2010
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?",  # 8:15 pm CST
    re.I,
)
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_BY = re.compile(r"(?:^|\b(?:written\s+)?)[Bb][Yy]:?\s+(?=\w)")
# Where a name in a byline stops.
_ROLE = r"(?:Staff|Senior|Contributing)?\s*(?:Writer|Reporter|Editor|Correspondent|Columnist|Contributor)\b"
_NAME_END = re.compile(
    rf"\s+{_ROLE}|\s+[-|/•–—]\s|,|\s+@|\s+Updated\b|\s+\d|\s+{_MONTH}\s+\d|\s+(?:on|at)\s|\s*$", re.I
)
_HANDLE = re.compile(r"@\w+")
_WORDS = re.compile(r"[\w+:!-]+")
# `By Meg JamesStaff Writer`: a role glued to the name by the copy, cut off at its capital.
_GLUED_ROLE = re.compile(rf"(?<=[a-z])(?={_ROLE})")
_NAME_BEFORE = re.compile(r"\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})(?:\s+[-|/•–—]\s|\s+@|\s+(?=\d))")
_MONTH_WORD = re.compile(rf"\b{_MONTH}(?!\w)", re.I)
PROMO_CHARS = 80
_PROMO = re.compile(r"\b(?:subscribe|newsletter|sign up|follow us|click here|read the original)\b", re.I)
_GLUED_FURNITURE = re.compile(
    r"(?:share|facebook|twitter|linkedin|email|more|print|pinterest|reddit|whatsapp)+", re.I
)

# Words of a page's furniture, whole lines of which are never text a writer wrote for the article.
_INTERFACE_WORDS = frozenset(
    [
        "share", "shares", "sharing", "tweet", "email", "e-mail", "print", "facebook", "twitter", "linkedin",
        "whatsapp", "pinterest", "reddit", "flipboard", "pocket", "mix", "tumblr", "telegram", "copy", "link",
        "url", "copied", "more", "options", "close", "caption", "advertisement", "advert", "ad", "sponsored",
        "subscribe", "newsletter", "comments", "comment", "comentários", "comente", "like", "loading", "menu",
        "gallery", "back", "to", "of", "image", "photo", "video", "related", "tag", "tags", "story", "timeline",
        "trending", "news", "read", "next", "previous", "this:", "is", "caring!", "show", "extra", "all", "for",
        "save",
    ]
)  # fmt: skip
_CREDIT_STARTS = ("©", "copyright", "(reporting", "(writing", "(editing", "(additional reporting")
_CREDIT_LEAD = re.compile(r"(?:Photo|Image|Credit|Source)s?(?:\s+Credit)?\s*:", re.I)
_CREDIT_ENDS = ("associated press", "associated press)", " ap", "(ap)", "/ap)", " ap)")
_DIGIT = re.compile(r"\d")


def find_date(line: str) -> str | None:
    """The date a dateline gives (`Nov 19, 2019, 8:15 pm CST`), or None."""
    match = _DATE.search(line)
    return match.group().strip(" ,") if match is not None else None


def is_dateline(line: str) -> bool:
    """A short line that carries a date (with a time, an agency, a reading time, a byline…)."""
    if len(line) > 140 or _DIGIT.search(line) is None:
        return False
    if _DATE.search(line) is not None:
        return True
    return _TIME.search(line) is not None and _YEAR.search(line) is not None


def byline_author(line: str) -> str | None:
    """The name in a byline (`By Ana Swanson`, `Chris Davies - Nov 19, 2019`, `written by Regan`),
    or None when `line` is not one."""
    if len(line) > 140:
        return None
    lower = line.lower()
    if "by" not in lower and "@" not in line and _DIGIT.search(line) is None:
        return None
    match = _BY.search(line)
    # `By …` opening the line, after a date (`Monday … 7:45 am PST by Joe Rossignol`) or `written by`.
    before = line[: match.start()] if match is not None else ""
    if match is not None and (not before or _DATE.search(before) or "written" in line[: match.end()].lower()):
        rest = _GLUED_ROLE.sub(" ", line[match.end() :], count=1)
        name = rest[: _NAME_END.search(rest).start()].strip()
        return name if _looks_like_name(name) else None
    # `Chris Davies - Nov 19, 2019`, `Catherine Shu @catherineshu / 2 days`, `Carlos Nadalim 27/09/2018`.
    match = _NAME_BEFORE.match(line)
    if match is not None and (_HANDLE.search(line) or is_dateline(line)):
        name = match.group(1)
        return name if _looks_like_name(name) and len(name.split()) >= 2 and not _MONTH_WORD.search(name) else None
    return None


# `Copyright (C) 1985 Richard M. Stallman`: a year, then the name of the one who wrote it.
_COPYRIGHT = re.compile(
    r"(?:Copyright|©)\s*(?:\([Cc]\)|©)?\s*((?:1[5-9]|20)\d{2})(?:\s*[-–]\s*\d{2,4})?,?\s+(?:[Bb]y\s+)?"
    r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\.?"
)
# Words that name a firm, not a writer.
_FIRM_WORDS = frozenset(
    ["press", "inc", "inc.", "ltd", "ltd.", "llc", "company", "news", "media", "group", "corporation"]
)


def copyright_holder(line: str) -> tuple[str, str] | None:
    """(name, year) of a copyright line naming a person (`Copyright (C) 1985 Richard M. Stallman`),
    as a byline does; None for any other line, and for a firm (`© 2019 The Associated Press`)."""
    if not line.startswith(("Copyright", "©")):
        return None
    match = _COPYRIGHT.fullmatch(line.strip())
    if match is None:
        return None
    year, name = match.groups()
    if name.endswith(".") and len(name.rsplit(None, 1)[-1]) > 3:
        name = name[:-1]  # the sentence's period, not an initial's (`Jr.`, `M.`)
    words = name.split()
    if words[0] == "The" or any(word.casefold() in _FIRM_WORDS for word in words):
        return None
    return name, year


def is_name_line(line: str) -> bool:
    """A line that is only a name and perhaps a role (`Tom Krisher, Ap Auto Writer`)."""
    head = line.split(",")[0].strip()
    return (
        len(line) <= 60
        and _looks_like_name(head)
        and len(head.split()) >= 2
        and not _MONTH_WORD.search(head)
        and not line.endswith((".", "!", "?", ":"))
    )


def _looks_like_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 5 and all(word[:1].isupper() for word in words if word.isalpha() or "." in word)


def is_interface(line: str) -> bool:
    """Share buttons, `Advertisement`, gallery controls, counters and the like: page furniture."""
    text = line.strip()
    if not text or len(text) > 120:
        return False
    if _is_count(text):
        return True  # share counts, `1 / 23`
    # A call to subscribe is one short line; a longer one naming an offer (`Disney Plus is Now Live,
    # Sign up for the … Package and Save $5/Month`) is the article's own.
    if _GLUED_FURNITURE.fullmatch(text) or (len(text) <= PROMO_CHARS and _PROMO.search(text)):
        return True  # `LinkedInFacebookTwitterEmailMore`, `Subscribe to our newsletter`
    if len(text) > 80:
        return False
    words = _WORDS.findall(text.lower())
    return 0 < len(words) <= 8 and all(word.strip(":!") in _INTERFACE_WORDS or word.isdigit() for word in words)


def _is_count(text: str) -> bool:
    """Digits with separators only (`1,204`, `1 / 23`); the first character tells most lines."""
    if not (text[0].isdigit() or text[0] in ".,/"):
        return False
    return text.replace(".", "").replace(",", "").replace("/", "").replace(" ", "").isdigit()


def is_credit(line: str) -> bool:
    """A photo credit or a wire service's credits line (`(Reporting by …; Editing by …)`)."""
    text = line.strip()
    if len(text) > 200:
        return False
    lower = text.lower()
    return (
        lower.startswith(_CREDIT_STARTS)
        or _CREDIT_LEAD.match(text) is not None
        or "getty images" in lower
        or "credit..." in lower
        or lower.endswith(_CREDIT_ENDS)
        or (text.startswith("(") and text.endswith(")") and "/" in text)
    )


def is_caption(line: str, following: str | None) -> bool:
    """A photo caption: a line under which a credit stands, or that ends with one in parentheses."""
    text = line.rstrip()
    if following is not None and is_credit(following):
        return True
    return text.endswith(")") and "(" in text and "/" in text[text.rfind("(") :]
