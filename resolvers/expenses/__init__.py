"""Expenses, expense reports and their rules."""
