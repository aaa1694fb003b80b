"""A mailer that keeps what it is given, for tests to open the links they were sent."""

from __future__ import annotations

import re

from resolvers.mail import MailError, Message

LINK = re.compile(r"https?://\S+/set-password\?token=\S+")


class Outbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.failing = False

    async def send(self, message: Message) -> None:
        if self.failing:
            raise MailError("connection refused")
        self.messages.append(message)

    def links_to(self, address: str) -> list[str]:
        return [
            match
            for message in self.messages
            if message.to == address
            for match in LINK.findall(message.body)
        ]

    def last_link_to(self, address: str) -> str:
        links = self.links_to(address)
        assert links, f"no link was sent to {address}"
        return links[-1]
