"""`casus code --workers N`: the same output, in the same order, as one process."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from casus.cli import app


def test_code_with_two_workers_writes_what_one_process_writes(tmp_path, pipeline):
    from casus.cli import _write_events
    from casus.ingest import read_inputs

    docs = tmp_path / "docs.jsonl"
    stories = ["Russia shelled Ukrainian positions on Monday.", "Japan protested to China on Tuesday.",
               "Israel's prime minister met Egypt's president.", "Iran threatened Iraq with sanctions.",
               "France criticised Germany over the budget.", "Turkish jets bombed Syrian targets."] * 3
    docs.write_text("".join(json.dumps({"id": f"d{i}", "text": t, "date": "2016-05-01"}) + "\n"
                            for i, t in enumerate(stories)), encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    _write_events(pipeline, read_inputs([str(docs)]), "jsonl", str(one))
    result = CliRunner().invoke(app, ["code", str(docs), "--workers", "2", "--out", str(two)])
    assert result.exit_code == 0, result.output
    expected = one.read_text(encoding="utf-8")
    assert expected.count("\n") >= 6
    assert two.read_text(encoding="utf-8") == expected
