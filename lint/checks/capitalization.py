"""capitalization: a headline or heading must be in title, sentence, lower or upper case.

``match`` is ``$title`` (``style: AP`` or ``Chicago``), ``$sentence``,
``$lower``, ``$upper``, or a regular expression the text must match. As in
Vale, ``$title`` and ``$sentence`` pass when more than ``threshold`` of the
words have the expected case, so that names in a headline do not fail it.
"""

from __future__ import annotations

import re

from newslint import regexcache
from newslint.checks.base import Check, Option, OptionError, compile_regex
from newslint.checks.patterns import alternation

# A word: letters or digits first, then anything up to the next space (Vale's).
WORD = r"(?:[^\W_]|\*)+\S*"

# Words a title keeps in lower case unless first or last, by style. AP: articles,
# coordinating conjunctions and prepositions of up to three letters. Chicago:
# articles, coordinating conjunctions and every preposition, whatever its length.
_ARTICLES_CONJUNCTIONS = "a an the and but for nor or so yet"
SMALL_WORDS = {
    "AP": frozenset(f"{_ARTICLES_CONJUNCTIONS} as at by in of off on out per to up via v v. vs vs.".split()),
    "Chicago": frozenset(
        f"{_ARTICLES_CONJUNCTIONS} as about above across after against along amid among around at before behind "
        "below beneath beside between beyond by down during except for from in inside into like near of off on "
        "onto out outside over past per since than through throughout till to toward towards under underneath "
        "until up upon via v v. vs vs. with within without".split()
    ),
}


class CapitalizationCheck(Check):
    OPTIONS = {
        "match": Option("str", required=True, help="$title, $sentence, $lower, $upper or a regular expression"),
        "style": Option("str", "AP", help="AP or Chicago: which small words $title keeps lower-case"),
        "exceptions": Option("list[str]", [], help="words or phrases whose case is left alone (regexes)"),
        "indicators": Option(
            "list[str]", [], help="$sentence: a word ending in one of these may be followed by a capital"
        ),
        "threshold": Option("number", 0.8, help="share of words that must have the expected case"),
        "prefix": Option("str", "", help="a regex for a leading part to ignore ('1. ', 'A. ')"),
        "vocab": Option("bool", True, help="Vale's vocabularies switch; accepted, newslint has no vocabularies"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        match = self.options["match"]
        style = self.options["style"]
        if style not in SMALL_WORDS:
            raise OptionError("style", f"'{style}' is not one of {', '.join(SMALL_WORDS)}")
        self.small_words = SMALL_WORDS[style]
        self.threshold = self.options["threshold"] or 0.8
        self.exceptions = None
        words = WORD
        if self.options["exceptions"]:
            self.exceptions = compile_regex(alternation(self.options["exceptions"]), "exceptions")
            # An exception is one word even when it holds spaces ("Visual Studio").
            words = f"{self.exceptions.pattern}|{WORD}"
        self.words = regexcache.compile(words)
        self.prefix = compile_regex(self.options["prefix"], "prefix") if self.options["prefix"] else None
        self.pattern = None
        if match not in ("$title", "$sentence", "$lower", "$upper"):
            self.pattern = compile_regex(match, "match")

    def run(self, doc):
        for start, end in self.scope_spans(doc):
            text = doc.prose[start:end]
            lead = len(text) - len(text.lstrip())
            text = " ".join(text.split())
            if not text:
                continue
            body = text
            if self.prefix and (prefix := self.prefix.match(text)):
                body = text[prefix.end() :]
            passes, suggestion = self._judge(body)
            if not passes:
                last = start + len(doc.prose[start:end].rstrip())
                yield self.problem(doc, start + lead, last, args=(text, suggestion), suggestion=suggestion)

    def _judge(self, text: str) -> tuple[bool, str]:
        """Whether ``text`` has the expected case, and the text in that case."""
        match = self.options["match"]
        if match == "$title":
            return self._title(text)
        if match == "$sentence":
            return self._sentence(text)
        if match == "$lower":
            return text == text.lower() or self._excepted(text), text.lower()
        if match == "$upper":
            return text == text.upper() or self._excepted(text), text.upper()
        return bool(self.pattern.search(text)) or self._excepted(text), text

    def _excepted(self, word: str) -> bool:
        return bool(self.exceptions and self.exceptions.search(word))

    def _title(self, text: str) -> tuple[bool, str]:
        tokens = list(self.words.finditer(text))
        expected = []
        for index, token in enumerate(tokens):
            word = token.group()
            bare = word.rstrip(".,;:!?'’\")").lower()
            after_colon = index > 0 and tokens[index - 1].group().endswith(":")
            inner = 0 < index < len(tokens) - 1 and not after_colon
            if self._excepted(word):
                expected.append(word)
            elif inner and bare in self.small_words:
                expected.append(word.lower())
            else:
                expected.append(word[:1].upper() + word[1:])
        right = sum(
            1 for token, want in zip(tokens, expected, strict=True) if token.group() in (want, token.group().upper())
        )
        return self._enough(right, len(tokens)), _rebuild(text, tokens, expected)

    def _sentence(self, text: str) -> tuple[bool, str]:
        tokens = list(self.words.finditer(text.rstrip("?!.:")))
        indicators = tuple(self.options["indicators"])
        right = 0
        expected = []
        failed_first = False
        for index, token in enumerate(tokens):
            word = token.group()
            # Judge "Top-level" by "Top" and "Client's" by "Client" (Vale's rule).
            stem = re.split(r"[-'’]", word, maxsplit=1)[0] or word
            after_indicator = index > 0 and indicators and tokens[index - 1].group().endswith(indicators)
            if stem == stem.upper() or after_indicator or self._excepted(stem) or self._excepted(word):
                right += 1
                expected.append(word)
            elif index == 0:
                failed_first = stem != stem[:1].upper() + stem[1:].lower()
                right += not failed_first
                expected.append(word[:1].upper() + word[1:].lower())
            else:
                right += stem == stem.lower()
                expected.append(word.lower())
        passes = not failed_first and self._enough(right, len(tokens))
        return passes, _rebuild(text, tokens, expected)

    def _enough(self, right: int, total: int) -> bool:
        return total == 0 or right / total > self.threshold


def _rebuild(text: str, tokens: list[re.Match], words: list[str]) -> str:
    """``text`` with each token replaced by its expected form."""
    parts, last = [], 0
    for token, word in zip(tokens, words, strict=True):
        parts += [text[last : token.start()], word]
        last = token.end()
    return "".join(parts) + text[last:]
