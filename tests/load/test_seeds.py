"""The five bundled seeds load with the metadata their pages show, and nothing of the page furniture."""

import json
from datetime import date
from pathlib import Path

import pytest

from reconcile.load import load_bytes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
EXPECTED = {
    "000_ed08f42741921c20.txt": (date(2016, 12, 14), "Amid Rain of Shells, Aleppo’s Civilians Offer ‘Final Scream’"),
    "001_4cf4162d0b352dea.txt": (date(2016, 12, 7), "In Rebel-Held Aleppo, Residents Report Increasing Desperation"),
    "002_633bf2dcf50b54a3.txt": (date(2016, 12, 13), "Battle Over Aleppo Is Over, Russia Says, as Evacuation Deal Reached"),
    "003_21191902d38af47f.txt": (date(2016, 12, 10), "‘We Are Dead Either Way’: Agonizing Choices for Syrians in Aleppo"),
    "004_3ae16b25287423a4.txt": (date(2016, 12, 9), "Chaos and Desperation as Thousands Flee Aleppo Amid Government Advance"),
}
FURNITURE = ("Advertisement", "Continue reading", "Site Index", "Credit...", "Supported by", "©")


def load_seed(name):
    [document] = load_bytes((SEEDS / name).read_bytes(), doc_id=name, path=str(SEEDS / name))
    return document


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_metadata(name):
    document = load_seed(name)
    published, title = EXPECTED[name]
    assert document.format == "seed"
    assert (document.published, document.title) == (published, title)
    assert "Anne Barnard" in document.authors
    assert document.publisher == "The New York Times"
    assert document.url and document.url.startswith("https://nyti.ms/")
    assert document.dateline == "BEIRUT, Lebanon"
    assert document.blocks[0].kind == "headline" and document.blocks[0].text == title


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_blocks_hold_no_page_furniture(name):
    for block in load_seed(name).blocks:
        assert not any(word in block.text for word in FURNITURE), block.text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_block_character_maps_back_to_the_same_source_character(name):
    source_lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    for block in load_seed(name).blocks:
        for offset, char in enumerate(block.text):
            if char.isspace():
                continue
            line, column = block.position(offset)
            assert source_lines[line - 1][column - 1] == char, (block.text, offset)


def test_the_37000_caption_is_a_caption_block_at_its_source_line():
    name = "002_633bf2dcf50b54a3.txt"
    captions = [b for b in load_seed(name).blocks if b.text.startswith("About 37,000 people have fled eastern Aleppo")]
    assert len(captions) == 1
    [caption] = captions
    assert caption.kind == "caption"
    assert caption.text.endswith("according to the United Nations.")
    source_lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    assert source_lines[caption.line - 1].endswith(">About 37,000")


def test_seed_json_output_of_docs_command(run_cli):
    result = run_cli("docs", str(SEEDS), "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    dates = {d["id"]: d["published"] for d in payload["documents"]}
    assert dates == {name: published.isoformat() for name, (published, _) in EXPECTED.items()}
    assert payload["errors"] == []
