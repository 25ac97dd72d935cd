"""A weighted-cue model: kinds, each with cues and a threshold, read from YAML.

A cue is a conjunction of named boolean features joined by ``+`` (``!``
negates one; ``words>=N`` / ``words<=N`` bound the line's length) and a
weight. A kind's score is the sum of the weights of its cues that hold; the
kind with the best margin over its threshold wins.

Some features are known up front (cheap: the line's shape and position),
others are looked up on demand (phrase patterns, neighbours). ``Scorer``
works out once per shape which cues still wait on a lookup and stops looking
as soon as a kind can no longer reach its threshold.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass

LEVELS = ("suggestion", "warning", "error")
UNBOUNDED = 1 << 30
_WORD_BOUND = re.compile(r"words(>=|<=)(\d+)$")


class CueError(ValueError):
    """A kind or cue that cannot be read; ``key`` names it."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Cue:
    """A conjunction of features and its weight."""

    key: str
    weight: float
    features: tuple[tuple[str, bool], ...]  # (name, wanted value)
    min_words: int = 0
    max_words: int = UNBOUNDED
    why: str = ""  # what a message says when this cue counts


@dataclass(frozen=True)
class Kind:
    name: str
    threshold: float
    cues: tuple[Cue, ...]  # positive weights first, largest first
    max_words: int
    level: str | None


def parse_kinds(spec: dict, allowed_kinds: Collection[str], features: Collection[str]) -> list[Kind]:
    """Kinds from ``{kind: {threshold, cues: {cue: weight | {weight, why}}, max_words, level}}``."""
    kinds = []
    for name, body in spec.items():
        key = f"kinds.{name}"
        if name not in allowed_kinds:
            raise CueError(key, f"unknown kind '{name}'; kinds are {', '.join(allowed_kinds)}")
        body = body or {}
        if "threshold" not in body or not isinstance(body.get("cues"), dict):
            raise CueError(key, "a kind needs 'threshold' and 'cues'")
        cues = [parse_cue(cue, weight, features, f"{key}.cues") for cue, weight in body["cues"].items()]
        cues.sort(key=lambda cue: (cue.weight <= 0, -abs(cue.weight)))
        level = body.get("level")
        if level is not None and level not in LEVELS:
            raise CueError(f"{key}.level", "level is suggestion, warning or error")
        kinds.append(Kind(name, float(body["threshold"]), tuple(cues), int(body.get("max_words", UNBOUNDED)), level))
    return kinds


def parse_cue(cue: str, weight, features: Collection[str], key: str) -> Cue:
    why = ""
    if isinstance(weight, dict):  # {weight: 3, why: "inserted headline"}
        weight, why = weight.get("weight"), str(weight.get("why", ""))
    if not isinstance(weight, (int, float)) or isinstance(weight, bool):
        raise CueError(key, f"the weight of '{cue}' must be a number")
    parts, low, high = [], 0, UNBOUNDED
    for part in cue.split("+"):
        bound = _WORD_BOUND.match(part)
        if bound:
            number = int(bound.group(2))
            low, high = (max(low, number), high) if bound.group(1) == ">=" else (low, min(high, number))
            continue
        name = part.lstrip("!")
        if name not in features:
            raise CueError(key, f"unknown feature '{name}' in cue '{cue}'")
        parts.append((name, not part.startswith("!")))
    return Cue(cue, float(weight), tuple(parts), low, high, why)


class Scorer:
    """Judges one line at a time against the kinds."""

    def __init__(self, kinds: list[Kind]):
        self.kinds = kinds
        # Word counts at which some cue switches on or off: lines between two
        # bounds (and of one shape) share a plan.
        bounds = {c.min_words for k in kinds for c in k.cues} | {c.max_words + 1 for k in kinds for c in k.cues}
        self.word_bounds = sorted(bounds | {k.max_words + 1 for k in kinds})
        self.plans: dict[tuple, list] = {}

    def judge(self, words: int, known: dict[str, bool], values: dict[str, bool], look_up: Callable[[str], bool]):
        """The best kind over its threshold and the positive cues that counted, or None.

        ``known`` holds the features known up front; ``values`` those looked
        up so far, and ``look_up(name)`` looks one up.
        """
        best, best_margin, best_cues = None, 0.0, []
        for kind, fixed, fixed_cues, pending, upside in self._plan(words, known):
            score, counted = fixed, list(fixed_cues)
            for cue, needs in pending:  # positive weights first, largest first
                if score + upside < kind.threshold:
                    break
                if cue.weight > 0:
                    upside -= cue.weight
                for name, wanted in needs:
                    value = values.get(name)
                    if (look_up(name) if value is None else value) != wanted:
                        break
                else:
                    score += cue.weight
                    counted.append(cue)
            margin = score - kind.threshold
            if margin >= 0 and (best is None or margin > best_margin):
                best, best_margin, best_cues = kind, margin, counted
        return (best, [c for c in best_cues if c.weight > 0]) if best else None

    def _plan(self, words: int, known: dict[str, bool]) -> list:
        """Per kind that can still reach its threshold: its score from the known
        features and the cues that wait on a lookup. Worked out once per shape."""
        key = (bisect_right(self.word_bounds, words), *known.values())
        plan = self.plans.get(key)
        if plan is not None:
            return plan
        plan = []
        for kind in self.kinds:
            if words > kind.max_words:
                continue
            fixed, fixed_cues, pending = 0.0, [], []
            for cue in kind.cues:
                if not cue.min_words <= words <= cue.max_words:
                    continue
                needs = []
                for name, wanted in cue.features:
                    value = known.get(name)
                    if value is None:
                        needs.append((name, wanted))
                    elif value != wanted:
                        break
                else:
                    if needs:
                        pending.append((cue, tuple(needs)))
                    else:
                        fixed += cue.weight
                        fixed_cues.append(cue)
            upside = sum(cue.weight for cue, _ in pending if cue.weight > 0)
            if fixed + upside >= kind.threshold:
                plan.append((kind, fixed, tuple(fixed_cues), tuple(pending), upside))
        self.plans[key] = plan
        return plan
