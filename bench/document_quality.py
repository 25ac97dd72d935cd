"""Score the `document` and `duplicate` rule types on the real corpora.

Usage: python bench/document_quality.py [--corpus DIR] [--show]

Prints document-level precision and recall of the no-article verdicts
(not-article and fragment) against the Multi-News dev labels, the flags on
the clean BBC and ABC (gensim Lee) articles, the verdicts on the unlabeled
Multi-News documents (``--show`` prints each with its first line), and the
cost per MB of each rule type on the Multi-News txt folder.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newslint.engine import ActiveRule, lint_document
from newslint.readers import parse
from newslint.ruleset import load_packs

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
NO_ARTICLE = frozenset({"not-article", "fragment"})


def rules_of(extends: str) -> list[ActiveRule]:
    ruleset = load_packs(["default"])
    return [
        ActiveRule(loaded.rule, loaded.check)
        for _, loaded in sorted(ruleset.rules.items())
        if loaded.rule.extends == extends
    ]


def verdicts(active: list[ActiveRule], text: str, path: str) -> list:
    return lint_document(parse(text, path), active, frozenset())


def multinews(corpus: Path):
    for path in sorted((corpus / "multinews_longbench" / "txt").glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8")


def clean_articles(corpus: Path):
    for path in sorted((corpus / "bbc_fulltext" / "txt").glob("*.txt")):
        yield "bbc", path.stem, path.read_text(encoding="utf-8")
    with open(corpus / "gensim_lee" / "articles.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield "lee", record["id"], record["text"]


def score_documents(corpus: Path, show: bool) -> None:
    active = rules_of("document")
    labels = {}
    with open(corpus / "multinews_longbench" / "labels-dev-000-049.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            labels[record["doc"]] = record["kind"]
    hits = flagged = relevant = 0
    unlabeled = []
    for doc_id, text in multinews(corpus):
        problems = [p for p in verdicts(active, text, doc_id) if p.rule == "document-no-article"]
        kind = labels.get(doc_id)
        if kind is None:
            if problems:
                unlabeled.append((doc_id, problems[0].message, text.strip().splitlines()[0][:90]))
            continue
        relevant += kind in NO_ARTICLE
        flagged += bool(problems)
        hits += bool(problems) and kind in NO_ARTICLE
        if bool(problems) != (kind in NO_ARTICLE):
            print(f"  dev miss: {doc_id} ({kind}) {problems[0].message if problems else 'not flagged'}")
    print(
        f"dev documents: precision {hits / max(flagged, 1):.3f} ({hits}/{flagged}), "
        f"recall {hits / max(relevant, 1):.3f} ({hits}/{relevant})"
    )
    clean = {"bbc": [0, 0], "lee": [0, 0]}
    for source, doc_id, text in clean_articles(corpus):
        problems = verdicts(active, text, doc_id)
        clean[source][0] += 1
        clean[source][1] += bool(problems)
        if problems:
            print(f"  clean flag: {doc_id} {problems[0].message}")
    for source, (docs, bad) in clean.items():
        print(f"{source}: {bad} of {docs} clean articles flagged")
    print(f"unlabeled Multi-News (mn050-mn199): {len(unlabeled)} documents flagged")
    if show:
        for doc_id, message, first in unlabeled:
            print(f"  {doc_id}: {message} | {first}")


def score_duplicates(corpus: Path) -> None:
    """Duplicate flags on the dev articles: how many fall on labeled lines."""
    active = rules_of("duplicate")
    found = labeled = hit = caught = 0
    with open(corpus / "multinews_longbench" / "labels-dev-000-049.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["kind"] != "article":
                continue
            path = corpus / "multinews_longbench" / record["path"]
            junk = {j["line"]: j["label"] for j in record["junk"]}
            flagged_lines = {p.line for p in verdicts(active, path.read_text(encoding="utf-8"), record["doc"])}
            dupes = {n for n, label in junk.items() if label == "duplicate"}
            found += len(flagged_lines)
            hit += len(flagged_lines & set(junk))
            labeled += len(dupes)
            caught += len(dupes & flagged_lines)
            for n in sorted(flagged_lines - set(junk)):
                print(f"  duplicate flag on an unlabeled line: {record['doc']} line {n}")
            for n in sorted(dupes - flagged_lines):
                print(f"  duplicate not flagged: {record['doc']} line {n}")
    print(
        f"duplicate lines: precision {hit / max(found, 1):.3f} ({hit}/{found} flagged lines carry a label); "
        f"recall {caught / max(labeled, 1):.3f} ({caught}/{labeled} lines labeled duplicate; "
        "the short ones are left to boilerplate)"
    )
    clean = sum(bool(verdicts(active, text, doc_id)) for _, doc_id, text in clean_articles(corpus))
    print(f"duplicate: {clean} clean BBC/Lee articles flagged")


def cost_per_mb(corpus: Path) -> None:
    texts = [text for _, text in multinews(corpus)]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for extends in ("document", "duplicate"):
        for rule in rules_of(extends):
            timings = []
            for _ in range(3):
                docs = [parse(text, "x.txt") for text in texts]
                start = time.process_time()
                for doc in docs:
                    lint_document(doc, [rule], frozenset())
                timings.append(time.process_time() - start)
            print(f"{rule.rule.id}: {min(timings) / megabytes * 1000:.0f} ms CPU per MB ({megabytes:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show", action="store_true", help="print every flagged unlabeled document")
    args = parser.parse_args()
    score_documents(args.corpus, args.show)
    score_duplicates(args.corpus)
    cost_per_mb(args.corpus)


if __name__ == "__main__":
    main()
