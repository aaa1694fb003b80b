from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "category" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "is_enabled" INT NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_category_org_id_253efe" UNIQUE ("org_id", "name")
);
        CREATE TABLE IF NOT EXISTS "customer" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "type" VARCHAR(16) NOT NULL /* BUSINESS: BUSINESS\nINDIVIDUAL: INDIVIDUAL */,
    "status" VARCHAR(16) NOT NULL /* ACTIVE: ACTIVE\nINACTIVE: INACTIVE */,
    "email" VARCHAR(254),
    "phone" VARCHAR(50),
    "website" VARCHAR(255),
    "crm_module" VARCHAR(16) /* ACCOUNTS: ACCOUNTS\nCONTACTS: CONTACTS\nDEALS: DEALS */,
    "crm_id" VARCHAR(64),
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_customer_org_id_13e36d" UNIQUE ("org_id", "crm_module", "crm_id")
);
CREATE INDEX IF NOT EXISTS "idx_customer_org_id_5d97d0" ON "customer" ("org_id", "status", "name");
        CREATE TABLE IF NOT EXISTS "contact_person" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "first_name" VARCHAR(100) NOT NULL,
    "last_name" VARCHAR(100) NOT NULL,
    "email" VARCHAR(254),
    "phone" VARCHAR(50),
    "is_primary" INT NOT NULL,
    "crm_id" VARCHAR(64),
    "customer_id" INT NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_contact_per_org_id_25d80c" UNIQUE ("org_id", "crm_id")
);
        CREATE TABLE IF NOT EXISTS "potential" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "stage" VARCHAR(100) NOT NULL,
    "state" VARCHAR(8) NOT NULL /* OPEN: OPEN\nWON: WON\nLOST: LOST */,
    "amount_minor" BIGINT,
    "currency" VARCHAR(3),
    "closing_date" DATE,
    "owner_crm_user_id" VARCHAR(64),
    "is_active" INT NOT NULL,
    "crm_id" VARCHAR(64),
    "contact_customer_id" INT REFERENCES "customer" ("id") ON DELETE RESTRICT,
    "customer_id" INT REFERENCES "customer" ("id") ON DELETE RESTRICT,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_potential_org_id_410673" UNIQUE ("org_id", "crm_id")
) /* A CRM deal. It belongs to an account customer, a contact customer, or both. */;
        CREATE TABLE IF NOT EXISTS "report" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "business_purpose" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "status" VARCHAR(16) NOT NULL /* DRAFT: DRAFT\nSUBMITTED: SUBMITTED\nAPPROVED: APPROVED\nREJECTED: REJECTED\nREIMBURSED: REIMBURSED */,
    "submitted_at" TIMESTAMP,
    "approved_at" TIMESTAMP,
    "reimbursed_on" DATE,
    "reimbursement_reference" VARCHAR(100),
    "is_archived" INT NOT NULL,
    "approver_id" INT REFERENCES "user" ("id") ON DELETE RESTRICT,
    "customer_id" INT REFERENCES "customer" ("id") ON DELETE RESTRICT,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "potential_id" INT REFERENCES "potential" ("id") ON DELETE RESTRICT,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_report_org_id_b99dd9" UNIQUE ("org_id", "number")
);
CREATE INDEX IF NOT EXISTS "idx_report_org_id_349f37" ON "report" ("org_id", "status");
CREATE INDEX IF NOT EXISTS "idx_report_org_id_f4a479" ON "report" ("org_id", "approver_id", "status");
        CREATE TABLE IF NOT EXISTS "expense" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "date" DATE NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "exchange_rate" VARCHAR(40) NOT NULL,
    "base_amount_minor" BIGINT NOT NULL,
    "merchant" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "reference" VARCHAR(100) NOT NULL,
    "is_reimbursable" INT NOT NULL,
    "is_billable" INT NOT NULL,
    "category_id" INT NOT NULL REFERENCES "category" ("id") ON DELETE RESTRICT,
    "customer_id" INT REFERENCES "customer" ("id") ON DELETE RESTRICT,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "potential_id" INT REFERENCES "potential" ("id") ON DELETE RESTRICT,
    "report_id" INT REFERENCES "report" ("id") ON DELETE RESTRICT,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_expense_org_id_2c42e9" ON "expense" ("org_id", "user_id", "date");
