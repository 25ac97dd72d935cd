"""The boilerplate rule type, through the shipped rule `junk-boilerplate`."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from newslint.engine import ActiveRule, lint_document
from newslint.errors import NewslintError
from newslint.ruleset import build, parse_rule
from newslint.text.cuescore import Scorer, parse_kinds
from newslint.text.lineshape import case_counts, content_words, measure
from newslint.text.phrasegroup import PhraseGroup, Screen, SubstringFinder, required_literal
from newslint.yamlfile import load
from tests.conftest import FIXTURES, SEEDS, lint_snippet, make_doc, spots

RULE_TEXT = (files("newslint.rules") / "junk-boilerplate.yml").read_text(encoding="utf-8")
DATA = load(RULE_TEXT, "junk-boilerplate.yml")
RULE = parse_rule(DATA, "junk-boilerplate")
CHECK = build(RULE, DATA)

PROSE = [
    "The city council voted on Tuesday to approve a new budget that raises spending on roads and schools.",
    "Council members argued for more than three hours before the final vote, which passed by six votes to three.",
    "The mayor said the plan would be paid for by savings elsewhere and would not require higher taxes.",
    "Opponents said the savings were not real and that the city would have to borrow money next year.",
    "A second vote on the plan is expected next month, after a public hearing at the town hall.",
    "Residents will be able to comment on the plan online until the end of the month, officials said.",
    "The budget takes effect in July if it passes the second vote without changes.",
]


def lint(text: str):
    doc = make_doc(text)
    return lint_document(doc, [ActiveRule(RULE, CHECK)], frozenset({RULE.id}))


def inner(line: str) -> str:
    """``line`` as the fourth paragraph of seven: away from both ends."""
    return "\n".join([*PROSE[:3], line, *PROSE[3:]])


# -- shape -----------------------------------------------------------------


def test_measure_shape():
    shape = measure("CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER")
    assert (shape.words, shape.terminal, shape.first_word) == (9, False, "click")
    assert shape.caps_ratio == 1.0
    prose = measure("He said it was “a very useful meeting.”")
    assert prose.terminal and prose.caps_ratio < 0.1
    assert measure("“Our thoughts are with his family,”").terminal  # a broken quote, not a headline
    links = measure("Read or Share this story: https://usat.ly/2Bwhqz3 or mail desk@example.com, @handle")
    assert links.url and links.email and links.handle
    assert measure("Caroline Quentin | ITV1 | 8pm").pipes


def test_case_follows_the_script():
    assert measure("все типы овощей").caps_ratio == 0.0  # Cyrillic lowercase is lowercase
    assert measure("ВСЕ ТИПЫ ОВОЩЕЙ").caps_ratio == 1.0
    assert measure("ما أحبب حبيبك هونا").caps_ratio == 0.0  # no case at all


def test_content_words_fold_plurals_and_skip_stopwords():
    words = content_words("Civilians were evacuated from the plant", frozenset({"were"}))
    assert words == {"civilian", "evacuated", "from", "plant"}


def test_phrase_group_checks_leading_boundary_and_case():
    group = PhraseGroup([r"\bsubscribe\b", r"\bread more\s*$"], ignorecase=True, compile_regex=_compile)
    assert group.search("Please SUBSCRIBE today", "please subscribe today") == "SUBSCRIBE"
    assert group.search("You can unsubscribe", "you can unsubscribe") is None
    assert group.search("Other story Read more", "other story read more") == "Read more"
    screened = PhraseGroup([r"\(@\w+\)"], ignorecase=True, compile_regex=_compile, requires=("(@",))
    assert screened.search("— Jane (@jane) May 1, 2017", "— jane (@jane) may 1, 2017") == "(@jane)"
    assert screened.search("no handle here", "no handle here") is None
    cased = PhraseGroup([r"^EXCLUSIVE$"], ignorecase=False, compile_regex=_compile)
    assert cased.search("EXCLUSIVE", "exclusive") == "EXCLUSIVE"
    assert cased.search("Exclusive", "exclusive") is None


def _compile(pattern, flags):
    import re

    return re.compile(pattern, flags)


def test_phrase_group_ends_screens_before_any_pattern():
    group = PhraseGroup([r"\(photo[^()]*\)\s*$"], ignorecase=True, compile_regex=_compile, ends=(")",))
    assert group.search("He left. (Photo: AP) ", "he left. (photo: ap) ") == "(Photo: AP)"
    assert group.search("(Photo: AP) was the credit.", "(photo: ap) was the credit.") is None


def test_screen_fails_only_when_no_group_can_match():
    groups = [
        PhraseGroup([r"\bsign up\b"], ignorecase=True, compile_regex=_compile, requires=("sign up",)),
        PhraseGroup([r"^related:"], ignorecase=True, compile_regex=_compile),
        PhraseGroup([r"\(ap\)\s*$"], ignorecase=True, compile_regex=_compile, ends=(")",)),
        PhraseGroup([r"^[A-Z]+$"], ignorecase=False, compile_regex=_compile),
    ]
    screen = Screen(groups)
    for line in ("Please sign up today", "Related: other story", "A caption (AP)", "EXCLUSIVE"):
        assert screen.passes(line, line.lower()), line
    prose = "The council met on Monday and signed the budget (after a long debate) without changes."
    assert not screen.passes(prose, prose.lower())


def test_gate_names_the_phrases_a_kind_cannot_do_without():
    kinds = parse_kinds(
        {"promo": {"threshold": 3, "cues": {"cta": 2.5, "form": 5, "cta+imperative": 1, "short": 0.5}}},
        ["promo"],
        {"cta", "form", "imperative", "short"},
    )
    scorer = Scorer(kinds, gateable={"cta": 0, "form": 0})
    # A plain sentence: the call to action alone falls short, the form text does not.
    assert scorer.plan(20, {"imperative": False, "short": False}).gate == {"form"}
    assert scorer.plan(20, {"imperative": True, "short": False}).gate == {"cta", "form"}
    plan = scorer.plan(20, {"imperative": True, "short": True})
    assert scorer.restrict(plan, frozenset({"form"})).kinds[0][0].name == "promo"
    assert scorer.restrict(plan, frozenset({"cta", "form"})).kinds == ()
    free = parse_kinds({"related": {"threshold": 3, "cues": {"short": 3}}}, ["related"], {"short"})
    assert Scorer(free, gateable={}).plan(5, {"short": True}).gate is None  # no phrase needed


def test_plans_built_from_shared_kind_parts_equal_fresh_ones():
    """A kind's part of a plan is cached by the features its cues name: a plan
    assembled from parts met on other lines equals one worked out afresh."""
    shapes = [
        {"short": True, "no_stop": True, "caps": True, "top": False, "inner": True, "after_related": False},
        {"short": True, "no_stop": True, "caps": False, "top": False, "inner": True, "after_related": True},
        {"short": False, "no_stop": False, "caps": False, "top": True, "inner": False, "after_related": False},
        {"short": True, "no_stop": False, "caps": True, "top": True, "inner": False, "after_related": True},
    ]
    shared = CHECK.scorer
    for words in (4, 9, 30):
        for known in shapes:
            fresh = Scorer(shared.kinds, gateable=shared.gateable).plan(words, known)
            assert shared.plan(words, known) == fresh


def test_screens_change_no_verdict():
    """The gate and the screens only skip work: without them, the same problems."""
    unscreened = build(RULE, DATA)
    unscreened.scorer._kind_gate = lambda kind, fixed, pending: None  # every line judged in full
    texts = [inner(line) for line in GOOD_LINES] + [inner(row[2]) for row in map(list, _fixture_rows())]
    texts += [
        (SEEDS / name).read_text(encoding="utf-8") for name in ("000_36139f453626bebe.txt", "004_cbe17ebb26198a41.txt")
    ]
    for text in texts:
        doc = make_doc(text)
        expected = lint_document(doc, [ActiveRule(RULE, unscreened)], frozenset({RULE.id}))
        assert lint(text) == expected


# -- the seeds ---------------------------------------------------------------


def test_seed_000_promo_and_inserted_headline():
    problems = lint((SEEDS / "000_36139f453626bebe.txt").read_text(encoding="utf-8"))
    assert [(p.line, p.column, p.end_column, p.level, p.category) for p in problems] == [
        (4, 1, 63, "warning", "related"),
        (7, 1, 52, "error", "promo"),
    ]
    assert problems[0].match == "CIVILIAN EVACUATION FROM MARIUPOL DISRUPTED BY RUSSIAN MILITARY"
    assert problems[0].message == (
        "Page junk, related: inserted headline of another story in an all-caps line of 8 words "
        "with no sentence punctuation."
    )
    assert problems[1].message == (
        "Page junk, promo: call to action 'CLICK HERE' in an all-caps line of 9 words "
        "with no sentence punctuation at the end of the article."
    )


def test_seed_004_has_no_page_junk():
    assert lint((SEEDS / "004_cbe17ebb26198a41.txt").read_text(encoding="utf-8")) == []


# -- real junk lines ---------------------------------------------------------

LEVELS = {"promo": "error", "byline": "suggestion"}


def _fixture_rows():
    rows = (FIXTURES / "junk" / "lines.tsv").read_text(encoding="utf-8").splitlines()
    return [row.split("\t") for row in rows]


def _fixture_lines():
    return [pytest.param(*row, id=row[1].rsplit("/", 1)[-1]) for row in _fixture_rows()]


@pytest.mark.parametrize(("kind", "source", "line"), _fixture_lines())
def test_real_junk_line_between_paragraphs(kind, source, line):
    problems = lint(inner(line))
    assert spots(problems) == [(4, 1, line)], source
    assert problems[0].category == kind
    assert problems[0].level == LEVELS.get(kind, "warning")
    assert problems[0].message.startswith(f"Page junk, {kind}: ")


# -- edited copy that only looks like junk -----------------------------------


def _good_fixture_lines():
    rows = (FIXTURES / "junk" / "good_lines.tsv").read_text(encoding="utf-8").splitlines()
    return [row.split("\t")[1] for row in rows]


GOOD_LINES = [
    # edited copy with the keywords (BBC News, see fixtures/junk/README.md)
    *_good_fixture_lines(),
    "Readers can subscribe to the paper for $5 a month, its owner said in a statement on Tuesday.",
    # a call to action quoted in a paragraph
    'He said the words "Click here to read more" were the worst line on the page, and the editors agreed.',
    "The band said fans should follow the tour on Twitter, where dates will be announced next week.",
    "Photographs taken by the agency show the damage to the roof and the walls of the school.",
    # short real subheads
    "Lawyers to decide",
    "'Out of touch'",
]


@pytest.mark.parametrize("line", GOOD_LINES)
def test_edited_copy_is_kept(line):
    assert lint(inner(line)) == []


def test_caps_subhead_that_shares_words_with_next_paragraph_is_kept():
    subhead = "MARTHA KEEPS HER HOUSE CLEAN"
    text = inner(subhead).replace(PROSE[3], "Martha Stewart keeps a clean house, she told the magazine on Monday.")
    assert lint(text) == []


def test_caps_line_that_shares_nothing_is_an_inserted_headline():
    headline = "STORM CLOSES SCHOOLS ACROSS NORTHERN COUNTIES"
    problems = lint(inner(headline))
    assert spots(problems) == [(4, 1, headline)]
    assert problems[0].category == "related"
    assert "sharing no words with the paragraphs around it" in problems[0].message


def test_caps_headline_of_eight_words_is_flagged_even_when_on_topic():
    headline = "CITY COUNCIL VOTE ON BUDGET DELAYED BY PROTESTS"
    assert [p.category for p in lint(inner(headline))] == ["related"]


def test_present_tense_headline_is_the_articles_own_at_the_top():
    # A headline ("Bank holds rates") reads like a caption ("A woman holds a flag.")
    # but has no final period; the caption wording counts only on a sentence.
    headline = "Central bank holds interest rates at 4.75%"
    assert lint("\n".join([headline, *PROSE])) == []
    caption = "A woman holds a flag during a protest outside the parliament building in the capital."
    problems = lint("\n".join([caption, *PROSE]))
    assert spots(problems) == [(1, 1, caption)]
    assert problems[0].category == "caption"


def test_present_tense_in_a_relative_clause_is_not_a_caption():
    line = "The second suspect is a student who attends the school and was arrested on Monday."
    assert lint("\n".join([PROSE[0], line, *PROSE[1:]])) == []


def test_headline_with_a_reporting_verb_needs_no_final_period():
    headline = "Mayor says budget vote will go ahead next month"
    problems = lint(inner(headline))
    assert spots(problems) == [(4, 1, headline)]
    assert problems[0].message.startswith("Page junk, related: headline of another story")
    assert lint(inner(headline + ".")) == []  # a sentence of the article


def test_lines_of_a_pasted_post_above_its_bare_signature_are_social():
    post = ["Dear council,", "The budget is a disgrace."]
    signature = "— Jane Doe (@janedoe) March 3, 2019"
    text = "\n".join([*PROSE[:3], *post, signature, *PROSE[3:]])
    problems = lint(text)
    assert [(p.line, p.column, p.category) for p in problems] == [(4, 1, "social"), (5, 1, "social"), (6, 1, "social")]
    assert "text of a pasted post above its signature line" in problems[0].message
    # The post's last line carries its link: the writer's lead-in above it is prose.
    linked = ["Fans were quick to reply.", "What a night pic.twitter.com/abc123", signature]
    problems = lint("\n".join([*PROSE[:3], *linked, *PROSE[3:]]))
    assert [(p.line, p.category) for p in problems] == [(5, "social"), (6, "social")]
    # A signature that carries its post's text leaves the paragraphs above alone.
    carried = "\n".join([*PROSE[:3], "What a vote. — Jane Doe (@janedoe) March 3, 2019", *PROSE[3:]])
    assert [p.line for p in lint(carried)] == [4]


# -- position ----------------------------------------------------------------


def test_first_caps_line_is_the_articles_own_headline():
    headline = "CITY COUNCIL VOTE ON BUDGET DELAYED BY PROTESTS"
    assert lint("\n".join([headline, *PROSE])) == []


def test_dated_photo_description_is_a_caption_only_at_the_top():
    caption = "Protesters gather outside City Hall in Springfield, Saturday, Feb. 19, 2011."
    top = lint("\n".join([caption, *PROSE]))
    assert spots(top) == [(1, 1, caption)]
    assert top[0].category == "caption"
    assert lint(inner(caption)) == []


def test_headlines_after_a_read_more_label_are_related():
    lines = ["Read more:", "Doctors are stumped by a rare illness in children", "New test finds the virus faster"]
    text = "\n".join([*PROSE[:4], *lines, *PROSE[4:]])
    problems = lint(text)
    assert [(p.line, p.category) for p in problems] == [(5, "related"), (6, "related"), (7, "related")]
    assert "headline in a list of links" in problems[1].message


def test_byline_is_a_suggestion_and_names_its_cue():
    problems = lint("\n".join(["By Jane Doe", *PROSE]))
    assert [(p.line, p.level, p.category) for p in problems] == [(1, "suggestion", "byline")]
    assert (
        problems[0].message
        == "Page junk, byline: byline 'By Jane Doe' in a line of 3 words with no sentence punctuation."
    )


def test_invisible_and_number_lines_are_not_junk():
    text = inner("\u200b").replace("\u200b", "\u200b", 1)
    assert lint(text) == []
    assert lint(inner("78,000")) == []
    assert [p.category for p in lint(inner("3:4 ,af- .9.-"))] == ["artifact"]


def test_markdown_blocks_are_judged_too():
    problems = lint_snippet(_spec(), "# Budget vote\n\nThe council met.\n\nAdvertisement\n\nIt voted.\n", "markdown")
    assert spots(problems) == [(5, 1, "Advertisement")]


# -- options -----------------------------------------------------------------


def _spec(**changes):
    spec = {
        "extends": "boilerplate",
        "message": "{kind}: {why}",
        "phrases": {"chrome": {"why": "chrome '%s'", "patterns": ["^advertisement$"]}},
        "kinds": {"ad": {"threshold": 3, "cues": {"chrome": 3}}},
    }
    spec.update(changes)
    return spec


def test_levels_and_cue_reasons_come_from_yaml():
    spec = _spec(kinds={"ad": {"threshold": 3, "level": "error", "cues": {"chrome+tiny": {"weight": 3, "why": "ad"}}}})
    problems = lint_snippet(spec, "Advertisement")
    assert [(p.level, p.category, p.message) for p in problems] == [
        ("error", "ad", "ad: ad, chrome 'Advertisement' in a line of 1 word with no sentence punctuation")
    ]


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"kinds": {"ads": {"threshold": 3, "cues": {"chrome": 3}}}}, "kinds.ads"),
        ({"kinds": {"ad": {"threshold": 3, "cues": {"chrome+shouting": 3}}}}, "kinds.ad.cues"),
        ({"kinds": {"ad": {"threshold": 3, "cues": {"chrome": "high"}}}}, "kinds.ad.cues"),
        ({"kinds": {"ad": {"cues": {"chrome": 3}}}}, "kinds.ad"),
        ({"phrases": {"chrome": {"patterns": ["(unclosed"]}}}, "phrases.chrome"),
        ({"phrases": {"short": {"patterns": ["x"]}}}, "phrases.short"),
        ({"phrases": {"chrome": {"patterns": ["x"], "requires": "x"}}}, "phrases.chrome.requires"),
        ({"phrases": {"chrome": {"patterns": ["x"], "ends": [""]}}}, "phrases.chrome.ends"),
        ({"signature": "tweets"}, "signature"),
    ],
)
def test_bad_options_name_their_key(changes, key):
    with pytest.raises(NewslintError) as err:
        lint_snippet(_spec(**changes), "Advertisement")
    assert key in str(err.value)


def test_gallery_slide_with_counter_and_credit_is_a_caption():
    slide = "3/12 On the campaign trail: “We will win, and we will win big,” he told supporters in Ohio. Getty Images"
    problems = lint(inner(slide))
    assert [(p.line, p.category) for p in problems] == [(4, "caption")]
    # A date-like number that opens a sentence is no slide counter.
    story = "9/11 changed how airports screen passengers, and the rules were tightened again, said the AP."
    assert lint(inner(story)) == []


# -- fast paths against their plain definitions ------------------------------

TRICKY_LINES = [
    "CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER",
    "“Quoted Opening” and (Bracketed Words) [Like These] 'single' \"double\"",
    "“‘(“ ' \" ( [ — only openers here",
    "Éric Zemmour à l’Élysée: ÉTÉ, ça, ß, Œuvre",
    "ВСЕ ТИПЫ ОВОЩЕЙ and все типы",
    "Ⅻ Ⓐ ǅungla ½ ² ٣ — numerals, circled and titlecase letters",
    "ما أحبب حبيبك هونا",
    "tabs\tand\u00a0no-break\u2003spaces\nand a newline",
    "Visit WWW.EXAMPLE.COM or http://x.co or mail.gov.uk or news.comment",
    "ΣΟΦΙΑ ΣΑΣ and İstanbul",
    "lone \udc80 surrogate and Ⅻ\u0301 combining",
    "",
    "   ",
    "a",
]


def _plain_shape(line: str) -> tuple:
    """letters, upper, lower, title ratio and url as lineshape first defined them."""
    letters = sum(map(str.isalpha, line))
    upper, lower = sum(map(str.isupper, line)), sum(map(str.islower, line))
    initials = [t.lstrip("\"'“‘([")[:1] for t in line.split()]
    starts = [c for c in initials if c.isalpha()]
    title = sum(map(str.isupper, starts)) / len(starts) if starts else 0.0
    url = bool(re.search(r"://|www\.|\.(?:com|org|net|ly|gov|co\.uk)\b", line))
    return letters, upper, lower, title, url


@pytest.mark.parametrize("line", TRICKY_LINES)
def test_case_counts_title_and_links_match_the_plain_definitions(line):
    letters, upper, lower, title, url = _plain_shape(line)
    assert case_counts(line) == (letters, upper, lower)
    shape = measure(line, prose_words=None)
    if len(line.split()) <= 30:
        assert shape.letters == letters
        assert shape.caps_ratio == (upper / (upper + lower) if upper + lower else 0.0)
        assert shape.title_ratio == title
    assert shape.url == url


def test_substring_finder_finds_what_in_finds():
    import random

    rng = random.Random(5)
    substrings = [s for group in CHECK.phrases.values() if group.ignorecase for s in group.requires]
    substrings += ["a.b", "(x)", "[", "the latest", "share this", "zz", "q"]
    finder = SubstringFinder(substrings)
    assert "the latest" in finder.uncovered and "zz" not in finder.uncovered
    covered = [s for s in set(substrings) if s not in finder.uncovered]
    alphabet = "abcdehiklmnoprstuxyz (),.@/[]©:19"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    texts += substrings + [f"xx{s}yy" for s in substrings] + [s[:-1] for s in substrings]
    for text in texts:
        assert finder.may_hold(text) == any(s in text for s in covered), text


def test_screens_with_and_without_a_finder_agree():
    groups = list(CHECK.phrases.values())
    lines = TRICKY_LINES + PROSE + GOOD_LINES + [row[2] for row in _fixture_rows()]
    lines += [line[:n] for line in PROSE for n in (8, 20, 40)]
    for size in (1, 3, 8, len(groups)):
        for start in range(0, len(groups), size):
            part = groups[start : start + size]
            plain, found = Screen(part), Screen(part, CHECK.finders)
            for line in lines:
                assert plain.passes(line, line.lower()) == found.passes(line, line.lower()), (line, start)


def _plain_restrict(plan, absent):
    """Scorer.restrict as first written: the whole plan at once, no caches."""
    kinds = []
    for kind, fixed, fixed_cues, pending, _ in plan.kinds:
        fixed_cues, kept = list(fixed_cues), []
        for cue, needs in pending:
            if any(wanted and name in absent for name, wanted in needs):
                continue
            needs = tuple(need for need in needs if need[0] not in absent)
            if needs:
                kept.append((cue, needs))
            else:
                fixed += cue.weight
                fixed_cues.append(cue)
        upside = sum(cue.weight for cue, _ in kept if cue.weight > 0)
        if fixed + upside >= kind.threshold:
            kinds.append((kind, fixed, tuple(fixed_cues), tuple(kept), upside))
    return tuple(kinds)


def test_cached_restrictions_equal_plain_ones():
    import random

    rng = random.Random(11)
    scorer = Scorer(CHECK.scorer.kinds, gateable=CHECK.scorer.gateable)
    names = sorted(CHECK.phrases) + ["quoted", "isolated", "cohesive", "between_prose"]
    shapes = [
        {"short": True, "no_stop": True, "caps": True, "top": False, "inner": True, "after_related": False},
        {"short": False, "no_stop": False, "caps": False, "top": True, "inner": False, "after_related": False},
        {"short": True, "no_stop": False, "caps": False, "top": False, "inner": True, "after_caption": True},
    ]
    for _ in range(300):
        plan = scorer.plan(rng.choice([2, 6, 9, 14, 45]), rng.choice(shapes))
        absent = frozenset(rng.sample(names, rng.randint(0, 12)))
        assert scorer.restrict(plan, absent).kinds == _plain_restrict(plan, absent)


def test_a_plan_without_a_gate_keeps_the_gates_of_its_kinds():
    """When some kind needs no phrase, the others' gates still drop them."""
    kinds = parse_kinds(
        {
            "related": {"threshold": 3, "cues": {"short": 3}},
            "promo": {"threshold": 3, "cues": {"cta": 3}},
        },
        ["related", "promo"],
        {"short", "cta"},
    )
    plan = Scorer(kinds, gateable={"cta": 0}).plan(5, {"short": True})
    assert plan.gate is None and plan.partial_gate == {"cta"}
    assert [entry[0].name for entry in plan.fallback.kinds] == ["related"]


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"^.{0,60}?\b(?:image|media) caption\b", " caption"),
        (r"^(?i:abc)defg", "defg"),
        (r"(?i)abcdef", ""),
        (r"^x(?:yz)+w", "yz"),
        (r"^a(?:bcd)*e", "a"),
        (r"^(?:abcde)?f", "f"),
        (r"^(?:related|more) stories", " stories"),
        (r"^\W{0,2}(?:related|more)", ""),
        (r"^(?=caption)\w+", ""),
    ],
)
def test_required_literal_is_held_by_every_match(pattern, literal):
    assert required_literal(pattern) == literal


def test_required_literals_of_the_rule_hold_in_what_matches():
    texts = TRICKY_LINES + PROSE + GOOD_LINES + [row[2] for row in _fixture_rows()]
    texts += [t.lower() for t in texts]
    for group in CHECK.phrases.values():
        for source in group.head_sources:
            literal, regex = required_literal(source), re.compile(source)
            for text in texts:
                match = regex.match(text)
                if match:
                    assert literal in match.group(), (source, text)
