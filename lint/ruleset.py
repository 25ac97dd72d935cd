"""Load YAML rule files strictly and compile each into a Check, once.

A pack is a folder of rule files. The built-in pack ``default`` ships as the
package data ``newslint.rules`` (ids are file stems); a user's folder is a
pack named after the folder (ids are ``pack.stem``, as in Vale).

Parsing the built-in pack's YAML costs a one-file run more than linting the
file, so the parsed files are kept, like bytecode, in the package's
``__pycache__`` folder: one marshal file keyed by the rule texts, the YAML
reader's source and the version, rewritten when they change, skipped where
the folder is read-only.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint import __version__, checks
from newslint.cache import fingerprint
from newslint.checks.base import SCOPES, Check, Option, OptionError, Rule
from newslint.errors import NewslintError
from newslint.problem import LEVELS
from newslint.readers import read_all, write_replacing

if TYPE_CHECKING:
    from newslint.yamlfile import YamlData

BUILTIN_PACK = "default"
RULE_SUFFIXES = (".yml", ".yaml")

COMMON_KEYS: dict[str, Option] = {
    "extends": Option("str", required=True, help="the rule type"),
    "message": Option("str", help="shown for each problem; %s or {match} is the matched text"),
    "level": Option("str", "warning", help="suggestion | warning | error"),
    "scope": Option("str|list[str]", "text", help="where the rule looks"),
    "link": Option("str", ""),
    "description": Option("str", ""),
    "category": Option("str", "style"),
    "quotes": Option("str", "any", help="skip | only | any: direct quotations"),
    "limit": Option("int", 0, help="at most this many problems per document"),
    "action": Option("map", help="a fix: {name: replace|remove, params: [...]}"),
    "examples": Option("map", help="{bad: [...], good: [...]}"),
}
QUOTE_MODES = ("any", "skip", "only")
# Vale scopes that have a newslint equivalent, so that Vale styles load as packs.
VALE_SCOPES = {"raw": "text", "summary": "body", **{f"heading.h{n}": "heading" for n in range(1, 7)}}


@dataclass
class LoadedRule:
    rule: Rule
    check: Check
    data: YamlData  # the rule file, kept so that config options can rebuild it


class RuleSet:
    """Every rule of the packs in use, by id, and the rule files skipped.

    The files are read at once but parsed and compiled only when ``rules`` is
    first asked for: a run whose results all come from the cache never pays
    for compiling the rules.
    """

    def __init__(self):
        self.sources: list[tuple[str, str, str]] = []  # (rule id, file text, file name)
        self.builtin = range(0)  # where in ``sources`` the built-in pack's files are
        self._rules: dict[str, LoadedRule] | None = None
        self._skipped: list[str] = []

    @property
    def texts(self) -> list[str]:
        """Every rule file read, with its id: what the cache key is made of."""
        return [f"{rule_id}\n{text}" for rule_id, text, _ in self.sources]

    @property
    def rules(self) -> dict[str, LoadedRule]:
        if self._rules is None:
            rules: dict[str, LoadedRule] = {}
            for rule_id, data in self._parsed():
                _add(rules, self._skipped, data, rule_id)
            self._rules = rules
        return self._rules

    def _parsed(self) -> Iterator[tuple[str, YamlData]]:
        """Each rule file's id and parsed YAML, in order; the built-in pack's
        from the pack cache when it holds them, else kept there afterwards."""
        pack = _ParsedPack([self.sources[index] for index in self.builtin]) if self.builtin else None
        stored = dict(zip(self.builtin, pack.load() or (), strict=False)) if pack else {}
        builtin = []
        for index, (rule_id, text, source) in enumerate(self.sources):
            data = stored.get(index) or _parse_yaml(text, source)
            if index in self.builtin:
                builtin.append(data)
            yield rule_id, data
        if pack and not stored:
            pack.save(builtin)

    @property
    def skipped(self) -> list[str]:
        self.rules  # noqa: B018 - skipping is decided while parsing
        return self._skipped


def load_packs(packs: list[str], base: Path | None = None) -> RuleSet:
    """The rule files of ``packs``, in order; parsed lazily (see RuleSet)."""
    ruleset = RuleSet()
    for pack in packs:
        if pack == BUILTIN_PACK:
            folder = _builtin_folder()
            start = len(ruleset.sources)
            for name in sorted(n for n in os.listdir(folder) if n.endswith(RULE_SUFFIXES)):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    ruleset.sources.append((_stem(name), handle.read(), f"newslint/rules/{name}"))
            ruleset.builtin = range(start, len(ruleset.sources))
            continue
        folder = Path(pack) if base is None else base / pack
        if not folder.is_dir():
            raise NewslintError(f"rule pack folder not found: {pack}")
        for path in sorted(p for p in folder.iterdir() if p.suffix in RULE_SUFFIXES):
            ruleset.sources.append((f"{folder.name}.{path.stem}", path.read_text(encoding="utf-8"), str(path)))
    return ruleset


def _builtin_folder() -> str:
    """The folder of the built-in rule files: the package ``newslint.rules``'s
    own, wherever it is installed (faster than importlib.resources, which
    imports zip support to find the same folder)."""
    import newslint.rules

    return newslint.rules.__path__[0]


def _pack_file() -> str:
    """Where the built-in pack's parsed files are kept (see the module docstring)."""
    return os.path.join(_builtin_folder(), "__pycache__", f"pack.{sys.implementation.cache_tag}.marshal")


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0]


