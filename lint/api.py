"""The library face of newslint: it never prints and never exits.

from newslint.api import Linter
for result in Linter().lint_paths(["articles/"]):
    ...
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newslint import __version__
from newslint.cache import Cache, fingerprint
from newslint.config import Config, RuleSetting, find_config, load_config
from newslint.errors import NewslintError, ReadError
from newslint.problem import FileResult
from newslint.readers import ARTICLE_SUFFIXES, MAX_BYTES, decode, format_of, parse, read_bytes
from newslint.ruleset import RuleSet, build, load_packs, parse_rule

if TYPE_CHECKING:
    from newslint.engine import ActiveRule

# The engine (and through it every check's machinery) and the fixer are
# imported where they are used: a run whose results all come from the cache
# needs neither.

STDIN = "-"
MEMO_LIMIT = 10_000  # paths remembered at once: memory stays flat on any corpus


class Linter:
    """Lints files with the config that applies to each of them.

    ``config_path`` forces one config for every file (``--config``); otherwise
    the nearest ``.newslint.yaml`` above each file is used.
    """

    def __init__(self, config_path: Path | None = None, cwd: Path | None = None, cache_dir: Path | None = None):
        self.cwd = cwd or Path.cwd()
        self._cwd_abs = os.path.abspath(self.cwd)
        self.config_path = config_path
        self.forced = load_config(config_path) if config_path else None
        self.cache = Cache(cache_dir) if cache_dir else None
        self.warnings: list[str] = []  # notes for stderr: skipped rules, empty folders
        self._rulesets: dict[tuple, RuleSet] = {}
        self._active: dict[tuple, tuple[list[ActiveRule], frozenset[str], str]] = {}
        self._configs: dict[str, Config] = {}
        self._digests: dict[tuple, str] = {}
        self._displayed: dict[Path, str] = {}
        self._config_of: dict[Path, Config] = {}  # per path given, so a file costs one look-up

    # -- configuration -------------------------------------------------------

    def config_for(self, path: Path) -> Config:
        if self.forced is not None:
            return self.forced
        known = self._config_of.get(path)
        if known is not None:
            return known
        target = os.path.abspath(os.path.join(self.cwd, path))
        folder = target if os.path.isdir(target) else os.path.dirname(target)
        if folder not in self._configs:
            start = Path(folder) if os.path.isdir(folder) else self.cwd
            self._configs[folder] = load_config(find_config(start))
        self._remember_config(path, self._configs[folder])
        return self._configs[folder]

    def ruleset(self, config: Config) -> RuleSet:
        key = (config.path, config.packs)
        if key not in self._rulesets:
            base = config.root if config.path else self.cwd
            self._rulesets[key] = load_packs(list(config.packs), base)
        return self._rulesets[key]

    def active_rules(self, config: Config, path: Path | None) -> tuple[list[ActiveRule], frozenset[str], str]:
        """The compiled rules that apply to ``path``, every id a directive may
        name, and a fingerprint of all that for the cache."""
        settings = config.settings_for(path)
        key = _settings_key(config, settings)
        if key in self._active:
            return self._active[key]
        from newslint.engine import INTERNAL_RULES, ActiveRule

        ruleset = self.ruleset(config)
        self.warnings.extend(ruleset.skipped)
        for rule_id in settings:
            if rule_id not in ruleset.rules:
                raise config.error(f"unknown rule id '{rule_id}'", "rules", rule_id)
        active = []
        for rule_id, loaded in ruleset.rules.items():
            setting = settings.get(rule_id, RuleSetting())
            if setting.off:
                continue
            check = loaded.check
            options = dict(setting.options)
            for name in check.HOUSE_DATA:
                if getattr(config, name, None):
                    options.setdefault(name, getattr(config, name))
            rule = loaded.rule
            if options:
                try:
                    rule = parse_rule(loaded.data, rule_id, options)
                    check = build(rule, loaded.data)
                except NewslintError as err:
                    raise config.error(f"rule {rule_id}: {err.detail}", "rules", rule_id, err.key) from None
            level = setting.level if setting.level and setting.level != rule.level else None
            active.append(ActiveRule(rule, check, level))
        known = frozenset(ruleset.rules) | frozenset(INTERNAL_RULES)
        self._active[key] = (active, known, self.digest(config, path))
        return self._active[key]

    def digest(self, config: Config, path: Path | None) -> str:
        """A fingerprint of everything that decides ``path``'s results but its
        text: version, code, config, rule files. Needs no rule compiled."""
        key = _settings_key(config, config.settings_for(path))
        if key not in self._digests:
            config_text = Path(config.path).read_text(encoding="utf-8") if config.path else ""
            texts = self.ruleset(config).texts
            self._digests[key] = fingerprint(__version__, _code_stamp(), config_text, repr(key), *texts)
        return self._digests[key]

    # -- linting -------------------------------------------------------------

    def lint_text(self, text: str, path: str = "<text>", fmt: str | None = None) -> FileResult:
        """Lint a string as if it were the file ``path`` (for config matching)."""
        target = self.cwd / path if path not in ("<text>", STDIN) else None
        if target is not None or path == STDIN:
            # '-' without --stdin-filename: the config of the working folder.
            config = self.config_for(target or self.cwd / STDIN)
        else:
            config = self.forced or Config()
        fmt = fmt or (format_of(target) if target else "text")
        if len(text) > MAX_BYTES:  # as for a file: no article is this long
            return _unreadable(path, ReadError(f"too large for an article ({len(text):,} characters)"))
        try:
            doc = parse(text, path, fmt)
        except ReadError as err:
            return _unreadable(path, err)
        from newslint.engine import lint_document

        active, known, _ = self.active_rules(config, target)
        return FileResult(path, tuple(lint_document(doc, active, known)))

    def lint_file(self, path: Path) -> FileResult:
        try:
            config, data, key, cached = self._lookup(path)
        except ReadError as err:
            return _unreadable(self.display(path), err)
        if cached is not None:
            return FileResult(self.display(path), cached)
        return self._lint_bytes(path, config, data, key)

    def cache_lookup(self, path: Path) -> tuple[FileResult | None, bytes | None, str]:
        """For a parallel run: ``path``'s cached result, else the bytes read and
        the cache key, which a worker passes to ``lint_read`` instead of reading
        and hashing the file again. (None, None, "") without a cache, or when
        the file or its config cannot be read: ``lint_file`` reports that."""
        if not self.cache:
            return None, None, ""
        try:
            _, data, key, cached = self._lookup(path)
        except (ReadError, NewslintError):
            return None, None, ""
        if cached is not None:
            return FileResult(self.display(path), cached), None, key
        return None, data, key

    def lint_read(self, path: Path, data: bytes, key: str) -> FileResult:
        """Lint ``data``, read from ``path`` by ``cache_lookup``; cache the result under ``key``."""
        return self._lint_bytes(path, self.config_for(path), data, key)

    def _lint_bytes(self, path: Path, config: Config, data: bytes, key: str) -> FileResult:
        display = self.display(path)
        try:
            text, bom = decode(data)
            doc = parse(text, display, format_of(path), bom=bom)
        except ReadError as err:
            return _unreadable(display, err)
        from newslint.engine import lint_document

        active, known, _ = self.active_rules(config, path)
        problems = tuple(lint_document(doc, active, known))
        if self.cache and key:
            self.cache.put(key, problems)
        return FileResult(display, problems)

    def _lookup(self, path: Path) -> tuple[Config, bytes, str, tuple | None]:
        """The config of ``path``, its bytes, its cache key and cached problems."""
        config = self.config_for(path)
        data = read_bytes(path)
        if not self.cache:
            return config, data, "", None
        key = self.cache.key(data, self.display(path), self.digest(config, path))
        return config, data, key, self.cache.get(key)

    def fix_file(self, path: Path) -> tuple[FileResult, int]:
        """Apply the fixes the problems of ``path`` offer; the problems left,
        and how many were fixed. The file is rewritten atomically."""
        from newslint.fixer import apply_fixes, write_atomically

        result = self.lint_file(path)
        if not any(p.fix is not None for p in result.problems):
            return result, 0
        text, bom = decode(read_bytes(path))
        fixed, applied = apply_fixes(text, result.problems)
        if not applied:
            return result, 0
        write_atomically(path, fixed, bom)
        return self.lint_file(path), len(applied)

    def lint_paths(self, paths: Iterable[str | Path]) -> Iterator[FileResult]:
        for path in self.collect(paths):
            yield self.lint_file(path)

    def collect(self, paths: Iterable[str | Path]) -> list[Path]:
        """Article files under ``paths``, sorted, minus the config's ignore globs.

        A missing path is kept so that it is reported as a read error.
        """
        found: set[Path] = set()
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                files = list(self._walk(path))
                if not files:
                    self.warnings.append(f"{self.display(path)}: no article files (.md, .markdown, .txt) found")
                found.update(files)
            elif not path.exists() or not self.config_for(path).is_ignored(path):
                found.add(path)
        return sorted(found, key=lambda p: self.display(p))

    def _walk(self, folder: Path) -> Iterator[Path]:
        """Article files under ``folder``, minus those their config ignores."""
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            config = self.config_for(Path(root))  # the config of every file in ``root``
            for name in sorted(names):
                if _suffix(name) in ARTICLE_SUFFIXES:
                    path = Path(root, name)
                    if not config.is_ignored(path):
                        self._remember_config(path, config)
                        yield path

    def _remember_config(self, path: Path, config: Config) -> None:
        if len(self._config_of) > MEMO_LIMIT:
            self._config_of.clear()
        self._config_of[path] = config

    def display(self, path: Path) -> str:
        """The path as reports show it: relative to the working folder, with '/'."""
        shown = self._displayed.get(path)
        if shown is None:
            if len(self._displayed) > MEMO_LIMIT:  # a crawl of millions of files
                self._displayed.clear()
            shown = self._displayed[path] = self._display(path)
        return shown

    def _display(self, path: Path) -> str:
        # What os.path.relpath would give, without its cost: a crawl shows
        # every file once.
        shown = path.as_posix()
        if not path.is_absolute() and ".." not in path.parts and not shown.startswith(".."):
            return shown  # already relative to the working folder, and normal
        absolute = os.path.abspath(os.path.join(self.cwd, path))
        if absolute == self._cwd_abs:
            return "."
        inside = os.path.join(self._cwd_abs, "")
        if not absolute.startswith(inside):
            return _posix(absolute)  # outside the working folder: shown in full
        relative = absolute[len(inside) :]
        return _posix(absolute if relative.startswith("..") else relative)


def _posix(path: str) -> str:
    return path if os.sep == "/" else Path(path).as_posix()


def _unreadable(display: str, err: ReadError) -> FileResult:
    from newslint.engine import read_error

    return FileResult(display, (read_error(display, str(err), err.line),))


def _settings_key(config: Config, settings: dict) -> tuple:
    return (config.path, config.packs, tuple(sorted((k, repr(v)) for k, v in settings.items())))


def _code_stamp() -> str:
    """The newest modification time of newslint's own code: a development
    checkout must not reuse results computed by older code of one version."""
    package = Path(__file__).parent
    return str(max(p.stat().st_mtime_ns for p in package.rglob("*.py")))


def lint_text(text: str, path: str = "<text>", fmt: str | None = None, config: Path | None = None) -> FileResult:
    """Lint one string with the default pack (or ``config``)."""
    return Linter(config).lint_text(text, path, fmt)


def lint_paths(paths: Iterable[str | Path], config: Path | None = None) -> Iterator[FileResult]:
    return Linter(config).lint_paths(paths)


def _suffix(name: str) -> str:
    """``PurePath(name).suffix.lower()`` without building a path ("..md" -> ".md", "notes." -> "")."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""
