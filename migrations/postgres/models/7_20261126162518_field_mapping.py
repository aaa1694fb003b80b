from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "custom_field" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "api_name" VARCHAR(100) NOT NULL,
    "data_type" VARCHAR(12) NOT NULL,
    "options" JSONB NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_custom_fiel_org_id_c70a55" UNIQUE ("org_id", "api_name")
);
COMMENT ON COLUMN "custom_field"."data_type" IS 'TEXT: TEXT\nNUMBER: NUMBER\nDATE: DATE\nBOOLEAN: BOOLEAN\nPICKLIST: PICKLIST';
COMMENT ON TABLE "custom_field" IS 'An organisation-level field of customers (a CRM field can be mapped onto it).';
        ALTER TABLE "customer" ADD "custom_values" JSONB;
        ALTER TABLE "integration" ADD "contact_field_map" JSONB;
        ALTER TABLE "integration" ADD "account_field_map" JSONB;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "customer" DROP COLUMN "custom_values";
        ALTER TABLE "integration" DROP COLUMN "contact_field_map";
        ALTER TABLE "integration" DROP COLUMN "account_field_map";
        DROP TABLE IF EXISTS "custom_field";"""


MODELS_STATE = (
    "eJztXW1z4kiS/isVfNmeC0+HjdvuXu7iIjCmp5mxoQ9w9+wOE7IMBShalFi92O3Z7f9+VX"
    "p/KQmVQFiS84uRJWUhnixVVWY+lfnv1kZbYNV4290qU+0bJq0O+neLyBtMDxLXTlBL3m6D"
    "K+yEKT+o9s3yVpFM/7YHw9TluUkvLGXVwPTUAhtzXdmaisa+pNVFD1jWsY5sGbTUdPSkLF"
    "bYNJBMFkjHW003FbKi1zX6DGhE1Gek0KuTT92f2xeXaKGssGEixUCGqel48ZZ970Kb0y+m"
    "YuV9hUWUf1mY/lTa0Brr9Iv++JOeVsgCf8eG9+/2m7RUsLqI4KksWAP2ecl83trnBsT8aN"
    "/Inv5BmmuqtSHBzdtnc60R/26FmOzsChOsyyZmzZu6xeAllqq6qvAQd540uMV5xJDMAi9l"
    "S2VKYtLOAwTnWpI0HE2lSX8qSa2EAj2JEODuqblGmPLpoxr2r1+xR/i5ffbu/bsP55fvPt"
    "Bb7Mf0z7z/4Xx1AIwjaMMznLZ+2NdlU3busDEOQJ3rmCEhyWYS3Gt6xVQ2mI9wVDKG9MIV"
    "fesdxHH3UM4C3jsRIB+8DceAnv7ABevVrsozcJ4ObvuTaff2M/u6jWH8S7Xx60777ErbPv"
    "scO/vm8id2XqMvujME+I2gr4PpJ8T+Rf8cDfs2vJphrnT7G4P7pv9ssWeSLVOTiPYkyYtQ"
    "7/TOeqjROwOtW9tFQa1HJUHrVdG6h1FI7e7TB1q3PxP67q1lna9r7/6YliladdTrRv4uqZ"
    "iszDX99+z0NEOxX7rj3qfu+A29K6atoXup7Vz7EcHXniglZ9oTwTkudxi8X3baiqB9+S4H"
    "2JfvUrFml6JQb3W8VL6LgBxINLE7X+bpzfGhJ9SZL+MAq7JhSpZRaI6Iyx5glnD7blXQr+"
    "+kkFwL4O9bhTZXQM9RSdBylbWs40c6yxR5m6OSoOUqa1nTV5KQmRwI7DaV6zArHsRaDtlJ"
    "BtbFAA1JAKIuosyjs/zGdT/Q/pcE96OmY2VFfsPPNsYD+kAymfNMEdfFNtJXMlH+ku0fVz"
    "+Mf3idyDsbDJK6/OR7wkIvK4WA/nBsOmve7qTXve63Ej33AMjeuc00FNHQ28qHlHXdB3n+"
    "7UnWF1KkD7MrWluLnfHvTV7atDfxMzKRVzY47FewZ3ZR71GkV5r+3OK4k/1rJ1nu5Hn4rl"
    "3e5HRYOd7aP7x31n6uP8F5C87bKo4ANXXjgfP2NWodnLcv77xVDAkT9vM5E9WVpqlYJimT"
    "VUQwBvcDlSwLb28mO65NfDUa3URemavBNAbz3e1Vn+Jvo09vUpw1VdK6AmsVbKuqWAK7bK"
    "t0QyDiScXEwAZnAHElP/42xqoPJR/wvtNKg7D+UaqtpBGTGjefsW5oXP5N9IaTTKvJuVXa"
    "BveWYzvN9Q3rbWA9gfVUyTe5putosJ5eo9bzWE9LRTdMSdSGikodz5JqtcrScPl2lB38Fw"
    "U6IgQWaz6k8UZWVBGUfYFCCFcsbBsFuH2Rh2JE70oF2L4WIxlRkIS6sS/QPIAv8nTgi/T+"
    "e8FzuGx1ZSM7QQoxh0tI8IgOF/9MbT0uFDpqzCiPnF69C/JADlxc+QF3DT2BMSSQaN4gcn"
    "ge6NwyTG0jStKISYEzEZyz4JytkMPwZA/ii/duHwDdXqiphiIbGwmL+75l08T0p/KCZ+K+"
    "767TWH3JpEd2gdtK/JjwGnMun2S6v+0b3c5xkmsbKkGaPQQZtmJ/VvEjVpHdANKWyOtdBn"
    "ojo9741r0ylwl6wGhDnwTT+4ipIcX8ibMD9dCtZ7nk2QZcoDSBU766Y3pN3bPglH+NWs/j"
    "lKeQYyEHpi8ALuJ8LmJ/UhMAOSwDOOfD2Z7ObJS4QPeJtUnYHBHQIw1UGfXWtP/7tIPY3x"
    "lx3GAd5HzOCBtUOoj9nRHmROt3hx3kHszI50Hvt5vBhEp7R/EVXy79tfOor52uvXZceZr9"
    "2zisnV8no2GKryMQiU85ytxE/0GqYpTm9Gj9z9Iic/YA6MFSVFMhxlv2ff9bVtQwA3AGUW"
    "S28YB+c9v9Pa6D3s3oKj6NsAauwPUErqeKGOonB+MFlm/x2xZsirnveK122fruXeWR3Og3"
    "Wyr2/uNQ3vy7aX8zLfsZAysczG4wu198pKipAQZm92vUOuwkEqMN5TIG2xnGYJuTBmoPO7"
    "AWJuDV3WQw7E8m1LZzj2ZkMLwefBlc33VvOig4LmTgHTyXUbC0KKKSQPqIBNBubzr40hc0"
    "6FypDnI+mVK8M95RNRQCzEVgLtaYufiEHwzG+BLANyTSPITbFxe5uvBFRhe+SDC7ItZjkY"
    "E72kKFYafjdm90N5xO2MjtHM1IbzSc0jGbnvOOZuS6372hJ+yPaozkwG8smd/o9GGFNljM"
    "OE+IQwK36phmSYvceCZzaaHopigpPioIpHgRjrZDe3qUVYu3dzs9CpQQ3CsWVOSt4oWC2L"
    "dCKAhCQR0IBVUlFBQaayIZBvbMFJHIbNAQ4KO+giMn1ajm4iYbI79XaSYmpiKre6L12Wun"
    "oXgBTvlwcmr87AnS2G6kQQiVGdj3xilOXD80hKWH9XHopoNG9dPC9l6eWWY+tuhN/gX/HY"
    "uc9WkHEN+H+H413vOaRnohvv8atZ4nvm8PxVx983Xt3Z+l5RpqOEOjTEtxpvxGs4gpbRSi"
    "cbaOXimr1CkoLtkkv8Pf2+3z8/ft0/PLDxfv3r+/+HDqT0zJS1kz1NXgFzZJRV4JnidO1z"
    "GZc3yfGfGEkEyVWRMFQwrnOSIK56kBhfNE5P37fC2TFZZ0/iCB58pGVlOC8HHZ+IDhCL91"
    "GykL+rMXGC/6vcFt9+ZN+/Tk7DTmT/aU8C4RJn6QDSwVH1e44jC4FB5cqNXB+q9QZb6wTO"
    "PSv5VCfgs/WQLoKf6e0tljYg3AOmtB2f99mh0p8deTN6PhL97t8fDJj5ivZonZRChES4kI"
    "NQD04+SJ17GyebB0w4YgOabvSKQVl4Z0WkL5yx4UFwNh4MOSECAXCZC7xYQEk2xFpZq0cj"
    "lYkq2XS19WMWc7ZC+rNp6+N18M1bgYdNUktE6QTQzXiAyACoU7y0EUmENQuLOaiKYV7hz3"
    "J9PxoDdtcRewB8A1XH6zodjGFu558H2RnJsVm8Jyw5uRcpMP7zZMM9oT3wZSluIAxxedOR"
    "DWfY7SnvA2jewUxzay8EwBNg8P1k0XeyBap0C+2LoMyrHuOce06b2JeHYrzemcx2Di+V0r"
    "nZEX7n07mXmSHL57d4JdxFY6SNORjFyWL3K44ywDrrnGfhZc9LTWkKlp39BW1k2kEPuq+6"
    "2c3LoHbHg3XRDIfkD2q8RQUlPaF5D9XqPW85D9qp/Mp85shuh2LcEoDU8WfLVJX623MhJC"
    "NyoEHluIgTUwptDAFx9CCscPKYQ2he0JbvNq08dxjc4rVQvXVGxA2Ddawy/gFVk3HSKkIL"
    "hNvqYgc9ebVUpaTadJvNJl9/cnvGnhyydZnjQlduNOJ9qIYObbihSTeosmeK5j00CyjpFh"
    "0k61QJjM9ect7Rjozf39f0n+v/f3P50ggh9pGwpB1HCQ9aRHrbRvAfcauNdqMsvW1NEC7r"
    "XXqPU87jWW/LdwAkpf+IjONqbP3mg47Pem/WtBz1tUuIMi/9oZKb0robPXg0n36oad9I7i"
    "M2OurRoHz0xpD99zTExdyD8aE2tejso8KSrTM1QmElTK8znboWhIli6U0Tku1zygS8mKy4"
    "qziSIdiADI+VIPqwodAETz2oaFmhddKRFnwzaRAjsoiXr6vtGMJhqggxfYQ0qXTmtqan7D"
    "pJhCMpoAhQgrhOVvTgvjZKfYTo3lNGDQLyfNNkNMNJoel2se1qXl9i+U6yUm1zy4D5zuxc"
    "7/Th9XyYA7c9s0vwHYPS2cXhzr+1azSDZz1HpETl0KUY9C3soW3lWpO7yWghu4p4v4F9q5"
    "iuxk1NhJTBl0BYTTksns1mYgfUQlfuxPe59ENWgLdZD9MSPTryPpa/cfHeQeFNHFhxyq+J"
    "CqiQ8JR4+1VRW2Z0naavQgZULJUYKb084RlTP5bfBZVDd0xTjs09eIfczI6Et//HU8YCW4"
    "/cMZYe12kN/6i1fbpl+3pPCae2qL08wRldUb30pfB0Ph4dCTozpzj6iCPveH15N/DHvule"
    "j/1XCmut466VHBT4LGCEe0ecu2EiwSN5pfAHGOKCC+G3GFzFVrgak9t13LRHJR5O25yswz"
    "lN4KrJoLrJoNBuFSWVk6zw+VbbukNAF6ENCDXVeKMW70R1mV1pqlc96IVEpJivTx6MXtd2"
    "WNRgcmF6uyYUo2XOIEg7gslHirDqMgSSQh1PYrqum4LGi6ypr2lr7Oj9nI26S604vLcYWh"
    "wNxJVoSlQIE5b7FcSEdcYdDRoXVkz29L+igSI5oVnSDjDcDYWeWx88U3r9WewpzYaSXC+t"
    "+xK2tE8FSjf460J+tFdXGoHVmH20gRgZOzkyIOd/pWCi1+5869FNM1RiYmMjHfov4j1p/d"
    "/5CuPaG5rOsKNtD9vQPG/X1ym0SRBmAHBOyAAC487IAArUOCkZfkQpWRYsQu81OEDJUQPG"
    "L8824iurekGnwoNrxIf2lEqEdHhI4J8rR3HJAPH0ujS0jlEUv2vm9V2SicGSO9nh5P9ogR"
    "g4tKL8pCGKsqHcgNrC4lusDXtUdeftjMAFlKCxAfE4iPBclmjbm2Lczu4zRzTHbfzY3gSN"
    "MafR12EP0zI1S4g7wWXpYK5manNTD97dxKWLsKKoQljzfknFZ4xBHwIkV3qdkbQPbMWNvd"
    "KlPWTA1Xjmleo2jwwcm0ruybBrmBSekzUsLsC5ZgOph6ImZzX7yXcz+87Kb8YbO5aGEetU"
    "UcqUbV3eDlETtMzvaGgyRBhnsR1Pz1755wiZS3qCVQxy4FUFOQ2Gp+b4xylvKoMUQSfsTk"
    "MED1H3Ets8TmQsum3M0tumLcd40woS317IYajRUdpjRqH2JdPwhiY7u5Pmut2bBZ+1o3Nl"
    "pWY+0a5hXeE6GGVcYTK4IT3u4SyaLJx9Pj+exGNZa9s5bEOT62AsScYPXJYeVElqbplJxI"
    "sbc8BYJ641u0wLL6Fg1M9IBVjawMZGpIJsjlEPulfE5CxX6Cc5qOHjRzzasRdNC2OSyePz"
    "x6GcszoCxafwKtB2g9VRx9a0rwAFrPa9Q60HrEaD1lpDgyTLpEEAHYF2hAmrRYOoJctKmz"
    "DNrUWZI2VbvEvKPP/aFwkJ3KdBD7OyNfR/SQ/pmRm9Fk2kHsbwVC7vLG3qW2UYjGqYNxpa"
    "zSeT4xyQZVyPl7u31+/r59en754eLd+/cXH079pVryUtaa7WrwC1u2RZTB2ytfIJUapFET"
    "SKOmagb9cmnBHXPYIikF5Jhc1hKpfpBnYMxWOPFqZE/0t0nMzkuto5XeW7nCzeu2JSQ1MS"
    "SHT8kZmzPTmITljkgI9Mzp2vIBXUeGyEjsS0CHzpep1dsaL45zVBLwzoe3R78SxzsqCXjn"
    "z/vlp/ssVHM2Jt2gpfXB6PMFAQZgdwH74jv3G4BngnUNVVJLr5I6D7E390RXgAhascEgL7"
    "CxcTCC7rg/mY4HvSm/rCfALAIzfz5PgTvP1oxjc3hrAvwL0gfrgpAQz0SQOOHxUTm0iRBV"
    "NZ00oYdu2k2ZIMjaqpq8wAvkCqKlotI73QKtFkVeR4ppoMmn7s/ti0v08IzMtVPAlf4AxH"
    "40JgsOY+KgTe9Oe+LzJ4y1TBtr0cv+Ka8ytVf9+08gUwCZohJDTE3D6kCmeI1az0OmYEO8"
    "cO2oiBDQKnJWjqILYlbwzwZKAOy4XAPxLodmofwlso3eux0cObxU6s4aTaDXBhIN7K+lBD"
    "v9Ij7i8c6IKORAEYh5eiZPoVVPRBSWPVVZ9uRZ7HpbnYXsx6gQBFAggFI2nql8o1RA00lG"
    "rxdRCEkdPyTlufD2RLZhOx7jiIbe1hxxKByELvaEtXFBkDiw0ak6gi19BDS8u7nJCjqVGz"
    "CwoyvceIEXd8kKF/j37IoWpIOatZ2RWJsHeiq+nTFw15uyaRkRd72TgdF5Ub3L4LEHj30l"
    "RowGGzHgsW+a1vN47N0BOqHxjA2QvkQDfXHtfInNM/Kax31xsL+05LTxlqEQbBjS1tLpu8"
    "HBeoq/pywIeLIN2HWaNTz1f59GRqZEWTJ/dLoZDX/xbo/XKktsQdVN4T1hUak9d4RVreOL"
    "bQnDZCEMX1jmVYPn2gjcITbfDmiLV4u3zBf/etz9OBV8+x2hDrI/ZmRyd3U7mE771x3kH8"
    "5I9/Pn8egLO+kdzci4/2u/Z9/oHbFzg9uru/HEOesdtwqM6WeXeWKt8QVOKNR6mYi0Wg8b"
    "xSy2Eo3LQmnD6iw9kxaHa+kXUXRMFPRcZT3rWNk8WLpB1cXLsZY+xyUEX/O+cR+MDePv6H"
    "iJdX5th3TbIqOJ5m1JLIUGxLaD6/O1QoeeJPA7N5KHJIFXIcCr8FzCYsHLmBRE2GHv59GA"
    "BerCYfEMykIJoRoXg64KrJByEAVWCLBCqomoGCsEdiWXuvk7ktR6T3xFSrzUFOD4/J0D4T"
    "B95DgDQ02xjZlHsJW+1K30a4VtbOZkpoQCMyVvqA8gSyXJ+YjuYso5ZYLsO3furh8RjFSF"
    "/tGWSEaO/N8M5HaEDnpaa2jDfNhIMdFS1zb0jDJfIycixYoL2P+fIJks6OFzcpN9Kd+we6"
    "89kPGAjFeJAaWmtCwg471Grech47FMs7wIWXpEJ5BoJF/s0GQ8NglK+xFGYk1UOG72ahgj"
    "9IXaT6eRBqr8Ir0alc61zcZdaeclc4ZEgMMpzOGkE4kmGl8NiUAcAIKApePp2uBCkEZkAF"
    "WIVomMvgeNVgV7LffEtnH1uOOoRt7Z3cDa8xDEAXf6+0PTtbCzv0wXbagSOMdDG60Tnu6g"
    "DVUmz+ef/aQ90Us6khG9E8sbtJYN9IAxQczB0EFO5W4D0e9S6C9ZINlkVVzlpYl1dH/vnZ"
    "YMhfaq+3sk69iWTLhpy/qiGcWT6hsRuiRGzJmD3rAEqr3x7d8MlmyViSsGolKqZSiP+L+R"
    "taVd3DRYqlVW0FZZoI38DdtpV1kkSJW39Nn0jYoN46edlWqdHwOVasE7XM1xsaZ+QvAOv0"
    "at5/EOuwNuQuNZpVQ9iSo7tQp6h8/bOZxO5+304obtuNMpOtOKvlpJadiVVJ23KTmIgncG"
    "/AhVsc12+RFezjAb28ZJX9fTrbPwLSc7TTTH2pGwf/tBE0+BMQLGSBUHgpouS8EYeY1az2"
    "OM0OHdUoU2HwcSYIzkMEaOXj+52gAfPkn+BhsGXfckEU6nGIREGgHxsUkGYHIdOCBuEcFo"
    "uC8AeIIJKzJGHDYUbnFIrsLA2ran1WRMg9e1cm4Bi7TS3AGOSna5Ady7yrT+E1mmwR0A7o"
    "BKDAA1NQzBHfAatZ4vNlm7JJz/d9e/c+nuAgR8R6qDnM8ZGd8Nh4PhLx3kHjBSfq/X7187"
    "pHz3cEY+dgc37JTzOSO97rDXv7FP+YetfL0oSr3P43g4S3c8nCUcD/TbVyuxlOAhkSMq8L"
    "Y7vOveCCqwoPuhhDSnLP1xsSSnEUkIMldnWEzOhkuFKMa6kJpjoqDnKusZG1QH9urF1Exe"
    "dpf0MoBJyeP5Zk4rbVqE0ubo2hwbBi/pZnrut7AMQJpI/ejYWAKAhiQAzmTp14UgnCEJgD"
    "PRO1WNiHVOXwDAjIO5wfpKCMxAAMBMFC//pmy3QmiGJADOOJwLzFJYPAqOnTEpgDUO61JW"
    "VCFEAwEAM7H6tJgdJrL09AUAzMTMrpGlqsxNjrMwfXIPywCkcUhtLq1UgM+SEITEGcBpAQ"
    "5G5TAufxtBOE1BwM/fM6MrZ3NAQ4AvNWWpnYeAQ67w8hOkMyu8hOglFfPGG7pIjNTqZpRT"
    "L7/4rhrfrLNq9DmBhQEsjGq83TWNxwML4zVqPQ8LwxmgEwpPD9z7Ao2gs8eyh17k2TJA70"
    "rPH3qR2DQA1bzLreZtrxC4+O5mEXmyRzRivaybY0FrttW9vh0MO8j+8DN2jv2MneMgt+c4"
    "yO3pfEsVmCt143p1e9PBl76wkmwpqhT7c0YGQ++Md1QNhWxlw3hiRttaNtYio1NCsMLZjA"
    "vPAhe5ZoGLjFnggrc3L7VsWvYGvfTaaQ0A+/Cb9FTZMCVVWymkwFI2IQwcquosXpM2C3hS"
    "wZPaJE+qvFUkU/uGyZ5u1O5WmbJmGgR31Go9cvmwWoIkmyamj8cZHguA1HUaq+98l42Vju"
    "eYNr1nhxo7rTS1QzlJlg06QkluJcB94cqZlbqePcoG60gI1bg/OQXyDgIUlDkUiBl2sa7M"
    "1y1O1NC9cpIVN5SDeyAbW52W+ycZgb9HrBuC1cRCIk10WJfhCmIvlQDC7u0NRPcsVzjgLC"
    "MccJYMB9BvNLlloH6djIapXEGTXwZqocxN9B+kKkaNpxUeuAyMiJMnwWuLU9hOot4b1sAV"
    "z3twzAQjP/4f/lDlUg=="
)
