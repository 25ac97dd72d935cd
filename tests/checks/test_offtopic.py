"""offtopic: prose about another subject, appended to or inserted in an article."""

import os
from pathlib import Path

import pytest

from newslint.errors import NewslintError
from newslint.yamlfile import load
from tests.conftest import FIXTURES, ROOT, SEEDS, lint_snippet, make_doc, make_rule, spots

RULE = load((ROOT / "rules" / "offtopic.yml").read_text(encoding="utf-8"), "offtopic.yml").data
SPEC = {key: value for key, value in RULE.items() if key not in ("examples", "description")}
HERE = FIXTURES / "offtopic"
SEED_004 = (SEEDS / "004_cbe17ebb26198a41.txt").read_text(encoding="utf-8")


def lint(text: str, fmt: str = "text", **options):
    return lint_snippet({**SPEC, **options}, text, fmt)


def lint_fixture(name: str, **options):
    return lint((HERE / name).read_text(encoding="utf-8"), "markdown", **options)


def spans(problems):
    return [(p.line, p.column, p.end_line, p.level) for p in problems]


def test_seed_bio_is_one_error():
    problems = lint(SEED_004)
    assert spans(problems) == [(22, 1, 22, "error")]
    problem = problems[0]
    assert problem.category == "offtopic"
    assert problem.match.startswith("Hey! My name is Sarah")
    assert problem.message == (
        "Appended paragraph shares no names or topic words with the article and reads as a personal note "
        "('My name is'); introduces 'Sarah', 'TriPod Media', 'Word Affinity'."
    )


def test_nothing_else_in_the_seeds():
    assert lint((SEEDS / "000_36139f453626bebe.txt").read_text(encoding="utf-8")) == []


def test_appended_second_story_spans_its_paragraphs():
    problems = lint_fixture("appended_story.md")
    assert spans(problems) == [(11, 1, 13, "error")]
    assert problems[0].message == (
        "Appended block of 2 paragraphs shares no names or topic words with the article; "
        "introduces 'Roddick', 'Cyril Saulnier', 'SAP Open'."
    )


def test_three_paragraph_block_from_first_to_last_line():
    problems = lint_fixture("appended_three.md")
    assert spans(problems) == [(9, 1, 13, "error")]
    lines = (HERE / "appended_three.md").read_text(encoding="utf-8").split("\n")
    assert problems[0].match == "\n".join(lines[8:13])  # three paragraphs and the blank lines between
    assert problems[0].match.startswith("Efforts are being made")


def test_inserted_paragraph_is_a_warning():
    problems = lint_fixture("inserted_paragraph.md")
    assert spans(problems) == [(7, 1, 7, "warning")]
    assert "Inserted paragraph" in problems[0].message
    assert "'Silicon Graphics'" in problems[0].message
    assert spans(lint_fixture("inserted_paragraph.md", inserted_level="suggestion")) == [(7, 1, 7, "suggestion")]


@pytest.mark.parametrize("name", ["clean_quotes.md", "clean_sport.md"])
def test_clean_articles_pass(name):
    """Quotation paragraphs, new people of the same story, a related round-up."""
    assert lint_fixture(name) == []


def test_seed_background_and_new_people_pass():
    """Seed 004 without its bio: background (line 13), new people (line 15), quotes (line 17)."""
    article = "\n".join(SEED_004.split("\n")[:20])
    assert lint(article) == []


def test_headline_words_count_most():
    text = (HERE / "inserted_paragraph.md").read_text(encoding="utf-8")
    headline = "# Safety alert as GM recalls cars"
    assert text.startswith(headline)
    # The same inserted paragraph is on topic once the headline names its subject.
    retitled = text.replace(headline, "# Safety alert as GM recalls cars, Silicon Graphics unveils supercomputer", 1)
    assert lint(retitled, "markdown") == []
    assert len(lint(text, "markdown")) == 1


def test_short_articles_are_not_judged():
    lines = SEED_004.split("\n")
    brief = "\n".join(lines[:2] + [lines[21]])  # two paragraphs and the bio
    assert lint(brief) == []
    assert spots(lint(brief, min_paragraphs=3, min_context_words=20)) == [(3, 1, lines[21])]


