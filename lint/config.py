"""`.newslint.yaml` (or `[tool.newslint]` in pyproject.toml): discovery and validation."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint import regexcache
from newslint.errors import NewslintError
from newslint.problem import LEVELS

if TYPE_CHECKING:
    from newslint.yamlfile import YamlData

# The YAML and TOML parsers are imported only when a config file is read: a
# run with no config (or none in a pyproject.toml) starts without them.

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
CONFIG_KEYS = ("packs", "rules", "ignore", "overrides", "fail-level", "people")


@dataclass(frozen=True)
class RuleSetting:
    """What the config says of one rule: off, a level, and option values."""

    off: bool = False
    level: str | None = None
    options: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Override:
    files: tuple[re.Pattern, ...]
    rules: dict[str, RuleSetting]


@dataclass
class Config:
    path: str = ""  # the file it came from; "" for the defaults
    root: Path = field(default_factory=Path.cwd)  # globs are relative to this
    packs: tuple[str, ...] = ("default",)
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    ignore: tuple[re.Pattern, ...] = ()
    overrides: tuple[Override, ...] = ()
    fail_level: str = "error"
    people: dict[str, str] = field(default_factory=dict)
    lines: dict[tuple, int] = field(default_factory=dict, repr=False)  # key path -> line

    def error(self, message: str, *keys) -> NewslintError:
        """An error naming this config file, the line of ``keys`` and the keys."""
        from newslint.yamlfile import YamlData

        return YamlData(None, self.lines, self.path).error(message, *keys)

    def relative(self, path: Path) -> str:
        """``path`` relative to the config's folder, with '/'; as given when outside it."""
        if "_root" not in self.__dict__:
            self.__dict__["_root"] = os.path.realpath(self.root)
        relative = os.path.relpath(os.path.realpath(path), self.__dict__["_root"])
        return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()

    def is_ignored(self, path: Path) -> bool:
        if not self.ignore:
            return False
        rel = self.relative(path)
        return any(p.fullmatch(rel) for p in self.ignore)

    def settings_for(self, path: Path | None) -> dict[str, RuleSetting]:
        """Rule settings for one file: the base rules, then matching overrides."""
        merged = dict(self.rules)
        if path is None or not self.overrides:
            return merged
        rel = self.relative(path)
        for override in self.overrides:
            if any(p.fullmatch(rel) for p in override.files):
                for rule_id, setting in override.rules.items():
                    merged[rule_id] = _merge(merged.get(rule_id), setting)
        return merged


def _merge(base: RuleSetting | None, new: RuleSetting) -> RuleSetting:
    if base is None or new.off:
        return new
    return RuleSetting(
        off=False,
        level=new.level or base.level,
        options=tuple({**dict(base.options), **dict(new.options)}.items()),
    )


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a folder)."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "newslint" not in text:  # the section's name is in its text: no need to parse
        return False
    import tomllib

    try:
        return "newslint" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return False


@lru_cache(maxsize=64)
def load_config(path: Path | None) -> Config:
    """Parse and validate a config file; the defaults when ``path`` is None."""
    if path is None:
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise NewslintError(f"cannot read config: {err}", str(path)) from None
    if path.name == "pyproject.toml":
        import tomllib

        from newslint.yamlfile import YamlData

        try:
            section = tomllib.loads(text).get("tool", {}).get("newslint", {})
        except tomllib.TOMLDecodeError as err:
            raise NewslintError(f"invalid TOML: {err}", str(path)) from None
        data = YamlData(section, _toml_key_lines(text, section), str(path))
    else:
        from newslint.yamlfile import load

        data = load(text, str(path))
    return parse_config(data, path.parent)


