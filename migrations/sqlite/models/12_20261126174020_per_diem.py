from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "per_diem_policy" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "first_last_day_share" VARCHAR(40),
    "breakfast_share" VARCHAR(40),
    "lunch_share" VARCHAR(40),
    "dinner_share" VARCHAR(40),
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_per_diem_po_org_id_eb5739" UNIQUE ("org_id", "name")
) /* A rule set: hour tiers (child rows), the first and last day share of a multi-day trip, */;
        CREATE TABLE IF NOT EXISTS "per_diem_assignment" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "policy_id" INT NOT NULL REFERENCES "per_diem_policy" ("id") ON DELETE RESTRICT,
    "user_id" INT NOT NULL UNIQUE REFERENCES "user" ("id") ON DELETE CASCADE
) /* The per diem policy a user's per diems are calculated with (one per user). */;
        CREATE TABLE IF NOT EXISTS "per_diem_detail" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "mode" VARCHAR(16) NOT NULL /* TRIP: TRIP\nINDIVIDUAL_DAYS: INDIVIDUAL_DAYS */,
    "inputs" JSON,
    "breakdown" JSON,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "policy_id" INT NOT NULL REFERENCES "per_diem_policy" ("id") ON DELETE RESTRICT,
    "expense_id" INT NOT NULL UNIQUE REFERENCES "expense" ("id") ON DELETE CASCADE
) /* What made a per diem expense: the policy, the mode and inputs of the trip, and the */;
        CREATE TABLE IF NOT EXISTS "per_diem_location" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "policy_id" INT NOT NULL REFERENCES "per_diem_policy" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_per_diem_lo_policy__b5ab48" UNIQUE ("policy_id", "name")
);
        CREATE TABLE IF NOT EXISTS "per_diem_rate" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "full_day_minor" BIGINT NOT NULL,
    "breakfast_minor" BIGINT,
    "lunch_minor" BIGINT,
    "dinner_minor" BIGINT,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "location_id" INT NOT NULL REFERENCES "per_diem_location" ("id") ON DELETE CASCADE,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE
) /* A location's rate from ``effective_from`` to ``effective_to`` (inclusive; null: open). */;
CREATE INDEX IF NOT EXISTS "idx_per_diem_ra_locatio_15bf92" ON "per_diem_rate" ("location_id", "effective_from");
        CREATE TABLE IF NOT EXISTS "per_diem_tier" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "min_hours" VARCHAR(40) NOT NULL,
    "exclusive" INT NOT NULL,
    "share" VARCHAR(40) NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "policy_id" INT NOT NULL REFERENCES "per_diem_policy" ("id") ON DELETE CASCADE
) /* Hours in a day that earn a share of the rate: at least (or more than) ``min_hours``. */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "per_diem_tier";
        DROP TABLE IF EXISTS "per_diem_policy";
        DROP TABLE IF EXISTS "per_diem_assignment";
        DROP TABLE IF EXISTS "per_diem_rate";
        DROP TABLE IF EXISTS "per_diem_detail";
        DROP TABLE IF EXISTS "per_diem_location";"""


MODELS_STATE = (
    "eJztXW1z4ji2/isqvkz6FtPVTTrpXnZrqwihp9lJoJeQ7tk7bDmOEcE3RmZtk3R2d/77lf"
    "yGX2RjGZvY5nxJwNYR8BxZ0nl0Xv7TWulzrJlve2t1qj9i0uqi/7SIvML0RexeG7Xk9Xp7"
    "h12w5HvNbiyvVcnym92bliErFr2xkDUT00tzbCqGurZUnX1Iq4fusWxgA9kyaKEb6FmdP2"
    "DLRDKZIwOvdcNSyQO9r9PvgMZEe0EqvXvzpfdz5+wczdUHbFpINZFp6Qaev2WfO9cV+sFU"
    "rLyP2BD1XxtMfyrtaIkN+kG//5NeVskc/8Cm93b9KC1UrM1DeKpz1oF9XbJe1va1IbE+2w"
    "3Zt7+XFF3brMi28frFWurEb60Si119wAQbsoVZ95axYfCSjaa5qvAQd77ptonzFQMyc7yQ"
    "NxpTEpN2vsD2WkuSRuOpdDOYSlIrpkBPIgC4e0nRCVM+/aqm/esf2Ff4ufP+w8cPn07PP3"
    "yiTeyv6V/5+Ifz0VtgHEEbntG09Yd9X7Zkp4WN8RZUxcAMCUm24uBe0juWusJ8hMOSEaTn"
    "ruhb70UUdw/lNOC9C1vkt0/DIaCnP3DORrWr8hScp8Prwc20d/2VfdzKNP+l2fj1pgN2p2"
    "NffYlcPTl/w67r9EF3pgC/E/R9OP2C2Fv0v+PRwIZXN60Hw/7Ebbvp/7bYd5I3li4R/VmS"
    "54HR6V31UKMtt1rfrOc5tR6WBK1XReseRgG1u99+q3X7f0zf/aVs8HXttY9omaJVR72u5B"
    "+ShsmDtaRv3797l6LYb71J/0tvckJbRbQ1cm91nHt/hPC1F0rJWfZEcI7KFYP36y5bIbTP"
    "P2QA+/xDItbsVhjqtYEX6g8RkLcSTRzO51lGc3TqCQzm8yjAmmxa0sbMtUZEZQtYJdyxWx"
    "X067soxPcC+Mdapd3l0HNYErRcZS0b+ImuMnme5rAkaLnKWtaNB0nITN4K7DaV67AqFmIt"
    "B+wkExtigAYkAFEXUcboLB659AMdf3FwP+sGVh/Ir/jFxnhIv5BMFJ4p4lJsY+NBJuq/Zf"
    "vH1Q/jP7xB5F3dTpKG/OwzYYGHlUJAfzi2nD1v76bfuxy0YiO3AGRv3W4aimjgaeVDyobu"
    "vaw8PsvGXAqNYXZH7+iRK37b+K1VZxW9IhP5wQaH/Qr2nV3U+xTpB914aXHoZP9eO41OVo"
    "KtdrHJybBy2NrfvWfW/l7/BPIWyNsqzgA1pfGAvD1GrQN5+/rkrWpKmLCfz1moLnRdwzJJ"
    "WKxCghG476lkWXh7K9lhbeKL8fgq9MhcDKcRmG+vLwYUfxt92kh19lRx6wqsVbCtqmIJ7L"
    "Ktkg2BEJOKiYlNzgTiSn7+dYI1H0o+4AOnlwZh/UeptpJOLGrcfMWGqXP9b8IN2qlWk9NU"
    "Wm/blmM7KcaKjTawnsB6quSTXNN9NFhPx6j1LNbTQjVMSxK1ocJSh7OkWq2yNFy+HWUf/o"
    "sCHRICizUb0nglq5oIyr5ALoQrdmwbBrhzlsXFiLZKBNi+F3EyoiAJDWNfoHkAn2UZwGfJ"
    "4/eMR7isDXUlO4cUYoRLQPCAhIt/pbaMC4WOGjPqE2dU74J8KwcUV3bAXUNPYA7ZSjRvEi"
    "neD1TZmJa+EnXSiEgBmQjkLJCzFSIM23s4vnjPdgHo9gNdNRTZyEyYn/uWLQvTn8o7PBPn"
    "vntOZ/V1Jj0wBW4r8XOMNebcbqfS33ZDd3C0M4WhEqTbU5BpK/ZnDT9hDdkdIH2BvNFloh"
    "MZ9SfX7h1FJugeoxX9Jpi2I5aOVOsNJwK16N7TKHkWgAsuTUDKV3dOryk9C6T8MWo9CylP"
    "IcdCBKYvABRxNorYX9QEQA7KAM7ZcLaXMxslLtADslnFbI4Q6KEOqox6azr4bdpF7O+MOD"
    "RYFzn/Z4RNKl3E/s4II9EGvVEXuS9m5Ouw/+vV8IZKe6+iO75M+utkUV8nWXudqPJ0+7dx"
    "vHb+djMeJXAdW5HokqMqFvov0lSzNNKj9ZfFhijsC6D7japZKjHfss/7a1mnhimAM4hCq4"
    "0H9Ml177eoDvpX44voMsI6uADqCainihjq7cL8Asu3+G0LNsHcd1irXba+26o8Jzf6yRsN"
    "e+84Lm9+azrerI39HbdWOJjdYHa/+kxRUwMMzO5j1DpEEom5DWUyBjspxmCHkwZqDzuwFi"
    "bgxe3NcDS4uaG2nftqRoajy+G34eVt76qLtq9zGXiF5zLabi3yqGQrfUAH0F5/Ovw2EDTo"
    "XKkucv4zpXhXvFfVUAh4LoLnYo09F5/xvck8vgTwDYg0D+HO2VmmIXyWMoTPoiCv9HtVE8"
    "J4K9E8iIsfxMrGMDBROM63Kb6JAZnmYXyaAeLTRIRPowDTwajRD5foB2IslA80Ltk8sDuZ"
    "RnQnZUh34mPaA05RLaFxHZVrHtylnHptx6ksthrGBAFwIcAVfZ4Lb0+ueXCfZkH7NBns0x"
    "SsN8TixahkgdsXbR7ipQxwc6mu1/kWTY5o80AvZdX0kRNdNmOCzQO87FEuuHDGJQFyMchF"
    "l86YYPMAL37tDIAmvHjyZJuHeSmDPHzgnofrDvdQYdhbvX5/fDua3jCy23k1I/3xaNrrs2"
    "veqxm5HPSu6AX7XzXIbwgJLTkk1BnDKu0wnz9DTBxy3lfnNDvuxGC+EEWaqwZv75oa1B4W"
    "hDwCImHtTqTYk6xteOnukh1nY4J7uc/meap43rPsU8F7Frxnu+A9WxXv2cBcE0rKuGdyzV"
    "gyyIYAH3avOHAe0mpubtIx8keVbmFiqbK2J1pfvX4aihfglA0npyzyniBN7E4ahFCZsRDe"
    "PMUJhQhMYcmREDjQqNBAiKRIB680DzMfW7SRf8N/xkJX/UgNCImAkIhqPOc1dY6HkIhj1H"
    "qWkIg59xyO6Zuva699mpZrqOEUjTItRZMLrNgJjbRSic7JtnWhPiQuQVHJJvEOf+p0Tk8/"
    "dt6dnn86+/Dx49mnd/7CFL+VtkJdDH9hi1TokeAxca/gxlk56Mv048Q/lKVMHrBk8CcJrK"
    "grWUuIW4jKRicMR/it20lZ0L9/hfli0B9e965OOu/a799F+GRPCR/iTleyiaX88wpXHCaX"
    "3JMLtTrY+BXywwrKNC5jfinxgsFvFgN6in8kDPaIWAOwTttQDn6bpp+U+PvJq/HoF6959P"
    "jkjwhXs8BsIRRyCAoJNQD0w5TWM7C6ut8Ypg1BfE7fkXs8Kg0ZyIVSvjN/5HzAByXhgFzk"
    "gFx26i8L5iUPSzVp51JYXvLXy/heMbIdEr5XG0+fzRdDNSoGQzUOrXPIJoZrSAZAjYPKjq"
    "XEIA1IwAwAnkMi269CSz54B6p7IntrNrrUQ+BpDUE6GdxMJ8P+tMXdwBaAaz/QVUOxjWzc"
    "s+D7KmVKKraEZYY3pUoJH9510M1oT3wb6LIUBTi66cyAsOH7KO0Jb9OcnaLYhjaeCcBm8Y"
    "N1K+wU5NYpUGKnLpNyZHgqmHa9tyOe3UtzBqeYJ15gPqWT71zFq2Q4xwRPdfongwsoNi5p"
    "V5fYcpO6NQhacb9F/0FM9l8MPqs7/RglOdh6dwUnxPaFSDeQjFyfaOR42rMSS9YS+2WW0P"
    "NSR5auP6K1bFhIJfZd91M5xZsK7Hi3cyW4RoJrZCVmh5o6yYFr5DFqPYtrZPWzRdfZ9yMc"
    "3CZ4psWTBWY7zmx7OyMhdMNCwG/DiWEDT2Aa+ODDAczhD2ACIXR7gps96LiuuIbXlaodbl"
    "VsQtj3bItfIT60byriAEYwqUBNQebuN6tUFY0uk/jBkN3fH2PTgrfbaUyaGmm4k0QbE8y4"
    "rVC18rfoBisGtkwkGxiZFh1Uc4SJYrys6cBAJ3d3/yP5b+/u3rQRwU+0D5UgajjIRpxRK+"
    "1TgF4Deq0mq2xNiRag145R61notZQUwNlKUx2abGP67I9Ho0F/OrgUZN7Cwl0Uemvn7/Tu"
    "BK5eDm96F1fsovcqujJmYe+Kz+NpT98KJpYhxI9GxJqX0TNLQs/kfJ6xdJ6yYicCNqWNIV"
    "QyLCrXPKBLKbskr1VhpLciAHImkBVNpROAaBbgoFDzTldKxNm0TaStHRRHPTnKNqWLBujg"
    "FSJu6dZpSU3NR0zyKSSlC1CIsEJYtuukY5z0hOSJZzkNmPTLSUrOEBM9TY/KNQ/rciZ+Cl"
    "uuzDgRuebBXXByHDtbPv26agrcqUHm/A4g1lw4GTs29q39Ee/moAWvnSoeooxC1jog3l2p"
    "N7qUtg24l/PwC51MVZxTijjHlgy6A8JJqXd2a3MrfUAlfh5M+19ENWgLdZH9b0am38fS99"
    "4/ush9kUcXnzKo4lOiJj7FiJ7NWlNZhJe01umLhAVlt0p4/RxQOTe/Dr+K6obuGEcD+hix"
    "fzMy/jaYfJ8Mp/SK/3JGWL9d5Pcuyst1svBynWRersNxqVtQeK09tcXp5oDK6k+upe/Dkf"
    "B06MlRnbmvqIK+DkaXN/8Y9d074ffVIFNdtk56UvGzoDHCEW3etq0Ei8Q9zc+BOEcUEN+N"
    "uEoUbTPH1J5bL2UiuSjyItRSszIl9wK7ZoFd81pVHvHcw48OY6E6RnzpgxczKt8riKeFUs"
    "oWeeaHyUBdqA8bg8cLptuSCV3AcyHwXNhV0ZgHlPEka9JS3xicByPRxSdB+nDu3p0PZa0O"
    "BTt7a7JpSTZc4g4fUVkoUFgdD4+4Yw+htnheTUdlQdNV1rRnijg/ZiWvRbYUXGEoj1j4Ps"
    "PdsuXSEVcYdFS0juz1bUG/isQc//IukNEOYO6s8tzJQjhMZ6nDhMEtuvvndwB7f4G9vx1G"
    "Y1CM2dS2Zt9HYG7kCoNFnH8WtIeycxgnShJFReEpEHgK6JKhSWxBsCcTQeTjwoC9APavHl"
    "Je+8CiWPyzSCzejlhpL8fXgSKlX1UXRcVJlxLeeMk+Z3eYo9+snTHc0fkBQnGPBqbKMi1k"
    "6cj59Xb2rmCM4k8mCnxEGxkbgmQTyej/9Ht+lGMBfUJMI8Q0QnQbxDSC1g8f08jWmLi+s7"
    "ndeLJVrkvZ6o9H3waTqdS7urJ9DL03M/LrYPBVYgBL00lvdNPrT4dj5nPDvx5d/F7H0ZBF"
    "kW44Fmb2GNQNz8gs0z3q77eDW/HoU0eqi5z/MzK5HY2Go1+6yH0xIze3/f5gcMka+S9n5H"
    "NvaMefOv/zKK14Lzd3i0RnyHvBIlMcScgdxfGq1skTNhhMvluBAMgJ0oc7B39XO5j9HPT5"
    "cA6LA9BRoB1DKt9o5soCxEkQ5xrJfGEAOQryQiWqucxlU0RE4TywOjZE3HTEhqEb0gqbpv"
    "zAsSaSA4RjghAWLBwW/Oo0fAM2k5CI9BUI9oPlGhzplrpg0VwJLHzofjuNfifRljtp95ul"
    "/kwYOX53xw7d7+6QTrSXP9O3rrcLvaKayMQWel5iu5zGC1rJxiNSLcSaxFn3YrrcTbr/7u"
    "cz9Rxz/gk8PPDwlZiQasrIAg9/jFrPwsM/Ukj5tC5f1177KnPvOaP5PmSJCf+QHBT+IRYV"
    "bqlWUq4FPrq+QAPhLaU2yr0+50RvJxt+Xnuw93Lk5crlZg3O1ZVcCOLrP9jzxZKQh6/U0k"
    "REgSE5fKmWw5YTqSuiO+uJvA7pFBrPHNIpOt6TSSc92nIn6TRdYmRhIhPrLRo8YePFfYcM"
    "/RkpsmGo2ER3d85YvLuLU0x5OgAvTmCPajK11JRHAPboGLWehT2qfuHXmtMbsolzJamNCR"
    "6Q8Li9EfW6zAl5wXlq7Yi8f+tEkLELCB0S5Gn/MCAXn+OMbiHVJyzZ+2dNXamcFSNxE8aV"
    "PWDmoLNKb8oCGGsanchNrC0kusE39CeZU64jNUg1oQeIVBXJH+f56Ummoq9zxztwujlk1u"
    "WrK8GZpjX+Puoi+mdG7OgHr4fXTdFr4LVusCod9Le7KGf2ho9Jgs+lYBxxuHqQXZiDl7DA"
    "lf386wRrPvHAp5d6a3XKuqnhzjGJYgp7vdPf86AzxmM/nPpOPy+NxSlUcnZfsATL9NYTMd"
    "tF33s498PL7sqfNpuLFjcYQhypRjHiYV9sp2b5nig1r7Y7DyRJtuiObo4LQqvn9tZU1HjJ"
    "J/ZELiEBRhPRC/oO74la1GG5iXDRbYQ0V/FKkk1TfSArTLjp1wVQo5uJS9phz++v8dDNsS"
    "WrvMi2HLBd2n01HjJNL+QJdUG70o/kIbULr+xtIrmoffWruDQaM/bDigFsIluN3XT4cFnq"
    "3nt/F66p2tztf1o8sxBUXj9NBcrACqZd7wnTxOmluSAxxnVvjFgnzYZIwk/7b1AdoAZPDd"
    "6a2slulY1h6vvO5Te0p77dUaOxotOUbswlO1C+AMQmdncD1luzYdvsu4O30do0duduZ2Df"
    "D6GG+RXHgwYKGkkMp4aPpmfZUpaSspQJwfvuPL+zvvpOV03CS8jZnEu6JuPqJXsWIlwzgF"
    "vNMC8+tgK++XEmkOOgz6ULk730OXylLZDJWZ8KIyaMnAK2SEZsAvrJ9G+YSDYwUmRN2WhM"
    "XehZtZboRCeOLGv9hu/GX1zX4OAPDv41mYRr6uoNDv7HqHUPozQHfwgKLmIuDdKkbDEUgz"
    "QkA6hWM9S69is+BFofPtB67R847oltUw8wo+CGpsIQvhO60k2G/alY2PWumHfBYkZ5mala"
    "FDESi3ffK4Y97PqRbCNvfUMy2MfzbeOdtvH3pWyhlTzH1Gz1DVnXea9rFxpyRmLbfs0+Fc"
    "lkjlSy3lgm0hf2ZQr7um1fp+9iNnLxHzEj93Qj+jhnWRrd+25/1Oqeyy/ohO2x28hzNWkj"
    "u/Z6Gxn2ZXNJ7fE2muP5xq4bS2/IK1ZtGKxwsMJrtZrU1B4DK/wYtZ7FCm98sSS6dfvaRe"
    "zvjAxHl8Nvw8vb3pV02fvHTRdFLkRX0oTREK6tc54hlvB9VMOB2jrn0WhCZx2OKyW59vFW"
    "Agoe5y947G9xRKAPCQH6+dEHOhDowOqj6kVZCcEaFgJSEEhBIAXrAW55pCDeRqPuxQvuEd"
    "VaC2owPHceiB30Y5yS+cFgGFQGhlDTBSqsJIPIYcp+DzzV9lf9J3BnwJ1VcdKtKYsC3Nkx"
    "aj0LdwYpKstNUQmUAFAC1UQVjFcwXisPbrLxmqGOQCAaFGL6+XiLhb/ks0TdQZpsh25HcQ"
    "YrdPsI7fZT6SFjo2FWcrNrO3MgO1kBOlGWqjZnRRPMN47/yEI1TMt2FNFk+oJ5g9j+HsxR"
    "REYrqgr1Z3bRdiiJnrCV9DEz4jqubNvYfVCM7UZs9LnuKHiOFrqBsKwsEctFq9LLaIVlLc"
    "k15XdvigdrG6zt6s5aNbW7wNo+Rq2DtS3mc5LJ2n6fYm2/j1vb9gIrscVVokukZC+cnOcL"
    "K+pK1viQJ3URfdCcPt66fWVQR318Iy4H/eF17+rkvP0hksPdL/MaL8XBfEgWDLU8oHOkAe"
    "9UvLUNUZa5sI5IAs6pOM9VQljOiRxAR0UB6VSkgSkFTq8qtNMuTi8L5wQJckXT1UBe3KxI"
    "QTpcEbQgRWkSSgdgf23CPJn79fj0DMyv4TXNwPt6D8hPpsOTLgx9he7u8GKBnRJp7MLdHb"
    "L00FVLp9dOVKJoG5O+/7P9m7pIX2PCyeNTzsfMyDWWNaToq7VO2OrRRs9LTNADbUnaSJ7P"
    "0WbNegyxwU4sYsZQxN9bQV+u8Ld12GCgf4H+ffVpq6ZEINC/x6j1LPRvnlK1r1Ol9mA0cM"
    "FFatl6aPO2K5XonIwVF+pD4ooVl20Sr/CnTuf09GPn3en5p7MPHz+efXrnr2TxW2lL2sXw"
    "F7aqhTQS99PaMro5NMERzqWKihFmr6MJh+/NoYWIIGggrwZcIjiHCqKSoIO8OogYOdxNV0"
    "LkY0wybdNVwwUijcenm6ZEIC09H4yO3J4gVmxQi2HoWd9i5x0RqSZtTgpzD4dDJDhEqssh"
    "Em9GKADd5pL6UYAjE6LoUd0ByG/7vCCZ/PaOEzKQ35bXdCf5/YVlrUMqQbLtYGyxRHpYNt"
    "j7kCMxGxBdRG9qmDkjn+gGWtGxxgTIG3R3Rzedkp0B7+4uTn2X9SGQRg/Y6ZrMUjXlKYGd"
    "PkatZ2Gn/bmYo/Q0P7eQ3N5OblVTeAYvt7N2J7OXG/7hHvpyiCBdp6skSTCfg3IRkO+pYF"
    "nI+lcOC+3FeHwVemwuhhGKZ3R7fTGYnLyPIB83CfO4bhbns1nD4QxOmxDeXn9UgcWA8PbK"
    "g7tXeHup/IVfZ5zHXgSLkKdwF6FmGZz2+pNrNGdRy2hooXus6eTBZI5uMkGyojD/NqRsTE"
    "tfYaONZETRtWiPgWu6ge51a8nz1Cu077SIasVYMX1CTDXQFpWcmmpqwAJtcYxaz0JbQEz1"
    "NoPZ2VmWDGZnZ8kZzNi9iP1s0S2CCMC+wOEQbrUOgm8pMesULit3+Qpf+IBYj78ORoJ42z"
    "JdxP7OyPcxfUn/zMjV+GbaRexvdMeWRRufMujiU6ImPkX14ERQ5PHSikqCl1ZeL61XcZCu"
    "GvJl+kcrmm7SD5fm3Dkn2XsrKnfM3lv6M/PJZHZeYmHV5NHKFW7esD3/kGHcnn9IHLjsVq"
    "SikCnJtv+g4MFJSO6AByeeOV3bcxOXyBCZiX0JGNC7BzRDy6WecuAclgS8s+Ht0no58A5L"
    "At4Z8HYR8yhUsUOtBOkGba0LOzPMCTAAC87kcAz72hiXcQzrPdoFoNsPdFWvySArsJF5MK"
    "FAVtrCBjBngZm/ngvXI4tVH9szsU/22mM1AT40VA281o19849N7E4ahFCZjhMTrGD6VVsc"
    "twnvVjvNacIINNrtMkHQZq3pMkv37gqiharRlvQhM+jFDUXeQKplopsvvZ87Z+fo/sVJKU"
    "/v0x+A2I/GZM7xmCi06ywpidztgLmUaWctetu/xJgy9t+rNwgZisCZohpTTE2P1cGZ4hi1"
    "nsWZgk3xkqhHRUgI3CqyuVWwDTEmlgOUANhRuQbiXY6bhfpvDs6JmwOvORA5/JAatkcTGL"
    "VbiQaO11IOO+d0+60q3GP6XeedIVGIFRM48/RMnly7npAobHuqsu3JstkNV2jPuESEheAA"
    "BQ5QysYz0d8oEdBkJ6PjRRSOpA5/JOVReHsie2s2Kv9+FNHA05rhHApvjy72hLVxhyBRYM"
    "NLdQhb+hXQ6Pbq6rUiLd3TFe55gXfuknZc4LfZdVqQDGpqgdjN6p5eioYzbul6S7Y2Zoiu"
    "p9/W0J+cB9W7DYw9MPaVmDEabMQAY980rWdh7N0JOqbxlABIX6KBXFwnC3XcSWaOOzHiGO"
    "JLA+BmQzcN3njl2I2pEmya0npj0GeDg/UU/0gqFMCRbUDUadr0NPhtGpqZPGxPrnu/vQnN"
    "Tlfj0S9e84Au+lfji3gIqmEJx4SFpY47KTqZC8MXlDlq8FwbgTvFZouA3vBSD5b54F9Oep"
    "+ngk+/I9RF9r8Zubm9uB5Op4PLLvJfzkjv69fJ+Bu76L2akcngb4O+3dB7xa4Nry9uJzfO"
    "Ve91K8ec/v48y1lrdIMTOGo9j520bu5XqpVvJxqVLWAvWk3KooZbz7jF4Vr6eRQdEQU9V1"
    "nPBlZX9xvDpOripahPXuNigsccN+6DwWo4SwZeYJa3QMi2SOmieSGJpbgBsXBwQ1mqdOqJ"
    "A78zkDwgCX4VAn4VHiUsdngZkYITdoj9PBiw4LpQLJ5+MlDR3MZhMRiq4BVSDqLgFQJeId"
    "VEVMwrBKKSSw3+DiW13hPfUB7tZgIcXb8zIBx0HznMxFBTbCPmEYTSlxpKv1RZYDMnM6V4"
    "KP3gCddym/VKAfVbyBKd5HxEd3nKSdhvuTO6fkww0lRi1zKUkSP/k4ncgdBFz0sdrRiHjV"
    "QLsdrQ9IqqLJFzIsWKC9jv20gmc/ryJR5kX8onQAlFcMaryYRSU7cscMY7Rq1nccZjmWZ5"
    "J2TJJzpbiUb6ixXtjMcWQWk/h5FIFxU+NzsajxH6QO2n01AHVX6Qjkalir5auTvtrM6cAR"
    "Hw4RT24aQLiS56vhoQgXMAOAQsHU/XBheCNCQDqMJplcjsW+hp1TbWck9sMyfUrCuqoWd2"
    "N7D2OgTngDv5/sByLUz2l0nR3rwQpb8xTN1ocRjawN12GkFr0naSsm24k5/9oj/TWwaSEW"
    "2J5RVayia6x5ggRjB0WdpS3ZibiH6WSn/JHMkWq+IqLyxsoLs777JkqnRU3d0h2cC2ZIym"
    "LeuDZhRPqm9E6JYYMTIHnbAEqv3J9U8mS7bKxFUTUSltY6pP+M9os6ZD3DJZqlVW0Fado5"
    "X8iO20q+wkSJPX9LsZKw2b5pudlWqdHwOVaoEdrua8WFOeENjhY9R6FnbYnXBjGk8rpepJ"
    "VJnUyskOn3YykE6nneTihp0o6RReaUUfrbg0RCVV52mKT6LAzgCPUBXbbBeP8HqG2cQ2Tg"
    "aGkWydBZu0d5pojrUjYb95oYmnwBgBY6SKE0FNt6VgjByj1rMYI3R632hCwcdbCTBGMhgj"
    "B6+fXG2Ai0+Sv8KmSfc9cYSTXQwCIo2A+NBOBmByFXwgviGCp+G+AOAJJqzIHFHsUfiG4+"
    "QqDKxte26ajOn2ca0cLbAhrSQ6wFHJLhrAbVWm9R/LMg10ANABlZgAamoYAh1wjFrPdjZZ"
    "uyScf78d3Lru7gIO+I5UFzn/Z2RyOxoNR790kfuCOeX3+4PBpeOU776ckc+94RW75PyfkX"
    "5v1B9c2Zf8l61soyjsep+FeHifTDy8jxEP9NMfHsRSggdEDqjA697otnclqMCc9EMJaU5Z"
    "+uN8SU5DknDIXJ1pMb4aLlSimstcao6Igp6rrGdsUh3YuxdLt3jZXZLLAMYlD8fNvKu0aR"
    "FIm2PoCjZNXtLN5NxvQRmANJb60bGxBAANSACc8dKvc0E4AxIAZ2x0ajoRG5y+AIAZBXOF"
    "jQchMLcCAGasePmjul4LoRmQADijcM4xS2HxJDh3RqQA1iisC1nVhBDdCgCYsd3nhtlhIl"
    "tPXwDAjK3sOlloqmJxyMLkxT0oA5BGIbV9aaUc/iwxQUicAT4t4INROYzLDyMIpinY+ufv"
    "mdGVExzQEODDpj9LsO05NewJGctBkN2vpZqE7mETvNpZGziuKF42h2Q/FC99fEmlz/GKbq"
    "lDlc2Zg66XjX1XRXT2aOv0e4LPCvisVOPprqn3AvisHKPWs/isOBN0TOHJbg6+QCOc/yO5"
    "Vs+yBFjQVsnZVs9iIRZQ+7zc2uf2DoGL726fK0/2gCa/l6N0Imj7t3qX18NRF9n//PymEz"
    "+/6WSbCXWyzYTqfEoV/Hzq5hnX60+H3wbCSrKlqFLs/zMyHHlXvFfVUMhaNs1nZuIuZXMp"
    "MjvFBCuc+zn3KnCWaRU4S1kFzniRjIlF5tLDGZMrzTUA7OJDGjXZtCRNf1BJjq1sTBg8zq"
    "qzeY3bLMA7A+/cJN5ZXquSpT/ifRnU3lqdsm4aBHfYaj1wsbVagiRbFqZfjzM95gCp53RW"
    "3/UuHSuiW+pCVWws9hxVo0BXTR1aBlYw7XpPpCZOL80FiWXwNumELrllJveFK2PK8zo+gC"
    "5YB0KoxuPJqb5YCFDHXUMzQIZQ+3qu4pUkmybd2fJr7njwjgme6vTPbpC/YuOS9toLddqQ"
    "RzfH+XRKxoTIgX/6abUklDrBrg/KxEzE5LpIte0VC53oBGFCO6a/3840bz7i+Zv2Num8jL"
    "zK1rYkcj8xVny0qM5n5OTuzvttd3fIxNabt6ivb6gukCm/oOelbKElBYcOoTkrXHpDX81t"
    "cfs7ZKxcGjiJ9w9r4YAdDtirMePU9KgVDtiPUetZDtghkwCcMPIBd5NliB4xNj/5BuQLOI"
    "7TmwW2FLGYooAERMAkBLNLdlQgh2vaFdMeEARwk8BVSW54g6IAcBRgaio/Cs0FWwEAEwKK"
    "DwIrhL0XCieEbELIZq1dZ0Jzg8vcioEakcqFbMUsFPBJqo9PEm8AF4Bu44I3o7hGHtsQuP"
    "Q7oNHt1dVrZSb/LlMbub+UCcFai3PYFrrfTjtte2YtJSXQdOdpW8+uqRz0pkGufBe5dZnR"
    "1/HN1ESqZdq3HrDJzrL0jYEUWdMYBuh2coWeVWvJRGJnbsV/xIy4HfzE2j1i0kbPS1VZss"
    "LRj3jNDt0Yp4RObr70fu6cnb9BOtFeMh63wckanKxVYm6r6RkLnKwdo9aznKy5k7ZoRE1I"
    "qhjD8XWn1JJrsNkronCcWFiqgbGsxQcuJTn2/e1mPErgQXyJ6MylKhb6L9JUszTTvPWXxY"
    "Yo9vbrfqNqlkrMt+zz/voKBAlDKJ0giXIhkdmIdRAlSPCPtUpv51hUwpINXFTqu4jE9w7A"
    "gwFdUxVaoZoV0HvYoMZwi0MluHfaaSSCvG0DRc7r9FC3U8zsJ2yY7qOYdUMYEGngbrCUnA"
    "HsoRJA2G3eQHTfZ8ob8z4lb8z7eN4Y+okWN9Ijeb8dEDn8hvt19nOFba1je4RDLmZ//D89"
    "z+dm"
)
