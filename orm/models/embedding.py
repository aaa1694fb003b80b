"""What a CRM needs to embed the CRM tab: the origins allowed to frame it and call the API,
the embed secret its extension signs links with (encrypted like the CRM credentials), and the
nonces of the embed links already used (a link opens the tab once)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from orm.models.base import TimestampedModel
from orm.models.organizations import Organization


class CrmEmbedding(TimestampedModel):
    """One per organisation, created when an admin first saves origins or generates a secret."""

    org: fields.OneToOneRelation[Organization] = fields.OneToOneField(
        "models.Organization", related_name="crm_embedding", on_delete=fields.CASCADE
    )
    org_id: int
    # Origins such as "https://crm.zoho.eu": CSP frame-ancestors of the tab and CORS on the API.
    origins: list[str] = fields.JSONField(default=list)
    # The embed secret, Fernet-encrypted with CREDENTIALS_KEY; empty until an admin generates one.
    secret_encrypted = fields.TextField(default="")
    secret_set_at = fields.DatetimeField(null=True)

    class Meta:
        table = "crm_embedding"


class EmbedNonce(Model):
    """A used embed link's nonce, kept until the link would have expired anyway."""

    id = fields.BigIntField(primary_key=True)
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="embed_nonces", on_delete=fields.CASCADE
    )
    org_id: int
    nonce = fields.CharField(max_length=128)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "embed_nonce"
        unique_together = (("org", "nonce"),)
        indexes = (("expires_at",),)
