"""The titles rule type: conflicting titles, two spellings, garbled titles, the house list."""

from __future__ import annotations

import pytest
import yaml

from newslint.api import Linter
from newslint.errors import NewslintError
from tests.conftest import FIXTURES, ROOT, SEEDS, lint_snippet, make_rule, spots

RULE = yaml.safe_load((ROOT / "rules" / "person-titles.yml").read_text(encoding="utf-8"))
SPEC = {k: v for k, v in RULE.items() if k not in ("examples", "description")}


def lint(text: str, **options):
    return lint_snippet({**SPEC, **options}, text)


def warnings(text: str, **options):
    return [p for p in lint(text, **options) if p.level == "warning"]


# -- the seeds ---------------------------------------------------------------------


def test_seed_004_gets_the_kuleba_conflict_and_nothing_else():
    problems = lint((SEEDS / "004_cbe17ebb26198a41.txt").read_text(encoding="utf-8"))
    assert spots(problems) == [(11, 207, "Prime Minister Kuleba")]
    assert problems[0].level == "warning"
    assert problems[0].message == (
        "'Prime Minister' for Dmytro Kuleba conflicts with 'International Minister' on line 10. "
        "'International Minister' is no title; did you mean 'Foreign Minister'?"
    )


def test_seed_000_is_clean():
    assert lint((SEEDS / "000_36139f453626bebe.txt").read_text(encoding="utf-8")) == []


# -- conflicts: the later mention is the problem, the earlier one is named ------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # title before the name, nationality dropped, surname-only later reference
        (
            "Russian Foreign Minister Sergey Lavrov arrived.\nLater, Defense Minister Lavrov spoke.",
            [(2, 8, "Defense Minister Lavrov")],
        ),
        # abbreviations
        ("Sen. Elizabeth Warren spoke. Later Gov. Warren left.", [(1, 36, "Gov. Warren")]),
        # an organisation and a rank word before the title
        ("U.N. deputy spokesman Farhan Haq spoke. Ambassador Haq left.", [(1, 41, "Ambassador Haq")]),
        # an appositive first, a title before the name later
        (
            "Dmytro Kuleba, Ukraine's foreign minister, spoke.\nPrime Minister Kuleba left.",
            [(2, 1, "Prime Minister Kuleba")],
        ),
        # an appositive later: the span runs from the name through the title
        (
            "Prime Minister Dmytro Kuleba spoke.\nDmytro Kuleba, the country's defense minister, left.",
            [(2, 1, "Dmytro Kuleba, the country's defense minister")],
        ),
        # hyphenated name, particles
        ("Mayor Bill de Blasio spoke. Governor de Blasio left.", [(1, 29, "Governor de Blasio")]),
        ("Envoy Mohammed bin Salman spoke. Mayor bin Salman left.", [(1, 34, "Mayor bin Salman")]),
    ],
)
def test_conflict_at_the_later_mention(text, expected):
    assert spots(warnings(text)) == expected


def test_message_names_the_earlier_title_and_its_line():
    [problem] = warnings("Sen. Elizabeth Warren spoke.\n\nOn Monday Gov. Warren left.")
    assert problem.message == "'Gov.' for Elizabeth Warren conflicts with 'Sen.' on line 1."
    assert (problem.line, problem.column, problem.end_line, problem.end_column) == (3, 11, 3, 21)


def test_a_dual_role_keeps_its_rank():
    text = "Deputy Prime Minister and Foreign Minister Dmytro Kuleba spoke. Prime Minister Kuleba left."
    assert spots(warnings(text)) == [(1, 65, "Prime Minister Kuleba")]


def test_a_senator_may_be_a_minister_but_not_two_ministers():
    assert lint("Defence Minister Robert Hill spoke. Senator Hill left.") == []
    assert spots(warnings("Defence Minister Robert Hill spoke. Health Minister Hill left.")) == [
        (1, 37, "Health Minister Hill")
    ]


def test_one_problem_per_person_and_title():
    text = "President Joe Biden spoke. Governor Biden left. Governor Biden came back."
    assert spots(warnings(text)) == [(1, 28, "Governor Biden")]


