"""Spend analytics in GraphQL: the aggregate query, ready reports and their types."""
