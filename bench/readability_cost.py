"""What readability costs, and what real edited copy scores.

Run from the repository root with the venv active:

    python bench/readability_cost.py            # corpus: ../shared/corpus
    NEWSLINT_CORPUS=/path/to/corpus python bench/readability_cost.py

Reports, for the Multi-News and BBC ``txt`` folders (files read as newslint
reads ``.txt``, no junk rules run):

- the one-time cost of loading textstat, NLTK and the CMU dictionary;
- (times are CPU seconds of this process, steadier than wall time on a busy
  machine; the first pass also pays the shared segmentation, computed once
  per document for every rule type);
- seconds per MB of text for: sentence/paragraph sizes only, the default
  document scores (Flesch–Kincaid grade + Flesch reading ease), and all seven
  scores — first pass (cold per-word memos) and a second pass (warm);
- per formula, the median and 90th percentile of document scores (documents
  of at least 100 words of prose), and sentence-length percentiles with the
  share of sentences over a few limits, to judge the default pack against.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from newslint.checks.base import Rule
from newslint.checks.readability import ReadabilityCheck, count_words, document_stats, prose_paragraphs
from newslint.readers import read_file
from newslint.text.stats import METRICS, textstat

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
FOLDERS = {"multinews": CORPUS / "multinews_longbench" / "txt", "bbc": CORPUS / "bbc_fulltext" / "txt"}
DEFAULT_METRICS = {"flesch_kincaid_grade": {"max": 99}, "flesch_reading_ease": {"min": -99}}
ALL_METRICS = {name: {"max": 999} for name in METRICS}
SENTENCE_LIMITS = (25, 30, 35, 40, 45, 50)


def check(**options) -> ReadabilityCheck:
    return ReadabilityCheck(Rule(id="bench", extends="readability", message="{detail}", options=options))


def load(folder: Path):
    paths = sorted(folder.glob("*.txt"))
    docs = [read_file(path) for path in paths]
    megabytes = sum(path.stat().st_size for path in paths) / 1e6
    return docs, megabytes


def seconds_per_mb(rule: ReadabilityCheck, docs, megabytes: float) -> float:
    start = time.process_time()
    for doc in docs:
        doc.__dict__.pop("_readability_stats", None)  # each pass recomputes the document counts
        list(rule.run(doc))
    return (time.process_time() - start) / megabytes


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report_cost(name: str, docs, megabytes: float) -> None:
    print(f"\n== {name}: {len(docs)} files, {megabytes:.2f} MB")
    sizes = check(sentence_words=35, paragraph_sentences=6, paragraph_words=150)
    for label, rule in (
        ("sizes only (no textstat)", sizes),
        ("default scores (FK grade + reading ease)", check(metrics=DEFAULT_METRICS)),
        ("all seven scores", check(metrics=ALL_METRICS)),
    ):
        cold = seconds_per_mb(rule, docs, megabytes)
        warm = seconds_per_mb(rule, docs, megabytes)
        print(f"  {label:42s} {cold:6.3f} s/MB first pass, {warm:6.3f} s/MB second pass")


def report_distribution(name: str, docs) -> None:
    scored = [stats for stats in map(document_stats, docs) if stats.words >= 100]
    print(f"\n== {name}: document scores ({len(scored)} documents of 100+ words of prose)")
    for metric in METRICS:
        values = [stats.score(metric) for stats in scored]
        median, p10, p90 = statistics.median(values), percentile(values, 0.10), percentile(values, 0.90)
        print(f"  {metric:30s} median {median:6.2f}  p10 {p10:6.2f}  p90 {p90:6.2f}")
    lengths = []
    for doc in docs:
        for paragraph in prose_paragraphs(doc):
            lengths.extend(count_words(doc, start, end) for start, end in doc.block_sentences(paragraph))
    cuts = "  ".join(f"p{int(q * 100)} {percentile(lengths, q)}" for q in (0.5, 0.9, 0.95, 0.99))
    print(f"  sentences: {len(lengths)}, words per sentence {cuts}")
    over = "  ".join(f">{limit}: {sum(n > limit for n in lengths) / len(lengths):.1%}" for limit in SENTENCE_LIMITS)
    print(f"  sentences over a limit: {over}")
    for limit in (35, 40):
        flagged = sum(
            any(count_words(d, s, e) > limit for p in prose_paragraphs(d) for s, e in d.block_sentences(p))
            for d in docs
        )
        print(f"  documents with a sentence over {limit} words: {flagged / len(docs):.1%}")


def main() -> int:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS} (set NEWSLINT_CORPUS)", file=sys.stderr)
        return 2
    start = time.process_time()
    textstat()
    print(f"one-time load of textstat + NLTK + cmudict: {time.process_time() - start:.3f} s")
    corpora = {name: load(folder) for name, folder in FOLDERS.items()}
    for name, (docs, megabytes) in corpora.items():
        report_cost(name, docs, megabytes)
    for name, (docs, _) in corpora.items():
        report_distribution(name, docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
