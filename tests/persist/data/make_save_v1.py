"""Make `save-v1.json`, the reference format-1 save (run from the repository root).

    python tests/persist/data/make_save_v1.py

Run it only when the *engine* deliberately changed how the reference game plays (the re-run test
then fails at the first changed turn, while the format tests still pass), and only while this
build writes format 1: once format 2 exists, the file must stay as it is, a format-1 file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from game.engine.legal import legal_orders  # noqa: E402
from game.persist.format import CURRENT_FORMAT  # noqa: E402
from game.persist.record import GameRecord  # noqa: E402
from game.persist.save import load_game, save_game  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402

HUMANS = ("RUS", "IRN")


def main() -> int:
    """Play the reference game and write it; 1 if this build no longer writes format 1."""
    if CURRENT_FORMAT != 1:
        print(f"this build writes format {CURRENT_FORMAT}; save-v1.json must not be remade")
        return 1
    scenario = load_scenario(ROOT / "scenarios" / "tehran-2017.toml")
    record = GameRecord.start(scenario, 2017, HUMANS)
    rng = np.random.default_rng(1)
    for _turn in range(6):
        given = {}
        for seat in HUMANS:
            legal = legal_orders(record.state, seat)
            picks = rng.choice(len(legal), size=min(2, len(legal)), replace=False)
            given[seat] = [legal[int(i)] for i in picks]
        record, _events = record.play_turn(given)
    path = Path(__file__).with_name("save-v1.json")
    save_game(path, record, label="format 1 reference: RUS and IRN human, 6 turns")
    game = load_game(path)
    print(f"{path}: {game.record.turn} turns, last hash {game.record.hashes[-1][:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
