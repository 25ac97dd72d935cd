"""`newslint init`: a starter config the loader and the schema accept; no clobbering."""

from __future__ import annotations

import jsonschema
import yaml
from typer.testing import CliRunner

from newslint.api import Linter
from newslint.cli import app
from newslint.config import Config, load_config
from newslint.schema import shipped
from newslint.starter import TEMPLATE


def _init(*args):
    return CliRunner().invoke(app, ["init", *args], prog_name="newslint")


def test_init_writes_a_config_the_loader_accepts(chdir_tmp):
    result = _init()
    assert result.exit_code == 0, result.output
    assert "Wrote .newslint.yaml" in result.stdout
    written = chdir_tmp / ".newslint.yaml"
    assert written.read_text(encoding="utf-8") == TEMPLATE
    config = load_config(written)
    defaults = Config()
    assert (config.packs, config.fail_level, config.rules, config.ignore) == (
        defaults.packs,
        defaults.fail_level,
        defaults.rules,
        defaults.ignore,
    )
    jsonschema.Draft7Validator(shipped("config")).validate(yaml.safe_load(TEMPLATE))


def test_the_starter_is_commented_and_found_for_articles_below_it(chdir_tmp):
    _init()
    assert sum(line.lstrip().startswith("#") for line in TEMPLATE.splitlines()) >= 20
    (chdir_tmp / "news").mkdir()
    (chdir_tmp / "news" / "story.md").write_text("He left.\n")
    config = Linter(cwd=chdir_tmp).config_for(chdir_tmp / "news" / "story.md")
    assert config.path == str(chdir_tmp / ".newslint.yaml")


def test_init_into_a_folder(chdir_tmp):
    (chdir_tmp / "site").mkdir()
    assert _init("site").exit_code == 0
    assert (chdir_tmp / "site" / ".newslint.yaml").is_file()


def test_init_refuses_to_overwrite(chdir_tmp):
    (chdir_tmp / ".newslint.yaml").write_text("fail-level: warning\n")
    result = _init()
    assert result.exit_code == 2
    assert "already exists; not overwriting it" in result.stderr
    assert (chdir_tmp / ".newslint.yaml").read_text() == "fail-level: warning\n"


def test_init_refuses_when_the_other_spelling_exists(chdir_tmp):
    (chdir_tmp / ".newslint.yml").write_text("{}\n")
    result = _init()
    assert result.exit_code == 2
    assert ".newslint.yml already exists" in result.stderr
    assert not (chdir_tmp / ".newslint.yaml").exists()


def test_init_into_a_missing_folder_is_a_clear_error(chdir_tmp):
    result = _init("nowhere")
    assert result.exit_code == 2
    assert result.stderr.startswith("newslint: error: cannot write nowhere/.newslint.yaml")
