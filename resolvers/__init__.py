"""Business rules, one package or module per domain. No GraphQL types in here."""
