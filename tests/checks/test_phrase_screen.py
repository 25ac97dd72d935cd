"""The screened scans find exactly what the plain scans find.

``Phrases`` (checks/patterns.py) tries a rule's pattern only where a screen over
the byte copy of the prose (``scan_copy``) points, and the titles rule finds
heads in that copy too. These tests compare both with the straightforward
scans on tricky text: punctuation and non-ASCII letters around words, case,
letters that IGNORECASE folds into ASCII ones, span edges, many spans and few.
"""

from __future__ import annotations

import random

import pytest

from newslint.checks.patterns import Phrases, branch_of, scan_copy
from newslint.errors import NewslintError
from newslint.text.titles_lexicon import HeadFinder
from tests.conftest import lint_snippet, make_doc, make_rule

FORMS = [
    r"UN(?<![A-Z]{2} UN)(?! [A-Z]{2})",
    r"U\.N\.(?<![A-Z]{2} U\.N\.)(?! [A-Z]{2})",
    r"US(?<![A-Z]{2} US)(?![$]| [A-Z]{2})",
    r"U\.S\.",
    r"Mr(?!\.)",
    r"Mr\.",
    r"email(?:s|ed|ing)?",
    r"e-mail(?:s|ed|ing)?",
    r"[Cc]ease-fires?",
    r"[Cc]easefires?",
    r"advisers?",
    r"per cent",
    r"OK",
    r"[Oo]kay",
    r"[Aa]l[- ]Qa[ei]da|[Aa]l[- ]Qaida",
    r"Qur['’]?an",
]
WORDY = ["in order to", "(?:has|have|had) the ability to", "(?:with|in) regard to", "subsequent to", "each and every"]
REDUNDANT = [
    r"[Ee]nd (results?)",
    r"([Jj]oin(?:s|ed|ing)?) together",
    r"(?:PIN|[Pp]in) numbers?",
    "ATM machines?",
    "[Pp]ast history",
    "[Ee]xact same",
    r"[Ff]ree (gifts?)",
    "[Gg]eneral consensus",
    "[Ss]um total",
    "[Oo]ld adage",
]
HEDGES = ["reportedly", "allegedly", "it is believed", "some say"]

PIECES = [
    "UN",
    "U.N.",
    "US",
    "U.S.",
    "Mr",
    "Mr.",
    "email",
    "e-mail",
    "E-Mail",
    "EMAIL",
    "ceasefire",
    "Cease-fire",
    "adviser",
    "advisers",
    "per cent",
    "per  cent",
    "OK",
    "okay",
    "Okay",
    "al-Qaeda",
    "Al Qaida",
    "Qur’an",
    "Quran",
    "in order to",
    "In Order To",
    "IN ORDER TO",
    "has the ability to",
    "with regard to",
    "subsequent to",
    "each and every",
    "end result",
    "End results",
    "joined together",
    "PIN number",
    "pin numbers",
    "ATM machine",
    "reportedly",
    "REPORTEDLY",
    "allegedly",
    "it is believed",
    "It Is Believed",
    "some say",
    "ſome say",
    "İt is believed",
    "Reportedly\u212a",
    "the",
    "said",
    "NATO",
    "UNESCO",
    "USA",
    "é",
    "ü",
    "_",
    "1",
    "x",
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", ".", ",", "(", ")", '"', "“", "”", "’", "'", "-", "—", "/", "\xa0", "\t", ""]


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 40)))


def random_spans(rng: random.Random, length: int) -> list[tuple[int, int]]:
    cuts = sorted(rng.sample(range(length + 1), min(length + 1, 2 * rng.randint(1, 7))))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return [span for span in spans if span[0] < span[1]] or [(0, length)]


def plain(phrases: Phrases, doc, spans):
    """The scan as it was before screens: needles, the lower-cased copy, ``within``."""
    screen, needles = phrases.screen, phrases.copied_needles
    phrases.screen = phrases.copied_needles = None
    try:
        return [(m.span(), _branch(m)) for m in phrases.finditer(doc, spans)]
    finally:
        phrases.screen, phrases.copied_needles = screen, needles


def _branch(match):
    return branch_of(match) if match.lastgroup and match.lastgroup.startswith("_tag") else None


@pytest.mark.parametrize(
    ("branches", "ignorecase", "tagged"),
    [(FORMS, False, True), (WORDY, True, True), (REDUNDANT, False, True), (HEDGES, True, False)],
    ids=["consistency", "wordy", "redundant", "hedges"],
)
def test_screened_scan_finds_what_the_plain_scan_finds(branches, ignorecase, tagged):
    phrases = Phrases(branches, key="k", ignorecase=ignorecase, tagged=tagged)
    assert phrases.screen is not None or phrases.copied_needles is not None
    rng = random.Random(9)
    for _ in range(400):
        text = random_text(rng)
        doc = make_doc(text)
        for spans in (doc.spans("text"), random_spans(rng, len(text)), [(0, len(text))]):
            found = [(m.span(), _branch(m)) for m in phrases.finditer(doc, spans)]
            assert found == plain(phrases, doc, spans), (text, spans)


def test_screen_needs_a_literal_beginning_of_two_letters():
    assert Phrases(["[A-Z]{3}", "in order to"], key="k").screen is None
    assert Phrases(["a(?:b|c)d", "x?yz"], key="k").screen is None
    assert Phrases(["UN", "colou?r"], key="k").screen is not None
    assert Phrases(["UN"], key="k", words=False).screen is None  # a match may start inside a word


def test_scan_copy_keeps_offsets_and_writes_word_edges_as_spaces():
    text = "“Café” U.N.—e-mail İ\u212a x_1"
    copy = scan_copy(text)
    assert len(copy) == len(text) + 1
    assert copy == b"  caf   u n  e mail    x_1"


def test_head_finder_scans_the_copy_as_the_lower_cased_text():
    forms = ["president", "prime minister", "secretary general", "sen.", "lt. gov.", "c.e.o.", "ceo", "chief of staff"]
    fast, slow = HeadFinder(forms), HeadFinder(forms, use_copy=False)
    assert fast.byte_scan is not None and slow.scan is not None
    pieces = ["President", "PRESIDENT", "Prime Minister", "prime-minister", "Prime  Minister", "Secretary-General",
              "Sen.", "SEN.", "Lt. Gov.", "C.E.O.", "CEO", "Chief of Staff", "Presidential", "vice-president",
              "İ", "é", "x", "the", "of", ".", "Ex-President", "\u212a", "presidents"]  # fmt: skip
    rng = random.Random(4)
    for _ in range(500):
        text = "".join(rng.choice(pieces) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 20)))
        assert list(fast.find(text)) == list(slow.find(text)), text
        assert list(fast.find(text, scan_copy(text))) == list(slow.find(text)), text


@pytest.mark.parametrize("swap", [{"(a)b": "x", r"c\1": "y"}, {"a)(b": "x"}, {"a": "x", "(?i)b": "y"}])
def test_a_key_broken_on_its_own_is_named_though_joined_keys_compile(swap):
    spec = {"extends": "substitution", "message": "x", "swap": swap}
    with pytest.raises(NewslintError, match="swap"):
        lint_snippet(spec, "x")


def test_keys_are_compiled_alone_only_to_fill_groups():
    spec = {"extends": "substitution", "message": "Use '%s'", "swap": {"([Jj]oin) together": "$1"}}
    _, check = make_rule(spec)
    assert check.key_patterns == {}
    assert lint_snippet(spec, "We join together.")[0].message == "Use 'join'"
