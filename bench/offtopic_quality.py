"""Detection quality of the `offtopic` rule on a splice set built from real news.

    python bench/offtopic_quality.py [--seed N] [--show-fp] [--show-misses] [--speed]
    python bench/offtopic_quality.py --common-words   # rebuild the rule's background list

Clean articles (BBC, ABC/Lee, Multi-News dev articles without junk labels) get
a real block from an unrelated article (another BBC topic, another Multi-News
cluster; 1-3 paragraphs) or a real author bio (harvested by pattern from the
fake-or-real news sample) appended at the end or inserted in the middle; the
RNG is seeded, so the set is reproducible. A donor block starts at a
paragraph that does not open with a referring word ("He", "But", "This"...;
see ``standalone_start``): real pasted blocks (a second story, a gallery, a
promo, a bio) begin where their source's unit begins, not at "He said ..." in
the middle of another story. Quotation-heavy donor paragraphs and short ones
stay in the set: they are real splices an editor wants found. Control articles
that a person found to run two stories together (``NATURAL``) are not clean:
they are reported apart, as natural cases. Printed: recall of spliced blocks
(found = one problem covers more than half of the block's lines), the share
of unspliced articles with any offtopic problem, both split by position and
block length, on a tuning part (BBC business and politics, Lee) and a held-out
part (BBC entertainment, sport and tech, Multi-News); then line recall and
precision on the `offtopic` lines of the Multi-News dev labels (other junk
labels are given to the rule as phase-0 junk, as the default pack would).
The corpus is ``../shared/corpus`` from the repository root, or $NEWSLINT_CORPUS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from newslint.engine import ActiveRule, lint_document
from newslint.readers import parse
from newslint.ruleset import build, parse_rule
from newslint.yamlfile import load

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
MN = CORPUS / "multinews_longbench"
TUNE_BBC = {"business", "politics"}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z0-9])")
# First words that refer back to something said before: a block opening with one is
# the middle of its story ("He said ..."), not a unit someone pasted.
REFERRING = frozenset("he she it they his her its their this these those but and however meanwhile also".split())
FIRST_WORD = re.compile(r"\W*(\w+)")
# Control articles that, read by hand, are two stories run together: the Lee
# background corpus joins some ABC items into one document. Their second story
# is a real appended block, so each counts as a natural case, not as a clean
# article (id -> the second story's first words; it runs to the end).
NATURAL = {
    "lee_background_114": "US and Afghan forces scoured",  # cabinet anti-terror laws, then Tora Bora
    "lee_background_152": "Israeli warplanes have bombed",  # cricket Test, then Gaza air strikes
    "lee_background_283": "The Palestinian Authority has launched",  # Davis Cup final, then Hamas arrests
}
BIO = re.compile(
    r"\b(?:is an? (?:\w+ ){0,4}?(?:writer|author|activist|journalist|columnist|blogger|editor|contributor|reporter)\b"
    r"|send (?:him|her) an e-?mail|follow (?:him|her) on twitter)",
    re.IGNORECASE,
)


@dataclass
class Article:
    id: str
    group: str  # tune | test
    topic: str  # BBC category, Multi-News cluster, "lee"
    title: str
    paragraphs: list[str]


@dataclass
class Case:
    article: Article
    text: str
    fmt: str
    block_lines: tuple[int, ...] = ()  # 1-based lines of the spliced block
    position: str = ""  # appended | inserted
    kind: str = ""  # story | bio | natural
    length: int = 0


def _jsonl(path: Path):
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _lee_paragraphs(text: str) -> list[str]:
    """ABC items are one line; cut them into two-sentence paragraphs, as news runs."""
    sentences = [s for s in SENTENCE_END.split(text.strip()) if s]
    return [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]


def load_articles() -> list[Article]:
    articles = []
    for row in _jsonl(CORPUS / "bbc_fulltext" / "articles.jsonl"):
        group = "tune" if row["category"] in TUNE_BBC else "test"
        paragraphs = [p for p in row["text"].split("\n") if p.strip()]
        articles.append(Article(row["id"], group, row["category"], row["title"], paragraphs))
    for row in _jsonl(CORPUS / "gensim_lee" / "articles.jsonl"):
        articles.append(Article(row["id"], "tune", "lee", "", _lee_paragraphs(row["text"])))
    for label in _jsonl(MN / "labels-dev-000-049.jsonl"):
        if label["kind"] == "article" and not label["junk"]:
            lines = (MN / label["path"]).read_text(encoding="utf-8").split("\n")
            paragraphs = [line for line in lines if line.strip()]
            articles.append(Article(label["doc"], "test", label["doc"][:5], "", paragraphs))
    return articles


def mn_donor_blocks() -> dict[str, list[list[str]]]:
    """Runs of unlabeled prose lines of the dev articles, by cluster."""
    runs = defaultdict(list)
    for label in _jsonl(MN / "labels-dev-000-049.jsonl"):
        if label["kind"] != "article":
            continue
        junk = {item["line"] for item in label["junk"]}
        run: list[str] = []
        for number, line in enumerate((MN / label["path"]).read_text(encoding="utf-8").split("\n"), 1):
            if number in junk or len(line) < 80:
                if len(run) >= 3:
                    runs[label["doc"][:5]].append(run)
                run = []
            else:
                run.append(line)
        if len(run) >= 3:
            runs[label["doc"][:5]].append(run)
    return runs


def harvest_bios() -> list[str]:
    """Author-bio paragraphs of the fake-or-real sample, found by pattern."""
    bios = []
    for row in _jsonl(CORPUS / "fake_or_real_news_sample" / "articles.jsonl"):
        for line in row["text"].split("\n"):
            if 60 <= len(line) <= 900 and BIO.search(line) and line not in bios:
                bios.append(line.strip())
    return bios


def standalone_start(paragraphs: list[str], length: int, rng: random.Random) -> int:
    """A random start for a donor block of ``length`` paragraphs that reads as a unit.

    Real pasted blocks (a second story, a gallery, a promo, a bio) begin where
    their source's unit begins, not at "He said ..." in the middle of another
    story, so the block's first paragraph must not open with a referring word.
    The donor's lede always qualifies.
    """
    starts = [
        i
        for i in range(len(paragraphs) - length + 1)
        if (m := FIRST_WORD.match(paragraphs[i])) is None or m.group(1).lower() not in REFERRING
    ]
    return rng.choice(starts) if starts else 0


def render(article: Article, paragraphs: list[str]) -> tuple[str, str, int]:
    """(text, format, line of the first paragraph): Markdown with its headline when titled."""
    if article.title:
        return f"# {article.title}\n\n" + "\n\n".join(paragraphs) + "\n", "markdown", 3
    return "\n".join(paragraphs) + "\n", "text", 1


def build_cases(articles: list[Article], seed: int) -> list[Case]:
    rng = random.Random(seed)
    bios = harvest_bios()
    mn_runs = mn_donor_blocks()
    bbc = [a for a in articles if a.id.startswith("bbc_") and len(a.paragraphs) >= 3]
    cases = []
    for article in articles:
        text, fmt, first = render(article, article.paragraphs)
        if article.id in NATURAL:  # already holds an off-topic block: a case of its own, no splice
            at = next(i for i, p in enumerate(article.paragraphs) if NATURAL[article.id] in p)
            step = 2 if fmt == "markdown" else 1
            lines = tuple(first + step * i for i in range(at, len(article.paragraphs)))
            cases.append(Case(article, text, fmt, lines, "appended", "natural", len(lines)))
            continue
        cases.append(Case(article, text, fmt))
        if len(article.paragraphs) < 3:
            continue
        position = rng.choice(("appended", "inserted"))
        length = rng.choice((1, 2, 3))
        if rng.random() < 0.2:
            block, kind, length = [rng.choice(bios)], "bio", 1
        elif article.topic.startswith("mn"):
            clusters = sorted(c for c in mn_runs if c != article.topic)
            donor = rng.choice(mn_runs[rng.choice(clusters)])
            start = standalone_start(donor, min(length, len(donor)), rng)
            block, kind = donor[start : start + length], "story"
        else:
            donor = rng.choice([d for d in bbc if d.topic != article.topic])
            length = min(length, len(donor.paragraphs))
            start = standalone_start(donor.paragraphs, length, rng)
            block, kind = donor.paragraphs[start : start + length], "story"
        at = len(article.paragraphs) if position == "appended" else rng.randrange(1, len(article.paragraphs))
        paragraphs = article.paragraphs[:at] + block + article.paragraphs[at:]
        text, fmt, first = render(article, paragraphs)
        step = 2 if fmt == "markdown" else 1
        lines = tuple(first + step * (at + i) for i in range(len(block)))
        cases.append(Case(article, text, fmt, lines, position, kind, len(block)))
    return cases


def load_rule():
    """The built-in offtopic rule alone (other rule files may be mid-edit)."""
    path = ROOT / "rules" / "offtopic.yml"
    data = load(path.read_text(encoding="utf-8"), str(path))
    rule = parse_rule(data, "offtopic")
    return [ActiveRule(rule, build(rule, data))], frozenset({"offtopic"})


def lint(active, known, text: str, fmt: str, junk_lines: set[int] = frozenset()):
    doc = parse(text, "article.md" if fmt == "markdown" else "article.txt", fmt)
    if junk_lines:
        doc.junk_spans = [doc.line_span(line) for line in sorted(junk_lines)]
    return lint_document(doc, active, known)


def covered(problems) -> set[int]:
    return {line for p in problems for line in range(p.line, p.end_line + 1)}


def splice_report(cases: list[Case], active, known, show_fp: bool, show_misses: bool) -> None:
    found = defaultdict(Counter)  # group -> Counter of (key, hit)
    for case in cases:
        problems = lint(active, known, case.text, case.fmt)
        group = case.article.group
        if not case.block_lines:
            for key in (group, "all"):
                found[key]["clean"] += 1
                found[key]["fp"] += bool(problems)
            if problems and show_fp:
                for p in problems:
                    print(f"FP {case.article.id} line {p.line}-{p.end_line}: {p.message}\n   {p.match[:300]!r}")
            continue
        text_lines = case.text.split("\n")
        lines = {line for line in covered(problems) if text_lines[line - 1].strip()}
        hit = any(
            sum(line in range(p.line, p.end_line + 1) for line in case.block_lines) * 2 > len(case.block_lines)
            for p in problems
        )
        length = f"{min(case.length, 3)}{'+' if case.length >= 3 else ''} par"
        if case.kind == "natural":
            found["all"]["natural"] += 1
            found["all"]["natural hit"] += hit
            continue
        for key in (group, "all"):
            for part in ("spliced", case.position, case.kind, length):
                found[key][part] += 1
                found[key][part + " hit"] += hit
            found[key]["extra"] += bool(lines - set(case.block_lines))
        if show_misses and not hit:
            print(
                f"MISS {case.article.id} {case.position} {case.kind} x{case.length}: {case.text[:0]}"
                f"{[(p.line, p.end_line, p.message) for p in problems]}"
            )
    parts = ["spliced", "appended", "inserted", "story", "bio", "1 par", "2 par", "3+ par"]
    print("| set | clean articles | FP rate | " + " | ".join(f"recall {p}" for p in parts) + " |")
    print("|---" * (len(parts) + 3) + "|")
    for key in ("tune", "test", "all"):
        row = found[key]
        cells = [f"{row[p + ' hit'] / row[p]:.3f} ({row[p]})" if row[p] else "-" for p in parts]
        fp = row["fp"] / row["clean"] if row["clean"] else 0
        print(f"| {key} | {row['clean']} | {fp:.4f} ({row['fp']}) | " + " | ".join(cells) + " |")
    print(f"spliced articles with a problem off the block: {found['all']['extra']}")
    natural = found["all"]
    print(f"natural: {natural['natural hit']} of {natural['natural']} control articles that run two stories together")


def dev_label_report(active, known, show: bool) -> None:
    labeled = flagged = right = lenient = 0
    for label in _jsonl(MN / "labels-dev-000-049.jsonl"):
        if label["kind"] != "article":
            continue
        text = (MN / label["path"]).read_text(encoding="utf-8")
        offtopic = {j["line"] for j in label["junk"] if j["label"] == "offtopic"}
        junk = {j["line"] for j in label["junk"]} - offtopic
        problems = lint(active, known, text, "text", junk)
        lines = {line for line in covered(problems) if text.split("\n")[line - 1].strip()}
        labeled += len(offtopic)
        flagged += len(lines)
        right += len(lines & offtopic)
        lenient += len(lines & (offtopic | junk))
        if show and problems:
            for p in problems:
                print(f"DEV {label['doc']} lines {p.line}-{p.end_line} (labeled {sorted(offtopic)}): {p.message}")
    precision = right / flagged if flagged else 1.0
    print(
        f"dev labels: offtopic lines {labeled}, flagged {flagged}, recall {right / labeled:.3f}, "
        f"precision {precision:.3f} (any junk label: {lenient / flagged if flagged else 1.0:.3f})"
    )


def speed_report(active) -> None:
    """CPU time of the rule's own run on the Multi-News txt folder (segmentation and engine excluded)."""
    files = sorted((MN / "txt").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    docs = [parse(t, "a.txt", "text") for t in texts if t.strip()]
    for doc in docs:  # shared segmentation is not this rule's cost
        doc.words, doc.sentences, doc.quotations  # noqa: B018
    check = active[0].check
    chars = sum(map(len, texts))
    runs = []
    for _ in range(5):  # the machine is shared: keep the best of five
        started = time.process_time()
        for doc in docs:
            for _problem in check.run(doc):
                pass
        runs.append(time.process_time() - started)
    took = min(runs)
    print(
        f"speed: {len(docs)} files, {chars / 1e6:.2f} M chars, offtopic {took:.3f} s CPU "
        f"({took / (chars / 1e6):.3f} s per M chars; best of 5, median {sorted(runs)[2]:.3f} s)"
    )


def common_words(count: int = 4000) -> None:
    """The background list: words in the most documents of held-out news."""
    word = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
    sources = {
        "multinews": [
            p.read_text(encoding="utf-8") for p in sorted((MN / "txt").glob("*.txt")) if int(p.name[2:5]) >= 50
        ],
        "aeb": [r["body"] for r in _jsonl(CORPUS / "aeb_scrapinghub" / "labeled.jsonl")],
        "newspaper": [
            r["body"] for r in _jsonl(CORPUS / "newspaper_fulltext" / "labeled.jsonl") if r["body_status"] == "ok"
        ],
        "readability": [
            r["body"]
            for r in _jsonl(CORPUS / "readability_testpages" / "labeled.jsonl")
            if (r.get("lang") or "en").startswith("en")
        ],
    }
    shares, capitalised = [], []
    for docs in sources.values():
        df, cf = Counter(), Counter()
        for text in docs:
            words = word.findall(text)
            # lower-case uses only, so that names of the day stay out of the list...
            df.update({w.replace("’", "'") for w in words if w.islower()})
            cf.update({w.lower() for w in words if w[:1].isupper() and w[1:].islower()})
        shares.append({w: c / len(docs) for w, c in df.items()})
        capitalised.append({w: c / len(docs) for w, c in cf.items()})
    vocab = {w for share in shares for w in share if sum(w in s for s in shares) >= 3}
    score = {w: sum(s.get(w, 0) for s in shares) / len(shares) for w in vocab}
    # ...but capitalised words common in every source (London, Europe, Monday) are typical news too.
    for w in set().union(*capitalised) - set(score):
        found = [s.get(w, 0) for s in capitalised]
        if min(found) >= 0.02:
            score[w] = sum(found) / len(found)
    ranked = sorted(score, key=lambda w: (-score[w], w))[:count]
    print(" ".join(dict.fromkeys(w.replace("’", "'") for w in ranked)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show-fp", action="store_true", help="list false positives on clean articles")
    parser.add_argument("--show-misses", action="store_true", help="list spliced blocks not found")
    parser.add_argument("--show-dev", action="store_true", help="list problems on the dev-labeled documents")
    parser.add_argument("--speed", action="store_true", help="time the rule on the Multi-News txt folder")
    parser.add_argument("--common-words", action="store_true", help="print the background word list")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS} (set NEWSLINT_CORPUS)", file=sys.stderr)
        return 2
    if args.common_words:
        common_words()
        return 0
    active, known = load_rule()
    if args.speed:
        speed_report(active)
        return 0
    cases = build_cases(load_articles(), args.seed)
    splice_report(cases, active, known, args.show_fp, args.show_misses)
    dev_label_report(active, known, args.show_dev)
    return 0


if __name__ == "__main__":
    sys.exit(main())
