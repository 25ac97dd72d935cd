"""The shape of one line of text: length, case, punctuation, links, words.

Scraped page furniture ("CLICK HERE TO READ MORE", "Jonathan Ernst/Reuters",
"Advertisement") differs from edited prose first in its shape: short, no
sentence punctuation, capitals, a URL or handle. ``LineShape`` measures that
once per line with a few compiled patterns, so that scoring stays cheap:
letters and capitals are counted by deleting ASCII classes from the line's
bytes (C speed) and asking ``str`` only about its few non-ASCII characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint import regexcache

# A line that ends a sentence: . ! ? … then quotes/brackets, or a closing quote.
_TERMINAL = regexcache.compile(r"(?:[.!?…][\"'”’)\]]*|[,;:]?[\"”])\s*$")
# A link: '://', 'www.' or a top-level domain ('in' finds the first two
# fastest; a link in capitals is rare enough to miss).
_TLD = regexcache.compile(r"\.(?:com|org|net|ly|gov|co\.uk)\b")
_HANDLE = regexcache.compile(r"(?<![\w@])@\w{2,}")
_EMAIL = regexcache.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]{2,}\b")
_FIRST_WORD = regexcache.compile(r"[^\W\d_]+(?:['’][a-z]+)?")
_CONTENT = regexcache.compile(r"[^\W\d_]{4,}")
# A word's first character after opening quotes and brackets, in " " + line:
# \s and \S split as str.split() does; a word of only quotes gives none.
_INITIAL = regexcache.compile(r"\s[\"'“‘(\[]*+(\S)")
_NON_ASCII = regexcache.compile(r"[^\x00-\x7f]+")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_ASCII_UPPER = bytes(range(65, 91))


@dataclass(slots=True)
class LineShape:
    """What the shape of a line says; ``words`` counts whitespace-separated tokens."""

    words: int
    letters: int
    caps_ratio: float  # uppercase letters / letters
    title_ratio: float  # words that start with a capital / words that start with a letter
    terminal: bool  # ends like a sentence
    first_word: str  # lowercased first alphabetic word ('' when none)
    url: bool
    handle: bool
    email: bool
    pipes: bool


def measure(line: str, words: int | None = None, *, case_words: int = 30, prose_words: int | None = None) -> LineShape:
    """Measure ``line`` (one paragraph); ``words`` when the caller counted them.

    Letters and case are counted only in lines of at most ``case_words``
    words (a headline or a label) that do not read as a sentence of more
    than ``prose_words`` words; other lines count as prose there (no case
    counts, ``letters`` is the length). Links are searched only when a
    cheap test says there may be one.
    """
    count = len(line.split()) if words is None else words
    terminal = ends_sentence(line)
    first = _FIRST_WORD.search(line, 0, 80)
    letters, caps_ratio, title_ratio = len(line), 0.0, 0.0
    if count <= case_words and not (terminal and prose_words is not None and count > prose_words):
        # Case counts per script: Cyrillic lowercase is lowercase, Arabic has none.
        letters, upper, lower = case_counts(line)
        cased = upper + lower
        caps_ratio = upper / cased if cased else 0.0
        title_ratio = _title_ratio(line)
    at = "@" in line
    return LineShape(
        words=count,
        letters=letters,
        caps_ratio=caps_ratio,
        title_ratio=title_ratio,
        terminal=terminal,
        first_word=first.group().lower() if first else "",
        url="://" in line or "www." in line or _TLD.search(line) is not None,
        handle=at and bool(_HANDLE.search(line)),
        email=at and bool(_EMAIL.search(line)),
        pipes=" | " in line or line.rstrip().endswith(" |"),
    )


def case_counts(text: str) -> tuple[int, int, int]:
    """How many characters of ``text`` are ``isalpha``, ``isupper`` and ``islower``."""
    # ASCII stays one byte a character; other characters (lone surrogates too) become bytes >= 0x80.
    data = text.encode("utf-8", "surrogatepass")
    size = len(data)
    letters = size - len(data.translate(None, _ASCII_LETTERS))
    upper = size - len(data.translate(None, _ASCII_UPPER))
    lower = letters - upper
    if not text.isascii():
        rest = "".join(_NON_ASCII.findall(text))
        letters += sum(map(str.isalpha, rest))
        upper += sum(map(str.isupper, rest))
        lower += sum(map(str.islower, rest))
    return letters, upper, lower


def _title_ratio(line: str) -> float:
    """Share of capitals among the words that start with a letter (after opening quotes)."""
    initials = "".join(_INITIAL.findall(" " + line))
    if initials.isascii():  # an ASCII letter is either case
        letters, upper, _ = case_counts(initials)
    else:
        starts = [c for c in initials if c.isalpha()]
        letters, upper = len(starts), sum(map(str.isupper, starts))
    return upper / letters if letters else 0.0


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends like a sentence (its last few characters decide)."""
    return _TERMINAL.search(line, max(0, len(line) - 8)) is not None


def content_words(text: str, stopwords: frozenset[str]) -> set[str]:
    """Lowercased words of four letters or more that are not stopwords."""
    words = {w for w in _CONTENT.findall(text.lower()) if w not in stopwords}
    # A crude plural fold, so that "civilian" meets "civilians".
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words}
