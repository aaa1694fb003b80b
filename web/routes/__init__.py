"""Page routes. They import neither ``orm`` nor ``resolvers``: data comes through GraphQL."""
