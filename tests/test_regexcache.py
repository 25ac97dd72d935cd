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


def kept_file(folder, entries, version=None):
    path = folder / "__pycache__" / "regex.marshal"
    path.parent.mkdir(exist_ok=True)
    stamp = list(regexcache._stamp())
    if version:
        stamp[0] = version
    path.write_bytes(marshal.dumps((*stamp, entries)))


def test_code_of_another_python_build_is_ignored(fresh):
    bogus = {("abc", 0): (0, [1, 2, 3], 0, {}, (None,))}  # code no _sre could run
    kept_file(fresh, bogus, version="3.11.0 (another build)")
    assert regexcache.compile("abc").findall("xabcx") == ["abc"]


def test_a_damaged_entry_is_compiled_anew(fresh):
    kept_file(fresh, {("abc", 0): (0, [], 0, {}, ())})
    assert regexcache.compile("abc").findall("xabcx") == ["abc"]


def test_a_new_pattern_is_parsed_once(fresh, monkeypatch):
    calls = []
    parse = regexcache._parser.parse
    monkeypatch.setattr(regexcache._parser, "parse", lambda *args: calls.append(args) or parse(*args))
    regexcache.compile(r"(?P<year>\d{4})-\d\d")
    assert len(calls) == 1  # not once for re.compile and again for the kept code


def test_an_unwritable_folder_only_costs_speed(fresh, monkeypatch):
    monkeypatch.setattr(regexcache, "CACHE_FILE", str(fresh / "missing" / "\0" / "regex.marshal"))
    regexcache.compile("abc")
    regexcache.save()  # no error
