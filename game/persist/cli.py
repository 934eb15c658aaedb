"""The `replay` command: verify a save by re-running it, or fork it at a turn into a new save.

    python main.py replay SAVE --verify          one line per turn, a verdict; exit 1 if bad
    python main.py replay SAVE --to K --out NEW  fork: NEW holds the first K turns

Must not import: pygame, game.ui.
"""

from __future__ import annotations

import argparse
import sys

from game.engine.state import GameState
from game.persist.errors import SaveError
from game.persist.save import branch_save, load_game
from game.rules.orders import Order


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the `replay` command."""
    parser.add_argument("save", metavar="SAVE", help="the save file")
    parser.add_argument(
        "--verify",
        action="store_true",
        help="re-run every turn and check its state hash (what replay does without --to)",
    )
    parser.add_argument(
        "--to", type=int, metavar="K", help="fork: keep the first K turns (0: the start)"
    )
    parser.add_argument("--out", metavar="NEW", help="the save file the fork is written to")
    parser.add_argument("--label", help="the fork's label (default: the old one + the turn)")
    parser.add_argument("--force", action="store_true", help="overwrite NEW if it exists")
    parser.add_argument("--quiet", action="store_true", help="print only the verdict")


def run(args: argparse.Namespace) -> int:
    """Run the `replay` command; 0 when the save verifies (and the fork is written), else 1."""
    if (args.to is None) != (args.out is None):
        print("replay: --to K and --out NEW go together (fork at turn K into NEW)", file=sys.stderr)
        return 2
    if args.to is not None:
        return _fork(args)
    return _verify(args)


def _verify(args: argparse.Namespace) -> int:
    def line(turn: int, state: GameState, digest: str, orders: tuple[Order, ...]) -> None:
        if args.quiet:
            return
        label = "start" if turn == 0 else f"turn {turn}"
        print(
            f"{label:<9} {state.date.isoformat()}  {len(orders):>3} orders  hash {digest[:16]}  ok"
        )

    try:
        game = load_game(args.save, on_turn=line)
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(f"{args.save}: FAILED")
        return 1
    save = game.save
    humans = ",".join(save.humans) or "none"
    over = "game over" if game.record.is_over else "in progress"
    print(
        f"{args.save}: verified {save.turns} turns of {save.scenario_id} "
        f"(scenario {save.scenario_hash[:12]}), seed {save.seed}, humans {humans}, {over}"
    )
    return 0


def _fork(args: argparse.Namespace) -> int:
    try:
        fork = branch_save(args.save, args.to, args.out, label=args.label, overwrite=args.force)
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(
        f"{args.out}: forked {args.save} at turn {fork.record.turn} "
        f"(keeps turns 1..{fork.record.turn}, hash {fork.record.hashes[-1][:16]})"
    )
    return 0
