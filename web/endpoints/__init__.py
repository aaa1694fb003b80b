"""HTTP endpoints of the API beside ``/graphql``: what does not travel well inside GraphQL
(receipt files, the CORS of the organisations' CRM origins, the CRM's own callbacks). Like a
field of gql, each calls resolvers, and nothing of ``sync`` or ``orm`` (the import-linter
contract ``endpoints-through-resolvers``); request bodies are read through the one bounded
reader of ``web/request_body.py``."""
