"""titles: one person, one title — conflicting titles, two spellings, garbled titles, the house list.

Mentions of people with titles are found by ``newslint.text.people``; this
module groups them by person and judges them. A surname alone joins the one
person of the article who bears it, and is left alone when two people do.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from newslint.checks.base import Check, Option, OptionError
from newslint.checks.patterns import scan_copy_of
from newslint.text.people import Mention, MentionFinder
from newslint.text.titles_lexicon import Lexicon, Title, display

MESSAGES = {
    "conflict": "'{title}' for {name} conflicts with '{earlier}' on line {line}.",
    "garbled_note": "'{garbled}' is no title; did you mean '{real}'?",
    "garbled": "'{garbled}' is no title; did you mean '{real}'?",
    "house": "{name} is '{house}' on the house list, not '{title}'.",
    "variant": "'{spelling}' is spelled '{other}' on line {line}; pick one spelling.",
}

# More look-alike surnames than this sharing one key are a list, not typos (and
# comparing them all would cost quadratic time on adversarial input).
CROWDED = 4
Person = tuple[str, str]  # (surname key, given key)


class TitlesCheck(Check):
    SCOPED = False
    HOUSE_DATA = ("people",)
    OPTIONS = {
        "heads": Option("map", {}, required=True, help="title heads: {canonical: [written forms, abbreviations]}"),
        "portfolios": Option("map", {}, help="words that narrow a title: {canonical: [forms]} (foreign, defense)"),
        "ranks": Option("list[str]", [], help="words that make another office (deputy, vice)"),
        "changes": Option("list[str]", [], help="words that say a role changed (former, then, elect)"),
        "standing": Option("list[str]", [], help="ranks held alongside any office (general, admiral)"),
        "garbles": Option("map[str,str]", {}, help="titles nobody holds -> the real title they garble"),
        "compatible": Option("list", [], help="groups of titles one person may hold at once"),
        "particles": Option("list[str]", [], help="lower-case name particles (de, van, bin)"),
        "not_names": Option("list[str]", [], help="capitalised words that end a name (Monday, Department)"),
        "people": Option("map[str,str]", {}, help="the house list: {full name: title}"),
        "variant_min_length": Option("int", 5, help="shortest surname compared for two spellings"),
        "variant_long_length": Option("int", 8, help="surnames this long may differ by two edits, shorter by one"),
        "variant_suffixes": Option("list[str]", [], help="endings that make another word, not a spelling"),
        "note_level": Option("str", "suggestion", help="level of spelling and garbled-title notes"),
        "messages": Option("map[str,str]", {}, help="message templates by kind: " + ", ".join(MESSAGES)),
    }

    def __init__(self, rule):
        super().__init__(rule)
        self.lexicon = Lexicon(self.options)
        self.finder = MentionFinder(self.lexicon, self.options["particles"], self.options["not_names"])
        unknown = set(self.options["messages"]) - set(MESSAGES)
        if unknown:
            raise OptionError("messages", f"unknown message kinds: {', '.join(sorted(unknown))}")
        self.messages = {**MESSAGES, **self.options["messages"]}
        self.house: dict[Person, tuple[str, str, Title]] = {}
        for name, title_text in self.options["people"].items():
            split = self.finder.split_name(name)
            title = self.lexicon.parse(title_text)
            if split is None or not split[0]:
                raise OptionError("people", f"{name!r} is not a full name")
            if title is not None:  # a title the lexicon does not know cannot be compared
                self.house[(split[1], split[0])] = (name, title_text, title)

    def run(self, doc):
        prose = doc.prose
        mentions = self.finder.find(prose, scan_copy_of(doc))
        if not mentions:
            return
        full_names = self.finder.full_names(prose)
        people = {}
        # Titles clash only where mentions carry two titles (and the house list is the house's):
        # otherwise who is who, and what is quoted, need not be known.
        if self.house or len({(m.title, m.dual) for m in mentions if not m.changed}) > 1:
            # What somebody said is theirs: a quoted title is neither judged nor a reference.
            people = self._resolve([m for m in mentions if not doc.in_quotation(m.start, m.end)], full_names)
        reported: set[int] = set()
        yield from self._house(doc, people, reported)
        conflicts = list(self._conflicts(doc, people, reported))
        yield from (problem for problem, _ in conflicts)
        in_conflict = {id(mention) for _, pair in conflicts for mention in pair}
        yield from self._garbled(doc, mentions, in_conflict)
        yield from self._variants(doc, mentions, full_names)

    # -- who is who ------------------------------------------------------------

    def _resolve(self, mentions: list[Mention], full_names) -> dict[Person, list[Mention]]:
        """Mentions grouped by person; an ambiguous surname alone joins nobody."""
        givens: dict[str, set[str]] = defaultdict(set)
        for mention in mentions:
            if mention.given:
                givens[mention.surname].add(mention.given)
        for given, surname, _, _ in full_names:
            givens[surname].add(given)
        by_given_name = defaultdict(set)  # "Ban" of "Ban Ki-moon": the family name comes first
        for surname, names in givens.items():
            for given in names:
                by_given_name[given].add((surname, given))
        people: dict[Person, list[Mention]] = defaultdict(list)
        for mention in mentions:
            if mention.given:
                people[(mention.surname, mention.given)].append(mention)
                continue
            names = givens.get(mention.surname, set())
            if len(names) > 1:
                continue
            if names:
                people[(mention.surname, next(iter(names)))].append(mention)
            elif len(by_given_name.get(mention.surname, ())) == 1:
                people[next(iter(by_given_name[mention.surname]))].append(mention)
            else:
                people[(mention.surname, "")].append(mention)
        return people

    def _agree(self, first: Mention, second: Mention) -> bool:
        titles = [t for t in (first.title, first.dual) if t]
        others = [t for t in (second.title, second.dual) if t]
        return any(self.lexicon.compatible(a, b) for a in titles for b in others)

    # -- problems --------------------------------------------------------------

    def _conflicts(self, doc, people, reported):
        """A later mention whose title cannot hold with an earlier one's; once per person and title."""
        for person in sorted(people):
            earlier: dict[tuple, Mention] = {}  # the first mention of each title (pair) the person has
            judged: set[Title] = set()
            for mention in people[person]:
                if mention.changed:
                    continue
                titles = (mention.title, mention.dual)
                if titles in earlier:
                    continue
                clash = next((e for e in earlier.values() if not self._agree(e, mention)), None)
                earlier[titles] = mention
                if clash is None or mention.title in judged or id(mention) in reported:
                    continue
                judged.add(mention.title)
                message = self.messages["conflict"]
                garbled = next((m for m in (clash, mention) if m.garble), None)
                if garbled:
                    message += " " + self.messages["garbled_note"]
                fields = {
                    "title": mention.title_text,
                    "name": self._name(doc, people[person]),
                    "earlier": clash.title_text,
                    "line": doc.position(clash.start)[0],
                    "garbled": garbled.title_text if garbled else "",
                    "real": suggestion(garbled) if garbled else "",
                }
                yield self.problem(doc, mention.start, mention.end, message, **fields), (clash, mention)

    def _house(self, doc, people, reported):
        for person in sorted(people):
            entry = self.house.get(person)
            if entry is None and not person[1]:  # a surname alone: the one listed person who bears it
                matches = [key for key in self.house if key[0] == person[0]]
                entry = self.house[matches[0]] if len(matches) == 1 else None
            if entry is None:
                continue
            name, house_text, house_title = entry
            for mention in people[person]:
                titles = [t for t in (mention.title, mention.dual) if t]
                if mention.changed or any(self.lexicon.compatible(t, house_title) for t in titles):
                    continue
                reported.add(id(mention))
                fields = {"name": name, "house": house_text, "title": mention.title_text}
                yield self.problem(doc, mention.start, mention.end, self.messages["house"], **fields)

    def _garbled(self, doc, mentions, in_conflict):
        for mention in mentions:
            if mention.garble and id(mention) not in in_conflict:
                start = (
                    mention.title_end - len(mention.title_text)
                    if mention.start == mention.name_start
                    else mention.start
                )
                fields = {"garbled": mention.title_text, "real": suggestion(mention)}
                level = self.options["note_level"]
                yield self.problem(doc, start, mention.title_end, self.messages["garbled"], level=level, **fields)

    def _variants(self, doc, mentions, full_names):
        """One surname spelled two ways for one person: same given name, or one title."""
        spots: dict[str, list[tuple[int, int, str, Title | None]]] = defaultdict(list)
        for mention in mentions:
            start = mention.name_end - len(mention.surname)
            spots[mention.surname].append((start, mention.name_end, mention.given, mention.title))
        minimum, long = self.options["variant_min_length"], self.options["variant_long_length"]
        # Names one or two edits apart share a key made by deleting as many letters
        # from each, so only those pairs are compared (no pass over every pair).
        titled_keys = {s: deletions(s, 2 if len(s) >= long else 1) for s in sorted(spots) if len(s) >= minimum}
        if not titled_keys:
            return
        wanted = frozenset().union(*titled_keys.values())
        # Keys of equal length come from names at most two letters longer or shorter.
        lengths = {len(s) + change for s in titled_keys for change in range(-2, 3)}
        by_key: dict[str, set[str]] = defaultdict(set)
        for surname, keys in titled_keys.items():
            for key in keys:
                by_key[key].add(surname)
        # An untitled name matters only if it shares a key with a titled one.
        for given, surname, start, end in full_names:
            if surname not in spots:
                if len(surname) < minimum or len(surname) not in lengths:
                    continue
                shared = deletions(surname, 2 if len(surname) >= long else 1) & wanted
                if not shared:
                    continue
                for key in shared:
                    by_key[key].add(surname)
            spots[surname].append((start, end, given, None))
        first_spot = {surname: min(found, key=lambda spot: spot[0]) for surname, found in spots.items()}
        pairs = set()
        for surname, keys in titled_keys.items():
            others: set[str] = set()
            for key in keys:
                if len(by_key[key]) <= CROWDED:  # more: a list of look-alike names, not one name spelled twice
                    others |= by_key[key]
            others.discard(surname)
            pairs.update(tuple(sorted((surname, other), key=lambda s: first_spot[s][0])) for other in others)
        reported = set()
        for first, later in sorted(pairs, key=lambda pair: (first_spot[pair[1]][0], first_spot[pair[0]][0])):
            if first == later or later in reported or not self._close(first, later, long):
                continue
            if not self._same_person(spots[first], spots[later]):
                continue
            reported.add(later)
            start, end = first_spot[later][:2]
            other_start, other_end = first_spot[first][:2]
            fields = {
                "spelling": doc.text[start:end],
                "other": doc.text[other_start:other_end],
                "line": doc.position(other_start)[0],
            }
            yield self.problem(doc, start, end, self.messages["variant"], level=self.options["note_level"], **fields)

    def _close(self, first: str, second: str, long: int) -> bool:
        short, longer = sorted((first, second), key=len)
        if longer.startswith(short) and longer[len(short) :] in self.options["variant_suffixes"]:
            return False
        limit = 2 if len(short) >= long else 1
        return edit_distance(first, second, limit) <= limit

    def _same_person(self, first, second) -> bool:
        givens = {g for _, _, g, _ in first if g}, {g for _, _, g, _ in second if g}
        if givens[0] and givens[1]:
            return bool(givens[0] & givens[1])
        titles = [t for *_, t in first if t], [t for *_, t in second if t]
        return any(a.head == b.head and self.lexicon.compatible(a, b) for a in titles[0] for b in titles[1])

    @staticmethod
    def _name(doc, mentions: list[Mention]) -> str:
        """The fullest name the article gives the person."""
        longest = max(mentions, key=lambda m: (m.name_end - m.name_start, -m.name_start))
        return display(doc.text[longest.name_start : longest.name_end])


def edit_distance(first: str, second: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning ``limit + 1``) once it exceeds ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        current = [i]
        for j, other in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def suggestion(mention: Mention) -> str:
    """The real title a garbled one stands for, in the garbled one's case ("Foreign Minister")."""
    if mention.title_text[:1].isupper():
        return " ".join(word[:1].upper() + word[1:] for word in mention.garble.split())
    return mention.garble


@lru_cache(maxsize=8192)  # the same names come back article after article
def deletions(word: str, depth: int) -> frozenset[str]:
    """``word`` and every string made from it by deleting one letter, or two when ``depth`` is 2."""
    if depth not in (1, 2):
        raise ValueError(f"depth {depth}: deletions are of one or two letters")
    found = {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}
    if depth == 2:
        found.update(word[:i] + word[i + 1 : j] + word[j + 1 :] for j in range(len(word)) for i in range(j))
    return frozenset(found)
