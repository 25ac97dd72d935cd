"""Where newslint's time goes: per stage and per rule type, in one process.

    python bench/profile_stages.py [FOLDER]

Stages: reading (bytes, UTF-8), parsing (Document, blocks, prose view),
segmentation (sentences; words and quotations are counted in the first rule
type that asks for them), each rule type's checks, and output (JSON). Used by bench/speed.py; runnable alone.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

from newslint.api import Linter
from newslint.engine import JUNK_CATEGORIES
from newslint.formatters import get
from newslint.problem import FileResult
from newslint.readers import decode, format_of, parse, read_bytes


def profile(folder: Path) -> list[str]:
    linter = Linter(cwd=folder)
    config = linter.config_for(folder)
    active, _, _ = linter.active_rules(config, None)
    paths = sorted(folder.rglob("*.txt"))
    size = sum(p.stat().st_size for p in paths) / 1e6
    costs: dict[str, float] = defaultdict(float)
    results = []
    for path in paths:
        t0 = time.process_time()
        text, _ = decode(read_bytes(path))
        t1 = time.process_time()
        doc = parse(text, path.name, format_of(path))
        t2 = time.process_time()
        # Sentences are used by nearly every rule; words and quotations are
        # computed by the first rule that asks, and counted in its time.
        doc.sentences  # noqa: B018

        t3 = time.process_time()
        costs["reading"] += t1 - t0
        costs["parsing"] += t2 - t1
        costs["segmentation"] += t3 - t2
        problems = []
        phase = 0
        for item in sorted(active, key=lambda item: item.check.PHASE):
            if item.check.PHASE != phase:
                phase = item.check.PHASE
                doc.junk_spans = sorted({(p.start, p.end) for p in problems if p.category in JUNK_CATEGORIES})
            start = time.process_time()
            problems.extend(item.check.run(doc))
            costs[f"rule type {item.rule.extends}"] += time.process_time() - start
        results.append(FileResult(path.name, tuple(problems)))
    start = time.process_time()
    for _ in get("json")(iter(results), {}, False):
        pass
    costs["output (json)"] += time.process_time() - start
    total = sum(costs.values())
    lines = [
        f"Per stage and rule type (CPU seconds), one process, {len(paths)} files, {size:.2f} MB:",
        "",
        "| stage | seconds | ms per MB | share |",
        "|---|---:|---:|---:|",
    ]
    for name, seconds in sorted(costs.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {seconds:.3f} | {seconds / size * 1000:.0f} | {seconds / total:.0%} |")
    lines.append(f"| total | {total:.3f} | {total / size * 1000:.0f} | 100% |")
    return lines


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "multinews_longbench" / "txt"
    print("\n".join(profile(Path(sys.argv[1]) if len(sys.argv) > 1 else default)))
