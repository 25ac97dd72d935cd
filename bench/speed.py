"""Speed and memory of newslint on the real corpora, against its peers.

    python bench/speed.py [--quick] [--no-peers] [--only TABLE ...]

One run prints one table: newslint with 1 and N jobs, a cached re-run,
proselint, textlint (write-good + alex) and a floor (read every file, run one
compiled regex, split sentences), each the median of 3 runs in seconds, with
M characters/s, the ratio to newslint (1 job) and peak RSS. Then the cost per
stage and per rule type, start-up against a bare ``python -c pass``, and the
growth from one copy of the corpus to ten.

Peers are installed into ``bench/.peers/`` when missing (proselint from PyPI,
textlint from npm when node is present). The machines are 2-core and shared:
compare ratios, not absolute times.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
PEERS = ROOT / "bench" / ".peers"
MULTINEWS = CORPUS / "multinews_longbench" / "txt"
BBC = CORPUS / "bbc_fulltext" / "txt"
SEED = ROOT / "seeds" / "000_36139f453626bebe.txt"

FLOOR = r"""
import re, sys
from pathlib import Path
pattern = re.compile(r"\b(?:click here|sign up|read more|advertisement)\b", re.I)
boundary = re.compile(r"(?<=[.!?])\s+")
hits = sentences = 0
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    text = path.read_text(encoding="utf-8")
    hits += len(pattern.findall(text))
    sentences += len(boundary.split(text))
