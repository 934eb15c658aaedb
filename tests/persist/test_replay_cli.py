"""The `replay` and `soak` commands, run through `main.main` as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from game.persist.save import load_game, save_game
from tests.persist.games import played


def test_replay_verify_prints_each_turn_and_a_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`replay SAVE --verify` prints the start, one line per turn and 'verified'; exit 0."""
    record = played(4, 3)
    path = save_game(tmp_path / "g.json", record)
    assert main.main(["replay", str(path), "--verify"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("start")
    assert [line.split()[:2] for line in out[1:4]] == [["turn", "1"], ["turn", "2"], ["turn", "3"]]
    assert all(line.endswith("ok") for line in out[:4])
    assert "verified 3 turns of tehran-2017" in out[-1]


def test_replay_verify_fails_with_exit_1_on_a_hash_mismatch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A save whose turn-2 hash is wrong fails at turn 2 with exit status 1, no traceback."""
    from game.persist.format import checksum

    path = save_game(tmp_path / "g.json", played(4, 3))
    raw = json.loads(path.read_text())
    raw["hashes"][1] = "1" * 64
    raw["checksum"] = checksum(raw)
    path.write_text(json.dumps(raw))
    assert main.main(["replay", str(path), "--verify"]) == 1
    captured = capsys.readouterr()
    assert "turn 2: state hash mismatch" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out.splitlines()[-1].endswith("FAILED")


def test_replay_fork_writes_a_new_save_of_k_turns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`replay SAVE --to K --out NEW` forks; NEW loads with K turns."""
    record = played(6, 4)
    path = save_game(tmp_path / "g.json", record)
    out = tmp_path / "fork.json"
    assert main.main(["replay", str(path), "--to", "1", "--out", str(out)]) == 0
    assert load_game(out).record.hashes == record.hashes[:2]
    assert main.main(["replay", str(path), "--to", "1", "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main.main(["replay", str(path), "--to", "1"]) == 2


def test_soak_plays_games_and_prints_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """`soak --games 2 --turns 2` plays, saves and reloads, and prints '2 passed, 0 failed'."""
    assert main.main(["soak", "--games", "2", "--turns", "2", "--seed", "9"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("2 passed, 0 failed")
