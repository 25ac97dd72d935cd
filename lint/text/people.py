"""Find mentions of people with their titles in an article's prose.

A mention is a name with a title before it ("Russian Foreign Minister Sergey
Lavrov", "Sen. Warren") or after it as an appositive ("Dmytro Kuleba, Ukraine's
foreign minister,"). The title words come from a ``Lexicon``; the words that
read a mention (particles, words that are not names) come from the rule's YAML.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from newslint import regexcache
from newslint.text.titles_lexicon import Lexicon, Title, phrase_key

SPACE = r"[^\S\n]+"
CAPITAL = "A-ZÀ-ÖØ-Þ"
LETTERS = r"[^\W\d_]"
# Letters after a name's capital: ASCII lower case first (a bitmap test, faster than the
# Unicode class). Possessive: what follows a run of letters in a name never starts with a
# letter, so giving letters back could not help a match, and sre need not try.
LETTER_RUN = rf"[a-z]*+{LETTERS}*+"
# A capitalised name word: O'Brien, Ki-moon, al-Assad (with a particle), or initials (H.W.).
NAME_TAIL = rf"{LETTER_RUN}(?:['’][{CAPITAL}]{LETTER_RUN})?(?:-{LETTERS}++)*"
NAME_WORD = rf"(?:[{CAPITAL}]{NAME_TAIL}|(?:[{CAPITAL}]\.){{1,3}})"
POSSESSIVE = regexcache.compile(r"['’]s?$")
POSSESSIVE_ENDINGS = ("'", "’", "'s", "’s")  # what POSSESSIVE finds in a word, without a regex call
INITIALS = regexcache.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]$")
ABBREVIATION = regexcache.compile(r"^(?:[A-Za-z]\.)+$")
# Words that close the walk back from a title: end of a sentence, punctuation.
CLOSING = tuple(',;:()[]"“”‘«»!?')
OPENING = "([\"“‘«'"
TOKEN = regexcache.compile(r"\S+")
HYPHENED = regexcache.compile(r"([\w.]+)-$")  # "then-", "ex-", "vice-" right before a title
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Runs of capitalised words read so far ("Donald Trump", "New York"): they recur in
# article after article. Forgotten past this many, to bound memory on a crawl.
RUN_NAMES_KEPT = 50_000


@dataclass(frozen=True, slots=True)
class Mention:
    """A titled mention: where it is, who (given name key, surname key) and the title."""

    start: int  # the title's first kept word, or the name when the title follows it
    end: int
    name_start: int
    name_end: int
    title_end: int  # the title runs from its first kept word to here
    given: str  # "" when the name is a surname alone
    surname: str
    title: Title
    title_text: str  # as written, without nationality or organisation words
    changed: bool  # "former", "then-", "-elect": a role change said as such
    garble: str = ""  # the real title a garbled one stands for
    dual: Title | None = None  # the second title of "President and CEO X"


class MentionFinder:
    """Compiled patterns for one lexicon; ``find(prose)`` lists the titled mentions in order."""

    def __init__(self, lexicon: Lexicon, particles: list[str], not_names: list[str]):
        self.lexicon = lexicon
        self.particles = frozenset(particles)
        self.not_names = frozenset(w.lower() for w in not_names)
        self._run_names: dict[str, tuple[str, str, int] | None] = {}
        self.title_words = self.not_names | {
            word.rstrip(".")
            for phrase in [
                *lexicon.head_forms,
                *lexicon.garbles,
                *lexicon.portfolio_forms,
                *lexicon.ranks,
                *lexicon.changes,
            ]
            for word in phrase.split()
        }
        particle = "|".join(sorted((re.escape(p) for p in particles), key=len, reverse=True))
        word = rf"(?:(?:{particle})-)?{NAME_WORD}"
        self._name = rf"(?:(?:{particle}){SPACE})*{word}(?:{SPACE}(?:(?:{particle}){SPACE})*{word}){{0,3}}"
        portfolio = rf"(?P<portfolio>(?i:{lexicon.portfolio_pattern()}))(?:{SPACE}(?i:affairs))?"
        self._of_tail = rf"(?P<of>{SPACE}(?i:of|for)(?:{SPACE}the)?{SPACE}{portfolio})?"

    # The patterns below are compiled on first use (most articles name nobody with a
    # title). Those read after a title head are matched where the head ends.

    @cached_property
    def before(self) -> re.Pattern:
        """After a head: "[of Foreign Affairs][-elect] Sergey Lavrov"."""
        elect = rf"(?P<elect>-(?i:elect|designate)|{SPACE}(?i:elect))?"
        return regexcache.compile(rf"{self._of_tail}{elect}{SPACE}(?P<name>{self._name})")

    @cached_property
    def appositive_title(self) -> re.Pattern:
        """After a head that ends an appositive: "[of State]," or " said"."""
        return regexcache.compile(
            rf"(?![\w-]){self._of_tail}"
            rf"(?=[^\S\n]*[,.;:)]|{SPACE}(?:and|said|says|who|told|has|had|was|is|will|in|at)\b)"
        )

    @cached_property
    def appositive_name(self) -> re.Pattern:
        return regexcache.compile(rf"(?<![\w.])(?P<name>{self._name}),{SPACE}(?P<desc>(?:[\w.'’&-]+{SPACE}){{0,4}})$")

    @cached_property
    def run_of_names(self) -> re.Pattern:
        """Runs of capitalised words: "Dmytro Kuleba", "President George W. Bush".

        The first word's capital comes before the look-behind so that sre can skip
        along the text to the next capital letter.
        """
        first = rf"[{CAPITAL}](?<![\w.'’-].)(?:{NAME_TAIL}|\.(?:[{CAPITAL}]\.){{0,2}})"  # a NAME_WORD
        return regexcache.compile(rf"{first}(?:{SPACE}{NAME_WORD}){{1,5}}")

    @cached_property
    def indefinite(self) -> re.Pattern:
        return regexcache.compile(rf"(?<![\w])(?i:a|an)(?:{SPACE}[\w-]+){{0,2}}{SPACE}$")

    @cached_property
    def and_before(self) -> re.Pattern:
        """The " and " that ends the first title of a dual role ("President and CEO Mary Barra")."""
        return regexcache.compile(rf"{SPACE}(?:and|&){SPACE}$")

    @cached_property
    def dual_lead(self) -> re.Pattern:
        """Up to two words before the first title of a dual role, ending where the title starts."""
        return regexcache.compile(rf"(?<![\w.])(?:[\w.-]+{SPACE}){{0,2}}?\Z")

    def find(self, prose: str, copy: bytes | None = None) -> list[Mention]:
        """The titled mentions in ``prose``, in order; ``copy`` is its ``scan_copy`` if made."""
        mentions: list[Mention] = []
        for head_start, _, lengths in self.lexicon.heads.find(prose, copy):
            if mentions and head_start < mentions[-1].title_end:
                continue  # "Justice" in "Minister of Justice David Ford"
            mention = self._before(prose, head_start, lengths)
            if mention is None:
                mention = self._appositive(prose, head_start, lengths)
            if mention is not None:
                mentions.append(mention)
        return sorted(mentions, key=lambda m: (m.start, m.end))

    @staticmethod
    def _after_head(pattern: re.Pattern, prose: str, head_start: int, lengths: list[int]):
        """(head end, match) for the longest head at ``head_start`` (of ``lengths``) that ``pattern`` follows."""
        for length in lengths:
            match = pattern.match(prose, head_start + length)
            if match:
                return head_start + length, match
        return head_start, None

    # -- title before the name ------------------------------------------------

    def _before(self, prose: str, head_start: int, lengths: list[int]) -> Mention | None:
        head_end, match = self._after_head(self.before, prose, head_start, lengths)
        if match is None:
            return None
        name = self.split_name(match.group("name"))
        if name is None:
            return None
        given, surname, name_length = name
        if prose[head_start].islower() and not given:
            return None  # "in general Americans": a lower-case title needs a full name
        kept, changed, first = self._walk_back(prose, head_start)
        if prose[first].islower() and self.indefinite.search(prose, max(0, first - 40), first):
            return None  # "how good a prime minister Gordon Brown will make": a description
        title, garble = self._title(prose[head_start:head_end], kept, match.group("portfolio"))
        changed = changed or bool(match.group("elect"))
        pair = self._dual_head(prose, first)
        dual = self.lexicon.parse(pair) if pair else None
        end = match.start("name") + name_length
        title_end = match.end("of") if match.group("of") else head_end
        return Mention(
            first,
            end,
            match.start("name"),
            end,
            title_end,
            given,
            surname,
            title,
            " ".join(prose[first:title_end].split()),
            changed,
            garble,
            dual,
        )

    def _dual_head(self, prose: str, first: int) -> str | None:
        """The first title of a dual role that ends just before ``first``, or None.

        "Deputy Prime Minister" in "Deputy Prime Minister and Foreign Minister X":
        up to two words and a head before an " and ", starting as far back as
        possible within 60 characters.
        """
        window = max(0, first - 60)
        joint = self.and_before.search(prose, window, first)
        if joint is None:
            return None
        end = joint.start()
        starts = [
            lead.start()
            for length in self.lexicon.heads.ending_at(prose, end)
            if end - length >= window and (lead := self.dual_lead.search(prose, window, end - length))
        ]
        return prose[min(starts) : end] if starts else None

    def _walk_back(self, prose: str, head_start: int) -> tuple[list[str], bool, int]:
        """Modifier words before a title: (kept words, role changed?, start of the kept title)."""
        window_start = line_start(prose, head_start, 120)
        window = prose[window_start:head_start]
        kept: list[str] = []
        changed = False
        first = head_start
        contiguous = True
        hyphened = HYPHENED.search(window) if window.endswith("-") else None  # the window holds no newline
        if hyphened:  # "then-Senator", "ex-President", "vice-president"
            word = hyphened.group(1).lower()
            changed = word in self.lexicon.changes
            if not changed:
                kept.append(word)
            first = window_start + hyphened.start()
            window = window[: hyphened.start()]
        end = len(window)
        for word in reversed(window.split()):
            end = window.rfind(word, 0, end)  # where this word starts: read from the right
            token = word.lstrip(OPENING)
            opened = len(token) < len(word)  # "[Finance Minister": the last word to read
            lower = token.lower()
            if not token or token.endswith(CLOSING) or (lower.endswith(".") and not ABBREVIATION.match(token)):
                break
            if lower in self.lexicon.changes:
                changed = True
            elif contiguous and (lower in self.lexicon.ranks or lower in self.lexicon.portfolio_forms):
                kept.append(lower)
                first = window_start + end + len(word) - len(token)
            elif POSSESSIVE.search(token) or token[0].isupper():
                contiguous = False  # a nationality, an organisation, "Ukraine's"
            else:
                break
            if opened:
                break
        return kept, changed, first

    def _title(self, head: str, modifiers: list[str], portfolio: str | None) -> tuple[Title, str]:
        key = phrase_key(head)
        lexicon = self.lexicon
        if key in lexicon.garbles:
            title, garble = lexicon.garble_titles[key], lexicon.garbles[key]
        else:
            title, garble = Title(lexicon.head_forms[key]), ""
        words = [*modifiers, *([portfolio] if portfolio else [])]
        return lexicon.extend(title, words), garble

    # -- appositive: "Dmytro Kuleba, Ukraine's foreign minister," ------------

    def _appositive(self, prose: str, head_start: int, lengths: list[int]) -> Mention | None:
        head_end, match = self._after_head(self.appositive_title, prose, head_start, lengths)
        if match is None:
            return None
        window_start = line_start(prose, head_start, 100)
        if "," not in prose[window_start:head_start]:
            return None  # no "Name," before the title
        lead = self.appositive_name.search(prose[window_start:head_start])
        if lead is None:
            return None
        name = self.split_name(lead.group("name"))
        if name is None or not name[0]:
            return None
        given, surname, name_length = name
        changed = False
        modifiers = []
        for index, token in enumerate(lead.group("desc").split()):
            lower = token.lower()
            if index == 0 and lower in ("the", "a", "an"):
                continue
            if lower in self.lexicon.changes:
                changed = True
            elif lower in self.lexicon.ranks or lower in self.lexicon.portfolio_forms:
                modifiers.append(lower)
            elif not (POSSESSIVE.search(token) or token[0].isupper()):
                return None  # "John Smith, who became president": not an appositive title
        title, garble = self._title(prose[head_start:head_end], modifiers, match.group("portfolio"))
        title_end = match.end("of") if match.group("of") else head_end
        title_text = " ".join([*modifiers, *prose[head_start:title_end].split()])
        name_start = window_start + lead.start("name")
        return Mention(
            name_start,
            title_end,
            name_start,
            name_start + name_length,
            title_end,
            given,
            surname,
            title,
            title_text,
            changed,
            garble,
        )

    # -- names -------------------------------------------------------------------

    def split_name(self, text: str) -> tuple[str, str, int] | None:
        """(given key, surname key, length used) of a name run, cut at the first word that is no name."""
        used: list[re.Match] = []
        for word_match in TOKEN.finditer(text):
            word = word_match.group()
            if word.lower().rstrip(".") in self.not_names or word.lower() in self.lexicon.head_forms:
                break
            used.append(word_match)
            if POSSESSIVE.search(word):
                break
        while used and (used[-1].group().lower() in SUFFIXES or used[-1].group() in self.particles):
            used.pop()
        while used and INITIALS.match(used[-1].group()):
            used.pop()
        if not used:
            return None
        words = [m.group() for m in used]
        last = POSSESSIVE.sub("", words[-1])
        length = used[-1].end() - (len(words[-1]) - len(last))
        if len(last) < 2:
            return None
        surname = [last]
        rest = words[:-1]
        while rest and rest[-1] in self.particles:
            surname.insert(0, rest.pop())
        return self.given_key(rest), fold(" ".join(surname)), length

    def given_key(self, words: list[str]) -> str:
        """Who is meant by the given names: the first name and any initials ("george w")."""
        names = [w for w in words if w not in self.particles]
        if not names:
            return ""
        initials = "".join(w.replace(".", "") for w in names[1:] if INITIALS.match(w))
        return fold(f"{names[0].rstrip('.')} {initials}".strip())

    # -- untitled full names: who else bears a surname -----------------------

    def full_names(self, prose: str) -> list[tuple[str, str, int, int]]:
        """(given key, surname key, surname start, end) of every "First [X.] Last" name run in ``prose``."""
        found = []
        known = self._run_names
        if len(known) > RUN_NAMES_KEPT:
            known.clear()
        for match in self.run_of_names.finditer(prose):
            run = match.group()
            name = known[run] if run in known else known.setdefault(run, self._run_name(run))
            if name is not None:
                given, surname, length = name
                found.append((given, surname, match.end() - length, match.end()))
        return found

    def _run_name(self, run: str) -> tuple[str, str, int] | None:
        """(given key, surname key, surname length) of a run of capitalised words; None if it names nobody."""
        words = run.split()
        surname = words[-1]
        if len(surname) < 2 or surname.lower() in self.not_names:
            return None
        cut = len(words)  # the name starts after the last word that is no given name
        while cut and not self._no_given(words[cut - 1]):
            cut -= 1
        while cut < len(words) and ABBREVIATION.match(words[cut]):
            cut += 1  # "P.M. Netanyahu"
        if len(words) - cut < 2:  # a possessive surname is no given name either: it cuts all
            return None
        return self.given_key(words[cut:-1]), fold(surname), len(surname)

    def _no_given(self, word: str) -> bool:
        """Whether a capitalised word is part of a title or no name at all ("Prime", "Monday")."""
        return word.lower().rstrip(".") in self.title_words or word.endswith(POSSESSIVE_ENDINGS)


def line_start(text: str, at: int, most: int) -> int:
    """Where the line holding ``at`` starts, or ``at - most`` if that is later (looks back no further)."""
    return max(text.rfind("\n", max(0, at - most), at) + 1, at - most)


def fold(name: str) -> str:
    """A name as a key: lower case, accents dropped ("Touré" and "Toure" are one name)."""
    if name.isascii():
        return name.lower()
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
