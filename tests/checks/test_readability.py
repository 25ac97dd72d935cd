import subprocess
import sys

import pytest

from newslint.checks.readability import document_stats, prose_text
from newslint.engine import ActiveRule, lint_document
from newslint.errors import NewslintError
from newslint.text import segment, stats, syllables
from newslint.text.stats import METRICS, ProseStats, textstat_reference
from newslint.text.syllables import SYLLABLES, Hyphenator, load_cmudict
from tests.conftest import FIXTURES, ROOT, SEEDS, make_doc, make_rule, spots

ARTICLES = sorted((FIXTURES / "readability").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
SENTENCES = {"extends": "readability", "message": "{detail}", "sentence_words": 40}
# Bounds no article can meet, so that every score shows up in a message.
EVERY_SCORE = {name: {"max": -1000} for name in METRICS}


def lint(specs, text, fmt="text"):
    """Problems of several rule specs on one document, through the engine."""
    active = [ActiveRule(*make_rule(spec, f"rule-{i}")) for i, spec in enumerate(specs)]
    doc = make_doc(text, fmt, "article.md" if fmt == "markdown" else "article.txt")
    return lint_document(doc, active, frozenset(a.rule.id for a in active))


# -- exact scores ------------------------------------------------------------


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_scores_equal_textstat_on_the_joined_prose(path):
    doc = make_doc(path.read_text(encoding="utf-8"))
    text = prose_text(doc)
    stats = document_stats(doc)
    for name in METRICS:
        assert stats.score(name) == textstat_reference(text, name), name


@pytest.mark.parametrize("path", ARTICLES[:3] + ARTICLES[-2:], ids=lambda path: path.name)
def test_messages_show_textstat_scores_and_bounds(path):
    text = path.read_text(encoding="utf-8")
    spec = {"extends": "readability", "message": "{detail}", "metrics": EVERY_SCORE, "min_words": 0}
    problems = lint([spec], text)
    prose = prose_text(make_doc(text))
    expected = [f"{METRICS[name].label} {textstat_reference(prose, name):.1f} (limit -1000)" for name in METRICS]
    assert sorted(p.message for p in problems) == sorted(expected)


def test_minimum_bound_and_score_placed_on_the_lede():
    text = "# A headline that is not counted\n\nThe first paragraph is the lede.\n\nA second one follows it.\n"
    spec = {"extends": "readability", "message": "{detail}", "min_words": 0}
    problems = lint([{**spec, "metrics": {"flesch_reading_ease": {"min": 200}}}], text, "markdown")
    score = textstat_reference("The first paragraph is the lede.\nA second one follows it.", "flesch_reading_ease")
    assert spots(problems) == [(3, 1, "The first paragraph is the lede.")]
    assert problems[0].message == f"Flesch reading ease {score:.1f} (minimum 200)"
    assert lint([{**spec, "metrics": {"flesch_reading_ease": {"min": 0, "max": 200}}}], text, "markdown") == []


def test_short_documents_are_not_scored():
    spec = {"extends": "readability", "message": "{detail}", "metrics": {"flesch_kincaid_grade": {"max": -5}}}
    assert lint([spec], "Too short to score. Far too short.") == []
    assert len(lint([{**spec, "min_words": 5}], "Too short to score. Far too short.")) == 1


def test_two_decimals_when_one_would_print_the_bound():
    text = (FIXTURES / "readability" / "bbc_tech_007.txt").read_text(encoding="utf-8")
    grade = textstat_reference(prose_text(make_doc(text)), "flesch_kincaid_grade")
    shown = float(f"{grade:.1f}")
    bound = {"max": shown} if grade > shown else {"min": shown}
    spec = {"extends": "readability", "message": "{detail}", "metrics": {"flesch_kincaid_grade": bound}}
    assert lint([spec], text)[0].message.startswith(f"Flesch–Kincaid grade {grade:.2f} (")


# Texts that take every branch of textstat's tokenisation: contractions and
# quotes, apostrophes in any case, punctuation-only tokens, abbreviations split
# into short sentences, Unicode letters whose lowercase grows, digits, ligatures.
TRICKY = [
    "",
    "( ! ... ' —",
    "Don't! DON'T. 'Tis O'Reilly's rock'n'roll; they'll've gone, we'd said ''s.",
    "The U.S. e.g. a.m. Dr. Who? No. 5 costs $4.50 — and 3.5% of 2016's total!",
    "İstanbul ΣΟΦΙΑΣ σοφός Straße naïve café ﬁnance ﬂour Łódź ½ ٣ 日本語 __init__ ǅ",
    "'desperate' 'shock' “curly” ‘quotes’ it’s\u00a0non-breaking\u2009thin\tspace\nline",
    "Zzyzx qwrtp antidisestablishmentarianism supercalifragilistic hyphenation-points Xochitl.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_scores_equal_textstat_on_tricky_text(text):
    for name in METRICS:
        assert ProseStats(text).score(name) == textstat_reference(text, name), name


def test_counts_equal_textstat_counts():
    from textstat.backend import counts

    text = " ".join(TRICKY) + (FIXTURES / "readability" / "mn005_1.txt").read_text(encoding="utf-8")
    mine = ProseStats(text)
    assert mine.words == counts.count_words(text)
    assert mine.sentences == counts.count_sentences(text)
    assert mine.syllables == counts.count_syllables(text, "en_US")
    assert mine.polysyllables == counts.count_polysyllable_words(text, "en_US")
    assert mine.difficult_words(0) == counts.count_difficult_words(text, "en_US", 0)
    assert mine.letters == counts.count_letters(text)
    assert mine.characters == counts.count_chars(text, True)


def _token_counts(token: str) -> tuple[int, int, int]:
    """The straightforward definition: (textstat word or not, newslint's words, syllables) of a token."""
    word = stats._PUNCTUATION.sub("", token)
    if not word:
        return 0, len(segment.WORD.findall(token)), 0
    return 1, len(segment.WORD.findall(token)), SYLLABLES.of_word(word.lower())


@pytest.mark.parametrize("text", TRICKY + ["a_b __ _ 'S ''s' x'' -- a--b a.b. e.g. U.S.A. 3.5% ½-½ ﬁ-ﬂ"])
def test_packed_token_counts_equal_the_straightforward_ones(text):
    tokens = text.split()
    expected = [_token_counts(token) for token in tokens]
    # Each token alone, then all of them in one list (new tokens and known ones mixed).
    assert [stats.unpack(total) for total in stats.count_tokens([[token] for token in tokens])] == expected
    totals = tuple(sum(counts[field] for counts in expected) for field in range(3))
    assert stats.unpack(stats.count_tokens([tokens, [], tokens[:1]])[0]) == totals


def test_token_counts_survive_the_memo_limit(monkeypatch):
    monkeypatch.setattr(stats, "MEMO_LIMIT", 3)
    tokens = "one two three four five six seven eight nine ten".split()
    first = stats.count_tokens([tokens[:5], tokens])
    assert stats.count_tokens([tokens, tokens[:5]]) == first[::-1]
    assert len(stats._TOKEN_COUNTS) <= len(tokens)


def test_texts_too_long_to_count_exactly_are_refused():
    with pytest.raises(ValueError, match="fewer than"):
        ProseStats("a " * (stats.MAX_CHARS // 2 + 1))


def test_constants_are_textstats():
    from textstat.backend.utils.constants import LANG_CONFIGS

    english = LANG_CONFIGS["en"]
    assert (stats.FRE_BASE, stats.FRE_SENTENCE_LENGTH, stats.FRE_SYLLABLES_PER_WORD) == (
        english["fre_base"],
        english["fre_sentence_length"],
        english["fre_syll_per_word"],
    )
    assert stats.FOG_SYLLABLE_THRESHOLD == english["syllable_threshold"]


def test_easy_words_are_textstats():
    from textstat.backend.utils import get_lang_easy_words

    assert stats.easy_words() == get_lang_easy_words("en_US")


# -- syllables without textstat -------------------------------------------------


@pytest.fixture(scope="module")
def nltk_cmudict() -> dict:
    textstat_reference("Put the shipped corpus on NLTK's path.", "flesch_kincaid_grade")
    from nltk.corpus import cmudict

    return cmudict.dict()


def test_cmudict_table_gives_textstats_count_for_every_word(nltk_cmudict):
    """textstat's count is the stress digits of the first pronunciation; the table has each word."""
    table = load_cmudict()
    assert len(table) == len(nltk_cmudict)
    for word, pronunciations in nltk_cmudict.items():
        assert table[word] == sum(1 for phone in pronunciations[0] if phone[-1].isdigit()), word
    for missing in ("", "zzyzxq", "aaaa", "{", "\U0010ffff", "~", "the the"):
        assert missing not in table


def test_lookups_in_place_equal_the_table():
    """A short run looks words up in the sorted string (no dict of 123,000 words); same counts."""
    table, in_place = load_cmudict(), syllables.SortedWords.load()
    for word, count in table.items():
        assert in_place.get(word) == count, word
    for missing in ("", "zzyzxq", "aaaa", "{", "\U0010ffff", "~", "the the", "a\nb"):
        assert in_place.get(missing) is None


def test_a_short_run_builds_no_dict_and_a_long_one_does(monkeypatch):
    monkeypatch.setattr(syllables, "LAZY_LOOKUPS", 50)
    words = sorted(load_cmudict())[::2500] + ["zyxwvutsrq", "kuleba", "2016"]
    fresh = syllables.Syllables()
    assert fresh.counts(words[:20]) == [SYLLABLES.cmudict[word] for word in words[:20]]
    assert fresh.of_word(words[20]) == SYLLABLES.cmudict[words[20]]
    assert fresh._cmudict is None  # a pre-commit run: words looked up in place
    assert fresh.counts(words) == [SYLLABLES.cmudict[word] for word in words]
    assert fresh._cmudict is not None  # past the limit: one dict, lookups in C


def test_shipped_tables_are_up_to_date():
    """Regenerate with ``python bench/build_syllable_tables.py`` when this fails."""
    import marshal

    assert syllables.CMUDICT_TABLE.read_bytes() == syllables.cmudict_table_bytes()
    assert marshal.loads(syllables.HYPHENATION_TABLE.read_bytes()) == syllables.hyphenation_trie()


def test_hyphenation_equals_pyphen(nltk_cmudict):
    """Points of Pyphen's en_US patterns, as textstat counts them, for every sort of word."""
    import marshal

    from pyphen import Pyphen

    pyphen = Pyphen(lang="en_US")
    hyphenator = Hyphenator(marshal.loads(syllables.HYPHENATION_TABLE.read_bytes()))
    words = sorted(nltk_cmudict)[::5] + [word.lower() for text in TRICKY for word in text.split()]
    words += ["", "a", "ab", "abc", "abcd", "ﬃciency", "o'clock", "re-elect", "2016", "x" * 40, "éclair"]
    for word in words:
        assert hyphenator.points(word) == len(pyphen.positions(word)), word


def test_batch_counts_equal_one_word_counts():
    words = ["the", "zyxwvutsrq", "", "hyphenation", "2016", "o'reilly's", "the", "antidisestablishmentarianism"]
    assert SYLLABLES.counts(words) == [SYLLABLES.of_word(word) for word in words]


def test_hyphenation_patterns_load_only_for_long_unknown_words():
    from pyphen import Pyphen

    fresh = type(SYLLABLES)()
    assert fresh.of_word("the") == 1 and fresh.of_word("xqz") == 1
    assert fresh._hyphenator is None  # three letters cannot be hyphenated: no patterns loaded
    assert fresh.of_word("zyxwvutsrq") == 1 + len(Pyphen(lang="en_US").positions("zyxwvutsrq"))
    assert fresh._hyphenator is not None


# -- the places that drag ----------------------------------------------------


def test_seed_000_long_sentence():
    problems = lint([SENTENCES], (SEEDS / "000_36139f453626bebe.txt").read_text(encoding="utf-8"))
    assert [(p.line, p.column, p.message) for p in problems] == [(3, 60, "Sentence of 60 words (limit 40)")]
    assert problems[0].match.startswith("“First of all") and problems[0].match.endswith("as quickly as possible.”")


def test_seed_004_long_sentences():
    problems = lint([SENTENCES], (SEEDS / "004_cbe17ebb26198a41.txt").read_text(encoding="utf-8"))
    assert [(p.line, p.column, p.message) for p in problems] == [
        (2, 1, "Sentence of 41 words (limit 40)"),
        (4, 1, "Sentence of 41 words (limit 40)"),
        (10, 1, "Sentence of 44 words (limit 40)"),
        (12, 97, "Sentence of 46 words (limit 40)"),
        (17, 1, "Sentence of 53 words (limit 40)"),
        (22, 142, "Sentence of 42 words (limit 40)"),
    ]
    assert problems[3].match.startswith("But, ahead of the Moscow meetings")


def test_paragraph_limits():
    text = "One. Two. Three.\nA paragraph of seven words in total.\nShort.\nFour words here now. And three more."
    spec = {"extends": "readability", "message": "{detail}", "paragraph_sentences": 1, "paragraph_words": 6}
    assert [(p.line, p.column, p.message) for p in lint([spec], text)] == [
        (1, 1, "Paragraph of 3 sentences (limit 1)"),
        (2, 1, "Paragraph of 7 words (limit 6)"),
        (4, 1, "Paragraph of 2 sentences and 7 words (limits 1 and 6)"),
    ]


def test_paragraph_metrics_only_on_long_enough_paragraphs():
    hard = "Comprehensive infrastructure reauthorization necessitated extraordinary accommodations. " * 3
    text = f"{hard}\nA cat sat.\n{hard}"
    spec = {"extends": "readability", "message": "{detail}", "paragraph_metrics": {"gunning_fog": {"max": 12}}}
    problems = lint([{**spec, "paragraph_min_words": 10}], text)
    fog = textstat_reference(hard.strip(), "gunning_fog")
    assert [(p.line, p.column) for p in problems] == [(1, 1), (3, 1)]
    assert problems[0].message == f"Paragraph Gunning fog index {fog:.1f} (limit 12)"
    assert lint([spec], text) == []  # 24 words < the default 40


# -- what is not prose -------------------------------------------------------

LONG = " ".join(["word"] * 45) + "."
MARKDOWN = f"""---
title: {LONG}
---
# {LONG}

## {LONG}

```
{LONG}
```

- [{LONG}](https://example.com/a)
- [Another link](https://example.com/b)

CLICK HERE for more: {LONG}

The article itself is short. It has two sentences.
"""


def test_headline_front_matter_code_lists_and_junk_are_not_prose():
    junk = {"extends": "existence", "message": "promo", "category": "promo", "tokens": ["CLICK HERE"]}
    spec = {**SENTENCES, "paragraph_words": 40}
    problems = lint([junk, spec], MARKDOWN, "markdown")
    assert [p.message for p in problems] == ["promo"]
    doc = make_doc(MARKDOWN, "markdown")
    doc.junk_spans = [(p.start, p.end) for p in problems]
    assert prose_text(doc) == "The article itself is short. It has two sentences."
    # Without the junk rule, the promo line is prose like any other.
    assert [(p.line, p.column) for p in lint([spec], MARKDOWN, "markdown")] == [(15, 1), (15, 1)]


TRICKY_MARKDOWN = """# A headline

Dr. J. Smith said **bold**words and *it's* U.S.-made_e.g. rock'n'roll… "Why?" she asked. No. 5 won.
It ran on __without__ a stop— then—stopped.Again and again ½ ٣ 日本語 a.b. c--d `code` [a link](http://x.y/z)

> A quote: “It is.” It isn't!

- a list item of several words
- another

Trailing words with no full stop
"""


@pytest.mark.parametrize(
    ("text", "fmt"),
    [(TRICKY_MARKDOWN, "markdown"), (MARKDOWN, "markdown")]
    + [(path.read_text(encoding="utf-8"), "text") for path in ARTICLES[:4]],
)
def test_sizes_and_counts_equal_the_straightforward_ones(text, fmt):
    """Words per sentence from tokens equal the shared segmentation's; the document's counts, textstat's."""
    from bisect import bisect_left

    from newslint.checks.readability import paragraph_sizes, prose_paragraphs

    doc = make_doc(text, fmt, "article.md" if fmt == "markdown" else "article.txt")
    starts = [start for start, _ in doc.words]
    expected = []
    for paragraph in prose_paragraphs(doc):
        sentences = doc.block_sentences(paragraph)
        lengths = [bisect_left(starts, end) - bisect_left(starts, start) for start, end in sentences]
        words = bisect_left(starts, paragraph.end) - bisect_left(starts, paragraph.start)
        expected.append((paragraph, sentences, lengths, words))
    assert paragraph_sizes(doc) == expected
    fresh, computed = ProseStats(prose_text(doc)), document_stats(doc)
    assert (computed.words, computed.syllables) == (fresh.words, fresh.syllables)
    for name in METRICS:
        assert computed.score(name) == fresh.score(name), name


def test_statistics_are_computed_once_per_document():
    first = {"extends": "readability", "message": "a", "metrics": {"smog_index": {"max": -1}}, "min_words": 0}
    second = {**first, "message": "b", "metrics": {"gunning_fog": {"max": -1}}}
    doc = make_doc("Some prose that both rules score. It has two sentences.")
    active = [ActiveRule(*make_rule(spec, rule_id)) for spec, rule_id in ((first, "a"), (second, "b"))]
    assert len(lint_document(doc, active, frozenset({"a", "b"}))) == 2
    stats = document_stats(doc)
    assert set(stats.__dict__["_scores"]) == {"smog_index", "gunning_fog"}


# -- options -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "key", "words"),
    [
        ({"metrics": {"flesch_grade": {"max": 10}}}, "metrics", "unknown metric 'flesch_grade'"),
        ({"metrics": {"smog_index": {"upper": 10}}}, "metrics", "'min' and/or 'max'"),
        ({"metrics": {"smog_index": 10}}, "metrics", "'min' and/or 'max'"),
        ({"metrics": {"smog_index": {"max": "ten"}}}, "metrics", "must be a number"),
        ({"paragraph_metrics": {"smog_index": {"min": 9, "max": 8}}}, "paragraph_metrics", "above max"),
        ({"sentence_words": -1}, "sentence_words", "0 or more"),
        ({}, "metrics", "needs one of"),
    ],
)
def test_bad_options_name_the_key(options, key, words):
    with pytest.raises(NewslintError, match=words) as raised:
        make_rule({"extends": "readability", "message": "x", **options})
    assert raised.value.key == key


# -- cost --------------------------------------------------------------------

LAZY = """
import sys
from tests.conftest import lint_snippet
lint_snippet({"extends": "existence", "message": "x", "tokens": ["reportedly"]}, "He reportedly left.")
lint_snippet({"extends": "readability", "message": "x", "sentence_words": 3}, "A sentence of many words.")
print(sorted(name for name in ("textstat", "nltk", "pyphen") if name in sys.modules))
"""

# The default pack, as `newslint check SEED` runs it, scores the seed (readability-grade is on).
DEFAULT_PACK = """
import sys
from pathlib import Path
from newslint.api import Linter
from newslint.text import stats
Linter().lint_file(Path(sys.argv[1]))
assert stats._TOKEN_COUNTS, "readability-grade did not score the seed"
print(sorted(name for name in ("textstat", "nltk", "pyphen") if name in sys.modules))
"""


def test_no_readability_rule_loads_textstat_nltk_or_pyphen():
    result = subprocess.run([sys.executable, "-c", LAZY], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_default_pack_scores_a_seed_without_textstat_nltk_or_pyphen():
    seed = str(SEEDS / "000_36139f453626bebe.txt")
    result = subprocess.run([sys.executable, "-c", DEFAULT_PACK, seed], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
