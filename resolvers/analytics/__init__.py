"""Spend analytics: grouped aggregates over expenses, ready reports and exports."""
