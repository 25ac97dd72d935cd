"""substitution: flag a word or phrase and suggest the preferred form (Vale's ``swap``)."""

from __future__ import annotations

import re

from newslint import regexcache
from newslint.checks.base import Check, Option, OptionError, compile_regex
from newslint.checks.patterns import Phrases, alternation, branch_of, build_checked

# A replacement may name capture groups of its key: "in the $1 directory".
_GROUP_REF = regexcache.compile(r"\$(\d)")
# Vale drops the quotes around the first %s when it becomes a list of choices,
# so that "Use '%s'" reads "Use 'a' or 'b'", not "Use ''a' or 'b''".
_QUOTED_PERCENT_S = regexcache.compile(r"""(['"])%s\1""")


class SubstitutionCheck(Check):
    OPTIONS = {
        "swap": Option(
            "map[str,str]", required=True, help="regex of the form to avoid -> preferred form ('a|b': choices)"
        ),
        "ignorecase": Option("bool", False),
        "nonword": Option("bool", False, help="do not require word boundaries around the keys"),
        "exceptions": Option("list[str]", [], help="matches to leave alone (regular expressions)"),
        "capitalize": Option("bool", False, help="capitalise the suggestion when the match is capitalised"),
        "vocab": Option("bool", True, help="Vale's vocabularies switch; accepted, newslint has no vocabularies"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        swap = self.options["swap"]
        if not swap:
            raise OptionError("swap", "a substitution rule needs at least one entry in 'swap'")
        self.flags = re.IGNORECASE if self.options["ignorecase"] else 0
        # Longest key first, so that "at this point in time" wins over "at this point".
        self.keys = sorted(swap, key=lambda key: (-len(key), key))
        self.replacements = [swap[key] for key in self.keys]
        words, ignorecase = not self.options["nonword"], bool(self.flags)
        self.phrases = build_checked(
            self.keys,
            "swap",
            self.flags,
            lambda: Phrases(self.keys, key="swap", words=words, ignorecase=ignorecase, tagged=True),
        )
        self.key_patterns: dict[int, re.Pattern] = {}  # each key alone fills "$1", compiled when needed
        self.exceptions = None
        if self.options["exceptions"]:
            self.exceptions = compile_regex(
                alternation(self.options["exceptions"], words=False), "exceptions", self.flags
            )

    def run(self, doc):
        prose = doc.prose
        for match in self.phrases.finditer(doc, self.scope_spans(doc)):
            observed = prose[match.start() : match.end()]  # the match may come from a lower-cased copy
            if not observed.strip() or (self.exceptions and self.exceptions.fullmatch(observed)):
                continue
            choices = self._choices(branch_of(match), observed)
            if any(self._same(choice, observed) for choice in choices):
                continue
            yield self._problem(doc, match, observed, choices)

    def _choices(self, index: int, observed: str) -> list[str]:
        """The preferred forms for a match of key ``index``, groups filled in."""
        replacement = self.replacements[index]
        if "$" in replacement:
            if index not in self.key_patterns:
                self.key_patterns[index] = compile_regex(self.keys[index], "swap", self.flags)
            groups = self.key_patterns[index].fullmatch(observed)
            if groups:
                replacement = _GROUP_REF.sub(lambda ref: _group(groups, int(ref.group(1))), replacement)
        choices = [choice.strip() for choice in replacement.split("|")] if replacement else [""]
        if self.options["capitalize"] and observed[:1].isupper():
            choices = [choice[:1].upper() + choice[1:] for choice in choices]
        return choices

    def _same(self, choice: str, observed: str) -> bool:
        """Whether the match already is the preferred form (case counts, as in Vale).

        A preferred form may itself be a pattern ("CAUTION: (?:Warning|Note)").
        """
        observed = observed.strip()
        if choice == observed:
            return True
        if not any(char in choice for char in "\\[(?*+{"):
            return False
        try:
            return re.fullmatch(choice, observed) is not None
        except re.error:
            return False

    def _problem(self, doc, match, observed, choices):
        message = self.rule.message
        # With Vale's bare ``action: {name: replace}``, or a choice of forms, the
        # suggestion is a quoted list ("'phone' or 'mobile phone'"), and the
        # quotes the message put around the first %s go.
        listed = len(choices) > 1 or (self.rule.action.get("name") == "replace" and not self.rule.action.get("params"))
        if listed:
            suggestion = _in_words([f"'{choice}'" for choice in choices])
            if len(_QUOTED_PERCENT_S.findall(message)) == 2:
                message = _QUOTED_PERCENT_S.sub("%s", message, count=1)
        else:
            suggestion = choices[0]
        # Vale fills %s with the replacement, then the match; a removal
        # ("Remove '%s'.") has no replacement to show, so it shows the match.
        args = (suggestion, observed) if choices != [""] or message.count("%s") != 1 else (observed,)
        fix = choices[0] if len(choices) == 1 else None
        return self.problem(doc, *match.span(), message, fix=fix, args=args, replacement=suggestion)


def _group(match: re.Match, number: int) -> str:
    try:
        return match.group(number) or ""
    except IndexError:
        return ""


def _in_words(items: list[str]) -> str:
    """'a', 'b' or 'c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
