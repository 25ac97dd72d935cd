"""Readability works with no network and no user NLTK data, and never downloads.

textstat 0.7.10+ calls ``nltk.download('cmudict')`` when NLTK cannot find the
corpus, which fails offline. newslint computes textstat's scores from its own
tables without importing textstat, NLTK or Pyphen; the tests and benchmarks
that run textstat itself put the shipped corpus on NLTK's path first. Each
test runs Python in a subprocess with every socket connection refused,
``NLTK_DATA`` unset and ``HOME`` in a fresh temp folder, and records any
connection or download attempt.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS

GUARD = """
import json, socket, sys
attempts, downloads = [], []
def refuse(*args, **kwargs):
    attempts.append(repr(args[1:]))
    raise OSError("network blocked by test_offline")
socket.socket.connect = socket.socket.connect_ex = refuse
socket.create_connection = socket.getaddrinfo = refuse
def guard_downloads():
    import nltk
    def record_download(*args, **kwargs):
        downloads.append(repr(args))
        return False
    nltk.download = record_download
"""

LINT = """
from newslint.engine import ActiveRule, lint_document
from newslint.readers import parse
from newslint.text.stats import METRICS
from tests.conftest import make_rule
text = open(sys.argv[1], encoding="utf-8").read()
spec = {"extends": "readability", "message": "{value}", "min_words": 0,
        "metrics": {name: {"max": -1000} for name in METRICS}}
rule, check = make_rule(spec)
doc = parse(text, "seed.txt", "text")
problems = lint_document(doc, [ActiveRule(rule, check)], frozenset({rule.id}))
loaded = sorted(name for name in ("textstat", "nltk", "pyphen") if name in sys.modules)
# Then textstat itself, as the tests and benchmarks run it, on the same prose.
guard_downloads()
from newslint.checks.readability import prose_text
from newslint.text.stats import textstat_reference
prose = prose_text(doc)
reference = {name: f"{textstat_reference(prose, name):.1f}" for name in METRICS}
print(json.dumps({"messages": sorted(p.message for p in problems), "reference": sorted(reference.values()),
                  "loaded": loaded, "attempts": attempts, "downloads": downloads}))
"""

# textstat alone, without newslint's corpus on NLTK's path: the trap itself.
BARE = """
guard_downloads()
import textstat
try:
    textstat.flesch_reading_ease("A short text. It has two sentences.")
    outcome = "scored"
except LookupError:
    outcome = "LookupError"
print(json.dumps({"outcome": outcome, "attempts": attempts, "downloads": downloads}))
"""


def run_isolated(code: str, tmp_path, *args: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "NLTK_DATA"}
    env["HOME"] = str(tmp_path)
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", GUARD + code, *args], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_scores_come_out_offline_without_a_download(tmp_path):
    out = run_isolated(LINT, tmp_path, str(SEEDS / "004_cbe17ebb26198a41.txt"))
    assert out["loaded"] == []  # newslint's scores need none of textstat, NLTK, Pyphen
    assert out["attempts"] == [] and out["downloads"] == []
    assert len(out["messages"]) == 7
    assert out["messages"] == out["reference"]
    assert "36.3" in out["messages"] and "13.8" in out["messages"]  # reading ease, Flesch–Kincaid grade


def test_the_guard_catches_textstat_reaching_for_the_network(tmp_path):
    """Without newslint's corpus textstat tries to download, so the guard above is not idle."""
    import nltk

    elsewhere = [path for path in nltk.data.path if os.path.isdir(os.path.join(path, "corpora", "cmudict"))]
    if any(not path.startswith(str(ROOT)) for path in elsewhere):
        pytest.skip(f"this machine has cmudict outside newslint: {elsewhere}")
    out = run_isolated(BARE, tmp_path)
    assert out["downloads"] == ["('cmudict',)"]
    assert out["outcome"] == "LookupError"