def test_very_short_blocks_pass():
    lines = SEED_004.split("\n")
    text = "\n".join(lines[:20] + ["Weather: sunny spells, highs of 18C in the capital on Friday."])
    assert lint(text) == []


def test_first_person_inside_a_quotation_is_no_register_cue():
    lines = SEED_004.split("\n")
    quoted = "“My name is Olena and I am a teacher here. I founded a shelter in the cellar,” she told reporters."
    text = "\n".join(lines[:20] + [quoted])
    problems = lint(text)
    assert all("personal note" not in p.message for p in problems)


def test_bad_cue_pattern_names_the_key():
    with pytest.raises(NewslintError, match="register_cues"):
        lint(SEED_004, register_cues=["(unclosed"])


def test_fixture_readme_names_every_fixture():
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    for path in Path(HERE).glob("*.md"):
        if path.name != "README.md":
            assert f"`{path.name}`" in readme


def test_long_appended_second_story_is_one_block():
    """Five paragraphs of another story after a seven-paragraph report: one error over all five."""
    problems = lint_fixture("appended_long_story.md")
    assert spans(problems) == [(17, 1, 25, "error")]
    assert problems[0].match.startswith("British Airways has blamed high fuel prices")
    assert problems[0].message == (
        "Appended block of 5 paragraphs shares no names or topic words with the article; "
        "introduces 'Airways', 'Eddington', 'Mike Powell'."
    )


def test_gallery_inserted_mid_article_is_a_warning():
    problems = lint_fixture("inserted_gallery.md")
    assert spans(problems) == [(7, 1, 11, "warning")]
    assert problems[0].match.startswith("2/18 On Senator McCain")
    assert "Inserted block of 3 paragraphs shares no names or topic words" in problems[0].message


def test_a_long_run_must_hang_together():
    """Past ``max_appended_run``, a run is judged whole only when its paragraphs share its own names."""
    assert spans(lint_fixture("appended_long_story.md", max_unit_run=0)) == []
    assert spans(lint_fixture("appended_long_story.md", min_unit_share=0.9)) == [(19, 1, 25, "error")]
    assert spans(lint_fixture("appended_long_story.md", max_run_share=0.3)) == []


def test_sharing_a_rare_lede_word_keeps_a_run_on_topic():
    text = (HERE / "inserted_gallery.md").read_text(encoding="utf-8")
    # The same slides are on topic once the lede names their subject.
    lede = "Police are investigating a British National Party leaflet"
    assert lede in text
    assert lint(text.replace(lede, lede + " quoting Senator McCain", 1), "markdown") == []


def test_a_full_stem_cache_starts_afresh_between_documents(monkeypatch):
    from newslint.text import cohesion

    monkeypatch.setattr(cohesion, "_CACHE_LIMIT", 10)  # forget after every document
    rule, check = make_rule(SPEC, "offtopic")
    for _ in range(2):
        doc = make_doc(SEED_004)
        found = [(doc.position(p.start)[0], p.level) for p in check.run(doc)]
        assert found == [(22, "error")]
    assert len(check.scorer._stem) < 400  # one document's tokens, not two


def test_same_problems_whatever_the_string_hash_seed(tmp_path):
    # Scores are sums over sets of stems; with a plain sum their last bits
    # followed set order, which follows the per-process string hash seed, and
    # two runs that score exactly alike swapped places from one run to the next.
    import subprocess
    import sys

    (tmp_path / ".newslint.yaml").write_text("rules:\n  junk-boilerplate: off\n", encoding="utf-8")
    (tmp_path / "page.txt").write_bytes((HERE / "tied_runs.txt").read_bytes())
    outputs = set()
    for seed in range(6):
        result = subprocess.run(
            [sys.executable, "-m", "newslint", "check", "page.txt", "--no-cache", "-f", "concise"],
            cwd=tmp_path,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=False,
        )
        assert "offtopic" in result.stdout, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1
