"""The scenario checker's parts, one module per area; `game.scenario.check` runs them in order.

- `diagnostic`: `Severity`, `Diagnostic` and key-path formatting;
- `checker`: `Checker`, the state of one run (line map, ids seen) and its reporting;
- `vocabulary`: which fields each kind of objective, trigger and effect reads, and in what range;
- `raw`: readers of the parsed TOML dict (records, dates, enums, attrs fields);
- `wording`: how types, ranges and suggestions are put into words;
- `shape`: structure and types, through the strict converter's hooks and the model's validators;
- `references`: ids, duplicates and references to unknown actors, agreements, theatres, issues;
- `tables`: per-table meaning of actors, relations, agreements, theatres (shares) and issues;
- `kinds`: per-kind required fields and ranges of agendas' objectives and events;
- `rules_overrides`: `[rules]` keys checked against the default rules file;
- `provenance`: sources, pending reviews and quotes checked against the article.

Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which imports this).
"""
