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

from newslint.text.titles_lexicon import Lexicon, Title, phrase_key

SPACE = r"[^\S\n]+"
CAPITAL = "A-ZÀ-ÖØ-Þ"
LETTERS = r"[^\W\d_]"
# A capitalised name word: O'Brien, Ki-moon, al-Assad (with a particle), or initials (H.W.).
NAME_WORD = rf"(?:(?:[{CAPITAL}]{LETTERS}*(?:['’][{CAPITAL}]{LETTERS}*)?(?:-{LETTERS}+)*)|(?:[{CAPITAL}]\.){{1,3}})"
POSSESSIVE = re.compile(r"['’]s?$")
INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]$")
ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.)+$")
# Words that close the walk back from a title: end of a sentence, punctuation.
CLOSING = tuple(',;:()[]"“”‘«»!?')
OPENING = "([\"“‘«'"
TOKEN = re.compile(r"\S+")
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


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
        name = rf"(?:(?:{particle}){SPACE})*{word}(?:{SPACE}(?:(?:{particle}){SPACE})*{word}){{0,3}}"
        heads = lexicon.head_pattern()
        portfolios = lexicon.portfolio_pattern()
        portfolio = rf"(?P<portfolio>(?i:{portfolios}))(?:{SPACE}(?i:affairs))?"
        of_tail = rf"(?P<of>{SPACE}(?i:of|for)(?:{SPACE}the)?{SPACE}{portfolio})?"
        # One scan finds every title head; the patterns below are matched at each one.
        self.heads = re.compile(rf"(?<![\w.]){heads}(?![\w])")
        self.before = re.compile(
            rf"(?P<head>{heads}){of_tail}(?P<elect>-(?i:elect|designate)|{SPACE}(?i:elect))?{SPACE}(?P<name>{name})"
        )
        self.appositive_title = re.compile(
            rf"(?P<head>{heads})(?![\w-]){of_tail}"
            rf"(?=[^\S\n]*[,.;:)]|{SPACE}(?:and|said|says|who|told|has|had|was|is|will|in|at)\b)"
        )
        self.appositive_name = re.compile(rf"(?<![\w.])(?P<name>{name}),{SPACE}(?P<desc>(?:[\w.'’&-]+{SPACE}){{0,4}})$")
        # "Dmytro Kuleba", "President George W. Bush": runs of capitalised words.
        self.run_of_names = re.compile(rf"(?<![\w.'’-]){NAME_WORD}(?:{SPACE}{NAME_WORD}){{1,5}}")
        self.indefinite = re.compile(rf"(?<![\w])(?i:a|an)(?:{SPACE}[\w-]+){{0,2}}{SPACE}$")
        self.dual = re.compile(rf"(?<![\w.])(?P<head>(?:[\w.-]+{SPACE}){{0,2}}?{heads}){SPACE}(?:and|&){SPACE}$")

    def find(self, prose: str) -> list[Mention]:
        mentions: list[Mention] = []
        for head in self.heads.finditer(prose):
            if mentions and head.start() < mentions[-1].title_end:
                continue  # "Justice" in "Minister of Justice David Ford"
            before = self.before.match(prose, head.start())
            mention = self._before(before) if before else None
            if mention is None:
                mention = self._appositive(prose, head.start())
            if mention is not None:
                mentions.append(mention)
        return sorted(mentions, key=lambda m: (m.start, m.end))

    # -- title before the name ------------------------------------------------

    def _before(self, match: re.Match) -> Mention | None:
        prose = match.string
        name = self.split_name(match.group("name"))
        if name is None:
            return None
        given, surname, name_length = name
        head_start = match.start("head")
        if match.group("head")[0].islower() and not given:
            return None  # "in general Americans": a lower-case title needs a full name
        kept, changed, first = self._walk_back(prose, head_start)
        if prose[first].islower() and self.indefinite.search(prose, max(0, first - 40), first):
            return None  # "how good a prime minister Gordon Brown will make": a description
        title, garble = self._title(match.group("head"), kept, match.group("portfolio"))
        changed = changed or bool(match.group("elect"))
        dual = None
        pair = self.dual.search(prose, max(0, first - 60), first)
        if pair:
            dual = self.lexicon.parse(pair.group("head"))
        end = match.start("name") + name_length
        title_end = match.end("of") if match.group("of") else match.end("head")
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

    def _walk_back(self, prose: str, head_start: int) -> tuple[list[str], bool, int]:
        """Modifier words before a title: (kept words, role changed?, start of the kept title)."""
        window_start = max(prose.rfind("\n", 0, head_start) + 1, head_start - 120)
        window = prose[window_start:head_start]
        kept: list[str] = []
        changed = False
        first = head_start
        contiguous = True
        hyphened = re.search(r"([\w.]+)-$", window)
        if hyphened:  # "then-Senator", "ex-President", "vice-president"
            word = hyphened.group(1).lower()
            changed = word in self.lexicon.changes
            if not changed:
                kept.append(word)
            first = window_start + hyphened.start()
            window = window[: hyphened.start()]
        for token_match in reversed(list(TOKEN.finditer(window))):
            token = token_match.group().lstrip(OPENING)
            opened = len(token) < len(token_match.group())  # "[Finance Minister": the last word to read
            lower = token.lower()
            if not token or token.endswith(CLOSING) or (lower.endswith(".") and not ABBREVIATION.match(token)):
                break
            if lower in self.lexicon.changes:
                changed = True
            elif contiguous and (lower in self.lexicon.ranks or lower in self.lexicon.portfolio_forms):
                kept.append(lower)
                first = window_start + token_match.end() - len(token)
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

    def _appositive(self, prose: str, head_start: int) -> Mention | None:
        match = self.appositive_title.match(prose, head_start)
        if match is None:
            return None
        window_start = max(prose.rfind("\n", 0, head_start) + 1, head_start - 100)
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
        title, garble = self._title(match.group("head"), modifiers, match.group("portfolio"))
        title_end = match.end("of") if match.group("of") else match.end("head")
        title_text = " ".join([*modifiers, *match.string[match.start("head") : title_end].split()])
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
        for match in self.run_of_names.finditer(prose):
            words = list(TOKEN.finditer(match.group()))
            cut = max((i + 1 for i, w in enumerate(words) if self._no_given(w.group())), default=0)
            words = words[cut:]
            while words and ABBREVIATION.match(words[0].group()):
                words.pop(0)  # "P.M. Netanyahu"
            if len(words) < 2:
                continue
            last = words[-1]
            surname = POSSESSIVE.sub("", last.group())
            if len(surname) < 2 or surname.lower() in self.not_names:
                continue
            given = self.given_key([w.group() for w in words[:-1]])
            start = match.start() + last.start()
            found.append((given, fold(surname), start, start + len(surname)))
        return found

    def _no_given(self, word: str) -> bool:
        """Whether a capitalised word is part of a title or no name at all ("Prime", "Monday")."""
        return word.lower().rstrip(".") in self.title_words or bool(POSSESSIVE.search(word))


def fold(name: str) -> str:
    """A name as a key: lower case, accents dropped ("Touré" and "Toure" are one name)."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