CREATE INDEX IF NOT EXISTS "idx_expense_org_id_d00a07" ON "expense" ("org_id", "potential_id");
CREATE INDEX IF NOT EXISTS "idx_expense_org_id_d51e35" ON "expense" ("org_id", "customer_id");
        CREATE TABLE IF NOT EXISTS "expense_attendee" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "contact_person_id" INT REFERENCES "contact_person" ("id") ON DELETE CASCADE,
    "expense_id" INT NOT NULL REFERENCES "expense" ("id") ON DELETE CASCADE,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "user_id" INT REFERENCES "user" ("id") ON DELETE CASCADE
) /* A user or a contact person of the customer who took part in the expense. */;
        CREATE TABLE IF NOT EXISTS "receipt" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "size" INT NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "is_duplicate" INT NOT NULL,
    "uploaded_at" TIMESTAMP NOT NULL,
    "expense_id" INT REFERENCES "expense" ("id") ON DELETE SET NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE RESTRICT
) /* An uploaded receipt file, stored under its SHA-256 by the storage backend. */;
CREATE INDEX IF NOT EXISTS "idx_receipt_org_id_919db1" ON "receipt" ("org_id", "sha256");
CREATE INDEX IF NOT EXISTS "idx_receipt_org_id_7166f1" ON "receipt" ("org_id", "user_id", "expense_id");
        CREATE TABLE IF NOT EXISTS "report_event" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "action" VARCHAR(20) NOT NULL,
    "from_status" VARCHAR(16) /* DRAFT: DRAFT\nSUBMITTED: SUBMITTED\nAPPROVED: APPROVED\nREJECTED: REJECTED\nREIMBURSED: REIMBURSED */,
    "to_status" VARCHAR(16) NOT NULL /* DRAFT: DRAFT\nSUBMITTED: SUBMITTED\nAPPROVED: APPROVED\nREJECTED: REJECTED\nREIMBURSED: REIMBURSED */,
    "comment" TEXT NOT NULL,
    "actor_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE RESTRICT,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "report_id" INT NOT NULL REFERENCES "report" ("id") ON DELETE CASCADE
) /* One line of a report's history: who moved it from which status to which, and why. */;
        ALTER TABLE "organization" ADD "allow_self_approval" INT NOT NULL DEFAULT 0;
        ALTER TABLE "organization" ADD "report_sequence" INT NOT NULL DEFAULT 0;
        ALTER TABLE "organization" ADD "potential_scope" VARCHAR(8) NOT NULL DEFAULT 'ALL' /* OWN: OWN\nALL: ALL */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "organization" DROP COLUMN "allow_self_approval";
        ALTER TABLE "organization" DROP COLUMN "report_sequence";
        ALTER TABLE "organization" DROP COLUMN "potential_scope";
        DROP TABLE IF EXISTS "contact_person";
        DROP TABLE IF EXISTS "customer";
        DROP TABLE IF EXISTS "report_event";
        DROP TABLE IF EXISTS "expense_attendee";
        DROP TABLE IF EXISTS "potential";
        DROP TABLE IF EXISTS "receipt";
        DROP TABLE IF EXISTS "category";
        DROP TABLE IF EXISTS "expense";
        DROP TABLE IF EXISTS "report";"""


MODELS_STATE = (
    "eJztXWtz2rga/isavpzuTLaTkktz8o0QumU3gQ443c5udlwDAjQ1MmubJtk9/e9H8v0igw"
    "WY2Ob9EhxZrzDPK+vyvBf921gYE6xbb1tLohjfMG1co38bVFtgdpG6d4Ia2nIZ3uEFtjbS"
    "ncrakqh2UG1k2aY2ttmNqaZbmBVNsDU2ydImBv+SRguNsGZiEzkyaGqY6IlMZti2kEYnyM"
    "RLw7QJnbH7BnsG1Kf6CyLs7vBj6+fmxSWakBm2bEQsZNmGiSdv+fdOjDH7YiZW3FesKPl7"
    "hdlPZQ3Nscm+6M+/WDGhE/yMLf/f5Td1SrA+ieFJJrwBp1y1X5ZOWZfaH5yK/OlH6tjQVw"
    "saVl6+2HODBrUJtXnpDFNsajbmzdvmisNLV7ruqcJH3H3SsIr7iBGZCZ5qK50riUu7DxCW"
    "NVS111fUYUdR1UZKgb5EBHCvaGxQrnz2qJbz62f8EX5uvjt/f351dnl+xao4jxmUvP/hfn"
    "UIjCvowNNTGj+c+5qtuTUcjENQxybmSKianQb3lt2xyQKLEY5LJpCeeKJv/Ysk7j7K64D3"
    "C0Lkw7fhENCzHzjhvdpT+Rqcle59Z6i07j/xr1tY1t+6g19L6fA7Taf0JVH65vInXm6wF9"
    "0dAoJG0O9d5SPi/6I/+r2OA69h2TPT+cawnvJHgz+TtrINlRpPqjaJ9E6/1EeN1Qy1vlpO"
    "ttR6XBK0Xhat+xhF1O49fah15zOl7/ZcM8W69usntMzQqqJeF9qzqmM6s+fs33enp2sU+7"
    "k1aH9sDd6wWglt9bxbTffejxi+zkSputOeDM5Juf3g/brTVgzty/McYF+eZ2LNb8WhXpp4"
    "Sp5lQA4l6tidL/P05uTQE+nMl0mAdc2y1ZW11RyRlN3DLOH13bKgX91JIb0WwM9LwprbQs"
    "9xSdBymbVs4u9sltnmbY5LgpbLrGXDnKlS2+RQYPNWuQqz4l52y5F9koVNOUAjEoCohyhn"
    "dKbfhPQD639pcD8YJiYz+ht+cTDusgfS6Fi0FfEotr450yj5R3N+XPUw/uF3Ir80HCRN7S"
    "lgwiIvK4OA/XBsu2ve1rDduu00Uj13D8g+eM3UFNHI2yqGlHfdkTb+9qSZEzXWh/kdo2kk"
    "SoK66VuL5iJZolFt5oDDfwV/Zg/1NkN6ZpgvDQGdHNw7WUcnj6O1NrHJ2bAK2No//XfWea"
    "6/gLwF8raMI0BFaTwgb49R60Devj55SywVU/7zBRPVjWHoWKMZk1VMMAH3iEkWhbc/kx12"
    "T3zT79/FXpmbrpKA+eH+psPwd9BnlYi7pkrvrmC3CnursuwENu2tsjcCMSYVUwtbggHEk/"
    "zw2wDrAZRiwDtuKzXC+keheyWD2mxz8wmbliH0v4lXOFm7a3KrqsuwbjF7p7G54L0Ndk+w"
    "eyrlm1zRdTTsno5R63l2T1NiWrYqu4eKSx1uJ9VoFKXh4vdRjvFfFuiYEOxY8yGNFxrRZV"
    "AOBLZCuGRm2zjAzYs8LkasVibAzr2EkxEDSaobBwL1A/giTwe+yO6/FyLCZWmSheYaKeQI"
    "l4jgAQmXoKSyjIu375Do0qFE/fr0/t0SxyvLNhayPgMJKeC2gCsErrBE/NXJDn4Y/ru9B3"
    "TbkaZqimxiJNyeitVsG7OfKrLlyFOxLbex6vo2HpiR9fupiIyN9OE1PGy0VnEMLPvmlY7X"
    "8LFBbfZq2ivnGUOvFyBqgah99Re8opQdELXHqHVwc5HjtHKRhs01pGFTEKPIARLi26GrRW"
    "olGo9T9GTLjHXj5mHY7XWGw2vkXz3Sbu+2+7l7+9C6u0bhdWMLnew/0C5cWmyjklD6gNaJ"
    "Vlvpfu5I2ig8qWvkfnKl+CX+VTkUArQ60OoVptWf8Mji/K8EvhGR+iHcvLjI1YUv1nThix"
    "TPG9s9bjNwx1soMexs3G73H3rKkI/c7tUjbfd7ChuzWZl/9UhvO607VuB8lGMkB2tHsdYO"
    "4OSBky8Lc7wP/924++eObrwpt9OaAJ/MHXFQj+eSDbC5MAp6lWFjahNN3xGtT347NcULcM"
    "qHk5uAcUeQBk4jNUKoSMOWP04J7FqRISzbrIUjlfZq1coyW/lJADjV3WCVghvBOxYrDcxu"
    "YN8C+1Y53vOKWjrAvnWMWs9j33KGYqG+xbr266/TcgU1vEajXEsJokFbGCtqqwtCDYEj1Q"
    "2ZZU5BSck68Q7/bTbPzt43T88ury7O37+/uDoNJqb0rXUz1E33Fz5JxV4Jge/wyjQxHQu8"
    "tdfwaRGZMlsNt6TUznIwameZhNpZyvL0PJ5rdIZVUzxI4DFZaHqGESopmxwwXOG3XiNFQf"
    "/uFcaLTrt737p70zw9eXea8ID3lXCeMpOMNAur248rQnEYXLYeXNiug/dfqbTJUZnaxeYV"
    "4vwRfbIU0Ap+zujsCbEaYL1uQdn5osTWkj6ib+5bX36KrSfv+r1f/OoRDbTv+jcJ4E08xX"
    "wilDLLxoRqAPphkviYmCxGK9NyIEiP6RsCy5LSkM4nf3AZg29EPAykgY9KQkifTEifl+lR"
    "MuQsLlWnlcveQs5eL5ivZGQ7xPKVG8+AzZdDNSkGXTUNrWtkk8M1JgOgQlb1YhAFzyHIql"
    "5ORLOyqg86Q2XQbSsN4QJ2D7hGc6PXFNvEwj0Pvq8SgV6yKWwfAehieJdRN6Md8a2hy1IS"
    "4OSiMwfCZuCjtCO8dXN2SmIbW3hmACuRPGFPbp0S2ROqMignuucYs6Z3dsRzWqlP5zyEJ1"
    "7QtbI98qK9b6NnnqpFa+c4hJuvdJBhIg15Xr7I9R1HxhTZc4z86QQ9zQ1+TvY3tNRMGxHq"
    "3PW+VXT09v4ahgO3wdmvIsNtRd2+wNnvGLWex9kvHlAkaUcQyQKbmGYT/blbCt24EHCKYK"
    "WpIetdwxcfSO/Dk96RsKUdwa3f0TZJXOPzStkMCiUbEHa1J4gTrqbO8NmV9JYM5K4oyML1"
    "ZpkOxY2NzALCJzlyZ7M9RrLmRqZHmWNkY6pR+y3qfMfmi/cfMo0nNNZMk2ALff3qjqpfv6"
    "YZnW0aAOYGmJuKTI8V3cMDc3OMWs/D3EAa0mIjUZz4qW0iClOCBwyMeBjeNg4C+Z7jCvnw"
    "ov4jmXQxJnRIkJX2YUDefz40toQk37HqbFd0siCCGSM7UFkkezgerXlR6kVZBGNdZwO5hf"
    "Wpyhb4pvFd5HizNtgkowUIOpEIOgm9eKyxsX1CaUEzh0xjfHcnOdI0+r/3rhH780iZ8DXy"
    "W5Acea5yDDxXmePOVXLY8dx+LMx+uzDEcJOnelTycEPOaYlHnBTNnMttaknYZv0b3jVzYG"
    "tJFN5MBVeOuRymPBdWsqt/WQ29fdcwmZCOMgdinlfUrljV76AtkUHnYFk7qwySCs6wZU/e"
    "WUmgDu01XFGQDpnitMIQqfg7pvsBqsNbqitanF7ZEaWaxe4V6qYfjuICe21siM821sbiq/"
    "L45LcH92iCNf0t6tpohHWDzixkG0ijSBuPecauwHv+JOJfH5YZJhoZ9lzklr/XtjcdTyk4"
    "kBIMvmDwLcVwUlHTHxh8j1HrYPCVM/gWcWKWZbMlggzAgQBkvsuT+Y4fBLm1HSYQPiDW/U"
    "+dnrT5hclcI/73kf7eZ5fszyO96w+Va8T/lsAY88qpqkvmfHpEmarLhnyRDiVj3bDYl6uy"
    "yeyTcjsmtS8Z5GswFuS0N57Yb1P5Pi8zMCi7twqF69dt9++iQyzV9bQRjM0bMpSGcpAUVi"
    "I9KZzBWWiH9o3EWyYrFUvXaOkB2WDLDizEGe+OJ4TFHj4sFvLqFZpXLzk1AcwSQZz54M7j"
    "1Agn/JbNTaEqCBVpWPb9XgRm5YhLTLZR2YxU2mxSpmi11A1tgifIE0RTorOa7CUzWeGKIW"
    "8iYlto+LH1c/PiEo1enDxs/D77AYj/aEwnAovyXpuWOBnWmmussdjpr34qAj/dAxwCC8bm"
    "cgwxFTU7grH5GLWex9jMh3hV1uIcEwKzcz6zM18QY2q7QEmAnZSrId7FmKHJPzIBaH51IH"
    "IExJi3RpPotaFEDftrIcagCVt+k7HQjLnJHhQThehhCZuQv+XZatUTE4VlT1mWPXkWu6+V"
    "qbVkjAkYUMqNJxxPBiap8lD6cDzZvhGVO57sNbLflmzCygvsmuS37BFQ7+Hu7rWSh3rWFa"
    "G9wLe7rDMXBHU2WQuyQV0X7kVXixErSoZ7hXS9rdkrK0bXu7mL3BfVvw2MPTD2pRgxaryJ"
    "Aca+blrPw9h7A3RK42sCxAKJGnJxzXwpQddkBE1ycRB/V3DC1ZVFKLYsdbky2bshwFrBzx"
    "kLApFsDaLy1g1PnS9KbGTysX1z3/ryU2x0uuv3fvGrR3TRvuvfpEP0TFs6ZiYutWPETNk6"
    "vlzIDKYTafiiMkcNnrdHEA6x+SJEXekDvvi3g9YHRfLtd4WukfPxSIcPN/ddRencXqPg8p"
    "G2Pn0a9D/zQv/qkQ46v3baTkX/ipd1728eBkO31L9ubDGmv7vMY2tNLnAiptbLlKV1NVoQ"
    "e7uVaFJ2D2vRclIWFVx6pncc3k5/G0UnREHPZdaziclitDItpi7RwUXZc1xK8JjjagMwFt"
    "x/x8RTbIqzImfvLdY0Ub+QxELcgHi4rDmeEzb0pIHfGGgbkQS/Cgm/Cp8SljNeJqTAwg6x"
    "nwcDFlwX9otneKCCFKpJMeiq4BVSDKLgFQJeIeVEVM4rBKKSCw3+jiX93RFfmVTyFQU4OX"
    "/nQDjqPnKYgaGi2Ca2RxBKX2go/ZzwwGZB5j5IZF9wQH0IWaaTXIDoJk859zgCp+bG6Po+"
    "xUgn7I8xRRpy5f9jIa8jXKOnuYEWnMNGxEZT01iwEjKeI9cixZOvO/+fII1O2OVLOsi+kG"
    "+Aw7nBGa8iA0pF3bLAGe8YtZ7HGY9n4hRZyLItOqFELf3F9u2MxydBdTeHkUQTJbabHY3H"
    "CHuhdtNprIEyv0hHo9KxsVh4K+28zpwREfDhlPbhZBOJIWtfjYiAHQCMgIXj6e3BpSCNyQ"
    "CqYK2SGX33aq0KYy13xLZ2534mUY29s5uBdeYhsANu5Psj07U02V8kRevgLuBmfX1kk7K+"
    "Abig4GW80Igei02OHkyyKaaZ42/okG4U+NKyjBQVZc6ALz1GrefhS90BOqXwbLo0ECgzyb"
    "MtW3qRJ48gq7UmzWgqkyBELxcbveysEIT4bmYtfdkDsl0+yziQpL0ardv7bu8aOR8BQzkI"
    "GMpByGUOQi5zUA4usoIBpq220v3ckVaSI8WU4nw+0m7PL/GvyqGQpWZZTwbbdsw1ay4zOq"
    "UES2y92XoWKCLZ9HaHOcIxjtKZe3XNslXdmBG6xVI2JQxhseVZvKb3LGAeACK7LOTgJiI7"
    "jxuwtiSqbXzDdEdH4NaSKLyZGsEd37Ue2F26kiBpto3Z44mirOVBarmNVXe+23RMm3PA1s"
    "7ntAVHh9WxQ3ln2bERSvUiH3aFq2bH2r3ewX8V7k9uQMBegIKwDgmbYQubZDxvCKyG3p2T"
    "dXZDLayzV8shBEq8ouHvOzYtSe/piEgdCesiqCD+Ukkg7FWvIbqFpBfyTmdLI/zrsN/Lcn"
    "sNRJJ0Dxnb6H9IJ1aFpxURuByMGMmTcoBN+rqexNkb3sCNiD04pAPMj/8DOWl+cQ=="
)
