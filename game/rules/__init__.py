"""The rules: orders, the action catalogue (one module per family) and the rule parameters.

Modules: `orders` (Order, ActionKind), `base` (Action, Edit, shared helpers), `diplomacy`,
`economy`, `military`, `treaties`, `proposals` (offers, answers, the acceptance rule),
`catalogue` (every action by kind), `params` (scenarios/rules/default.toml and overrides).

Must not import: pygame, game.ui.
"""
