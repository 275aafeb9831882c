"""The number grammar's speed: sentences per second on the seed sentences, beside quantulum3.

Both parsers read the same sentences in the same run, in interleaved rounds. Times are CPU time
of this process (other work on a shared machine does not count) for the best round, with the
ratio of medians beside. The ratio is ours over theirs in sentences per second. quantulum3
is a benchmark-only dependency (`pip install -e .[bench]`); without it the script says so, still
measures our grammar, and reports no ratio.

    .venv/bin/python benchmarks/bench_numbers.py [--repeat N] [--quick] [--json FILE]
"""

from __future__ import annotations

import time
import warnings
from statistics import median

from common import SEEDS, parser, write_results

from reconcile.load import load_bytes
from reconcile.numbers import parse_quantities
from reconcile.segment import split_sentences


def seed_sentences() -> list[str]:
    """Every sentence of the five seed articles, as the pipeline splits them."""
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for document in load_bytes(path.read_bytes(), doc_id=path.name, path=path.name):
            sentences.extend(sentence.text for sentence in split_sentences(document))
    return sentences


def ours(sentences: list[str]) -> int:
    return sum(len(parse_quantities(sentence)) for sentence in sentences)


def quantulum_parser():
    """quantulum3's `parser.parse`, or None (with the reason printed) when it is not installed."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as quantulum
    except ImportError as error:
        print(f"quantulum3 is not installed ({error}); install the bench extra for the ratio.")
        return None
    return quantulum.parse


def theirs(parse, sentences: list[str]) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sum(len(parse(sentence)) for sentence in sentences)


def best_seconds(function, repeat: int) -> float:
    """The least CPU time of `repeat` runs: on a shared machine other work only adds time."""
    times = []
    for _ in range(max(repeat, 1)):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    args = parser(__doc__.splitlines()[0]).parse_args()
    sentences = seed_sentences()
    if args.quick:
        sentences = sentences[:100]
    ours(sentences)  # the lexicon compiles once, before timing
    parse = quantulum_parser()
    if parse is not None:
        theirs(parse, sentences[:5])  # quantulum3 loads its model lazily
    # Interleaved rounds, so that load on the machine falls on both parsers alike.
    our_times, their_times = [], []
    for _ in range(max(args.repeat, 1)):
        our_times.append(best_seconds(lambda: ours(sentences), 3))
        if parse is not None:
            their_times.append(best_seconds(lambda: theirs(parse, sentences), 1))
    our_seconds = min(our_times)
    figures = {
        "sentences": len(sentences),
        "figures_found": ours(sentences),
        "ours_sentences_per_s": round(len(sentences) / our_seconds),
        "ours_us_per_sentence": round(our_seconds / len(sentences) * 1e6, 1),
        "ours_median_us_per_sentence": round(median(our_times) / len(sentences) * 1e6, 1),
    }
    if parse is not None:
        their_seconds = min(their_times)
        figures["quantulum3_sentences_per_s"] = round(len(sentences) / their_seconds)
        figures["ratio_ours_over_quantulum3"] = round(their_seconds / our_seconds, 1)
        figures["ratio_of_medians"] = round(median(their_times) / median(our_times), 1)
    write_results(args.json, "numbers", figures)


if __name__ == "__main__":
    main()
