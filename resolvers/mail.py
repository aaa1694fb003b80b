"""Outgoing e-mail: over SMTP when ``SMTP_URL`` is set, otherwise written to the log.

``SMTP_URL`` has the form ``smtp://user:password@host:587`` (STARTTLS when the server offers
it) or ``smtps://user:password@host:465`` (TLS from the first byte); user and password are
optional and percent-decoded. The ``Postman`` sends a message now (the caller waits and learns
whether it went) or later (in the background, so an anonymous request's answer takes as long
whether or not there was anything to send).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol
from urllib.parse import unquote, urlsplit

logger = logging.getLogger("spendsync.mail")
SMTP_TIMEOUT_SECONDS = 20


class MailError(Exception):
    """The message could not be handed to the mail server."""


@dataclass(frozen=True, slots=True)
class Message:
    to: str
    subject: str
    body: str


class Mailer(Protocol):
    async def send(self, message: Message) -> None: ...


class LogMailer:
    """Development: the message, links included, goes to the log instead of a mailbox. In
    production (``reveal=False``) a link in a log would let its readers in: nothing is sent
    and the caller learns it (``MailError``)."""

    def __init__(self, *, reveal: bool = True) -> None:
        self.reveal = reveal

    async def send(self, message: Message) -> None:
        if not self.reveal:
            raise MailError("no mail server is configured (SMTP_URL)")
        logger.warning(
            "E-mail not sent (no SMTP_URL); to %s: %s\n%s",
            message.to,
            message.subject,
            message.body,
        )


@dataclass(frozen=True)
class SmtpMailer:
    hostname: str
    port: int
    sender: str
    username: str | None = None
    password: str | None = None
    implicit_tls: bool = False

    @classmethod
    def from_url(cls, url: str, sender: str) -> SmtpMailer:
        parts = urlsplit(url)
        if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
            raise ValueError("SMTP_URL must look like smtp://user:password@host:587 or smtps://…")
        implicit_tls = parts.scheme == "smtps"
        return cls(
            hostname=parts.hostname,
            port=parts.port or (465 if implicit_tls else 587),
            sender=sender,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            implicit_tls=implicit_tls,
        )

    async def send(self, message: Message) -> None:
        import aiosmtplib

        email = EmailMessage()
        email["From"] = self.sender
        email["To"] = message.to
        email["Subject"] = message.subject
        email.set_content(message.body)
        try:
            await aiosmtplib.send(
                email,
                hostname=self.hostname,
                port=self.port,
                username=self.username,
                password=self.password,
                use_tls=self.implicit_tls,
                timeout=SMTP_TIMEOUT_SECONDS,
            )
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise MailError(f"the mail server refused or could not be reached ({exc})") from exc

    def __repr__(self) -> str:  # never print the password
        return f"SmtpMailer({self.hostname}:{self.port})"


class Postman:
    """Sends through a mailer; keeps background deliveries until they are done."""

    def __init__(self, mailer: Mailer) -> None:
        self.mailer = mailer
        self._pending: set[asyncio.Task[None]] = set()

    async def send(self, message: Message) -> None:
        """Deliver now; raises ``MailError`` when the message could not be handed over."""
        await self.mailer.send(message)

    def send_later(self, message: Message) -> None:
        task = asyncio.get_running_loop().create_task(self._deliver(message))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _deliver(self, message: Message) -> None:
        try:
            await self.mailer.send(message)
        except MailError:
            logger.exception("e-mail to %s could not be sent", message.to)

    async def drain(self) -> None:
        """Wait for background deliveries (at shutdown, and in tests)."""
        while self._pending:
            await asyncio.gather(*self._pending, return_exceptions=True)
