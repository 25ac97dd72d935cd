"""The article files that differ from a git ref, for ``check --changed-since``.

"Differ" means: added, copied, modified or renamed (``--diff-filter=ACMR``)
between the merge base of REF and HEAD and the *working tree*, plus untracked
files git does not ignore. So a local run sees uncommitted edits and new
articles, and a CI run on a pull request sees what the pull request changed.
Deleted files are left out: there is nothing to lint.

When the merge base is unknown (a shallow CI clone), the diff is taken against
REF itself, which is right for the merge commit GitHub checks out for a pull
request (its first parent is the base).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from newslint.errors import NewslintError
from newslint.readers import ARTICLE_SUFFIXES


def changed_files(ref: str, paths: list[str], cwd: Path | None = None) -> list[Path]:
    """Article files under ``paths`` that differ from ``ref``, sorted, as
    paths relative to ``cwd`` (absolute when outside it)."""
    cwd = cwd or Path.cwd()
    if ref.startswith("-"):
        raise NewslintError(f"'{ref}' is not a git ref")
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd, f"unknown git ref '{ref}'")
    base = _merge_base(ref, cwd) or ref
    pathspec = ["--", *paths] if paths else []
    # --no-renames: a renamed file is listed as added, whatever rename detection says.
    diff = ["diff", "--name-only", "--no-relative", "-z", "--no-renames", "--diff-filter=ACMR", base]
    diffed = _git([*diff, *pathspec], cwd)
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard", "--full-name", *pathspec], cwd)
    names = {name for name in (diffed + untracked).split("\0") if name}
    found = []
    for name in sorted(names):
        path = top / name
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
            found.append(_relative(path, cwd))
    return found


def _merge_base(ref: str, cwd: Path) -> str | None:
    result = subprocess.run(["git", "merge-base", ref, "HEAD"], cwd=cwd, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else None


def _relative(path: Path, cwd: Path) -> Path:
    try:
        return path.relative_to(cwd.resolve())
    except ValueError:
        return path


def _git(args: list[str], cwd: Path, failure: str | None = None) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError:
        raise NewslintError("--changed-since needs git, which is not installed") from None
    if result.returncode != 0:
        said = result.stderr.strip().splitlines()
        detail = failure or (said[-1] if said else f"git {args[0]} failed")
        raise NewslintError(f"--changed-since: {detail}")
    return result.stdout
