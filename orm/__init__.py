"""Tortoise models and configuration. Import-light: aerich imports ``orm.config`` often."""
