"""Run compiled rules on one Document, then apply what no check should know:
levels from the config, quotation handling, limits, inline directives,
de-duplication and a stable order."""

from __future__ import annotations

from dataclasses import dataclass, replace

from newslint import directives
from newslint.checks.base import Check, Rule
from newslint.document import Document
from newslint.problem import Problem, problem_at

# Rules of the engine itself; they appear in `newslint rules` and in SARIF.
READ_ERROR = "read-error"
UNKNOWN_DIRECTIVE = "unknown-directive"
INTERNAL_RULES = {
    READ_ERROR: Rule(
        id=READ_ERROR,
        extends="internal",
        message="The file cannot be linted.",
        level="error",
        category="io",
        description="A file newslint cannot read as an article: missing, binary, not UTF-8, "
        "empty, or with broken front matter. The other files are still linted.",
    ),
    UNKNOWN_DIRECTIVE: Rule(
        id=UNKNOWN_DIRECTIVE,
        extends="internal",
        message="A newslint directive names a rule that does not exist.",
        level="warning",
        category="config",
        description="An inline `<!-- newslint-disable ID -->` comment names an unknown rule id, "
        "so it suppresses nothing. Check the id with `newslint rules`.",
    ),
}


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    check: Check
    level: str | None = None  # the config's level, when it changes the rule's


# Categories of text that is not the article's own. Rules run phase by phase
# (PHASE 0 first); before each later phase, the spans flagged so far in these
# categories are handed on as ``doc.junk_spans``.
JUNK_CATEGORIES = frozenset(
    {
        "promo",
        "related",
        "caption",
        "ad",
        "notice",
        "social",
        "copyright",
        "artifact",
        "byline",
        "duplicate",
        "offtopic",
    }
)


def lint_document(doc: Document, active: list[ActiveRule], known_ids: frozenset[str]) -> list[Problem]:
    problems: list[Problem] = []
    phase = 0
    for item in sorted(active, key=lambda item: item.check.PHASE):
        if item.check.PHASE != phase:
            phase = item.check.PHASE
            doc.junk_spans = sorted({(p.start, p.end) for p in problems if p.category in JUNK_CATEGORIES})
        problems.extend(_run(item, doc))
    found = directives.parse(doc.text, doc.position)
    if found:
        for directive in found:
            for rule_id in directive.ids:
                if rule_id not in known_ids:
                    problems.append(_unknown_directive(doc, directive, rule_id))
        suppressed = directives.suppressions(found, doc.text, doc.line_starts)
        problems = [p for p in problems if p.rule == UNKNOWN_DIRECTIVE or not suppressed.suppresses(p.rule, p.line)]
    return sorted(set(problems), key=Problem.sort_key)


def _run(item: ActiveRule, doc: Document) -> list[Problem]:
    rule = item.rule
    problems = list(item.check.run(doc))
    if rule.quotes == "skip":
        problems = [p for p in problems if not doc.in_quotation(p.start, p.end)]
    elif rule.quotes == "only":
        problems = [p for p in problems if doc.in_quotation(p.start, p.end)]
    if item.level:
        problems = [replace(p, level=item.level) for p in problems]
    if rule.limit:
        problems = sorted(problems, key=Problem.sort_key)[: rule.limit]
    return problems


def _unknown_directive(doc: Document, directive, rule_id: str) -> Problem:
    return problem_at(
        doc,
        directive.start,
        directive.end,
        rule=UNKNOWN_DIRECTIVE,
        level="warning",
        message=f"Unknown rule id '{rule_id}' in a newslint-{directive.action} directive.",
        category="config",
    )


def read_error(path: str, message: str, line: int = 1) -> Problem:
    """The problem that stands for a file newslint could not read."""
    return Problem(
        rule=READ_ERROR,
        level="error",
        message=message,
        path=path,
        start=0,
        end=0,
        line=line,
        column=1,
        end_line=line,
        end_column=1,
        category="io",
    )