# -- how titles are written: case, hyphens, where they stand ---------------------------


@pytest.mark.parametrize(
    ("first", "later", "column"),
    [
        ("FOREIGN MINISTER Dmytro Kuleba", "PRIME MINISTER Kuleba", 39),  # all capitals
        ("Foreign minister Dmytro Kuleba", "prime-minister Dmytro Kuleba", 39),  # hyphen for space
        ("foreign Minister Dmytro Kuleba", "prime Minister Dmytro Kuleba", 39),  # each word either case
        ("(Foreign Minister Dmytro Kuleba", "—Prime Minister Kuleba", 41),  # after punctuation
    ],
)
def test_a_title_in_any_written_form(first, later, column):
    text = f"{first} spoke. {later} left."
    assert spots(warnings(text)) == [(1, column, later.lstrip("—"))]


@pytest.mark.parametrize(
    "text",
    [
        "pRIME mINISTER Dmytro Kuleba spoke. Foreign Minister Kuleba left.",  # no such case: no title
        "Chief of-Staff John Kelly spoke. Senator Kelly left.",  # a space and a hyphen in one title
        "Vice-Presidential Dmytro Kuleba spoke. Foreign Minister Kuleba left.",  # a word goes on
    ],
)
def test_not_a_written_title(text):
    assert lint(text) == []


def test_a_letter_that_lowers_to_two_keeps_positions():
    text = "İstanbul: Foreign Minister Dmytro Kuleba spoke. İ Prime Minister Kuleba left."
    assert spots(warnings(text)) == [(1, 51, "Prime Minister Kuleba")]


def test_head_finder_reads_every_head_at_a_place():
    heads = make_rule(SPEC)[1].lexicon.heads
    text = "U.N. Secretary-General Ban; general secretary-elect"
    assert [(s, e) for s, e, _ in heads.find(text)] == [(5, 22), (28, 45)]
    assert [text[5 : 5 + n] for n in heads.at(text, 5)] == ["Secretary-General", "Secretary"]
    assert [text[45 - n : 45] for n in heads.ending_at(text, 45)] == ["general secretary", "secretary"]


# -- must not fire --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # two people who share a surname; the surname alone is ambiguous
        "President Bill Clinton and Secretary of State Hillary Clinton met. Secretary Clinton spoke.",
        # a role change said as such
        "Former general John Kelly spoke. Chief of Staff Kelly left.",
        "Then-Senator Barack Obama spoke in 2006. President Obama spoke in 2010.",
        "Ex-President Dmitry Medvedev spoke. Prime Minister Medvedev left.",
        "Senator Joe Biden spoke in 2008. President-elect Biden spoke in 2020.",
        "Mitt Romney, then governor, spoke in 2005. Senator Romney spoke in 2020.",
        # compound and variant forms of one title
        "Secretary General Ban Ki-moon spoke. U.N. Secretary-General Ban left.",
        "President Volodymyr Zelensky spoke. Ukrainian President Zelensky left.",
        "foreign minister Sergey Lavrov spoke. Foreign Minister Lavrov left.",
        "Minister Dmytro Kuleba spoke. Foreign Minister Kuleba left.",
        "Senator Bernie Sanders spoke. Sen. Sanders left.",
        "Minister of Foreign Affairs Sergey Lavrov spoke. Foreign Minister Lavrov left.",
        # descriptive epithets are no titles
        "The UN chief spoke. Secretary-General Antonio Guterres left. The UN chief Guterres smiled.",
        # a real dual role named as such
        "President and CEO Mary Barra spoke. Chief executive Barra left.",
        "Deputy Prime Minister and Foreign Minister Dmytro Kuleba spoke. Foreign Minister Kuleba left.",
        "Deputy Prime Minister and Foreign Minister Dmytro Kuleba spoke. Deputy Prime Minister Kuleba left.",
        # a military rank alongside an office
        "President Pervez Musharraf spoke. General Musharraf left.",
        # what somebody said is theirs
        'Secretary of State Hillary Clinton spoke. "Thank you, President Clinton," he said.',
        # a description, not a title
        "He asked how good a prime minister Gordon Brown would make. Chancellor Gordon Brown smiled.",
    ],
)
def test_silent(text):
    assert lint(text) == []


