"""The JSON Schemas agree with the loader: same files in, same verdicts out."""

from __future__ import annotations

import json
import shutil
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from newslint import checks
from newslint.cli import app
from newslint.config import load_config
from newslint.errors import NewslintError
from newslint.ruleset import COMMON_KEYS, load_packs
from newslint.schema import dumps, rule_schema, shipped, type_schema

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "schemas"
ROOT = Path(__file__).resolve().parent.parent


def _cases(kind: str) -> list:
    return [
        pytest.param(path, verdict == "good", id=f"{verdict}/{path.name}")
        for verdict in ("good", "bad")
        for path in sorted((FIXTURES / kind / verdict).iterdir())
    ]


def _schema_accepts(schema: dict, path: Path) -> bool:
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema).is_valid(yaml.safe_load(path.read_text(encoding="utf-8")))


def _loader_accepts_config(path: Path, tmp_path: Path) -> bool:
    copy = tmp_path / ".newslint.yaml"  # a fresh path: load_config caches by path
    shutil.copy(path, copy)
    try:
        load_config(copy)
    except NewslintError:
        return False
    return True


def _loader_accepts_rule(path: Path, tmp_path: Path) -> bool:
    pack = tmp_path / "pack"
    pack.mkdir()
    shutil.copy(path, pack / path.name)
    try:
        load_packs([str(pack)]).rules  # noqa: B018 - rules are parsed and compiled on first use
    except NewslintError:
        return False
    return True


@pytest.mark.parametrize(("path", "good"), _cases("config"))
def test_config_schema_and_loader_agree(path, good, tmp_path):
    assert _loader_accepts_config(path, tmp_path) is good
    assert _schema_accepts(shipped("config"), path) is good


@pytest.mark.parametrize(("path", "good"), _cases("rule"))
def test_rule_schema_and_loader_agree(path, good, tmp_path):
    assert _loader_accepts_rule(path, tmp_path) is good
    assert _schema_accepts(shipped("rule"), path) is good


BUILTIN_RULE_FILES = sorted(
    (e for e in files("newslint.rules").iterdir() if e.name.endswith((".yml", ".yaml"))), key=lambda e: e.name
)


@pytest.mark.parametrize("entry", BUILTIN_RULE_FILES, ids=lambda e: e.name)
def test_every_builtin_rule_file_fits_the_rule_schema(entry):
    data = yaml.safe_load(entry.read_text(encoding="utf-8"))
    errors = [f"{e.json_path}: {e.message}" for e in jsonschema.Draft7Validator(shipped("rule")).iter_errors(data)]
    assert errors == []


def test_shipped_rule_schema_is_the_generated_one():
    """Regenerate after changing a rule type's OPTIONS or COMMON_KEYS:
    newslint schema rule > lint/schemas/rule.schema.json"""
    fix = "out of date: run `newslint schema rule > lint/schemas/rule.schema.json`"
    assert shipped("rule") == rule_schema(), fix
    text = files("newslint").joinpath("schemas", "rule.schema.json").read_text(encoding="utf-8")
    assert text == dumps(rule_schema()), fix


def test_rule_schema_covers_every_rule_type_and_key():
    schema = shipped("rule")
    branches = {b["if"]["properties"]["extends"]["const"]: b["then"] for b in schema["allOf"]}
    assert set(branches) == set(schema["properties"]["extends"]["enum"])
    for name in checks.RULE_TYPES:
        try:
            check_class = checks.get(name)
        except ModuleNotFoundError:
            continue
        assert set(branches[name]["properties"]) == set(COMMON_KEYS) | set(check_class.OPTIONS), name


@pytest.mark.parametrize(
    ("option_type", "expected"),
    [
        ("str", {"type": "string"}),
        ("int", {"type": "integer"}),
        ("list[str]", {"type": "array", "items": {"type": "string"}}),
        ("map[str,number]", {"type": "object", "additionalProperties": {"type": "number"}}),
        ("str|list[str]", {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
        ("any", {}),
    ],
)
def test_option_types_map_to_json_schema(option_type, expected):
    assert type_schema(option_type) == expected


@pytest.mark.parametrize("kind", ["config", "rule"])
def test_schema_command_prints_the_schema(kind):
    result = CliRunner().invoke(app, ["schema", kind], prog_name="newslint")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == shipped(kind)


def test_schema_command_rejects_other_kinds():
    assert CliRunner().invoke(app, ["schema", "pack"], prog_name="newslint").exit_code == 2
