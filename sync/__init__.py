"""The async sync service: CRM client, CRM simulator, sync engine, job runners."""