def parse_config(data: YamlData, root: Path) -> Config:
    spec = data.data if data.data is not None else {}
    if not isinstance(spec, dict):
        raise NewslintError("a config must be a mapping of keys", data.path, 1)
    for key in spec:
        if key not in CONFIG_KEYS:
            raise data.error(f"unknown config key (known: {', '.join(CONFIG_KEYS)})", key)
    packs = spec.get("packs", ["default"])
    if not _is_str_list(packs):
        raise data.error("expected a list of pack names or folders", "packs")
    for index, pack in enumerate(packs):
        if pack != "default" and not (root / pack).is_dir():
            raise data.error(f"rule pack folder not found: {pack}", "packs", index)
    ignore = spec.get("ignore", [])
    if not _is_str_list(ignore):
        raise data.error("expected a list of glob patterns", "ignore")
    fail_level = spec.get("fail-level", "error")
    if fail_level not in LEVELS:
        raise data.error(f"'{fail_level}' is not one of {', '.join(LEVELS)}", "fail-level")
    people = spec.get("people", {})
    if not isinstance(people, dict) or not all(isinstance(v, str) for v in people.values()):
        raise data.error("expected a mapping of names to titles", "people")
    if not isinstance(spec.get("overrides") or [], list):
        raise data.error("expected a list of overrides", "overrides")
    overrides = []
    for index, item in enumerate(spec.get("overrides") or []):
        if not isinstance(item, dict) or set(item) - {"files", "rules"} or not _is_str_list(item.get("files")):
            raise data.error("each override needs 'files' (a list of globs) and 'rules'", "overrides", index)
        rules = _parse_rules(data, item.get("rules", {}), ("overrides", index, "rules"))
        overrides.append(Override(tuple(glob_to_regex(g) for g in item["files"]), rules))
    return Config(
        path=data.path,
        root=root,
        packs=tuple(packs),
        rules=_parse_rules(data, spec.get("rules", {}), ("rules",)),
        ignore=tuple(glob_to_regex(g) for g in ignore),
        overrides=tuple(overrides),
        fail_level=fail_level,
        people={str(k): v for k, v in people.items()},
        lines=data.lines,
    )


def _toml_key_lines(text: str, section: dict) -> dict[tuple, int]:
    """Lines of the ``[tool.newslint]`` keys (tomllib keeps no positions).

    Each top-level key maps to the line that sets it, or to the section header.
    """
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if line.strip().startswith("[tool.newslint")), None)
    if header is None:
        return {}
    found = {}
    for key in section:
        assign = regexcache.compile(rf"\s*(?:\[tool\.newslint\.)?[\"']?{re.escape(key)}[\"']?\s*[=\]]")
        number = next((i for i in range(header, len(lines)) if assign.match(lines[i])), header)
        found[(key,)] = number + 1
    return found


def _parse_rules(data: YamlData, rules: Any, where: tuple) -> dict[str, RuleSetting]:
    if not isinstance(rules, dict):
        raise data.error("expected a mapping of rule ids to settings", *where)
    settings = {}
    for rule_id, value in rules.items():
        key = (*where, rule_id)
        if value == "off" or value is False:
            settings[rule_id] = RuleSetting(off=True)
        elif value in LEVELS:
            settings[rule_id] = RuleSetting(level=value)
        elif isinstance(value, dict):
            level = value.get("level")
            if level is False:  # YAML 1.1 reads a bare `off` as false
                level = "off"
            if level is not None and level not in LEVELS and level != "off":
                raise data.error(f"'{level}' is not one of off, {', '.join(LEVELS)}", *key, "level")
            options = tuple((k, v) for k, v in value.items() if k != "level")
            settings[rule_id] = RuleSetting(
                off=level == "off", level=None if level == "off" else level, options=options
            )
        else:
            raise data.error(f"expected off, a level ({', '.join(LEVELS)}) or a mapping of options", *key)
    return settings


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def glob_to_regex(glob: str) -> re.Pattern:
    """A gitignore-like glob: ``**`` crosses folders, ``*`` does not; a glob
    without ``/`` matches a name at any depth."""
    anchored = "/" in glob.rstrip("/")
    glob = glob.strip("/")
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return regexcache.compile(f"{prefix}{''.join(out)}(?:/.*)?")
