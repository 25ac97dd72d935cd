"""What every rule type shares: the option schema, the Rule, the Check base.

A rule type is a ``Check`` subclass in its own module. It declares its own
YAML keys in ``OPTIONS`` (the loader rejects every other key), compiles them
once in ``__init__``, and yields Problems from ``run(doc)``. It never sees
configuration plumbing, suppression comments or output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from newslint import regexcache
from newslint.problem import Problem, problem_at

if TYPE_CHECKING:
    from newslint.document import Document

SCOPES = (
    "text",
    "headline",
    "lede",
    "body",
    "tail",
    "heading",
    "paragraph",
    "sentence",
    "blockquote",
    "list",
)


@dataclass(frozen=True)
class Option:
    """One YAML key of a rule type.

    ``type`` is one of: str, int, number, bool, regex, list[str], list[regex],
    map[str,str], map[str,number], map (any mapping), list (any list), any.
    """

    type: str
    default: Any = None
    required: bool = False
    help: str = ""


@dataclass
class Rule:
    """A loaded rule file: the common Vale keys plus the type's own options."""

    id: str
    extends: str
    message: str
    level: str = "warning"
    scope: tuple[str, ...] = ("text",)
    link: str = ""
    description: str = ""
    category: str = "style"
    quotes: str = "any"  # any | skip | only
    limit: int = 0  # at most this many problems per document (0: no limit)
    action: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # the file the rule came from


class OptionError(ValueError):
    """A rule option that cannot be compiled; ``key`` names it for the error line."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.newslint_key = key


def compile_regex(pattern: str, key: str, flags: int = 0) -> re.Pattern:
    """Compile a rule's regex, naming the key when it is broken."""
    try:
        return regexcache.compile(pattern, flags)
    except re.error as err:
        raise OptionError(key, f"bad regular expression {pattern!r}: {err}") from None


class Check:
    """Base of every rule type."""

    OPTIONS: ClassVar[dict[str, Option]] = {}
    # Whole-document rule types ignore ``scope``; they say so here.
    SCOPED: ClassVar[bool] = True
    # House data from the config (e.g. ``people``) this type reads, if any.
    HOUSE_DATA: ClassVar[tuple[str, ...]] = ()
    # Rules run phase by phase: 0 first (page junk), then 1 (off-topic), then 2
    # (readability); a later phase sees what earlier ones flagged as not the
    # article's own text in ``doc.junk_spans`` and ``doc.article_paragraphs()``.
    PHASE: ClassVar[int] = 0

    def __init__(self, rule: Rule):
        self.rule = rule
        self.options = {name: rule.options.get(name, opt.default) for name, opt in self.OPTIONS.items()}

    def run(self, doc: Document) -> Iterator[Problem]:
        raise NotImplementedError

    # -- helpers for subclasses ----------------------------------------------

    def scope_spans(self, doc: Document) -> list[tuple[int, int]]:
        """The spans of ``doc`` this rule's scopes select, in order, merged."""
        if len(self.rule.scope) == 1:
            return doc.spans(self.rule.scope[0])
        spans = sorted({span for scope in self.rule.scope for span in doc.spans(scope)})
        return spans

    def matches(self, pattern: re.Pattern, doc: Document) -> Iterator[re.Match]:
        """Matches of ``pattern`` in ``doc.prose`` that lie within one scope span.

        With many spans, one scan over their whole range is much cheaper than
        a scan per span; matches are then kept only when a span contains them.
        """
        # Imported here: loading rules (and a run answered from the cache)
        # needs this module but not the matching machinery.
        from newslint.checks.patterns import within

        yield from within(pattern, doc.prose, self.scope_spans(doc))

    def problem(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str | None = None,
        *,
        level: str | None = None,
        category: str | None = None,
        fix: str | None = None,
        **fields: Any,
    ) -> Problem:
        """A Problem for ``doc.text[start:end]``; ``message`` defaults to the rule's.

        The message template may use ``%s`` (filled with the match, then any
        ``args`` field) or ``{name}`` placeholders (``match`` plus ``fields``).
        """
        template = message if message is not None else self.rule.message
        return problem_at(
            doc,
            start,
            end,
            rule=self.rule.id,
            level=level or self.rule.level,
            message=format_message(template, doc.text[start:end], fields),
            category=category or self.rule.category,
            fix=fix,
        )


_PERCENT_S = regexcache.compile(r"%s")
_NAMED = regexcache.compile(r"\{(\w+)\}")


def format_message(template: str, match: str, fields: dict[str, Any]) -> str:
    """Fill Vale's ``%s`` placeholders and newslint's ``{name}`` ones.

    ``%s`` takes the items of ``fields["args"]`` in order (the match when no
    args are given); ``{match}`` and ``{name}`` take the match and ``fields``.
    """
    args = fields.get("args", (match,))
    if isinstance(args, str):
        args = (args,)
    items = iter(args)
    template = _PERCENT_S.sub(lambda _: str(next(items, match)), template)
    if "{" in template:
        names = {"match": match, **fields}
        template = _NAMED.sub(lambda m: str(names.get(m.group(1), m.group(0))), template)
    return " ".join(template.split())
