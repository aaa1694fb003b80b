"""The sync engine: CRM records in, Spendsync customers and potentials out."""
