"""What readability costs, and what real edited copy scores.

Run from the repository root with the venv active:

    python bench/readability_cost.py             # corpus: ../shared/corpus
    python bench/readability_cost.py --verify    # also compare every score with textstat's
    NEWSLINT_CORPUS=/path/to/corpus python bench/readability_cost.py

Reports, for the Multi-News and BBC ``txt`` folders (files read as newslint
reads ``.txt``, no junk rules run):

- the one-time cost of loading the syllable tables and the easy-word list;
- how many documents have a word that cmudict lacks (counted with Pyphen's
  patterns, loaded on the first such word of four letters or more);
- CPU seconds (``time.process_time``, steadier than wall time on a busy
  machine) per M characters of each rule's run alone: the shared segmentation
  (sentences, words, paragraphs) is computed before the clock starts and
  reported on its own line. First pass with cold per-word memos, then warm
  (best of 3);
- textstat itself on the same prose (the cost newslint no longer pays);
- per formula, the median and 90th percentile of document scores (documents
  of at least 100 words of prose), and sentence-length percentiles with the
  share of sentences over a few limits, to judge the default pack against;
- with ``--verify``: every document's seven scores, and the scores of its
  whole text, compared (``==``) with textstat's.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from newslint.checks.base import Rule
from newslint.checks.readability import ReadabilityCheck, count_words, prose_paragraphs, prose_text
from newslint.readers import read_file
from newslint.text import stats, syllables
from newslint.text.stats import METRICS, ProseStats, textstat_reference

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
FOLDERS = {"multinews": CORPUS / "multinews_longbench" / "txt", "bbc": CORPUS / "bbc_fulltext" / "txt"}
# The default pack: readability-grade, sentence-length and paragraph-length.
DEFAULT_GRADE = [{"metrics": {"flesch_kincaid_grade": {"max": 14}}}]
DEFAULT_SIZES = [{"sentence_words": 40}, {"paragraph_sentences": 8, "paragraph_words": 150}]
ALL_METRICS = [{"metrics": {name: {"max": 999} for name in METRICS}}]
# What readability keeps on a Document, recomputed by each pass.
DOCUMENT_CACHES = ("_article_prose",)
SENTENCE_LIMITS = (25, 30, 35, 40, 45, 50)


def checks(specs: list[dict]) -> list[ReadabilityCheck]:
    return [
        ReadabilityCheck(Rule(id=f"bench-{i}", extends="readability", message="{detail}", options=spec))
        for i, spec in enumerate(specs)
    ]


def load(folder: Path):
    paths = sorted(folder.glob("*.txt"))
    start = time.process_time()
    docs = [read_file(path) for path in paths]
    read = time.process_time() - start
    start = time.process_time()
    for doc in docs:  # the shared segmentation, computed once per document for every rule type
        doc.sentences, doc.words, prose_paragraphs(doc)
    segmented = time.process_time() - start
    return docs, sum(len(doc.text) for doc in docs) / 1e6, read, segmented


def run_rules(rules: list[ReadabilityCheck], docs) -> float:
    """CPU seconds of the rules' runs over ``docs``, each document's readability data recomputed."""
    start = time.process_time()
    for doc in docs:
        for key in DOCUMENT_CACHES:
            doc.__dict__.pop(key, None)
        for rule in rules:
            list(rule.run(doc))
    return time.process_time() - start


def cold_memos() -> None:
    """Forget every per-word memo and table, as in a fresh process."""
    syllables.SYLLABLES.__init__()
    stats._TOKEN_COUNTS.clear()
    stats._difficulty.clear()
    stats._easy_words = None


def report_one_time() -> None:
    cold_memos()
    timings = []
    for label, step in (
        ("cmudict table, in place", lambda: syllables.SYLLABLES.of_word("the")),
        ("cmudict table as a dict", lambda: syllables.SYLLABLES.cmudict),
        ("hyphenation patterns", lambda: syllables.SYLLABLES.of_word("zyxwvut")),
        ("easy words (Dale-Chall, Gunning fog only)", stats.easy_words),
    ):
        start = time.perf_counter()
        step()
        timings.append(f"{label} {1000 * (time.perf_counter() - start):.1f} ms")
    print("one-time loads (wall): " + ", ".join(timings))


def report_unknown_words(name: str, docs) -> None:
    cold_memos()
    cmudict = syllables.load_cmudict()
    unknown, needing_patterns = set(), 0
    for doc in docs:
        words = {word.lower() for word in ProseStats(prose_text(doc))._word_counts}
        missing = {word for word in words if cmudict.get(word) is None}
        unknown |= missing
        needing_patterns += any(len(word) >= 4 for word in missing)
    print(
        f"  words missing from cmudict: {len(unknown)} distinct; documents with one of 4+ letters "
        f"(loads the hyphenation patterns): {needing_patterns / len(docs):.0%}"
    )


def report_cost(name: str, docs, megabytes: float, read: float, segmented: float) -> None:
    print(f"\n== {name}: {len(docs)} files, {megabytes:.2f} M characters (CPU ms per M characters)")
    print(f"  reading {1000 * read / megabytes:.0f}, shared segmentation {1000 * segmented / megabytes:.0f}")
    report_unknown_words(name, docs)
    for label, specs in (
        ("sentence-length + paragraph-length", DEFAULT_SIZES),
        ("readability-grade (Flesch-Kincaid)", DEFAULT_GRADE),
        ("all seven scores", ALL_METRICS),
    ):
        rules = checks(specs)
        cold_memos()
        cold, warm = run_rules(rules, docs), min(run_rules(rules, docs) for _ in range(3))
        print(f"  {label:36s} {1000 * cold / megabytes:5.0f} first pass, {1000 * warm / megabytes:5.0f} warm")
    texts = [prose_text(doc) for doc in docs]
    textstat_reference("Warm up. Load textstat and NLTK first.", "flesch_kincaid_grade")
    start = time.process_time()
    for text in texts:
        textstat_reference(text, "flesch_kincaid_grade")
    spent = time.process_time() - start
    print(f"  {'textstat itself, Flesch-Kincaid':36s} {1000 * spent / megabytes:5.0f}")


def verify(name: str, docs) -> None:
    wrong = 0
    for doc in docs:
        for text in (prose_text(doc), doc.text):
            mine = ProseStats(text)
            wrong += sum(mine.score(metric) != textstat_reference(text, metric) for metric in METRICS)
    print(f"  verified against textstat: {len(docs)} documents x 2 texts x {len(METRICS)} scores, {wrong} differ")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report_distribution(name: str, docs) -> None:
    scored = [stats for stats in (ProseStats(prose_text(doc)) for doc in docs) if stats.words >= 100]
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


def main() -> int:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS} (set NEWSLINT_CORPUS)", file=sys.stderr)
        return 2
    report_one_time()
    corpora = {name: load(folder) for name, folder in FOLDERS.items()}
    for name, (docs, megabytes, read, segmented) in corpora.items():
        report_cost(name, docs, megabytes, read, segmented)
        if "--verify" in sys.argv[1:]:
            verify(name, docs)
    for name, (docs, *_) in corpora.items():
        report_distribution(name, docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
