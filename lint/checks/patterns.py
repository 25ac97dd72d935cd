"""Regex building shared by the rule types."""

from __future__ import annotations

# Word edges as lookarounds, so that tokens may begin or end with punctuation
# ("U.N.", "#hashtag") and still match as whole words.
WORD_START = r"(?<![\w])"
WORD_END = r"(?![\w])"


def alternation(tokens: list[str], *, words: bool = True) -> str:
    """One alternation of regex ``tokens``, longest first so longer phrases win."""
    body = "|".join(sorted(dict.fromkeys(tokens), key=lambda t: (-len(t), t)))
    return f"{WORD_START}(?:{body}){WORD_END}" if words else f"(?:{body})"


def literal_alternation(phrases: list[str], *, words: bool = True) -> str:
    """Like ``alternation`` for plain phrases (escaped, spaces match any run of space)."""
    import re

    escaped = [r"\s+".join(re.escape(part) for part in p.split()) for p in phrases]
    return alternation(escaped, words=words)


def tagged_alternation(branches: list[str], *, words: bool = True) -> str:
    """One alternation of ``branches`` (in the order given) that tells which matched.

    Branch ``i`` ends with an empty group named ``_tag<i>``, so ``match.lastgroup``
    names it. The group goes at the end, not around the branch: the regex
    engine skips a branch at once when its first character cannot match, but
    only when the branch starts with that character, not with a group (five
    times faster on a news corpus).
    """
    body = "|".join(f"(?:{branch})(?P<_tag{index}>)" for index, branch in enumerate(branches))
    return f"{WORD_START}(?:{body}){WORD_END}" if words else f"(?:{body})"
