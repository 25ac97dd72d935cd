"""Compiled regexes kept between runs: the same Patterns as re.compile, from the kept code."""

import marshal
import re

import pytest

from newslint import regexcache

PATTERNS = [
    (r"\bclick here\b", re.IGNORECASE),
    (r"(?P<title>Prime|Foreign) Minister (?P<name>[A-Z]\w+)", 0),
    (r"(?m:^)(?:[\w.’'-]+,? ){2,4}is an? (?:\w+ ){0,5}?writer", re.IGNORECASE),
    (r"(\w+)\s+\1", 0),
    (
        r"""
        \d+     # digits
        (?:\.\d+)?
     """,
        re.VERBOSE,
    ),
    (rb" (?:prime minister|foreign minister)(?!\w)", 0),
    (r"[^\W\d_]+(?:['’][^\W\d_]+)*", 0),
    (r"ﬁ|Straße|İstanbul", re.IGNORECASE),
]
TEXT = "Click here. Prime Minister Kuleba said the the writer, Zach Cartwright, is a writer 3.14 ﬁ STRASSE istanbul"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache in a folder of its own."""
    monkeypatch.setattr(regexcache, "CACHE_FILE", str(tmp_path / "__pycache__" / "regex.marshal"))
    monkeypatch.setattr(regexcache, "_entries", None)
    monkeypatch.setattr(regexcache, "_used", set())
    monkeypatch.setattr(regexcache, "_added", False)
    return tmp_path


def behaviour(pattern: re.Pattern, text):
    found = [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]
    return pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex), found


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_kept_code_gives_the_pattern_re_compile_gives(fresh, monkeypatch, source, flags):
    text = TEXT.encode("utf-8") if isinstance(source, bytes) else TEXT
    expected = behaviour(re.compile(source, flags), text)
    assert behaviour(regexcache.compile(source, flags), text) == expected  # compiled, then kept
    regexcache.save()
    monkeypatch.setattr(regexcache, "_entries", None)  # a later run: read back from the file

    def no_parsing(*args):
        raise AssertionError("a kept pattern is not parsed again")

    monkeypatch.setattr(regexcache._parser, "parse", no_parsing)
    assert behaviour(regexcache.compile(source, flags), text) == expected


def test_a_broken_pattern_raises_re_compiles_error(fresh):
    with pytest.raises(re.error, match="missing \\)"):
        regexcache.compile(r"(unclosed")
    with pytest.raises(TypeError):
        regexcache.compile(42)


def test_code_of_another_sre_version_is_ignored(fresh, monkeypatch):
    path = fresh / "__pycache__" / "regex.marshal"
    path.parent.mkdir()
    bogus = {("abc", 0): (0, [1, 2, 3], 0, {}, (None,))}  # code no _sre could run
    path.write_bytes(marshal.dumps((regexcache._sre.MAGIC - 1, regexcache._sre.CODESIZE, bogus)))
    assert regexcache.compile("abc").findall("xabcx") == ["abc"]


def test_a_damaged_entry_is_compiled_anew(fresh):
    path = fresh / "__pycache__" / "regex.marshal"
    path.parent.mkdir()
    damaged = {("abc", 0): (0, [], 0, {}, ())}
    path.write_bytes(marshal.dumps((regexcache._sre.MAGIC, regexcache._sre.CODESIZE, damaged)))
    assert regexcache.compile("abc").findall("xabcx") == ["abc"]


def test_an_unwritable_folder_only_costs_speed(fresh, monkeypatch):
    monkeypatch.setattr(regexcache, "CACHE_FILE", str(fresh / "missing" / "\0" / "regex.marshal"))
    regexcache.compile("abc")
    regexcache.save()  # no error
