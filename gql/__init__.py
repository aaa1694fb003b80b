"""GraphQL types and wiring. The executable schema lives in ``gql.schema``."""
