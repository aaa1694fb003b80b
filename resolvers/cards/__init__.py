"""Corporate and personal cards: statements, transactions, matching (rules in docs/CARDS.md)."""
