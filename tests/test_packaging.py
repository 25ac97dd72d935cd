"""Packaging guards (STYLE.md §8): every subpackage shipped, rules read as package data."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.resources import files

import pytest

from newslint.ruleset import load_packs
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def lint_packages() -> set[str]:
    """``newslint.*`` names of every folder under lint/ that holds an __init__.py."""
    names = set()
    for init in (ROOT / "lint").rglob("__init__.py"):
        parts = init.parent.relative_to(ROOT / "lint").parts
        names.add(".".join(("newslint", *parts)))
    return names


def test_every_subpackage_of_lint_is_listed():
    # Trap 1: a subpackage missing here imports in an editable install but is
    # silently left out of the wheel.
    assert lint_packages() <= set(SETUPTOOLS["packages"])
    assert "newslint.rules" in SETUPTOOLS["packages"]
    assert SETUPTOOLS["package-dir"] == {"newslint": "lint", "newslint.rules": "rules"}


def test_rules_folder_is_flat_and_a_package():
    # Trap 2: nested rule folders need their own package entries; keep it flat.
    assert (ROOT / "rules" / "__init__.py").is_file()
    assert [p for p in (ROOT / "rules").iterdir() if p.is_dir() and p.name != "__pycache__"] == []


def test_builtin_rules_are_found_through_importlib_resources():
    shipped = sorted(e.name for e in files("newslint.rules").iterdir() if e.name.endswith((".yml", ".yaml")))
    assert shipped == sorted(p.name for p in (ROOT / "rules").glob("*.y*ml"))
    assert "hedge-words.yml" in shipped
    ids = set(load_packs(["default"]).rules)
    assert "hedge-words" in ids
    assert ids <= {name.rsplit(".", 1)[0] for name in shipped}


def test_no_code_locates_rules_through_the_file_system():
    # Trap 4: `files("newslint") / "rules"` or paths from __file__ break in an
    # editable install or in the wheel.
    for source in (ROOT / "lint").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert 'files("newslint") / "rules"' not in text, source
        for line in text.splitlines():
            assert '"rules"' not in line or "__file__" not in line, (source, line)


def test_import_lint_is_banned():
    # Trap 3: `import lint` from the repository root would load a second copy.
    ruff = PYPROJECT["tool"]["ruff"]
    assert "TID251" in ruff["lint"]["select"]
    assert "lint" in ruff["lint"]["flake8-tidy-imports"]["banned-api"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    # Build from a clean copy: an in-tree build leaves build/ behind, whose
    # stale build/lib can ship modules that no longer exist.
    source = tmp_path_factory.mktemp("source")
    junk = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("lint", "rules"):
        shutil.copytree(ROOT / folder, source / folder, ignore=junk)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        offline = ("No matching distribution", "Could not find a version", "NewConnectionError", "Network")
        if any(marker in result.stderr for marker in offline):
            pytest.skip("building the wheel needs setuptools>=77 from the package index")
        pytest.fail(f"pip wheel failed:\n{result.stderr[-2000:]}")
    (built,) = out.glob("newslint-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_ships_code_and_rules_but_not_tests_or_seeds(wheel):
    names = set(wheel.namelist())
    rules = {f"newslint/rules/{p.name}" for p in (ROOT / "rules").glob("*.yml")}
    assert rules and rules <= names
    code = {f"newslint/{p.relative_to(ROOT / 'lint').as_posix()}" for p in (ROOT / "lint").rglob("*.py")}
    assert code - names == set()
    assert [n for n in names if n.split("/")[0] in ("tests", "seeds", "lint", "rules", "bench")] == []
    assert [n for n in names if "__pycache__" in n or n.endswith(".pyc")] == []


def test_wheel_declares_the_console_script(wheel):
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    parser = configparser.ConfigParser()
    parser.read_string(wheel.read(entry_points).decode())
    assert parser["console_scripts"]["newslint"] == "newslint.cli:main"
