"""Tortoise models and configuration. Import-light: aerich imports ``orm.config`` often (the
SQLite transaction fix below imports nothing Tortoise does not import anyway)."""

from orm import sqlite_transactions

sqlite_transactions.install()