def _parse_yaml(text: str, source: str) -> YamlData:
    from newslint.yamlfile import load

    return load(text, source)


def _add(rules: dict, skipped: list, data: YamlData, rule_id: str) -> None:
    extends = data.data.get("extends") if isinstance(data.data, dict) else None
    if extends in checks.UNSUPPORTED_VALE_TYPES:
        skipped.append(f"{data.path}: rule type '{extends}' is not supported; rule {rule_id} skipped")
        return
    rule = parse_rule(data, rule_id)
    rules[rule_id] = LoadedRule(rule, build(rule, data), data)


class _ParsedPack:
    """The built-in pack's parsed rule files, kept between runs in one marshal
    file (see the module docstring). Only data YAML gave is kept: a file
    whose data marshal cannot hold is simply parsed every time."""

    def __init__(self, sources: list[tuple[str, str, str]]):
        self.sources = sources
        # The YAML reader's own source is in the key too: a checkout that
        # changes how files are read gets them read anew.
        reader = read_all(os.path.join(os.path.dirname(__file__), "yamlfile.py")).decode("utf-8")
        self.key = fingerprint(__version__, reader, *(f"{rule_id}\n{text}" for rule_id, text, _ in sources))
        self.path = _pack_file()

    def load(self) -> list[YamlData] | None:
        """The parsed files, in order, or None when none were kept for these texts."""
        names = [source for _, _, source in self.sources]
        try:
            key, parsed = marshal.loads(read_all(self.path))
            if key != self.key:
                return None
            return [_StoredFile(data, lines, name) for (data, lines), name in zip(parsed, names, strict=True)]
        except (OSError, EOFError, ValueError, TypeError):
            return None  # none kept yet, or unreadable: parsed anew

    def save(self, parsed: list[YamlData]) -> None:
        try:
            payload = marshal.dumps((self.key, [(data.data, data.lines) for data in parsed]))
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            write_replacing(self.path, payload)
        except (OSError, ValueError):
            pass  # unwritable, or data marshal cannot hold: it only costs speed


class _StoredFile:
    """A rule file restored from the pack cache: what ``yamlfile.YamlData``
    holds, without importing the YAML parser; one is built only to name the
    line of an error."""

    __slots__ = ("data", "lines", "path")

    def __init__(self, data: Any, lines: dict[tuple, int], path: str):
        self.data = data
        self.lines = lines
        self.path = path

    def line(self, *keys) -> int | None:
        return self._parsed().line(*keys)

    def error(self, message: str, *keys) -> NewslintError:
        return self._parsed().error(message, *keys)

    def _parsed(self) -> YamlData:
        from newslint.yamlfile import YamlData

        return YamlData(self.data, self.lines, self.path)