def test_clean_bbc_article_is_silent_and_a_planted_title_is_found():
    text = (FIXTURES / "titles" / "bbc_politics_209.txt").read_text(encoding="utf-8")
    assert lint(text) == []
    planted = text + "Prime Minister Straw later left.\n"
    assert spots(warnings(planted)) == [(5, 1, "Prime Minister Straw")]
    assert "'foreign minister' on line 3" in warnings(planted)[0].message


# -- two spellings, garbled titles ------------------------------------------------------


def test_surname_spelled_two_ways_with_one_given_name():
    problems = lint("President Volodymyr Zelensky spoke.\nVolodymyr Zelenskyy later left.")
    assert spots(problems) == [(2, 11, "Zelenskyy")]
    assert problems[0].level == "suggestion"
    assert problems[0].message == "'Zelenskyy' is spelled 'Zelensky' on line 1; pick one spelling."


def test_surname_spelled_two_ways_with_one_title():
    assert spots(lint("President Zelensky spoke. Ukrainian President Zelenskyy left.")) == [(1, 47, "Zelenskyy")]


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State John Kerry met Governor Rick Perry.",  # two people, two given names
        "Senator Jon Tester met Senator Jon Testers.",  # a plural ending, not a spelling
        "President Zelensky spoke. Olena Zelenska left.",  # another person: no title, another name
    ],
)
def test_no_spelling_note(text):
    assert lint(text) == []


def test_garbled_title_alone_is_a_suggestion():
    problems = lint("Ukrainian International Minister Dmytro Kuleba spoke.")
    assert spots(problems) == [(1, 11, "International Minister")]
    assert problems[0].level == "suggestion"
    assert problems[0].message == "'International Minister' is no title; did you mean 'Foreign Minister'?"


# -- the house list ------------------------------------------------------------------


def test_house_list_catches_a_consistently_wrong_title():
    text = "Prime Minister Dmytro Kuleba spoke.\nPrime Minister Kuleba left."
    problems = warnings(text, people={"Dmytro Kuleba": "Foreign Minister"})
    assert spots(problems) == [(1, 1, "Prime Minister Dmytro Kuleba"), (2, 1, "Prime Minister Kuleba")]
    assert problems[0].message == "Dmytro Kuleba is 'Foreign Minister' on the house list, not 'Prime Minister'."


def test_house_list_accepts_compatible_and_changed_titles():
    text = "Ukrainian Foreign Minister Dmytro Kuleba spoke. Former Prime Minister Kuleba left. Minister Kuleba sat."
    assert lint(text, people={"Dmytro Kuleba": "Foreign Minister"}) == []


def test_house_list_from_the_config(tmp_path):
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "titles.yml").write_text(yaml.safe_dump(RULE), encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text(
        f"packs: [{pack.as_posix()}]\npeople:\n  Dmytro Kuleba: Foreign Minister\n", encoding="utf-8"
    )
    result = Linter(cwd=tmp_path).lint_text("Prime Minister Dmytro Kuleba spoke.\n", "a.txt")
    assert [(p.rule, p.line, p.column, p.match) for p in result.problems] == [
        ("house.titles", 1, 1, "Prime Minister Dmytro Kuleba")
    ]


# -- options ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "key"),
    [
        ({"messages": {"nonsense": "x"}}, "messages"),
        ({"garbles": {"outer minister": "grand vizier"}}, "garbles"),
        ({"compatible": [["grand vizier", "senator"]]}, "compatible"),
        ({"people": {"Kuleba": "Foreign Minister"}}, "people"),
    ],
)
def test_bad_options_name_the_key(options, key):
    with pytest.raises(NewslintError, match=key):
        lint("x", **options)


def test_messages_can_be_rewritten():
    [problem] = warnings("Sen. Elizabeth Warren spoke. Gov. Warren left.", messages={"conflict": "{name}: {title}?"})
    assert problem.message == "Elizabeth Warren: Gov.?"
