import subprocess
import sys
from pathlib import Path

import pytest
from newslint.checks.readability import document_stats, prose_text
from newslint.engine import ActiveRule, lint_document
from newslint.errors import NewslintError
from newslint.text.stats import METRICS, NLTK_DATA, cmudict_syllables, textstat_reference

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


def test_cmudict_table_equals_nltk_first_pronunciations():
    import nltk

    nltk.data.path.insert(0, str(NLTK_DATA))
    from nltk.corpus import cmudict

    expected = {word: sum(1 for phone in prons[0] if phone[-1].isdigit()) for word, prons in cmudict.dict().items()}
    assert cmudict_syllables() == expected


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


def test_textstat_and_nltk_load_only_for_scores():
    result = subprocess.run([sys.executable, "-c", LAZY], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert "import textstat" not in Path(sys.modules["newslint.checks.readability"].__file__).read_text()
