import pytest

from newslint.errors import NewslintError
from tests.conftest import lint_snippet, spots

BASE = {
    "extends": "consistency",
    "message": "'{match}' here, but '{other}' on line {other_line}.",
    "either": {"UN": r"U\.N\.", "email": "e-mail", "colou?r": "color"},
}


def test_flags_every_use_of_the_form_that_came_second():
    text = "The UN met.\nA U.N. envoy spoke.\nThe UN and the U.N. agreed."
    problems = lint_snippet(BASE, text)
    assert spots(problems) == [(2, 3, "U.N."), (3, 16, "U.N.")]
    assert problems[0].message == "'U.N.' here, but 'UN' on line 1."


def test_the_second_form_may_come_first():
    problems = lint_snippet(BASE, "Send an e-mail.\nThe email bounced.")
    assert spots(problems) == [(2, 5, "email")]
    assert problems[0].message == "'email' here, but 'e-mail' on line 1."


def test_one_form_alone_is_fine():
    assert lint_snippet(BASE, "The U.N. met. A U.N. envoy spoke.") == []


def test_pairs_are_independent_and_whole_words():
    text = "The UN met by email.\nA U.N. envoy sent an e-mail. UNESCO and Email2 too."
    assert spots(lint_snippet(BASE, text)) == [(2, 3, "U.N."), (2, 22, "e-mail")]


def test_case_matters_unless_ignorecase():
    spec = {**BASE, "either": {"US": r"U\.S\."}}
    text = "Tell us more, said the U.S. envoy."
    assert lint_snippet(spec, text) == []
    both = {**BASE, "either": {"colour": "color"}}
    assert lint_snippet(both, "Colour TV.\nA color film.") == []
    assert spots(lint_snippet({**both, "ignorecase": True}, "Colour TV.\nA color film.")) == [(2, 3, "color")]


def test_nonword():
    spec = {**BASE, "either": {'"': "[”“]"}, "nonword": True, "message": "Inconsistent use of '%s'"}
    problems = lint_snippet(spec, 'He said "yes".\nShe said “no”.')
    assert spots(problems) == [(2, 10, "“"), (2, 13, "”")]
    assert problems[0].message == "Inconsistent use of '“'"


def test_positions_after_accents_and_emoji():
    text = "Café 🎉 UN talks.\nÉté: U.N. talks."
    assert spots(lint_snippet(BASE, text)) == [(2, 6, "U.N.")]


def test_scope_limits_what_is_compared():
    text = "# The UN meets\n\nA U.N. envoy spoke.\n"
    assert spots(lint_snippet(BASE, text, "markdown")) == [(3, 3, "U.N.")]
    assert lint_snippet({**BASE, "scope": "paragraph"}, text, "markdown") == []


@pytest.mark.parametrize("either", [{}, {"(bad": "x"}])
def test_bad_either_names_the_key(either):
    with pytest.raises(NewslintError, match="either"):
        lint_snippet({**BASE, "either": either}, "x")


def test_news_variants_on_the_seeds():
    from newslint.engine import ActiveRule, lint_document
    from newslint.readers import read_file
    from newslint.ruleset import load_packs
    from tests.conftest import SEEDS

    loaded = load_packs(["default"]).rules["news-variants"]

    def lint(name):
        doc = read_file(next(SEEDS.glob(f"{name}_*.txt")))
        return lint_document(doc, [ActiveRule(loaded.rule, loaded.check)], frozenset({"news-variants"}))

    problems = lint("004")
    # "UN" comes first (line 1), so each later "U.N." is the odd one out.
    assert spots(problems) == [(10, 331, "U.N."), (12, 132, "U.N.")]
    assert problems[0].message == "'U.N.' here, but 'UN' on line 1: use one form in an article."
    assert lint("000") == []


def test_quotes_skip_leaves_quoted_forms_alone():
    text = "The UN met.\n“The U.N. can do this,” he said. A U.N. aide agreed."
    assert spots(lint_snippet({**BASE, "quotes": "skip"}, text)) == [(2, 36, "U.N.")]


def test_forms_with_alternatives_case_classes_and_lookarounds():
    spec = {
        **BASE,
        "either": {
            "[Cc]easefires?": "[Cc]ease-fires?",
            "Hezbollah": "Hizbollah|Hizballah",
            "UN(?<![A-Z]{2} UN)(?! [A-Z]{2})": r"U\.N\.",
        },
    }
    text = "Ceasefire talks.\nA cease-fire, Hizballah and Hezbollah.\nPM UN CHIEF; the UN and the U.N."
    problems = lint_snippet(spec, text)
    assert spots(problems) == [(2, 3, "cease-fire"), (2, 29, "Hezbollah"), (3, 29, "U.N.")]
    assert problems[1].message == "'Hezbollah' here, but 'Hizballah' on line 2."
