"""Score newslint's page-junk detectors against the labeled corpora.

Run from the repository root with the project's venv:

    python bench/junk_quality.py [--show-misses] [--show-fp] [--unlabeled] [--time] [--only dev|inline|clean]

The corpus folder is ``../shared/corpus`` (or ``$NEWSLINT_CORPUS``). The
default pack is used as shipped; problems are mapped to junk labels by their
category (the boilerplate kinds, ``duplicate``, ``offtopic``) and problems of
``document`` rules count as "no article" verdicts. Scoring follows
``multinews_longbench/LABELS.md`` ("Scoring used in the goals").
"""

from __future__ import annotations

import argparse
import json
import os
import time
import unicodedata
from collections import Counter
from pathlib import Path

from newslint.api import Linter
from newslint.config import Config
from newslint.readers import parse

KINDS = ("promo", "related", "caption", "ad", "notice", "social", "copyright", "artifact", "byline")
JUNK = frozenset(KINDS) | {"duplicate", "offtopic"}
WARNING_UP = frozenset({"warning", "error"})
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
MN = CORPUS / "multinews_longbench"


class Judge:
    """Lints texts with the default pack and reports flagged lines by label."""

    def __init__(self):
        self.linter = Linter()
        rules = self.linter.ruleset(Config()).rules
        self.document_rules = {rid for rid, loaded in rules.items() if loaded.rule.extends == "document"}

    def lint(self, text: str, path: str = "article.txt"):
        return self.linter.lint_text(text, path).problems

    def flagged_lines(self, problems, levels=None) -> dict[int, object]:
        """line -> the problem that flags it (junk categories only)."""
        lines = {}
        for p in problems:
            if p.category in JUNK and p.rule not in self.document_rules and (levels is None or p.level in levels):
                for line in range(p.line, p.end_line + 1):
                    lines.setdefault(line, p)
        return lines

    def no_article(self, problems) -> bool:
        return any(p.rule in self.document_rules for p in problems)


