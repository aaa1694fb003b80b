"""Statement descriptions: one that a spreadsheet would read as a formula is stored with a
leading apostrophe (and so is the expense made of it); control and bidirectional formatting
characters from the file are removed."""

from __future__ import annotations

from orm import models
from tests.gql.cards.conftest import World, import_file, make_card, set_mapping

HEADER = "Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n"


async def test_formula_like_descriptions_are_neutralised(world: World) -> None:
    card = await make_card(world.alice)
    await set_mapping(card)
    rows = [
        '01/12/2026,01/13/2026,=HYPERLINK("http://evil.example"),Travel,Sale,-1.00,',
        "01/12/2026,01/13/2026,+1+1,Travel,Sale,-2.00,",
        "01/12/2026,01/13/2026,-2+3,Travel,Sale,-3.00,",
        "01/12/2026,01/13/2026,@SUM(A1),Travel,Sale,-4.00,",
        "01/12/2026,01/13/2026,Caf\u00e9 \u202eevil\u202c bar\x07,Meals,Sale,-5.00,",
        "01/12/2026,01/13/2026,PLAIN SHOP,Meals,Sale,-6.00,",
    ]
    payload = await import_file(card, world.alice, (HEADER + "\n".join(rows) + "\n").encode())
    assert payload["errors"] == []
    stored = dict(
        await models.CardTransaction.filter(card=card).values_list("amount_minor", "description")
    )
    assert stored == {
        100: '\'=HYPERLINK("http://evil.example")',
        200: "'+1+1",
        300: "'-2+3",
        400: "'@SUM(A1)",
        500: "Caf\u00e9 evil bar",
        600: "PLAIN SHOP",
    }
