"""The `newslint` command: a thin typer layer over ``newslint.api``.

Exit codes: 0 nothing at or above the fail level, 1 something is,
2 a usage, config or rule-file error.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

import typer

from newslint import __version__
from newslint.errors import NewslintError

app = typer.Typer(
    name="newslint",
    help="Editorial quality checks for news articles.",
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
)

COMMANDS = ("check", "rules", "explain", "schema", "init")


class Format(StrEnum):
    auto = "auto"
    text = "text"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"


class Level(StrEnum):
    suggestion = "suggestion"
    warning = "warning"
    error = "error"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newslint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Editorial quality checks for news articles."""


def fail(message: str) -> None:
    typer.echo(f"newslint: error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def check(
    paths: list[str] | None = typer.Argument(None, help="Files or folders to lint; '-' reads standard input."),
    output_format: Format = typer.Option(Format.auto, "--format", "-f", help="Output format."),
    config: Path | None = typer.Option(None, "--config", "-c", help="Use this config file for every file."),
    fail_level: Level | None = typer.Option(None, "--fail-level", help="Lowest level that makes the run fail."),
    min_level: Level | None = typer.Option(None, "--min-level", help="Report only problems at this level or above."),
    stdin_filename: str | None = typer.Option(
        None, "--stdin-filename", help="Name to report and to match config globs with for '-'."
    ),
    color: bool | None = typer.Option(
        None, "--color/--no-color", help="Colour the text format (default: on a terminal)."
    ),
    changed_since: str | None = typer.Option(
        None,
        "--changed-since",
        metavar="REF",
        help="Lint only the article files under PATHS (default: .) that differ from git REF: "
        "changed since the merge base, uncommitted or untracked.",
    ),
    fix: bool = typer.Option(False, "--fix", help="Apply the fixes problems offer (rewrites files atomically)."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Parallel processes (default 0: one per core)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the results cache."),
    cache_dir: Path | None = typer.Option(
        None, "--cache-dir", envvar="NEWSLINT_CACHE_DIR", help="Cache folder (default: .newslint_cache)."
    ),
) -> None:
    """Lint article files (.md, .markdown, .txt) and report problems."""
    from newslint import formatters
    from newslint.api import STDIN, Linter

    paths = paths or []
    if not paths and changed_since is None:
        fail("no paths given; try `newslint check .`")
    if STDIN in paths and (paths != [STDIN] or changed_since is not None or fix):
        fail("'-' (standard input) cannot be mixed with other paths, --changed-since or --fix")
    try:
        linter = Linter(config)
        if not no_cache and paths != [STDIN]:
            linter.cache = _cache(linter, cache_dir)
        render = formatters.get(formatters.resolve(output_format.value))
        if changed_since is not None:
            from newslint.changed import changed_files

            collected = linter.collect(changed_files(changed_since, paths or ["."]))
            if not collected:
                linter.warnings.append(f"no article files changed since {changed_since}")
        else:
            collected = [] if paths == [STDIN] else linter.collect(paths)
        run = _Run(linter, fail_level.value if fail_level else None, min_level.value if min_level else None)
        if paths == [STDIN]:
            results = run.stdin(stdin_filename or STDIN)
        elif fix:
            results = run.fixed(collected)
        else:
            results = run.files(collected, jobs)
        use_color = sys.stdout.isatty() if color is None else color
        for chunk in render(results, _RuleTable(linter), use_color):
            sys.stdout.write(chunk)
        sys.stdout.flush()
    except NewslintError as err:
        fail(str(err))
    for note in dict.fromkeys(linter.warnings):
        typer.echo(f"newslint: warning: {note}", err=True)
    if fix:
        typer.echo(f"Fixed {run.fixed_count} problem{'s' if run.fixed_count != 1 else ''}.", err=True)
    raise typer.Exit(1 if run.failed else 0)


class _Run:
    """Results as they come, noting whether any reaches its file's fail level."""

    def __init__(self, linter, fail_level: str | None, min_level: str | None = None):
        self.linter = linter
        self.fail_level = fail_level
        self.min_level = min_level
        self.failed = False
        self.fixed_count = 0

    def _note(self, result, config_path: Path):
        from newslint.problem import LEVEL_RANK, FileResult

        threshold = self.fail_level or self.linter.config_for(config_path).fail_level
        if self.min_level:
            shown = tuple(p for p in result.problems if LEVEL_RANK[p.level] >= LEVEL_RANK[self.min_level])
            result = FileResult(result.path, shown)
        if any(LEVEL_RANK[p.level] >= LEVEL_RANK[threshold] for p in result.problems):
            self.failed = True
        return result

    def files(self, paths, jobs: int):
        from newslint.runner import default_jobs, lint_files

        for path, result in zip(paths, lint_files(self.linter, paths, jobs or default_jobs()), strict=True):
            yield self._note(result, path)

    def fixed(self, paths):
        """Fix each file in turn and report what is left."""
        for path in paths:
            result, count = self.linter.fix_file(path)
            self.fixed_count += count
            yield self._note(result, path)

    def stdin(self, name: str):
        from newslint.engine import read_error
        from newslint.errors import ReadError
        from newslint.problem import FileResult
        from newslint.readers import MAX_BYTES, decode

        try:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise ReadError(f"too large for an article (more than {MAX_BYTES:,} bytes)")
            text, _ = decode(data)
        except ReadError as err:
            result = FileResult(name, (read_error(name, str(err), err.line),))
        else:
            result = self.linter.lint_text(text, name)
        yield self._note(result, self.linter.cwd / (name if name != "-" else "x"))


def _cache(linter, cache_dir: Path | None):
    """The results cache: ``--cache-dir``, else ``.newslint_cache`` beside the
    config that applies to the working folder (the project root), else here."""
    from newslint.cache import CACHE_DIR_NAME, Cache

    if cache_dir is None:
        config = linter.forced or linter.config_for(linter.cwd)
        root = Path(config.path).parent if config.path else linter.cwd
        cache_dir = root / CACHE_DIR_NAME
    return Cache(cache_dir)


class _RuleTable(Mapping):
    """Every rule a report may name, built on first use: only formats that
    describe rules (SARIF) need it, and building it compiles the rules."""

    def __init__(self, linter):
        self.linter = linter
        self._table: dict | None = None

    def _rules(self) -> dict:
        if self._table is None:
            from newslint.engine import INTERNAL_RULES

            linter = self.linter
            ruleset = linter.ruleset(linter.forced or linter.config_for(linter.cwd))
            self._table = {**{rule_id: loaded.rule for rule_id, loaded in ruleset.rules.items()}, **INTERNAL_RULES}
        return self._table

    def __getitem__(self, rule_id):
        return self._rules()[rule_id]

    def __iter__(self):
        return iter(self._rules())

    def __len__(self):
        return len(self._rules())


@app.command("rules")
def list_rules(
    config: Path | None = typer.Option(None, "--config", "-c", help="Config file to read packs from."),
) -> None:
    """List the rules in use: id, type, level, category, description."""
    from newslint.api import Linter

    try:
        linter = Linter(config)
        ruleset = linter.ruleset(linter.forced or linter.config_for(linter.cwd))
    except NewslintError as err:
        fail(str(err))
    rows = [
        (r.rule.id, r.rule.extends, r.rule.level, r.rule.category, _first_sentence(r.rule.description))
        for r in ruleset.rules.values()
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)] if rows else [0] * 4
    for row in rows:
        typer.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])


