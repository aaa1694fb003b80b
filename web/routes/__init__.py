"""Page routes (and the CRM's callback). They import neither ``orm`` nor ``resolvers``: data comes
through GraphQL."""
