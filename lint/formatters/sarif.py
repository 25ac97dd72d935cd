"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

The rule list comes from the rules' own metadata (description, link, level).
Columns count code points (``columnKind``); SARIF's ``endColumn`` is the
column after the region, one more than ``Problem.end_column``.

Each result carries ``partialFingerprints["newslint/v1"]``: a hash of the rule,
the path, the matched text (whitespace and case folded) and how many times that
same text was already reported in the file. It leaves out line numbers so an
alert survives edits above it; code scanning still computes its own
``primaryLocationLineHash`` on upload.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from urllib.parse import quote

from newslint import __version__
from newslint.formatters.github import workspace_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/newslint/"
FINGERPRINT_KEY = "newslint/v1"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}
_TEXT_LIMIT = 1024  # GitHub truncates longer rule descriptions


def render(results, rules, color=False):
    ordered = sorted(rules)
    index = {rule_id: i for i, rule_id in enumerate(ordered)}
    driver = {
        "name": "newslint",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [describe_rule(rules[rule_id]) for rule_id in ordered],
    }
    head = {"$schema": SCHEMA_URI, "version": "2.1.0"}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "runs": [{"tool": {"driver": '
    yield json.dumps(driver, ensure_ascii=False, indent=None) + '}, "columnKind": "unicodeCodePoints", "results": ['
    first = True
    for result in results:
        uri = artifact_uri(result.path)
        seen: Counter[tuple[str, str]] = Counter()
        for p in result.problems:
            text = _normalise(p.match)
            occurrence = seen[p.rule, text]
            seen[p.rule, text] += 1
            entry = sarif_result(p, uri, index.get(p.rule), fingerprint(p.rule, uri, text, occurrence))
            yield ("\n  " if first else ",\n  ") + json.dumps(entry, ensure_ascii=False)
            first = False
    yield "\n]}]}\n"


def describe_rule(rule) -> dict:
    """A SARIF reportingDescriptor for one rule, from its YAML metadata."""
    description = " ".join(rule.description.split()) or " ".join(rule.message.split()) or rule.id
    short = description.split(". ")[0].rstrip(".") + "."
    help_lines = [rule.description.strip() or description]
    for kind in ("bad", "good"):
        if rule.examples.get(kind):
            help_lines += ["", f"{kind.capitalize()}:"] + [f"  {example}" for example in rule.examples[kind]]
    entry = {
        "id": rule.id,
        "shortDescription": {"text": short[:_TEXT_LIMIT]},
        "fullDescription": {"text": description[:_TEXT_LIMIT]},
        "help": {"text": "\n".join(help_lines)},
        "defaultConfiguration": {"level": LEVELS.get(rule.level, "warning")},
        "properties": {"tags": [rule.category] if rule.category else []},
    }
    if rule.link:
        entry["helpUri"] = rule.link
    return entry


def sarif_result(p, uri: str, rule_index: int | None, fingerprint_value: str) -> dict:
    region = {"startLine": p.line, "startColumn": p.column}
    if p.end > p.start:
        region.update(endLine=p.end_line, endColumn=p.end_column + 1)
    entry = {"ruleId": p.rule}
    if rule_index is not None:
        entry["ruleIndex"] = rule_index
    entry.update(
        level=LEVELS[p.level],
        message={"text": p.message},
        locations=[{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
        partialFingerprints={FINGERPRINT_KEY: fingerprint_value},
    )
    return entry


def artifact_uri(path: str) -> str:
    """A relative URI reference for ``path`` (percent-encoded, ``/``-separated)."""
    path = workspace_path(path)
    if path.startswith("/"):
        return "file://" + quote(path)
    return quote(path)


def fingerprint(rule_id: str, uri: str, text: str, occurrence: int) -> str:
    digest = hashlib.sha256(f"{rule_id}\0{uri}\0{text}\0{occurrence}".encode()).hexdigest()
    return digest[:32]


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()