def _first_sentence(text: str) -> str:
    """The description's first sentence, on one line: what ``rules`` lists."""
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end == -1 else flat[: end + 1]


@app.command()
def explain(
    rule_id: str = typer.Argument(..., help="A rule id, as `newslint rules` lists it."),
    config: Path | None = typer.Option(None, "--config", "-c"),
) -> None:
    """Describe one rule: what it finds, why, examples and a link."""
    from newslint.api import Linter
    from newslint.engine import INTERNAL_RULES

    try:
        linter = Linter(config)
        rules = linter.ruleset(linter.forced or linter.config_for(linter.cwd)).rules
    except NewslintError as err:
        fail(str(err))
    rule = rules[rule_id].rule if rule_id in rules else INTERNAL_RULES.get(rule_id)
    if rule is None:
        fail(f"unknown rule id '{rule_id}'; `newslint rules` lists them")
    lines = [f"{rule.id} ({rule.extends}, {rule.level}, category {rule.category})", "", rule.description.strip()]
    for kind in ("bad", "good"):
        if rule.examples.get(kind):
            lines += ["", f"{kind.capitalize()}:"] + [f"  {example}" for example in rule.examples[kind]]
    if rule.link:
        lines += ["", f"More: {rule.link}"]
    typer.echo("\n".join(lines))


class SchemaKind(StrEnum):
    config = "config"
    rule = "rule"


@app.command()
def schema(
    kind: SchemaKind = typer.Argument(..., help="config (.newslint.yaml) or rule (a rule file)."),
) -> None:
    """Print the JSON Schema of the config file or of rule files, for editors."""
    from newslint.schema import dumps
    from newslint.schema import schema as build

    typer.echo(dumps(build(kind.value)), nl=False)


@app.command()
def init(
    folder: Path = typer.Argument(Path("."), help="Where to write .newslint.yaml."),
) -> None:
    """Write a commented starter .newslint.yaml; never overwrites one."""
    from newslint.starter import write_starter

    try:
        target = write_starter(folder)
    except NewslintError as err:
        fail(str(err))
    typer.echo(f"Wrote {target}. `newslint rules` lists the rules it turns on.")


def main() -> None:
    """Console entry point; ``newslint PATH`` means ``newslint check PATH``."""
    args = sys.argv[1:]
    if args and args[0] not in COMMANDS and args[0] not in ("--help", "-h", "--version"):
        sys.argv.insert(1, "check")  # a path or a check option comes first
    app(prog_name="newslint")
