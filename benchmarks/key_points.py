"""Suggested key points: quality against human highlights, section coverage, and time to suggestions.

1. ROUGE-1/2/L F1 (×100, Google's `rouge_score`, stemming on) of brief's suggestions against the
   human-written highlights of ../shared/corpus/summaries/sample.jsonl, next to Lead-3 (the first
   three sentences, split by the same splitter). Candidates and references are joined with spaces
   for ROUGE-L, and one sentence a line for ROUGE-Lsum (the summary-level ROUGE-L of the papers).
2. Section coverage on the corpus documents with sections (reports, essays, book chapters): how many
   distinct body sections the suggestions come from, against what the rule asks (half of them, at
   most the number of suggestions). Books are scored chapter by chapter.
3. Time to suggestions for the bundled sample article (the panel has the laid-out document already,
   so `suggest` alone is timed), next to a floor measured in the same run: splitting its
   paragraphs into sentences, which any method must do.

    pip install -r benchmarks/requirements-key-points.txt
    python benchmarks/key_points.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
CORPUS = REPO.parent / "shared" / "corpus"
sys.path[:0] = [str(REPO)]

from rouge_score import rouge_scorer  # noqa: E402

from tui.model.article import Article, Paragraph, Section  # noqa: E402
from tui.parse import read_path  # noqa: E402
from tui.platform.resources import seed_path  # noqa: E402
from tui.reading.key_points import MAX_WORDS, MIN_WORDS, chapters, is_book, point_count, suggest  # noqa: E402
from tui.reading.layout import Document, Kind  # noqa: E402
from tui.reading.numbering import Numbering  # noqa: E402
from tui.reading.sentences import sentence_spans, sentences  # noqa: E402

TARGET_MS = 50.0
SECTIONED = [
    "real/gnu-manifesto-1985.txt",
    "real/oss-simple-sabotage-field-manual-1944.txt",
    "real/go-proposal-45713-workspace.md",
    "real/rust-rfc-2094-nll.md",
    "real/rust-rfc-3498-lifetime-capture-rules-2024.md",
    "real/rust-book-ch04-01-what-is-ownership.md",
    "real/rust-blog-2018-12-06-rust-1.31-and-rust-2018.md",
    "real/antirez-sds-README.md",
    "real/wikipedia-taylor-swift-web-copy.txt",
    "real/mueller-report-2019-vol1-2-ocr.txt",
    "real/gutenberg-emerson-essays-first-series.txt",
    "real/gutenberg-mill-considerations-on-representative-government.txt",
    "real/gutenberg-riis-how-the-other-half-lives.txt",
    "real/gutenberg-doyle-adventures-of-sherlock-holmes.txt",
]
METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def news_document(text: str) -> Document:
    """A news story as brief would hold it: the dataset dropped paragraph breaks, so one paragraph."""
    return Document(Article(title="", subtitle=None, sections=[Section(None, 2, [Paragraph(text)])]))


def rouge_table() -> None:
    sample = CORPUS / "summaries" / "sample.jsonl"
    rows = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    systems: dict[str, Callable[[str], list[str]]] = {
        "Lead-3": lambda text: sentences(text)[:3],
        "brief (suggest)": lambda text: [point.text for point in suggest(news_document(text))],
    }
    print(f"ROUGE F1 x100 on {sample.relative_to(CORPUS.parent)} ({len(rows)} articles, stemming on)\n")
    print(f"{'system':<18}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-L':>9}{'ROUGE-Lsum':>12}{'picks':>7}")
    results: dict[str, dict[str, float]] = {}
    for name, pick in systems.items():
        totals = dict.fromkeys(METRICS, 0.0)
        picks = 0
        for row in rows:
            chosen = pick(row["article"])
            picks += len(chosen)
            reference = row["highlights"]
            scores = scorer.score(" ".join(reference), " ".join(chosen))
            summary = scorer.score("\n".join(reference), "\n".join(chosen))
            for metric in ("rouge1", "rouge2", "rougeL"):
                totals[metric] += scores[metric].fmeasure
            totals["rougeLsum"] += summary["rougeLsum"].fmeasure
        results[name] = {metric: 100 * value / len(rows) for metric, value in totals.items()}
        figures = results[name]
        print(
            f"{name:<18}{figures['rouge1']:>9.2f}{figures['rouge2']:>9.2f}{figures['rougeL']:>9.2f}"
            f"{figures['rougeLsum']:>12.2f}{picks / len(rows):>7.1f}"
        )
    ours, lead = results["brief (suggest)"], results["Lead-3"]
    verdict = "ok" if ours["rouge1"] >= lead["rouge1"] and ours["rouge2"] >= lead["rouge2"] else "BELOW"
    print(f"\ntarget: ROUGE-1 and ROUGE-2 at least Lead-3's: {verdict}")


def coverage(document: Document, scope: range | None) -> tuple[int, int, int, int]:
    """(picks, distinct body sections they come from, body sections with prose, sections the rule asks)."""
    article = document.article
    points = suggest(document, scope)
    indices = range(len(article.sections)) if scope is None else scope
    numbering = Numbering(article.sections)
    spans_chapters = len({numbering.number_of(i) for i in indices if article.sections[i].heading}) > 1
    key: Callable[[int], object] = numbering.number_of if spans_chapters else (lambda i: i)
    prose = {
        unit.section
        for unit in document.units
        if unit.kind == Kind.PARAGRAPH and unit.section in indices and article.sections[unit.section].role == "body"
    }
    # An unheaded section is asked for a pick only when it has a sentence that makes a point (the rule:
    # a book's title page or a web copy's menu offers none). Told here from the text, not by `suggest`,
    # so that a rule that lost such sentences would show as a section not met.
    asked = {i for i in prose if article.sections[i].heading is not None or _makes_a_point(document, i)}
    with_prose = {key(i) for i in asked} - {None}
    named = {key(point.section) for point in points} - {None}
    words = sum(document.words_before(u + 1) - document.words_before(u) for u in range(len(document.units))
                if document.units[u].section in indices)  # fmt: skip
    needed = min(point_count(words), math.ceil(len(with_prose) / 2))
    return len(points), len(named), len(with_prose), needed


_ENDS_A_POINT = re.compile(r"[.!…][\"'”’)\]]*$")


def _makes_a_point(document: Document, section: int) -> bool:
    """Whether a paragraph of `section` has a sentence of MIN_WORDS to MAX_WORDS words that ends with
    `.`, `!` or `…` and is not wholly in brackets (a transcriber's note)."""
    for unit in document.units:
        if unit.section != section or unit.kind != Kind.PARAGRAPH:
            continue
        for start, end in sentence_spans(unit.text):
            sentence = unit.text[start:end].strip()
            words = len(sentence.split())
            in_brackets = sentence.startswith("[") and sentence.rstrip(".").endswith("]")
            if MIN_WORDS <= words <= MAX_WORDS and _ENDS_A_POINT.search(sentence) and not in_brackets:
                return True
    return False


def coverage_table() -> None:
    print("\nSection coverage: distinct body sections the suggestions come from (books: per chapter)\n")
    print(f"{'document':<58}{'picks':>6}{'from':>6}{'sections':>10}{'asked':>7}  result")
    for name in SECTIONED:
        path = CORPUS / name
        if not path.exists():
            print(f"{name:<58}  (missing)")
            continue
        document = Document(read_path(path).parse())
        if is_book(document):
            parts = chapters(document)
            results = [coverage(document, chapter) for chapter in parts]
            met = sum(1 for _, got, _, needed in results if got >= needed)
            picks = sum(r[0] for r in results)
            print(f"{name:<58}{picks:>6}{'':>6}{len(parts):>10}{'':>7}  book: {met}/{len(parts)} chapters met")
        else:
            picks, got, sections, needed = coverage(document, None)
            print(f"{name:<58}{picks:>6}{got:>6}{sections:>10}{needed:>7}  {'ok' if got >= needed else 'BELOW'}")


def timing(runs: int) -> None:
    document = Document(read_path(seed_path()).parse())
    paragraphs = [unit.text for unit in document.units if unit.kind == Kind.PARAGRAPH]

    def measure(work: Callable[[], object]) -> list[float]:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            work()
            times.append((time.perf_counter() - start) * 1000)
        return times

    floor = measure(lambda: [sentence_spans(text) for text in paragraphs])
    ours = measure(lambda: suggest(document))
    print(f"\nTime to suggestions, bundled sample ({document.word_count} words), {runs} runs, ms\n")
    print(f"{'what':<34}{'median':>8}{'min':>8}{'max':>8}")
    for label, times in (("floor: sentence splitting alone", floor), ("suggest(document)", ours)):
        print(f"{label:<34}{statistics.median(times):>8.2f}{min(times):>8.2f}{max(times):>8.2f}")
    print(f"\ntarget: at most {TARGET_MS:.0f} ms: {'ok' if statistics.median(ours) <= TARGET_MS else 'BELOW'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    if not (CORPUS / "summaries" / "sample.jsonl").exists():
        sys.exit(f"key_points.py: {CORPUS / 'summaries' / 'sample.jsonl'} is missing")
    rouge_table()
    coverage_table()
    timing(args.runs)


if __name__ == "__main__":
    main()
