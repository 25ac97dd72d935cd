"""The Document model: front matter, headline, blocks, prose view, segmentation."""

from __future__ import annotations

import pytest

from newslint.errors import ReadError
from tests.conftest import make_doc

MARKDOWN = """\
---
title: Council Votes on Budget
author: 'Jane Roe'
tags: [city, money]
---
# The H1 Below the Front Matter

First paragraph with **bold**, _emphasis_, [a link](https://example.org "t") and `code`.

- item one
- item two

> A quoted paragraph.

```python
fenced = "code"
```

    indented code

<div>an html block</div>

| a | b |
|---|---|
| 1 | 2 |

Setext Heading
--------------

## Closed ATX ##

Last paragraph.
"""


def blocks_of(doc):
    return [(b.kind, b.container, b.level, doc.text[b.start : b.end]) for b in doc.blocks]


def test_front_matter_is_data_with_its_line_range():
    doc = make_doc(MARKDOWN, "markdown", "a.md")
    assert doc.frontmatter == {"title": "Council Votes on Budget", "author": "Jane Roe", "tags": ["city", "money"]}
    assert doc.frontmatter_lines == (1, 5)
    # Value spans point at the value itself, without YAML quotes.
    assert {k: doc.text[s:e] for k, (s, e) in doc.frontmatter_spans.items()} == {
        "title": "Council Votes on Budget",
        "author": "Jane Roe",
    }


def test_front_matter_title_is_the_headline():
    doc = make_doc(MARKDOWN, "markdown", "a.md")
    assert doc.headline == "Council Votes on Budget"
    assert doc.text[slice(*doc.headline_span)] == "Council Votes on Budget"
    assert doc.position(doc.headline_span[0]) == (2, 8)
    # The title stays readable in the prose view so headline rules can match it;
    # the rest of the front matter is blanked.
    assert doc.prose[slice(*doc.headline_span)] == "Council Votes on Budget"
    assert "author" not in doc.prose and "tags" not in doc.prose


def test_markdown_h1_is_the_headline_without_front_matter():
    doc = make_doc("# Mayor Resigns #\n\nThe mayor resigned on Monday.\n", "markdown", "a.md")
    assert doc.headline == "Mayor Resigns"
    assert doc.text[slice(*doc.headline_span)] == "Mayor Resigns"
    assert [doc.text[b.start : b.end] for b in doc.body_blocks] == ["The mayor resigned on Monday."]


def test_plain_text_has_no_headline_unless_front_matter_gives_one():
    assert make_doc("One line.\nTwo line.\n").headline is None
    doc = make_doc("---\ntitle: Plain Title\n---\nBody line.\n")
    assert doc.headline == "Plain Title"
    assert [doc.text[b.start : b.end] for b in doc.paragraphs] == ["Body line."]


def test_markdown_blocks_have_kind_container_and_absolute_offsets():
    doc = make_doc(MARKDOWN, "markdown", "a.md")
    assert blocks_of(doc) == [
        ("heading", "", 1, "The H1 Below the Front Matter"),
        (
            "paragraph",
            "",
            0,
            'First paragraph with **bold**, _emphasis_, [a link](https://example.org "t") and `code`.',
        ),
        ("paragraph", "list", 0, "item one"),
        ("paragraph", "list", 0, "item two"),
        ("paragraph", "blockquote", 0, "A quoted paragraph."),
        ("code", "", 0, '```python\nfenced = "code"\n```'),
        ("code", "", 0, "    indented code"),
        ("html", "", 0, "<div>an html block</div>"),
        ("table", "", 0, "| a | b |\n|---|---|\n| 1 | 2 |"),
        ("heading", "", 2, "Setext Heading"),
        ("heading", "", 2, "Closed ATX"),
        ("paragraph", "", 0, "Last paragraph."),
    ]
    # Front matter title wins; the H1 is then an ordinary body heading.
    assert doc.body_blocks[0].kind == "heading" and doc.body_blocks[0].level == 1


def test_body_blocks_are_prose_only():
    doc = make_doc(MARKDOWN, "markdown", "a.md")
    assert {b.kind for b in doc.body_blocks} == {"paragraph", "heading"}
    assert [doc.text[b.start : b.end] for b in doc.paragraphs][-1] == "Last paragraph."


def test_prose_has_the_same_length_and_line_breaks_as_text():
    doc = make_doc(MARKDOWN, "markdown", "a.md")
    assert len(doc.prose) == len(doc.text)
    assert [i for i, c in enumerate(doc.prose) if c == "\n"] == [i for i, c in enumerate(doc.text) if c == "\n"]


