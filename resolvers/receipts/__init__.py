"""Receipt files: content checks, content-addressed storage, the inbox, conversion."""
