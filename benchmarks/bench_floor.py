"""The practical floor: lxml parsing plus one `regex` pass over the same bytes as the pipeline.

No real pipeline can read, segment, parse numbers, attribute and classify faster than it can
parse the markup and scan the text once; the ratio to this floor says how much room is left.
"""

from __future__ import annotations

import lxml.html
import regex

from common import fakes_bytes, median_seconds, parser, replicate_csv, write_results

# One pass that touches every figure-like token, as the grammar's first scan must.
_FIGURE_SCAN = regex.compile(r"\d[\d,.]*|\b(?:hundred|thousand|million|dozens?|half)\b", regex.I)


def floor_pass(data: bytes) -> int:
    text = data.decode("utf-8", "replace")
    root = lxml.html.fromstring(f"<html><body><pre>{_escape(text)}</pre></body></html>")
    return sum(1 for _ in _FIGURE_SCAN.finditer(root.text_content()))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def main() -> None:
    args = parser(__doc__.splitlines()[0]).parse_args()
    data = fakes_bytes()
    if not args.quick:
        data = replicate_csv(data, 20 * 1024 * 1024)
    # libxml2 keeps at most 10 MB of one text node: feed the floor in 4 MB pieces, or it would
    # scan only half of the 20 MB and report twice the real speed.
    pieces = [data[start : start + 4_000_000] for start in range(0, len(data), 4_000_000)]
    seconds = median_seconds(lambda: [floor_pass(piece) for piece in pieces], args.repeat)
    megabytes = len(data) / 1e6
    write_results(args.json, "floor", {"megabytes": round(megabytes, 2), "seconds": round(seconds, 3), "mb_per_s": round(megabytes / seconds, 1)})


if __name__ == "__main__":
    main()
