"""E-mail delivery: SMTP_URL parsing, a message handed to an SMTP server, refusals as MailError,
and the log fallback of development."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from email import message_from_bytes

import pytest

from resolvers.mail import LogMailer, MailError, Message, Postman, SmtpMailer
from web.settings import Settings, SettingsError

MESSAGE = Message(to="ivy@acme.example", subject="Hello", body="Open https://x.example/a\n")


class FakeSmtpServer:
    """Just enough SMTP (no TLS, optional AUTH PLAIN) to receive one message on loopback."""

    def __init__(self) -> None:
        self.received: list[bytes] = []
        self.commands: list[str] = []
        self.port = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"220 fake ESMTP\r\n")
        while line := await reader.readline():
            command = line.decode().strip()
            self.commands.append(command.split(" ")[0].upper())
            verb = command.upper()
            if verb.startswith("EHLO"):
                writer.write(b"250-fake\r\n250 AUTH PLAIN\r\n")
            elif verb.startswith("AUTH"):
                writer.write(b"235 ok\r\n")
            elif verb.startswith("DATA"):
                writer.write(b"354 go on\r\n")
                await writer.drain()
                data = b""
                while not data.endswith(b"\r\n.\r\n"):
                    data += await reader.readline()
                self.received.append(data[:-5])
                writer.write(b"250 queued\r\n")
            elif verb.startswith("QUIT"):
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            else:
                writer.write(b"250 ok\r\n")
            await writer.drain()
        writer.close()


@pytest.fixture
async def smtp_server() -> AsyncIterator[FakeSmtpServer]:
    fake = FakeSmtpServer()
    server = await asyncio.start_server(fake.handle, "127.0.0.1", 0)
    fake.port = server.sockets[0].getsockname()[1]
    async with server:
        yield fake


async def test_a_message_reaches_the_smtp_server(smtp_server: FakeSmtpServer) -> None:
    mailer = SmtpMailer.from_url(
        f"smtp://robot%40acme.example:p%40ss@127.0.0.1:{smtp_server.port}",
        "Spendsync <no-reply@acme.example>",
    )
    assert (mailer.username, mailer.password) == ("robot@acme.example", "p@ss")
    assert "p@ss" not in repr(mailer)
    await Postman(mailer).send(MESSAGE)
    assert "AUTH" in smtp_server.commands
    (raw,) = smtp_server.received
    parsed = message_from_bytes(raw)
    assert parsed["To"] == "ivy@acme.example"
    assert parsed["From"] == "Spendsync <no-reply@acme.example>"
    assert parsed["Subject"] == "Hello"
    assert "https://x.example/a" in parsed.get_payload()


async def test_an_unreachable_server_is_a_mail_error(caplog: pytest.LogCaptureFixture) -> None:
    mailer = SmtpMailer.from_url("smtp://127.0.0.1:9", "x@acme.example")
    with pytest.raises(MailError):
        await mailer.send(MESSAGE)
    postman = Postman(mailer)
    postman.send_later(MESSAGE)  # in the background: logged, never raised
    await postman.drain()
    assert "could not be sent" in caplog.text


async def test_without_smtp_the_message_goes_to_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="spendsync.mail")
    await LogMailer().send(MESSAGE)
    assert "to ivy@acme.example: Hello" in caplog.text
    assert "https://x.example/a" in caplog.text
    caplog.clear()
    with pytest.raises(MailError):  # production without SMTP_URL: no links in the logs
        await LogMailer(reveal=False).send(MESSAGE)
    assert "x.example" not in caplog.text


def test_smtp_settings() -> None:
    env = {"SECRET_KEY": "s" * 40, "CREDENTIALS_KEY": "c" * 44}
    assert Settings.from_env(env).smtp_url == ""
    configured = Settings.from_env(env | {"SMTP_URL": "smtps://u:p@mail.example",
                                          "MAIL_FROM": "Expenses <e@acme.example>"})  # fmt: skip
    assert configured.smtp_url == "smtps://u:p@mail.example"
    assert configured.mail_from == "Expenses <e@acme.example>"
    assert "u:p@" not in repr(configured)
    mailer = SmtpMailer.from_url(configured.smtp_url, configured.mail_from)
    assert (mailer.port, mailer.implicit_tls) == (465, True)
    for bad in ("http://mail.example", "smtp://", "smtp://mail.example:99999"):
        with pytest.raises(SettingsError):
            Settings.from_env(env | {"SMTP_URL": bad})