@pytest.mark.parametrize(
    ("markdown", "prose"),
    [
        ("A **bold** word.", "A   bold   word."),
        ("An _emphasised_ word.", "An  emphasised  word."),
        ("See [the report](https://x.org/a_b) now.", "See  the report" + " " * 21 + "now."),
        ("An ![image alt](pic.png) here.", "An   image alt" + " " * 11 + "here."),
        ("Some `inline code` here.", "Some               here."),
        ("Some <b>tag</b> here.", "Some    tag     here."),
        ("A\\*star.", "A *star."),
        ("snake_case_name stays.", "snake_case_name stays."),
    ],
)
def test_inline_markup_is_blanked_in_prose(markdown, prose):
    doc = make_doc(markdown, "markdown", "a.md")
    assert doc.prose == prose
    assert len(doc.prose) == len(doc.text)


def test_code_html_tables_and_comments_are_blank_in_prose():
    doc = make_doc(MARKDOWN + "\n<!-- a comment -->\n", "markdown", "a.md")
    for kind in ("code", "html", "table"):
        for block in (b for b in doc.blocks if b.kind == kind):
            assert doc.prose[block.start : block.end].strip() == ""
    assert "comment" not in doc.prose
    plain = make_doc("Before <!-- hidden --> after.\n")
    assert plain.prose == "Before                 after.\n"


def test_plain_text_one_paragraph_per_line():
    long_line = "A scraped paragraph that runs on past eighty characters, as news pages do, to the end."
    text = f"{long_line}\nSecond one.\n\n{long_line}\n"
    doc = make_doc(text)
    assert [(doc.text[b.start : b.end], b.kind) for b in doc.blocks] == [
        (long_line, "paragraph"),
        ("Second one.", "paragraph"),
        (long_line, "paragraph"),
    ]
    assert doc.position(doc.blocks[2].start) == (4, 1)


def test_plain_text_hard_wrapped_paragraphs_join_lines():
    text = "A wrapped first\nparagraph of text.\n\nThe second\nparagraph.\n\nThe third.\n"
    doc = make_doc(text)
    assert [doc.text[b.start : b.end] for b in doc.paragraphs] == [
        "A wrapped first\nparagraph of text.",
        "The second\nparagraph.",
        "The third.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("The U.S. economy grew. Prices rose.", ["The U.S. economy grew.", "Prices rose."]),
        ("John F. Kennedy spoke. Then he left.", ["John F. Kennedy spoke.", "Then he left."]),
        ('"Are you sure?" she asked. "Yes!" he said.', ['"Are you sure?" she asked.', '"Yes!" he said.']),
        ("“We won.” The crowd cheered.", ["“We won.”", "The crowd cheered."]),
        ("Really?! Yes. Wow… Then more.", ["Really?!", "Yes.", "Wow…", "Then more."]),
        ("It cost $5.50 today. Next 3.5% more.", ["It cost $5.50 today.", "Next 3.5% more."]),
        ("He is No. 5 in line. No. He is not.", ["He is No. 5 in line.", "No.", "He is not."]),
        ("He said no. Then left.", ["He said no.", "Then left."]),
        ("At 5 p.m. Monday he left. Then.", ["At 5 p.m. Monday he left.", "Then."]),
        ("Ends without a period", ["Ends without a period"]),
        # Known limit: an abbreviation that ends a sentence does not split it.
        ("He lives in the U.S. Prices rose.", ["He lives in the U.S. Prices rose."]),
    ],
)
def test_sentences(text, expected):
    doc = make_doc(text)
    assert [doc.text[s:e] for s, e in doc.sentences] == expected


def test_sentences_stay_inside_blocks_and_skip_markup():
    doc = make_doc("# Head line\n\nOne **two**. Three.\n\n- Four. Five\n", "markdown", "a.md")
    assert [doc.text[s:e] for s, e in doc.sentences] == ["One **two**.", "Three.", "Four.", "Five"]
    assert [doc.text[s:e] for s, e in doc.block_sentences(doc.paragraphs[1])] == ["Four.", "Five"]


def test_words():
    doc = make_doc("It's the U.S. state-of-the-art co-op, e.g. fine. 3.5 ok Zoë’s")
    assert [doc.text[s:e] for s, e in doc.words] == [
        "It's",
        "the",
        "U.S.",
        "state-of-the-art",
        "co-op",
        "e.g",
        "fine",
        "3.5",
        "ok",
        "Zoë’s",
    ]


