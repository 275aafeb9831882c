"""Convert Microsoft Recognizers-Text English number test cases into this project's case files.

Run from the repository root:  .venv/bin/python tests/numbers/convert_peer_suite.py [PEER_DIR]
It reads PEER_DIR (default ../shared/peers/recognizers-text) and writes
tests/numbers/peer_cases/<Model>.jsonl, one case a line:

    {"id": "NumberModel#12", "input": "...", "expected": [{"text", "start", "end", ...}]}

Adaptations, so the cases say what this project means (each changed case records them in
"adapted"):
- `end` is exclusive (the peer's End is the last character) and `text` is sliced from the input
  (the peer lower-cases it).
- Numbers and percentages become a plain `value` (float); "100%" is 100.
- Ranges become `low`, `high`, `low_inclusive`, `high_inclusive`, with None for an open side.
  A range that names both ends ("between 20 and 30", "20 to 100", "1000-5000") is closed,
  [a, b], as the issue asks; the peer's default mode writes [a, b).
- A bound on a share (a value strictly between 0 and 1, "more than half") stops at the whole,
  as DESIGN.md decides for "more than three-quarters": the open side becomes 1 (or 0).
- Ordinal cases are negatives: `expected` lists the ordinals the peer found, which must not come
  back as quantities; a relative ordinal ("last", "next") has value None.
The peer's own "NotSupported" markers are kept for reference only; every case is converted.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "peer_cases"
DEFAULT_PEERS = HERE.parents[2] / "shared" / "peers" / "recognizers-text"
MODELS = {
    "NumberModel": "number",
    "NumberModelExperimentalMode": "number",
    "NumberRangeModel": "range",
    "NumberRangeModelExperimentalMode": "range",
    "PercentModel": "percent",
    "OrdinalModel": "ordinal",
}
_INTERVAL = re.compile(r"^([\[(])([^,]*),([^\])]*)([\])])$")


def main(peers: Path) -> None:
    OUT.mkdir(exist_ok=True)
    for model, kind in MODELS.items():
        cases = json.loads((peers / f"{model}.json").read_text(encoding="utf-8-sig"))
        lines = [json.dumps(_case(model, kind, index, case), ensure_ascii=False) for index, case in enumerate(cases)]
        (OUT / f"{model}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{model}: {len(lines)} cases")


def _case(model: str, kind: str, index: int, case: dict) -> dict:
    text = case["Input"]
    adapted: set[str] = set()
    expected = [_result(kind, text, result, adapted) for result in case["Results"]]
    converted = {"id": f"{model}#{index}", "input": text, "expected": expected}
    if adapted:
        converted["adapted"] = sorted(adapted)
    if case.get("NotSupported"):
        converted["peer_not_supported"] = case["NotSupported"]
    return converted


def _result(kind: str, text: str, result: dict, adapted: set[str]) -> dict:
    start, end = result["Start"], result["End"] + 1
    item = {"text": text[start:end], "start": start, "end": end}
    value = result["Resolution"].get("value")
    if kind in ("number", "percent"):
        item["value"] = None if value in (None, "null") else float(value.rstrip("%"))
    elif kind == "ordinal":
        item["value"] = float(value) if _is_number(value) else None
    else:
        item.update(_interval(value, adapted))
    return item


def _interval(value: str, adapted: set[str]) -> dict:
    opening, low, high, closing = _INTERVAL.match(value).groups()
    low_value = float(low) if low else None
    high_value = float(high) if high else None
    interval = {
        "low": low_value, "high": high_value,
        "low_inclusive": opening == "[" and low_value is not None,
        "high_inclusive": closing == "]" and high_value is not None,
    }
    if low_value is not None and high_value is not None and not interval["high_inclusive"] and opening == "[":
        interval["high_inclusive"] = True
        adapted.add("closed range")
    share = next((v for v in (low_value, high_value) if v is not None), None)
    if share is not None and 0 < share < 1:
        if high_value is None:
            interval.update(high=1.0, high_inclusive=True)
            adapted.add("share bounded by the whole")
        if low_value is None:
            interval.update(low=0.0, low_inclusive=True)
            adapted.add("share bounded by the whole")
    return interval


def _is_number(value) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PEERS)
