import pytest

from newslint.errors import NewslintError
from tests.conftest import lint_snippet, spots

BASE = {
    "extends": "substitution",
    "message": "Use '%s' instead of '%s'.",
    "swap": {"in order to": "to", "at this point": "here", "at this point in time": "now", "U\\.S\\.A\\.": "US"},
}


def test_flags_the_key_and_suggests_the_replacement():
    problems = lint_snippet(BASE, "We met in order to talk.\nThe U.S.A. said no.")
    assert spots(problems) == [(1, 8, "in order to"), (2, 5, "U.S.A.")]
    assert problems[0].message == "Use 'to' instead of 'in order to'."
    assert [p.fix for p in problems] == ["to", "US"]


def test_longest_key_wins():
    problems = lint_snippet(BASE, "At this point in time, at this point.")
    assert spots(problems) == [(1, 24, "at this point")]
    problems = lint_snippet({**BASE, "ignorecase": True}, "At this point in time, at this point.")
    assert spots(problems) == [(1, 1, "At this point in time"), (1, 24, "at this point")]
    assert problems[0].message == "Use 'now' instead of 'At this point in time'."


def test_whole_words_unless_nonword():
    spec = {**BASE, "swap": {"cent": "penny"}}
    assert lint_snippet(spec, "Five percent, one cent.")[0].column == 19
    assert spots(lint_snippet({**spec, "nonword": True}, "Five percent.")) == [(1, 9, "cent")]


def test_capitalize_keeps_a_capital_start():
    spec = {**BASE, "ignorecase": True, "capitalize": True}
    problems = lint_snippet(spec, "In order to win, go in order to win.")
    assert [p.message for p in problems] == ["Use 'To' instead of 'In order to'.", "Use 'to' instead of 'in order to'."]
    assert [p.fix for p in problems] == ["To", "to"]


def test_no_problem_when_the_match_already_is_the_replacement():
    # Case still counts under ignorecase, as in Vale: "javascript" -> "JavaScript".
    spec = {
        "extends": "substitution",
        "message": "%s, not %s",
        "ignorecase": True,
        "swap": {"javascript": "JavaScript"},
    }
    assert spots(lint_snippet(spec, "JavaScript and javascript.")) == [(1, 16, "javascript")]
    pattern_value = {**spec, "swap": {"colou?r": "colou?r"}}
    assert lint_snippet(pattern_value, "colour, color.") == []


def test_choices_are_listed_and_offer_no_single_fix():
    spec = {**BASE, "swap": {"cell ?phone": "phone|mobile phone"}}
    (problem,) = lint_snippet(spec, "My cellphone rang.")
    assert problem.message == "Use 'phone' or 'mobile phone' instead of 'cellphone'."
    assert problem.fix is None
    three = lint_snippet({**BASE, "swap": {"huge": "big|large|vast"}}, "A huge win.")
    assert three[0].message == "Use 'big', 'large' or 'vast' instead of 'huge'."


def test_vale_replace_action_quotes_the_suggestion():
    spec = {
        "extends": "substitution",
        "message": "Use %s rather than %s.",
        "action": {"name": "replace"},
        "swap": {"VNIC": "vNIC"},
    }
    assert lint_snippet(spec, "A VNIC.")[0].message == "Use 'vNIC' rather than VNIC."


def test_exceptions():
    spec = {**BASE, "swap": {"\\w+ly": "(cut)"}, "exceptions": ["[Oo]nly", "family"]}
    assert spots(lint_snippet(spec, "Only my family quickly left.")) == [(1, 16, "quickly")]


def test_capture_groups_fill_the_replacement():
    spec = {
        **BASE,
        "ignorecase": True,
        "capitalize": True,
        "swap": {"change in(?: )?to the (\\w+) folder": "change to the $1 folder"},
    }
    (problem,) = lint_snippet(spec, "Change into the tmp folder.")
    assert problem.message == "Use 'Change to the tmp folder' instead of 'Change into the tmp folder'."


def test_an_empty_replacement_names_the_match():
    spec = {"extends": "substitution", "message": "Remove '%s'.", "swap": {"(?:very|really)": ""}}
    problems = lint_snippet(spec, "A very big, really big win.")
    assert [p.message for p in problems] == ["Remove 'very'.", "Remove 'really'."]
    assert problems[0].fix == ""


def test_positions_count_characters_after_accents_and_emoji():
    problems = lint_snippet(BASE, "Café 🎉 opened in order to sell.\nÉté: in order to")
    assert spots(problems) == [(1, 15, "in order to"), (2, 6, "in order to")]


def test_scope_and_quotes():
    text = "# In order to win\n\nThey left in order to rest. “We came in order to win,” he said.\n"
    assert spots(lint_snippet({**BASE, "scope": "headline", "ignorecase": True}, text, "markdown")) == [
        (1, 3, "In order to")
    ]
    assert spots(lint_snippet({**BASE, "quotes": "skip"}, text, "markdown")) == [(3, 11, "in order to")]


@pytest.mark.parametrize(
    ("swap", "key"),
    [({"(unclosed": "x"}, "swap"), ({}, "swap")],
)
def test_bad_swap_names_the_key(swap, key):
    with pytest.raises(NewslintError, match=key):
        lint_snippet({**BASE, "swap": swap}, "x")


def test_swap_is_required():
    with pytest.raises(NewslintError, match="swap"):
        lint_snippet({"extends": "substitution", "message": "x"}, "x")


def test_ignorecase_regex_keys_and_the_original_case_of_the_match():
    spec = {
        **BASE,
        "ignorecase": True,
        "capitalize": True,
        "swap": {"(?:has|have|had) the ability to": "can|could", "in order to": "to"},
    }
    problems = lint_snippet(spec, "In Order To win, they Have The Ability To vote.")
    assert spots(problems) == [(1, 1, "In Order To"), (1, 23, "Have The Ability To")]
    assert problems[0].message == "Use 'To' instead of 'In Order To'."
    assert problems[1].message == "Use 'Can' or 'Could' instead of 'Have The Ability To'."


def test_keys_with_alternatives_and_leading_case_classes_keep_their_replacement():
    spec = {
        **BASE,
        "swap": {"[Ee]nd (results?)": "$1", "[Pp]ast history|[Oo]ld history": "history", "ATM machines?": "ATM"},
    }
    text = "The end result. Past history and old history.\nATM machines and End Results."
    problems = lint_snippet(spec, text)
    assert spots(problems) == [
        (1, 5, "end result"),
        (1, 17, "Past history"),
        (1, 34, "old history"),
        (2, 1, "ATM machines"),
    ]
    assert [p.fix for p in problems] == ["result", "history", "history", "ATM"]
