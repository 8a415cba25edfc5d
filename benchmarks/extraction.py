"""How much of a web page's article brief gives, scored as scrapinghub's article-extraction benchmark does.

For each of the 30 pages of ../shared/corpus/html/ (with their ground-truth.json), two texts:
- brief: the output of `brief --plain --no-references page.html`, title and byline lines included;
- trafilatura alone, with the benchmark's own options: `trafilatura.extract(html, include_comments=False)`.

Scoring, as the corpus README describes the benchmark's evaluate.py: `\\w+` tokens (case kept), a
multiset of 4-token shingles per text (one shorter shingle for a text under 4 tokens), per page
TP = Σ min(true, predicted), FP the predicted surplus, FN what is missing; precision and recall are
the means over pages of TP/(TP+FP) and TP/(TP+FN) (pages with an empty denominator skipped), and
F1 = 2PR/(P+R) of those means. Accuracy is the share of pages whose token lists are equal.

    python benchmarks/extraction.py [--pages N] [--show]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "html"
TARGET = 0.01
"""brief's F1 must be within this of trafilatura's alone."""

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def shingles(words: list[str], n: int = 4) -> Counter[tuple[str, ...]]:
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def page_counts(truth: str, predicted: str) -> tuple[int, int, int]:
    """(TP, FP, FN) of one page's shingles."""
    true, found = shingles(tokens(truth)), shingles(tokens(predicted))
    tp = sum((true & found).values())
    return tp, sum(found.values()) - tp, sum(true.values()) - tp


def score(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy over pages of (truth, predicted)."""
    precisions: list[float] = []
    recalls: list[float] = []
    exact = 0
    for truth, predicted in pairs:
        tp, fp, fn = page_counts(truth, predicted)
        total = tp + fp + fn
        if total:  # normalised so that long and short pages weigh the same; the ratios are unchanged
            tp, fp, fn = tp / total, fp / total, fn / total
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
        exact += tokens(truth) == tokens(predicted)
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": exact / len(pairs)}


def brief_command() -> str:
    candidate = Path(sys.executable).with_name("brief")
    found = str(candidate) if candidate.exists() else shutil.which("brief")
    if found is None:
        sys.exit("benchmarks/extraction.py: the brief command is not installed (pip install -e .)")
    return found


def brief_text(command: str, page: Path) -> str:
    result = subprocess.run(
        [command, "--plain", "--no-references", "--width", "80", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "BRIEF_STATE_DIR": str(page.parent / "state")},
    )
    if result.returncode != 0:
        print(f"  {page.name}: brief exited {result.returncode}: {result.stderr.strip()}", file=sys.stderr)
        return ""
    return result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--show", action="store_true", help="print each page's figures")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"benchmarks/extraction.py: no corpus at {CORPUS}")
    import trafilatura

    truth = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    names = sorted(truth)[: args.pages]
    command = brief_command()
    pairs_brief: list[tuple[str, str]] = []
    pairs_alone: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            html = gzip.decompress((CORPUS / f"{name}.html.gz").read_bytes()).decode("utf-8")
            page = Path(folder) / f"{name}.html"
            page.write_text(html, encoding="utf-8")
            expected = truth[name]["articleBody"]
            ours = brief_text(command, page)
            alone = trafilatura.extract(html, include_comments=False) or ""
            pairs_brief.append((expected, ours))
            pairs_alone.append((expected, alone))
            if args.show:
                one_b, one_t = score([(expected, ours)]), score([(expected, alone)])
                print(f"{name[:12]}  brief P {one_b['precision']:.3f} R {one_b['recall']:.3f}   "
                      f"trafilatura P {one_t['precision']:.3f} R {one_t['recall']:.3f}")  # fmt: skip
    ours, alone = score(pairs_brief), score(pairs_alone)
    print(f"{len(names)} pages of {CORPUS}")
    print(f"{'':32} {'precision':>9} {'recall':>7} {'F1':>6} {'accuracy':>8}")
    for label, figures in (("brief --plain --no-references", ours), ("trafilatura alone", alone)):
        print(
            f"{label:32} {figures['precision']:9.3f} {figures['recall']:7.3f} "
            f"{figures['f1']:6.3f} {figures['accuracy']:8.3f}"
        )
    gap = alone["f1"] - ours["f1"]
    verdict = "within" if gap <= TARGET else "NOT within"
    print(f"F1 gap {gap:+.4f}: {verdict} the target of {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
