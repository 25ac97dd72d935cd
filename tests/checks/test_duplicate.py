import re
import unicodedata

import pytest
import yaml

from newslint.checks.duplicate import normalise
from newslint.errors import NewslintError
from tests.conftest import ROOT, lint_snippet, spots

PARAGRAPH = yaml.safe_load((ROOT / "rules" / "duplicate-paragraph.yml").read_text(encoding="utf-8"))
SENTENCE = yaml.safe_load((ROOT / "rules" / "duplicate-sentence.yml").read_text(encoding="utf-8"))
for spec in (PARAGRAPH, SENTENCE):
    spec.pop("examples")

LEAD = "Officials said the bridge would reopen on Monday after repairs to its deck."
OTHER = "Traffic was diverted through the town centre overnight."


def test_exact_copies_flagged_at_the_later_copies():
    text = f"{LEAD}\n{OTHER}\n{LEAD}\nMore text follows here today.\n{LEAD}"
    problems = lint_snippet(PARAGRAPH, text)
    assert spots(problems) == [(3, 1, LEAD), (5, 1, LEAD)]
    assert {p.message for p in problems} == {"This paragraph repeats the one on line 1 (verbatim)."}
    assert {(p.level, p.category) for p in problems} == {("warning", "duplicate")}


def test_case_punctuation_quotes_and_spacing_are_ignored():
    first = "He said “the bridge is safe” and left on Monday."
    copy = 'he  said "The bridge is safe," and left on Monday'
    assert spots(lint_snippet(PARAGRAPH, f"{first}\n{copy}")) == [(2, 1, copy)]
    header = "PROPERTY OF THE U.S. HOUSE OF REPRESENTATIVES"
    variant = "Property of the US. House of Representatives"
    assert spots(lint_snippet(PARAGRAPH, f"{header}\n{OTHER}\n{variant}")) == [(3, 1, variant)]


def test_near_copy_names_its_likeness():
    first = "Protesters celebrate at the roundabout after the military pulled out of the city on Saturday afternoon."
    near = (
        "Protesters celebrate at the roundabout soon after the military pulled out of the city on Saturday afternoon."
    )
    problems = lint_snippet(PARAGRAPH, f"{first}\n{OTHER}\n{near}")
    assert spots(problems) == [(3, 1, near)]
    assert problems[0].message == "This paragraph repeats the one on line 1 (96% alike)."


def test_different_paragraphs_sharing_words_are_not_copies():
    first = "Officials said the bridge would reopen on Monday after repairs to its deck."
    other = "Officials said the tunnel would stay closed until the summer after repairs to its roof."
    assert lint_snippet(PARAGRAPH, f"{first}\n{other}") == []


def test_similarity_one_means_exact_only():
    first = "Protesters celebrate at the roundabout after the military pulled out on Saturday."
    near = "Protesters celebrate at the roundabout soon after the military pulled out on Saturday."
    assert lint_snippet({**PARAGRAPH, "similarity": 1}, f"{first}\n{near}") == []


def test_short_lines_are_left_alone():
    text = f"Advertisement\n{LEAD}\n___\nAdvertisement\n___\nBy Jane Doe\n{OTHER}\nBy Jane Doe"
    assert lint_snippet(PARAGRAPH, text) == []


def test_markdown_positions_and_headings():
    text = f"# Bridge\n\n## Update\n\n{LEAD}\n\n## Update\n\n> {LEAD}\n"
    assert spots(lint_snippet(PARAGRAPH, text, fmt="markdown")) == [(9, 3, LEAD)]


def test_sentence_repeated_inside_a_paragraph():
    sentence = "Researchers say the new vaccine cut infections by half in the trial."
    text = f"{OTHER}\nIntro words here. {sentence} Then more. {sentence} And the end."
    problems = lint_snippet(SENTENCE, text)
    column = text.splitlines()[1].rindex(sentence) + 1
    assert spots(problems) == [(2, column, sentence)]
    assert problems[0].message == "This sentence repeats the one at line 2, column 19 (verbatim)."


def test_sentence_rule_leaves_repeated_paragraphs_to_the_paragraph_rule():
    sentence = "Researchers say the new vaccine cut infections by half in the trial."
    paragraph = f"{sentence} Then more. {sentence}"
    assert len(lint_snippet(PARAGRAPH, f"{paragraph}\n{paragraph}")) == 1
    assert spots(lint_snippet(SENTENCE, f"{paragraph}\n{paragraph}")) == [(1, len(sentence) + 13, sentence)]


def test_sentences_across_paragraphs_only_when_asked():
    sentence = "Researchers say the new vaccine cut infections by half in the trial."
    text = f"{sentence} Doctors agreed.\n{OTHER} {sentence}"
    assert lint_snippet(SENTENCE, text) == []
    problems = lint_snippet({**SENTENCE, "within": "document"}, text)
    assert spots(problems) == [(2, len(OTHER) + 2, sentence)]
    assert problems[0].message == "This sentence repeats the one at line 1, column 1 (verbatim)."


def test_long_documents_stay_fast():
    import time

    paragraphs = [f"Paragraph {i} says that item {i * 7} cost {i * 13} dollars in town {i % 17}." for i in range(3000)]
    started = time.perf_counter()
    assert lint_snippet(PARAGRAPH, "\n".join(paragraphs)) == []
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    "text",
    [
        "U.S. Rep. O'Neill's plan cost $1.5bn, e.g. SNAKE_case x_1 (A.B.C.) end.",
        "O’Neill’s “plan”—e.g. the U.S. one—cost 1.5m.",
        "ﬁnal ＡＢＣ İstanbul Σ. a..b",
        "...and... end.",
    ],
)
def test_fast_word_path_matches_the_regex(text):
    # The ASCII fast path must find the very words the regex finds.
    plain = unicodedata.normalize("NFKC", text)
    assert normalise(text) == re.findall(r"[^\W_]+", re.sub(r"\.(?=[^\W_])", "", plain.lower()))


def test_near_copies_found_among_many_paragraphs_of_all_lengths():
    # More than a few paragraphs: candidates are narrowed by length first.
    fillers = [" ".join(["word"] * n) + f" number {n}." for n in range(6, 40, 3)]
    first = "He said “the bridge is safe” and left the town hall on Monday evening after the vote."
    near = 'He said "the bridge is safe" and then left the town hall on Monday evening after the vote.'
    lines = [fillers[0], first, *fillers[1:], near]
    problems = lint_snippet(PARAGRAPH, "\n".join(lines))
    assert spots(problems) == [(len(lines), 1, near)]
    assert problems[0].message == "This paragraph repeats the one on line 2 (97% alike)."


def test_near_copy_sentence_inside_a_paragraph():
    first = "Researchers say the new vaccine cut infections by half in the large trial."
    near = "Researchers say the new vaccine cut infections by a half in the large trial."
    problems = lint_snippet(SENTENCE, f"{first} Then more words came. {near}")
    assert spots(problems) == [(1, len(first) + 24, near)]
    assert problems[0].message.endswith("(96% alike).")


@pytest.mark.parametrize(
    ("option", "value"),
    [("unit", "word"), ("within", "page"), ("similarity", 0), ("min-words", 0)],
)
def test_bad_options_name_the_key(option, value):
    with pytest.raises(NewslintError, match=option):
        lint_snippet({**PARAGRAPH, option: value}, "x")


def test_seeds_have_no_duplicates():
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        assert lint_snippet(PARAGRAPH, text) == [] and lint_snippet(SENTENCE, text) == [], seed.name