def test_quotations_curly_straight_and_open_to_paragraph_end():
    doc = make_doc('He said "we will win" and «non».\n“Open to the end, she said.\nNext “a” b "c\n')
    assert [doc.text[s:e] for s, e in doc.quotations] == [
        '"we will win"',
        "«non»",
        "“Open to the end, she said.",
        "“a”",
        '"c',
    ]
    start = doc.text.index("will")
    assert doc.in_quotation(start, start + 4)
    assert not doc.in_quotation(0, 2)
    # A span crossing the closing mark is not inside the quotation.
    assert doc.in_quotation(start, doc.text.index(" and"))
    assert not doc.in_quotation(start, doc.text.index(" and") + 1)


def test_segmentation_is_computed_once_and_shared():
    doc = make_doc("One. Two.")
    assert doc.sentences is doc.sentences
    assert doc.words is doc.words
    assert doc.quotations is doc.quotations
    assert doc.spans("sentence") is doc.spans("sentence")


def test_line_span_excludes_line_breaks():
    doc = make_doc("ab\r\ncd\nef")
    assert [doc.text[slice(*doc.line_span(n))] for n in (1, 2, 3)] == ["ab", "cd", "ef"]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("", "empty file", 1),
        ("  \n\t\n", "empty file", 1),
        ("---\ntitle: x\nBody\n", "front matter opened on line 1 is never closed with '---'", 1),
        ("---\ntitle: a: b\n---\nBody\n", "broken front matter: mapping values are not allowed here", 2),
        ("---\ntitle: x\n  bad: indent\n---\nBody\n", "broken front matter: mapping values are not allowed here", 3),
        ("---\n- a list\n---\nBody\n", "front matter is not a mapping of fields", 2),
    ],
)
def test_unreadable_documents(text, message, line):
    with pytest.raises(ReadError) as caught:
        make_doc(text, "markdown", "a.md")
    assert (str(caught.value), caught.value.line) == (message, line)


def test_front_matter_variants():
    empty = make_doc("---\n---\nBody\n", "markdown", "a.md")
    assert (empty.frontmatter, empty.frontmatter_lines) == ({}, (1, 2))
    dots = make_doc("---\ntitle: x\n...\nBody\n")
    assert (dots.frontmatter, dots.frontmatter_lines) == ({"title": "x"}, (1, 3))
    # A thematic break later in the text is not front matter.
    late = make_doc("Intro\n---\nmore\n", "markdown", "a.md")
    assert late.frontmatter_lines is None


def test_nested_containers_and_continuation_lines():
    text = "> quote line one\ncontinued lazily\n\n1. first\n   more\n2. second\n\n- outer\n  > inner quote\n"
    doc = make_doc(text, "markdown", "a.md")
    assert blocks_of(doc) == [
        ("paragraph", "blockquote", 0, "quote line one\ncontinued lazily"),
        ("paragraph", "list", 0, "first\n   more"),
        ("paragraph", "list", 0, "second"),
        ("paragraph", "list", 0, "outer"),
        ("paragraph", "blockquote", 0, "inner quote"),
    ]
    assert (
        doc.prose == "  quote line one\ncontinued lazily\n\n   first\n   more\n   second\n\n  outer\n    inner quote\n"
    )


def test_setext_h1_is_the_headline():
    doc = make_doc("Big Title\n=========\n\nBody text.\n", "markdown", "a.md")
    assert (doc.headline, doc.headline_span) == ("Big Title", (0, 9))
    assert doc.prose == "Big Title\n         \n\nBody text.\n"


def test_segmenting_all_blocks_at_once_matches_block_by_block():
    from newslint.text import segment

    text = 'Mr.\nSmith left. "Why?" she asked.\nJ. Doe won "big\nthe U.S. etc.\n\n“Open. Then No. 5 won.\nend e.g. Fine'
    starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    blocks = [(s, s + len(line)) for s, line in zip(starts, text.split("\n"), strict=True) if line]
    blocks[-1:] = [(blocks[-1][0], blocks[-1][0] + 4), (blocks[-1][0] + 4, blocks[-1][1])]  # blocks that touch
    for whole, one in [
        (segment.sentences_in, segment.sentences),
        (segment.words_in, segment.words),
        (segment.quotations_in, segment.quotations),
    ]:
        expected = [span for start, end in blocks for span in one(text, start, end)]
        assert whole(text, blocks) == expected
    assert [text[s:e] for s, e in segment.sentences_in(text, blocks)] == [
        "Mr.",
        "Smith left.",
        '"Why?" she asked.',
        'J. Doe won "big',
        "the U.S. etc.",
        "“Open.",
        "Then No. 5 won.",
        "end",
        "e.g. Fine",
    ]
    assert [text[s:e] for s, e in segment.quotations_in(text, blocks)] == ['"Why?"', '"big', "“Open. Then No. 5 won."]
