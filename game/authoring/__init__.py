"""Scenario authoring: from a news article to a draft scenario an author reviews.

`text` decodes and splits the article, `dictionary` loads the coder's TOML dictionaries
(`dictionaries/`), `coder` codes sentences into events with their evidence, `draft` aggregates
them into a `game.scenario.model.Scenario` with every fact pending review, `report` renders the
review report, `review` walks pending facts with tomlkit, and `evaluate` measures recall and
precision against gold lists. Commands: `cli_draft` (`main.py draft`), `cli_review`
(`main.py review`).

Must not import: pygame, anything under `game.ui`.
"""
