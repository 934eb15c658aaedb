"""Drafting always ends: seeded word salad from the dictionaries' own words, in a child process
with a timeout, so a scan that stops advancing fails the test instead of hanging the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("fuzz_child.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("seed", [1, 2])
def test_word_salad_from_the_dictionaries_always_drafts(seed):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(CHILD), str(seed), "150"],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok 150"


@pytest.mark.parametrize("text", ["with Saudi", "Talks ended with Chinese", "signed with U.S."])
def test_a_sentence_may_end_on_a_partners_demonym(text):
    """ "... with Saudi" at the very end once read past the sentence looking for "firms,
    including"; hypothesis found it."""
    from game.authoring.coder import Coder
    from game.authoring.dictionary import default_dictionaries

    Coder(default_dictionaries()).code_text(text)