def pct(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "  -  "


def multinews_dev(judge: Judge, args) -> None:
    records = [json.loads(line) for line in (MN / "labels-dev-000-049.jsonl").open()]
    flagged_kind = Counter()
    correct_kind = Counter()
    exact_kind = Counter()
    labeled = Counter()
    found = Counter()
    confusion = Counter()
    doc_tp = doc_fp = doc_fn = 0
    misses, fps = [], []
    for rec in records:
        text = (MN / rec["path"]).read_text(encoding="utf-8")
        lines = text.split("\n")
        problems = judge.lint(text, rec["path"])
        is_non_article = rec["kind"] in ("not-article", "fragment")
        verdict = judge.no_article(problems)
        doc_tp += verdict and is_non_article
        doc_fp += verdict and not is_non_article
        doc_fn += is_non_article and not verdict
        if rec["kind"] != "article":
            continue
        labels = {j["line"]: j["label"] for j in rec["junk"]}
        flags = judge.flagged_lines(problems)
        for line, problem in flags.items():
            kind = problem.category
            flagged_kind[kind] += 1
            if line in labels:
                correct_kind[kind] += 1
                exact_kind[kind] += labels[line] == kind
                if labels[line] != kind:
                    confusion[(kind, labels[line])] += 1
            else:
                fps.append((rec["doc"], line, kind, lines[line - 1]))
        for line, label in labels.items():
            labeled[label] += 1
            if line in flags:
                found[label] += 1
            else:
                misses.append((rec["doc"], line, label, lines[line - 1]))
    print("## Multi-News dev (mn000-mn049, hand labels)\n")
    print("| kind | flagged | precision | same kind | labeled | recall |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in (*KINDS, "duplicate", "offtopic"):
        print(
            f"| {kind} | {flagged_kind[kind]} | {pct(correct_kind[kind], flagged_kind[kind])} | "
            f"{pct(exact_kind[kind], flagged_kind[kind])} | {labeled[kind]} | {pct(found[kind], labeled[kind])} |"
        )
    all_flagged = sum(flagged_kind.values())
    all_correct = sum(correct_kind.values())
    recall_den = sum(n for label, n in labeled.items() if label != "byline")
    recall_num = sum(n for label, n in found.items() if label != "byline")
    print(
        f"| **overall** (recall without byline) | {all_flagged} | **{pct(all_correct, all_flagged)}** | "
        f"{pct(sum(exact_kind.values()), all_flagged)} | {recall_den} | **{pct(recall_num, recall_den)}** |"
    )
    boiler_den = sum(labeled[k] for k in KINDS if k != "byline")
    boiler_num = sum(found[k] for k in KINDS if k != "byline")
    print(f"| boilerplate kinds only (recall) | | | | {boiler_den} | {pct(boiler_num, boiler_den)} |\n")
    if confusion:
        print(
            "Flagged with another kind than its label (flagged -> label): "
            + ", ".join(f"{a}->{b} {n}" for (a, b), n in sorted(confusion.items()))
        )
        print()
    if judge.document_rules:
        print(
            "Documents with no article (not-article + fragment vs document-rule verdicts): "
            f"precision {pct(doc_tp, doc_tp + doc_fp)}, recall {pct(doc_tp, doc_tp + doc_fn)}\n"
        )
    else:
        print("Documents with no article: skipped (no rule of type `document` in the default pack)\n")
    if args.show_misses:
        print("### Misses\n")
        for doc, line, label, text in misses:
            print(f"  {doc}:{line} [{label}] {text[:160]}")
        print()
    if args.show_fp:
        print("### False positives (flagged, labeled body)\n")
        for doc, line, kind, text in fps:
            print(f"  {doc}:{line} [{kind}] {text[:160]}")
        print()


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).lower()


def _inline_docs(path: Path):
    """(id, lines, junk line numbers, body line numbers) per page: the span between the first and last body line."""
    for raw in path.open(encoding="utf-8"):
        rec = json.loads(raw)
        lines = rec["page_text_lines"]
        if "line_labels" in rec:
            is_junk = [label == "boilerplate" for label in rec["line_labels"]]
            is_body = [label == "content" for label in rec["line_labels"]]
            anchors = [i for i, body in enumerate(is_body) if body]
        else:
            if rec.get("body_status", "ok") != "ok" or not rec.get("body"):
                continue
            body = _norm(rec["body"])
            is_body = [bool(_norm(line)) and _norm(line) in body for line in lines]
            inline = set(rec["inline_boilerplate_lines"])
            is_junk = [line in inline and not b for line, b in zip(lines, is_body, strict=True)]
            anchors = [i for i, b in enumerate(is_body) if b and len(lines[i].strip()) >= 20]
        if not anchors:
            continue
        first, last = anchors[0], anchors[-1]
        span = [line.strip() for line in lines[first : last + 1]]
        keep = [i for i, line in enumerate(span) if line]
        text = "\n".join(span[i] for i in keep)
        junk = {n + 1 for n, i in enumerate(keep) if is_junk[first + i]}
        body_lines = {n + 1 for n, i in enumerate(keep) if is_body[first + i] and not is_junk[first + i]}
        yield rec["id"], text, junk, body_lines


def inline_boilerplate(judge: Judge, args) -> None:
    print("## Inline boilerplate of extraction benchmarks (mechanical labels)\n")
    print("| corpus | pages | inline junk lines | recall | flagged body lines | precision |")
    print("|---|---:|---:|---:|---:|---:|")
    sources = [
        ("aeb_scrapinghub", CORPUS / "aeb_scrapinghub/labeled.jsonl"),
        ("trafilatura_eval (en)", CORPUS / "trafilatura_eval/labeled_en.jsonl"),
        ("newspaper_fulltext", CORPUS / "newspaper_fulltext/labeled.jsonl"),
    ]
    listing = []
    for name, path in sources:
        pages = junk_total = junk_found = body_flagged = 0
        for doc_id, text, junk, body in _inline_docs(path):
            pages += 1
            flags = judge.flagged_lines(judge.lint(text))
            junk_total += len(junk)
            junk_found += len(junk & flags.keys())
            body_flagged += len(body & flags.keys())
            if args.show_fp:
                lines = text.split("\n")
                listing += [(name, doc_id, n, flags[n].category, lines[n - 1]) for n in sorted(body & flags.keys())]
        precision = pct(junk_found, junk_found + body_flagged)
        print(f"| {name} | {pages} | {junk_total} | {pct(junk_found, junk_total)} | {body_flagged} | {precision} |")
    print()
    if listing:
        print("### Body lines flagged in the extraction benchmarks\n")
        for name, doc_id, line, kind, text in listing:
            print(f"  {name} {doc_id[:16]}:{line} [{kind}] {text[:160]}")
        print()


def clean_articles(judge: Judge, args) -> None:
    print("## Clean edited articles (false positives at warning or above)\n")
    print("| corpus | articles | flags | per 100 articles | by kind |")
    print("|---|---:|---:|---:|---|")
    bbc = sorted((CORPUS / "bbc_fulltext/txt").glob("*.txt"))
    sources = [
        ("bbc_fulltext", [(p.stem, p.read_text(encoding="utf-8")) for p in bbc]),
        ("gensim_lee", [(r["id"], r["text"]) for r in map(json.loads, (CORPUS / "gensim_lee/articles.jsonl").open())]),
    ]
    listing = []
    for name, docs in sources:
        kinds = Counter()
        for doc_id, text in docs:
            flags = judge.flagged_lines(judge.lint(text), WARNING_UP)
            seen = {id(p): p for p in flags.values()}
            for p in seen.values():
                kinds[p.category] += 1
                listing.append((name, doc_id, p.line, p.category, p.message, p.match))
        total = sum(kinds.values())
        by_kind = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "-"
        print(f"| {name} | {len(docs)} | {total} | {100 * total / len(docs):.2f} | {by_kind} |")
    print()
    if args.show_fp and listing:
        print("### Flags on clean articles\n")
        for name, doc_id, line, kind, message, match in listing:
            print(f"  {name} {doc_id}:{line} [{kind}] {match[:120]!r}\n      {message}")
        print()


def unlabeled_sample(judge: Judge, args) -> None:
    """Every junk flag on the unlabeled clusters mn050-mn199, to read by eye."""
    counts = Counter()
    print("## Unlabeled Multi-News clusters mn050-mn199 (flags to read by eye)\n")
    for path in sorted((MN / "txt").glob("*.txt")):
        if int(path.stem[2:5]) < 50:
            continue
        for line, p in sorted(judge.flagged_lines(judge.lint(path.read_text(encoding="utf-8"))).items()):
            counts[p.category] += 1
            print(f"  {path.stem}:{line} [{p.category}] {p.match[:140]}")
    print("\n" + ", ".join(f"{k} {n}" for k, n in sorted(counts.items())) + "\n")


def timing(judge: Judge) -> None:
    """Cost of the boilerplate rules alone on the Multi-News txt folder, next
    to the existence rules (a plain word list) measured in the same run."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((MN / "txt").glob("*.txt"))]
    size = sum(len(t) for t in texts) / 1e6
    active = judge.linter.active_rules(Config(), None)[0]
    print("## Cost (CPU time, best of 5, parsing excluded)\n")
    for rule_type in ("boilerplate", "existence"):
        checks = [item.check for item in active if item.rule.extends == rule_type]
        best = float("inf")
        for _ in range(5):
            docs = [parse(t, "a.txt", "text") for t in texts]
            for doc in docs:
                doc.body_blocks  # noqa: B018 - shared segmentation, paid once by any rule
            start = time.process_time()
            for doc in docs:
                for check in checks:
                    for _problem in check.run(doc):
                        pass
            best = min(best, time.process_time() - start)
        print(
            f"- {rule_type} ({len(checks)} rule{'s' if len(checks) != 1 else ''}): {best * 1000:.0f} ms "
            f"on {size:.2f} M characters of Multi-News = {best / size * 1000:.0f} ms per M characters"
        )
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-misses", action="store_true", help="list the labeled lines not flagged")
    parser.add_argument("--show-fp", action="store_true", help="list the flagged lines labeled body")
    parser.add_argument("--unlabeled", action="store_true", help="list every flag on clusters mn050-mn199")
    parser.add_argument("--time", action="store_true", help="time the boilerplate rules alone")
    parser.add_argument("--only", choices=("dev", "inline", "clean"), help="run one section")
    args = parser.parse_args()
    judge = Judge()
    sections = {"dev": multinews_dev, "inline": inline_boilerplate, "clean": clean_articles}
    for name, section in sections.items():
        if args.only in (None, name):
            section(judge, args)
    if args.unlabeled:
        unlabeled_sample(judge, args)
    if args.time:
        timing(judge)


if __name__ == "__main__":
    main()
