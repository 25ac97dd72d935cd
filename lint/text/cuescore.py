"""A weighted-cue model: kinds, each with cues and a threshold, read from YAML.

A cue is a conjunction of named boolean features joined by ``+`` (``!``
negates one; ``words>=N`` / ``words<=N`` bound the line's length) and a
weight. A kind's score is the sum of the weights of its cues that hold; the
kind with the best margin over its threshold wins.

Some features are known up front (cheap: the line's shape and position),
others are looked up on demand (phrase patterns, neighbours). ``Scorer``
works out once per shape which cues still wait on a lookup and stops looking
as soon as a kind can no longer reach its threshold. It also works out the
shape's *gate*: the gateable features (phrase groups) one of which must hold
for any kind to reach its threshold, so that the caller can rule out most
prose lines with one cheap screen before any lookup. When some kind needs no
gateable feature there is no gate, but the kinds that have one drop out when
theirs fails (``Plan.fallback``). Plans and their restrictions are cached per
shape, and a kind's part of them per the features its cues name.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass

from newslint import regexcache

LEVELS = ("suggestion", "warning", "error")
UNBOUNDED = 1 << 30
RESTRICTED_CACHE = 4096  # restricted plans kept at most
_WORD_BOUND = regexcache.compile(r"words(>=|<=)(\d+)$")


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


@dataclass(frozen=True)
class Plan:
    """What a line of one shape can still become.

    ``kinds`` holds per kind that can still reach its threshold (kind, score
    from the known features, the cues that counted, the cues waiting on a
    lookup, their positive weight). ``gate`` is None, or the gateable
    features one of which must hold for any kind to reach its threshold
    (empty: no kind can). ``cheap`` names the gateable features of cost 0
    that some cue waiting on a lookup needs: ruling them out is cheap.
    ``waiting`` names every feature that a cue waiting on a lookup needs.

    When ``gate`` is None because some kinds need no gateable feature, the
    others still have gates: ``partial_gate`` is their union, and
    ``fallback`` the plan of the kinds without one, which is all that is
    left when none of ``partial_gate`` holds.
    """

    kinds: tuple
    gate: frozenset[str] | None
    cheap: frozenset[str] = frozenset()
    waiting: frozenset[str] = frozenset()
    partial_gate: frozenset[str] = frozenset()
    fallback: Plan | None = None


class Scorer:
    """Judges one line at a time against the kinds."""

    def __init__(self, kinds: list[Kind], gateable: dict[str, int] | None = None):
        """``gateable`` maps the features a gate may name to the cost of
        screening them (the cheaper one of a cue's features is picked)."""
        self.kinds = kinds
        self.gateable = gateable or {}
        # Word counts at which some cue switches on or off: lines between two
        # bounds (and of one shape) share a plan.
        bounds = {c.min_words for k in kinds for c in k.cues} | {c.max_words + 1 for k in kinds for c in k.cues}
        self.word_bounds = sorted(bounds | {k.max_words + 1 for k in kinds})
        self.plans: dict[tuple, Plan] = {}
        # The features each kind's cues name, and each kind's part of a plan by them.
        self.kind_features = [sorted({name for cue in kind.cues for name, _ in cue.features}) for kind in kinds]
        # ... and the word counts at which one of its own cues switches.
        self.kind_bounds = [
            sorted({c.min_words for c in kind.cues} | {c.max_words + 1 for c in kind.cues} | {kind.max_words + 1})
            for kind in kinds
        ]
        self.parts: dict[tuple, tuple] = {}
        self.restricted: dict[tuple[int, frozenset[str]], Plan] = {}
        self.restricted_entries: dict[tuple[int, frozenset[str]], tuple | None] = {}
        self.entry_names: dict[int, frozenset[str]] = {}  # features that an entry's waiting cues name
        self.assembled: dict[tuple[int, ...], Plan] = {}  # the ids of a plan's parts -> the plan

    def judge(self, plan: Plan, values: dict[str, bool], look_up: Callable[[str], bool]):
        """The best kind over its threshold and the positive cues that counted, or None.

        ``plan`` comes from ``plan(words, known)``; ``values`` holds the
        features looked up so far, and ``look_up(name)`` looks one up.
        """
        best, best_margin, best_cues = None, 0.0, []
        for kind, fixed, fixed_cues, pending, upside in plan.kinds:
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

    def plan(self, words: int, known: dict[str, bool]) -> Plan:
        """Per kind that can still reach its threshold: its score from the known
        features and the cues that wait on a lookup. Worked out once per shape."""
        bound = bisect_right(self.word_bounds, words)
        key = (bound, *known.values())
        plan = self.plans.get(key)
        if plan is not None:
            return plan
        parts = []
        for kind, names, bounds in zip(self.kinds, self.kind_features, self.kind_bounds, strict=True):
            # A kind's part depends only on the features its cues name: lines
            # of many shapes share it, so it is worked out once per kind.
            part_key = (id(kind), bisect_right(bounds, words), *map(known.get, names))
            part = self.parts.get(part_key)
            if part is None:
                part = self.parts[part_key] = self._kind_part(kind, words, known)
            parts.append(part)
        # Many shapes share all their parts, and so their plan.
        combination = tuple(map(id, parts))  # parts live as long as the scorer
        plan = self.assembled.get(combination)
        if plan is None:
            plan = self.assembled[combination] = self._assemble(parts)
        self.plans[key] = plan
        return plan

    def _assemble(self, parts: list[tuple]) -> Plan:
        """The plan of a line from the part of each kind."""
        entries, gate, cheap = [], set(), set()
        ungated, partial_gate = [], set()  # the parts of kinds that need no gateable feature; the others' gates
        for part in parts:
            entry, kind_gate, kind_cheap = part
            if entry is None:
                continue
            entries.append(entry)
            gate = None if gate is None or kind_gate is None else gate | kind_gate
            cheap |= kind_cheap
            if kind_gate is None:
                ungated.append(part)
            else:
                partial_gate |= kind_gate
        if gate is None and len(ungated) < len(entries):
            # Kinds with a gate can be dropped when it fails; the others stay.
            fallback_cheap = set().union(*(kind_cheap for _, _, kind_cheap in ungated))
            fallback = self._plan_of([entry for entry, _, _ in ungated], None, fallback_cheap)
            return self._plan_of(entries, None, cheap, frozenset(partial_gate), fallback)
        return self._plan_of(entries, gate, cheap)

    def _plan_of(self, entries: list, gate: set[str] | None, cheap: set[str], partial_gate=frozenset(), fallback=None):
        waiting = frozenset().union(*map(self._waiting, entries))
        gate = None if gate is None else frozenset(gate)
        return Plan(tuple(entries), gate, frozenset(cheap), waiting, partial_gate, fallback)

    def _waiting(self, entry: tuple) -> frozenset[str]:
        """The features that the cues of a plan's entry wait on."""
        names = self.entry_names.get(id(entry))  # entries live in ``parts``, as long as the scorer
        if names is None:
            names = self.entry_names[id(entry)] = frozenset(name for _, needs in entry[3] for name, _ in needs)
        return names

    def _kind_part(self, kind: Kind, words: int, known: dict[str, bool]) -> tuple:
        """One kind's entry of a plan (None when it cannot reach its threshold),
        its gate, and the cheap gateable features its pending cues need."""
        if words > kind.max_words:
            return None, set(), frozenset()
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
        if fixed + upside < kind.threshold:
            return None, set(), frozenset()
        cheap = frozenset(
            name
            for cue, needs in pending
            for name, wanted in needs
            if wanted and cue.weight > 0 and self.gateable.get(name) == 0
        )
        entry = (kind, fixed, tuple(fixed_cues), tuple(pending), upside)
        return entry, self._kind_gate(kind, fixed, tuple(pending)), cheap

    def restrict(self, plan: Plan, absent: frozenset[str]) -> Plan:
        """``plan`` once the features in ``absent`` are known to be false:
        the cues that need one of them drop out, and so do the kinds that can
        then no longer reach their threshold. Cached per plan and set."""
        absent = absent & plan.waiting  # what no cue waits on changes nothing
        if not absent:
            return plan
        key = (id(plan), absent)  # plans live as long as the scorer
        cached = self.restricted.get(key)
        if cached is None:
            if len(self.restricted) >= RESTRICTED_CACHE:  # a long run meets many sets: stay bounded
                self.restricted.clear()
                self.restricted_entries.clear()
            kinds = (self._restrict_entry(entry, absent) for entry in plan.kinds)
            cached = self.restricted[key] = Plan(tuple(entry for entry in kinds if entry is not None), None)
        return cached

    def _restrict_entry(self, entry: tuple, absent: frozenset[str]) -> tuple | None:
        """One kind's entry of a plan once ``absent`` is known false; None
        when the kind can no longer reach its threshold. Many plans share an
        entry: it is cached by the absent features that its cues name."""
        absent = absent & self._waiting(entry)
        if not absent:
            return entry
        key = (id(entry), absent)
        if key in self.restricted_entries:
            return self.restricted_entries[key]
        kind, fixed, fixed_cues, pending, _ = entry
        fixed_cues, kept = list(fixed_cues), []
        for cue, needs in pending:
            if any(wanted and name in absent for name, wanted in needs):
                continue
            needs = tuple(need for need in needs if need[0] not in absent)  # '!absent' holds
            if needs:
                kept.append((cue, needs))
            else:
                fixed += cue.weight
                fixed_cues.append(cue)
        upside = sum(cue.weight for cue, _ in kept if cue.weight > 0)
        restricted = None
        if fixed + upside >= kind.threshold:
            restricted = (kind, fixed, tuple(fixed_cues), tuple(kept), upside)
        self.restricted_entries[key] = restricted
        return restricted

    def _kind_gate(self, kind: Kind, fixed: float, pending: tuple) -> set[str] | None:
        """One kind's gate: the features that reach the threshold on their own
        (with the cues that need no gateable feature), and, when the kind
        could still reach it without them, one feature of each other cue."""
        gated_cues = []  # (cue, the gateable features it needs)
        free = fixed
        for cue, needs in pending:
            if cue.weight <= 0:
                continue
            gated = sorted((name for name, wanted in needs if wanted and name in self.gateable), key=self.gateable.get)
            if gated:
                gated_cues.append((cue, gated))
            else:
                free += cue.weight
        if free >= kind.threshold:
            return None
        solo = {}  # feature -> the score it reaches as the only gateable feature that holds
        for cue, gated in gated_cues:
            if len(gated) == 1:
                solo[gated[0]] = solo.get(gated[0], free) + cue.weight
        gate = {name for name, score in solo.items() if score >= kind.threshold}
        rest = [(cue, gated) for cue, gated in gated_cues if not gate.intersection(gated)]
        if free + sum(cue.weight for cue, _ in rest) < kind.threshold:
            return gate  # without one of those, the other cues fall short together
        # A cue fails when any one of its features does: one per cue is
        # enough (the cheapest), and one already in the gate keeps it small.
        for _, gated in sorted(rest, key=lambda item: len(item[1])):
            if not gate.intersection(gated):
                gate.add(gated[0])
        return gate