print(hits, sentences)
"""


def run(cmd: list[str], cwd: Path = ROOT, env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one run of ``cmd``, output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(map(str, cmd))} exited {proc.returncode}")
    return elapsed, usage.ru_maxrss // 1024


def median_run(cmd, repeat=3, **kwargs) -> tuple[float, int]:
    runs = [run(cmd, **kwargs) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def chars_in(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in folder.rglob("*.txt"))


def newslint_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "newslint", "check", *args]


def ensure_proselint() -> Path | None:
    exe = PEERS / "proselint" / "bin" / "proselint"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS / "proselint")], check=True)
        pip = PEERS / "proselint" / "bin" / "pip"
        if subprocess.run([str(pip), "install", "-q", "proselint"]).returncode != 0:
            return None
    return exe


def ensure_textlint() -> Path | None:
    if not shutil.which("npm"):
        return None
    folder = PEERS / "textlint"
    exe = folder / "node_modules" / ".bin" / "textlint"
    if not exe.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "init", "-y"], cwd=folder, stdout=subprocess.DEVNULL, check=True)
        packages = ["textlint", "textlint-rule-write-good", "textlint-rule-alex"]
        if subprocess.run(["npm", "install", "--silent", *packages], cwd=folder).returncode != 0:
            return None
    return exe


def throughput_table(args) -> list[str]:
    chars = chars_in(MULTINEWS)
    files = len(list(MULTINEWS.glob("*.txt")))
    jobs = os.cpu_count() or 1
    target = str(MULTINEWS)
    cache = tempfile.mkdtemp()
    cached = newslint_cmd(target, "-f", "json", "--cache-dir", cache)
    run(cached)  # fill the cache
    commands: list[tuple[str, list[str], dict]] = [
        ("newslint, 1 job", newslint_cmd(target, "-f", "json", "--jobs", "1", "--no-cache"), {}),
        (f"newslint, {jobs} jobs", newslint_cmd(target, "-f", "json", "--no-cache"), {}),
        ("newslint, cached re-run", cached, {}),
    ]
    if not args.no_peers:
        proselint = ensure_proselint()
        if proselint:
            commands.append(("proselint 0.16", [str(proselint), "check", target], {}))
        textlint = ensure_textlint()
        if textlint:
            files_arg = sorted(str(p) for p in MULTINEWS.glob("*.txt"))
            cmd = [str(textlint), "--rule", "write-good", "--rule", "alex", *files_arg]
            commands.append(("textlint + write-good + alex", cmd, {"cwd": PEERS / "textlint"}))
    commands.append(("floor (read, 1 regex, split)", [sys.executable, "-c", FLOOR, target], {}))
    # Round robin, not one command's runs in a row: the machine is shared, and
    # a slow spell then slows every command alike instead of one of them.
    timings: dict[str, list[tuple[float, int]]] = {name: [] for name, _, _ in commands}
    try:
        for round_number in range(3):
            for name, cmd, kwargs in commands:
                if args.quick and round_number and name.startswith("textlint"):
                    continue
                timings[name].append(run(cmd, **kwargs))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    rows = [
        (name, statistics.median(t for t, _ in runs), max(rss for _, rss in runs)) for name, runs in timings.items()
    ]
    base = rows[0][1]
    lines = [
        f"Multi-News: {files} files, {chars / 1e6:.2f} M characters; median of 3 runs.",
        "",
        "| run | seconds | M chars/s | time vs newslint (1 job) | peak RSS MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, seconds, rss in rows:
        lines.append(f"| {name} | {seconds:.2f} | {chars / seconds / 1e6:.2f} | {seconds / base:.2f}× | {rss} |")
    return lines


def corpus_table() -> list[str]:
    lines = ["| corpus | files | MB | seconds | files/s | MB/s |", "|---|---:|---:|---:|---:|---:|"]
    for name, folder in (("Multi-News", MULTINEWS), ("BBC", BBC)):
        paths = list(folder.rglob("*.txt"))
        size = sum(p.stat().st_size for p in paths) / 1e6
        seconds, _ = median_run(newslint_cmd(str(folder), "-f", "json", "--jobs", "1", "--no-cache"))
        rate = f"{len(paths) / seconds:.0f} | {size / seconds:.2f}"
        lines.append(f"| {name} | {len(paths)} | {size:.2f} | {seconds:.2f} | {rate} |")
    return lines


def startup_table() -> list[str]:
    bare = statistics.median(run([sys.executable, "-c", "pass"])[0] for _ in range(11))
    one = statistics.median(run(newslint_cmd(str(SEED), "--no-cache"))[0] for _ in range(11))
    return [
        "| start-up (median of 11) | seconds |",
        "|---|---:|",
        f"| python -c pass | {bare:.3f} |",
        f"| newslint check seeds/000…txt | {one:.3f} |",
        f"| difference | {one - bare:.3f} |",
    ]


def growth_table() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        tenfold = Path(tmp)
        for copy in range(10):
            folder = tenfold / f"copy{copy}"
            folder.mkdir()
            for path in MULTINEWS.glob("*.txt"):
                os.symlink(path, folder / path.name)
        one = median_run(newslint_cmd(str(MULTINEWS), "-f", "json", "--jobs", "1", "--no-cache"))
        ten = median_run(newslint_cmd(str(tenfold), "-f", "json", "--jobs", "1", "--no-cache"))
    return [
        "| growth (1 job, JSON) | seconds | peak RSS MiB |",
        "|---|---:|---:|",
        f"| Multi-News ×1 (570 files) | {one[0]:.2f} | {one[1]} |",
        f"| Multi-News ×10 (5,700 files) | {ten[0]:.2f} | {ten[1]} |",
        f"| ratio | {ten[0] / one[0]:.2f}× | {ten[1] / one[1]:.2f}× |",
    ]


def profile_table() -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    from profile_stages import profile

    return profile(MULTINEWS)


# Each table by name, for --only: the whole run takes minutes.
SECTIONS = {
    "throughput": throughput_table,
    "corpus": lambda args: corpus_table(),
    "startup": lambda args: startup_table(),
    "profile": lambda args: profile_table(),
    "growth": lambda args: growth_table(),
}


def compile_bytecode() -> None:
    """Write newslint's bytecode first, as an installed package has it.

    pip compiles an installed package; an editable checkout compiles on first
    import, unless PYTHONDONTWRITEBYTECODE is set (as on these machines), and
    then every start would compile all of newslint again (about 0.1 s).
    """
    import compileall

    compileall.compile_dir(ROOT / "lint", quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip growth and run textlint once")
    parser.add_argument("--no-peers", action="store_true", help="do not install or time proselint/textlint")
    parser.add_argument(
        "--only", action="append", choices=list(SECTIONS), help="run only this table (repeatable); the default is all"
    )
    args = parser.parse_args()
    print(
        f"newslint speed, {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    compile_bytecode()
    chosen = args.only or [name for name in SECTIONS if not (args.quick and name == "growth")]
    for name in chosen:
        print()
        print("\n".join(SECTIONS[name](args)))


if __name__ == "__main__":
    main()