def parse_rule(data: YamlData, rule_id: str, overrides: dict[str, Any] | None = None) -> Rule:
    """Validate the common keys of a rule file and return its Rule."""
    spec = data.data
    if not isinstance(spec, dict):
        raise NewslintError("a rule file must be a mapping of keys", data.path, 1)
    spec = {**spec, **(overrides or {})}
    extends = spec.get("extends")
    if extends is None:
        raise data.error("missing; it names the rule type", "extends")
    if extends not in checks.RULE_TYPES:
        known = ", ".join(sorted(checks.RULE_TYPES))
        raise data.error(f"unknown rule type '{extends}' (known: {known})", "extends")
    check_class = checks.get(extends)
    for key, value in spec.items():
        option = COMMON_KEYS.get(key) or check_class.OPTIONS.get(key)
        if option is None:
            raise data.error(f"unknown key for a '{extends}' rule", key)
        problem = validate(value, option.type)
        if problem:
            raise data.error(problem, key)
    for key, option in check_class.OPTIONS.items():
        if option.required and key not in spec:
            raise data.error(f"required by a '{extends}' rule", key)
    level = spec.get("level", "warning")
    if level not in LEVELS:
        raise data.error(f"'{level}' is not one of {', '.join(LEVELS)}", "level")
    scope = spec.get("scope", "text")
    scope = (scope,) if isinstance(scope, str) else tuple(scope)
    scope = tuple(VALE_SCOPES.get(name, name) for name in scope)
    for name in scope:
        if name not in SCOPES and not (name.startswith("frontmatter.") and len(name) > 12):
            raise data.error(f"unknown scope '{name}' (known: {', '.join(SCOPES)}, frontmatter.<field>)", "scope")
    quotes = spec.get("quotes", "any")
    if quotes not in QUOTE_MODES:
        raise data.error(f"'{quotes}' is not one of {', '.join(QUOTE_MODES)}", "quotes")
    examples = spec.get("examples") or {}
    if set(examples) - {"bad", "good"} or not all(isinstance(v, list) for v in examples.values()):
        raise data.error("must be {bad: [texts], good: [texts]}", "examples")
    return Rule(
        id=rule_id,
        extends=extends,
        message=spec.get("message") or spec.get("description") or rule_id,
        level=level,
        scope=scope,
        link=spec.get("link", ""),
        description=spec.get("description", ""),
        category=spec.get("category", "style"),
        quotes=quotes,
        limit=spec.get("limit", 0),
        action=spec.get("action") or {},
        examples={k: [str(x) for x in v] for k, v in examples.items()},
        options={k: v for k, v in spec.items() if k not in COMMON_KEYS},
        source=data.path,
    )


def build(rule: Rule, data: YamlData | None = None) -> Check:
    """Compile ``rule`` into its Check; a bad option (a regex, say) is a NewslintError."""
    try:
        return checks.get(rule.extends)(rule)
    except OptionError as err:
        line = data.line(err.newslint_key) if data else None
        raise NewslintError(str(err), rule.source, line, err.newslint_key) from None


_TYPES = {
    "str": lambda v: isinstance(v, str),
    "regex": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "map": lambda v: isinstance(v, dict),
    "list": lambda v: isinstance(v, list),
    "any": lambda v: True,
}


def validate(value: Any, type_name: str) -> str | None:
    """None when ``value`` fits ``type_name``, else what is wrong, in words."""
    if any(_fits(value, t.strip()) for t in type_name.split("|")):
        return None
    return f"expected {type_name.replace('|', ' or ')}, got {type(value).__name__} {value!r}"[:200]


def _fits(value: Any, type_name: str) -> bool:
    if type_name.startswith("list[") and type_name.endswith("]"):
        inner = type_name[5:-1]
        return isinstance(value, list) and all(_fits(v, inner) for v in value)
    if type_name.startswith("map[") and type_name.endswith("]"):
        inner = type_name[4:-1].split(",", 1)[1]
        return isinstance(value, dict) and all(isinstance(k, str) and _fits(v, inner) for k, v in value.items())
    return _TYPES[type_name](value)
