"""The `check` command: output, summary, exit codes and --json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scenario_samples import BASE, broken

import main

ROOT = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_zero_with_a_summary(tmp_path, capsys) -> None:
    """A clean file: exit status 0 and one summary line."""
    path = _write(tmp_path, "ok.toml", BASE)
    assert main.main(["check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{path}: ok: 0 errors, 0 warnings, 0 facts without a source"]


def test_warnings_only_exit_zero_and_count_unsourced_facts(tmp_path, capsys) -> None:
    """Facts with no source are warnings: exit 0, and the summary counts them."""
    text = broken('strength = 0.9\nsource = "author"', "strength = 0.9")
    path = _write(tmp_path, "warn.toml", text)
    assert main.main(["check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}:24: warning: relations[0]: no source; " + (
        'source = "a sentence from the article" or source = "author"'
    )
    assert out[-1] == f"{path}: ok: 0 errors, 1 warning, 1 fact without a source"


def test_any_error_exits_one_and_every_file_is_checked(tmp_path, capsys) -> None:
    """Two files, one broken: both are reported, exit status 1."""
    good = _write(tmp_path, "good.toml", BASE)
    bad = _write(tmp_path, "bad.toml", broken("strength = 0.9", "strength = 1.5"))
    assert main.main(["check", str(bad), str(good)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{bad}:28: relations[0].strength: out of range: 1.5 (a float); a number from 0 to 1"
    )
    assert out[1].startswith(f"{bad}: FAILED: 1 error, 0 warnings")
    assert out[2].startswith(f"{good}: ok:")


def test_json_output_lists_diagnostic_objects(tmp_path, capsys) -> None:
    """--json prints a JSON list of diagnostics with every field."""
    bad = _write(tmp_path, "bad.toml", broken('kind = "support"', 'kind = "suport"'))
    assert main.main(["check", "--json", str(bad)]) == 1
    (item,) = json.loads(capsys.readouterr().out)
    assert item == {
        "file": str(bad),
        "line": 25,
        "path": "relations[0].kind",
        "message": "'suport' is not a known value",
        "expected": "did you mean 'support'? one of: alliance, support, cooperation, deal, "
        "rivalry, hostility, sanction",
        "severity": "error",
        "code": "enum",
    }


def test_allow_pending_turns_pending_errors_into_warnings(tmp_path, capsys) -> None:
    """--allow-pending: a draft's pending facts no longer fail the check."""
    text = broken('name = "Syria"', 'name = "Syria"\nreview = "pending"')
    path = _write(tmp_path, "draft.toml", text)
    assert main.main(["check", str(path)]) == 1
    assert main.main(["check", "--allow-pending", str(path)]) == 0
    capsys.readouterr()


def test_missing_file_is_an_error_not_a_traceback(tmp_path, capsys) -> None:
    """A path that does not exist is one error line, exit 1."""
    assert main.main(["check", str(tmp_path / "none.toml")]) == 1
    assert "cannot read the file" in capsys.readouterr().out


def test_command_line_in_a_subprocess(tmp_path) -> None:
    """`python main.py check` runs as a program: exit 1 and no traceback on a binary file."""
    path = tmp_path / "bin.toml"
    path.write_bytes(b"\x00\xff\xfe garbage")
    result = subprocess.run(
        [sys.executable, "main.py", "check", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{path}:1: " in result.stdout
