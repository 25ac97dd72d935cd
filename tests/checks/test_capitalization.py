import pytest

from newslint.errors import NewslintError
from tests.conftest import lint_snippet, spots

TITLE = {
    "extends": "capitalization",
    "message": "'%s' should be in title case ('%s').",
    "scope": "heading",
    "match": "$title",
}
SENTENCE = {**TITLE, "message": "'%s' should be sentence-cased", "match": "$sentence"}


def md(*headings: str) -> str:
    return "# Headline\n\n" + "".join(f"## {h}\n\nBody text.\n\n" for h in headings)


def test_title_case_ap():
    problems = lint_snippet(TITLE, md("The Rise of the Machines", "the rise Of the machines"), "markdown")
    assert spots(problems) == [(7, 4, "the rise Of the machines")]
    assert problems[0].message == "'the rise Of the machines' should be in title case ('The Rise of the Machines')."


def test_ap_and_chicago_differ_on_long_prepositions():
    text = md("Walking through the Park")
    assert spots(lint_snippet(TITLE, text, "markdown")) == [(3, 4, "Walking through the Park")]
    assert lint_snippet({**TITLE, "style": "Chicago"}, text, "markdown") == []


def test_title_first_and_last_words_and_capitals():
    assert lint_snippet(TITLE, md("A Tale of Two Cities", "NATO Sets a Goal For"), "markdown") == []
    assert lint_snippet(TITLE, md("Intro"), "markdown") == []
    assert spots(lint_snippet(TITLE, md("A Tale Worth Fighting for"), "markdown")) == [
        (3, 4, "A Tale Worth Fighting for")
    ]


def test_sentence_case():
    text = md("this isn't in sentence case", "This Does Not Comply", "Rates rise again", "Top-level talks resume")
    problems = lint_snippet(SENTENCE, text, "markdown")
    assert spots(problems) == [(3, 4, "this isn't in sentence case"), (7, 4, "This Does Not Comply")]


def test_sentence_threshold_exceptions_and_indicators():
    text = md("Obama meets Putin in Moscow", "Breaking: Storm hits the coast")
    assert [p.line for p in lint_snippet(SENTENCE, text, "markdown")] == [3, 7]
    spec = {**SENTENCE, "exceptions": ["Putin", "Moscow"], "indicators": [":"]}
    assert lint_snippet(spec, text, "markdown") == []
    assert lint_snippet({**SENTENCE, "threshold": 0.5}, md("Obama meets Putin in Moscow"), "markdown") == []


def test_multi_word_exceptions_count_as_one_word():
    spec = {**SENTENCE, "exceptions": ["Visual Studio"]}
    assert lint_snippet(spec, md("Using Visual Studio"), "markdown") == []


def test_prefix_is_ignored():
    spec = {**SENTENCE, "prefix": r"^[A-Z]\.\s"}
    text = md("B. An unimportant heading")
    assert lint_snippet(spec, text, "markdown") == []
    assert spots(lint_snippet(SENTENCE, text, "markdown")) == [(3, 4, "B. An unimportant heading")]


def test_lower_upper_and_a_pattern():
    lower = {**TITLE, "match": "$lower", "message": "%s"}
    # The H1 headline is a heading too (as in Vale), so "Headline" is not lower case either.
    assert [p.match for p in lint_snippet(lower, md("all lower", "Not Lower"), "markdown")] == ["Headline", "Not Lower"]
    upper = {**TITLE, "match": "$upper", "message": "%s"}
    assert [p.match for p in lint_snippet(upper, md("LOUD", "Quiet"), "markdown")] == ["Headline", "Quiet"]
    pattern = {**TITLE, "match": r"^[A-Z]", "message": "%s"}
    assert [p.match for p in lint_snippet(pattern, md("Good", "bad"), "markdown")] == ["bad"]


def test_frontmatter_title_and_positions_with_accents():
    spec = {**TITLE, "scope": "frontmatter.title"}
    text = "---\ntitle: été in the city\n---\n\nBody.\n"
    problems = lint_snippet(spec, text, "markdown")
    assert spots(problems) == [(2, 8, "été in the city")]
    assert problems[0].message == "'été in the city' should be in title case ('Été in the City')."


def test_headline_scope():
    spec = {**SENTENCE, "scope": "headline"}
    assert spots(lint_snippet(spec, "# Storm Hits The Coast\n\nBody.\n", "markdown")) == [
        (1, 3, "Storm Hits The Coast")
    ]


@pytest.mark.parametrize(("key", "value"), [("style", "MLA"), ("match", "(oops"), ("exceptions", ["(oops"])])
def test_bad_options_name_the_key(key, value):
    with pytest.raises(NewslintError, match=key):
        lint_snippet({**TITLE, key: value}, "x")
