import pytest
import yaml

from newslint.errors import NewslintError
from tests.conftest import FIXTURES, ROOT, lint_snippet, spots

DOCUMENTS = FIXTURES / "documents"
NO_ARTICLE = yaml.safe_load((ROOT / "rules" / "document-no-article.yml").read_text(encoding="utf-8"))
HEADLINE = yaml.safe_load((ROOT / "rules" / "document-missing-headline.yml").read_text(encoding="utf-8"))
for spec in (NO_ARTICLE, HEADLINE):
    spec.pop("examples")


def verdict(name: str):
    text = (DOCUMENTS / name).read_text(encoding="utf-8")
    return lint_snippet(NO_ARTICLE, text)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("twitter-location-ui.txt", "a social platform's page chrome"),
        ("archive-crawl-notice.txt", "a web-archive crawl notice"),
        ("youtube-player-ui.txt", "a video player's page chrome"),
        ("page-not-found.txt", "a page-not-found page"),
        ("caption-gallery.txt", "an index of teasers, captions or links (13 of 13 blocks)"),
    ],
)
def test_not_article_pages(name, reason):
    problems = verdict(name)
    assert [(p.level, p.category, p.message) for p in problems] == [
        ("error", "document", f"No article here: {reason}.")
    ]
    first_line = (DOCUMENTS / name).read_text(encoding="utf-8").splitlines()[0]
    assert spots(problems) == [(1, 1, first_line)]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("bare-tweet.txt", "only 26 words"),
        ("instagram-post.txt", "a short first-person post, not a report"),
        ("paywalled-excerpt.txt", "a paywalled or excerpted stub"),
        ("truncated-stub.txt", "66 words, cut off mid-sentence"),
    ],
)
def test_fragments(name, reason):
    problems = verdict(name)
    assert [(p.line, p.column, p.level, p.message) for p in problems] == [
        (1, 1, "warning", f"Too little to be an article: {reason}.")
    ]


@pytest.mark.parametrize("name", ["short-wire-brief.txt", "short-brief-lee.txt", "short-brief-bbc.txt"])
def test_real_short_briefs_are_articles(name):
    assert verdict(name) == []


def test_cue_phrase_in_a_real_article_is_not_a_verdict():
    brief = (
        "The Internet Archive said on Tuesday that it had saved 800 billion pages since 1996, "
        "and that readers would soon be able to check old versions of news stories with a new tool "
        "that the library built with help from volunteers and several universities."
    )
    assert lint_snippet(NO_ARTICLE, brief) == []
    article = (
        "The Internet Archive said its Wayback Machine now holds 800 billion pages.\n"
        "The library, based in San Francisco, said traffic to its site had doubled in two years "
        "as local news sites closed or deleted their old stories.\n"
        "Its founder said the service depended on donations and on thousands of volunteers who "
        "check the saved copies of pages that readers ask it to keep.\n"
        "Librarians in several countries said they used the collection to trace quiet edits to "
        "government pages, and to find reports that had vanished from the web.\n"
    )
    assert lint_snippet(NO_ARTICLE, article) == []


def test_verdict_spans_the_first_non_blank_line():
    problems = lint_snippet(NO_ARTICLE, "\n\n  Page not found  \nTry the home page.\n")
    assert spots(problems) == [(3, 3, "Page not found")]


def test_verdicts_option_picks_what_the_rule_reports():
    only_fragments = {**NO_ARTICLE, "verdicts": ["fragment"]}
    assert lint_snippet(only_fragments, "Page not found.\nTry the home page.") == []
    assert len(lint_snippet(only_fragments, "Great game tonight, what a win for the team!")) == 1


def test_thresholds_come_from_the_rule():
    tweet = "Great game tonight, what a win for the team and for the fans!"
    assert len(lint_snippet(NO_ARTICLE, tweet)) == 1
    assert lint_snippet({**NO_ARTICLE, "min-words": 5}, tweet) == []


def test_plain_text_has_no_headline_convention():
    assert lint_snippet(HEADLINE, "The council met on Monday.\nIt voted to close the library.") == []


def test_markdown_without_title_or_h1():
    problems = lint_snippet(HEADLINE, "The council met on Monday.\n\nIt voted.\n", fmt="markdown")
    assert spots(problems) == [(1, 1, "The council met on Monday.")]
    assert problems[0].message == "Missing headline: no front-matter title and no H1 heading."


@pytest.mark.parametrize(
    "text",
    [
        "# Library to close\n\nThe council met on Monday.\n",
        "---\ntitle: Library to close\n---\nThe council met on Monday.\n",
    ],
)
def test_markdown_with_h1_or_title(text):
    assert lint_snippet(HEADLINE, text, fmt="markdown") == []


def test_required_fields():
    spec = {**HEADLINE, "required-fields": ["title", "date", "author"]}
    problems = lint_snippet(spec, "---\ntitle: Library to close\nauthor: ''\n---\nThe council met.\n", fmt="markdown")
    assert [(p.line, p.match, p.message) for p in problems] == [
        (1, "---", "Missing front-matter fields: front matter lacks date, author.")
    ]


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("verdicts", ["not-an-article"]),
        ("levels", {"fragment": "fatal"}),
        ("not-article-cues", {"404 page": ["(unclosed"]}),
        ("not-article-cues", {"404 page": "page not found"}),
    ],
)
def test_bad_options_name_the_key(option, value):
    with pytest.raises(NewslintError, match=option):
        lint_snippet({**NO_ARTICLE, option: value}, "x")


def test_seeds_are_articles():
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        assert lint_snippet(NO_ARTICLE, seed.read_text(encoding="utf-8")) == [], seed.name


def test_cut_off_text_is_judged_until_it_is_long_enough():
    # Enough prose for an article, but a short text cut off mid-sentence is a
    # stub; past stub-max-words (150) words, how it ends no longer matters.
    paragraph = "The council met on Monday and voted to close the old library branch next spring, officials said."
    cut = "The vote came after months of debate over who should pay for the work, and whether the"
    problems = lint_snippet(NO_ARTICLE, "\n".join([paragraph] * 4 + [cut]))
    assert [(p.line, p.message) for p in problems] == [
        (1, "Too little to be an article: 85 words, cut off mid-sentence.")
    ]
    assert lint_snippet(NO_ARTICLE, "\n".join([paragraph] * 8 + [cut])) == []


def test_the_plain_cue_pattern_matches_where_the_named_one_does():
    from newslint.checks.document import _cue_patterns

    keys = ("not-article-cues", "fragment-cues")
    phrases = [phrase for key in keys for group in NO_ARTICLE[key].values() for phrase in group]
    # The fixtures' page chrome, and the phrase lists themselves run together.
    texts = [path.read_text(encoding="utf-8").lower() for path in sorted(DOCUMENTS.glob("*.txt"))]
    texts += [" ".join(phrases).lower(), "x".join(phrases).lower()]
    matched = 0
    for key in keys:
        cues = _cue_patterns(NO_ARTICLE[key], key)
        for text in texts:
            spans = [m.span() for m in cues.pattern.finditer(text)]
            assert [m.span() for m in cues.any.finditer(text)] == spans
            matched += len(spans)
    assert matched > 10
