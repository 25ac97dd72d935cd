"""The `newslint` command: a thin typer layer over ``newslint.api``.

Exit codes: 0 nothing at or above the fail level, 1 something is,
2 a usage, config or rule-file error.
"""

from __future__ import annotations

import sys
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
    paths: list[str] = typer.Argument(..., help="Files or folders to lint; '-' reads standard input."),
    output_format: Format = typer.Option(Format.auto, "--format", "-f", help="Output format."),
    config: Path | None = typer.Option(None, "--config", "-c", help="Use this config file for every file."),
    fail_level: Level | None = typer.Option(None, "--fail-level", help="Lowest level that makes the run fail."),
    stdin_filename: str | None = typer.Option(
        None, "--stdin-filename", help="Name to report and to match config globs with for '-'."
    ),
    color: bool | None = typer.Option(
        None, "--color/--no-color", help="Colour the text format (default: on a terminal)."
    ),
) -> None:
    """Lint article files (.md, .markdown, .txt) and report problems."""
    from newslint import formatters
    from newslint.api import STDIN, Linter
    from newslint.problem import LEVEL_RANK

    try:
        linter = Linter(config)
        fmt = formatters.resolve(output_format.value)
        render = formatters.get(fmt)
        collected = [STDIN] if paths == [STDIN] else linter.collect(p for p in paths if p != STDIN)
        if STDIN in paths and paths != [STDIN]:
            fail("'-' (standard input) cannot be mixed with other paths")
        failed = False

        def results():
            nonlocal failed
            for path in collected:
                if path == STDIN:
                    result = linter.lint_text(_read_stdin(), stdin_filename or STDIN)
                    threshold = (
                        fail_level.value
                        if fail_level
                        else linter.config_for(linter.cwd / (stdin_filename or "x")).fail_level
                    )
                else:
                    result = linter.lint_file(path)
                    threshold = fail_level.value if fail_level else linter.config_for(path).fail_level
                if any(LEVEL_RANK[p.level] >= LEVEL_RANK[threshold] for p in result.problems):
                    failed = True
                yield result

        rules = _rule_table(linter)
        use_color = sys.stdout.isatty() if color is None else color
        out = sys.stdout
        for chunk in render(results(), rules, use_color):
            out.write(chunk)
        out.flush()
    except NewslintError as err:
        fail(str(err))
    for note in dict.fromkeys(linter.warnings):
        typer.echo(f"newslint: warning: {note}", err=True)
    raise typer.Exit(1 if failed else 0)


def _read_stdin() -> str:
    from newslint.readers import decode

    text, _ = decode(sys.stdin.buffer.read())
    return text


def _rule_table(linter) -> dict:
    """Every rule a report may name, for formats that describe rules (SARIF)."""
    from newslint.engine import INTERNAL_RULES

    config = linter.forced or linter.config_for(linter.cwd)
    rules = {rule_id: loaded.rule for rule_id, loaded in linter.ruleset(config).rules.items()}
    return {**rules, **INTERNAL_RULES}


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
        (r.rule.id, r.rule.extends, r.rule.level, r.rule.category, r.rule.description.split("\n")[0])
        for r in ruleset.rules.values()
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)] if rows else [0] * 4
    for row in rows:
        typer.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])


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


def main() -> None:
    """Console entry point; ``newslint PATH`` means ``newslint check PATH``."""
    args = sys.argv[1:]
    if args and args[0] not in COMMANDS and not args[0].startswith("-"):
        sys.argv.insert(1, "check")
    elif args and args[0] == "-":
        sys.argv.insert(1, "check")
    app(prog_name="newslint")
