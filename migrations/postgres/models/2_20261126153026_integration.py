from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "integration" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "data_centre" VARCHAR(4),
    "accounts_url" VARCHAR(255),
    "api_url" VARCHAR(255),
    "client_id" VARCHAR(255) NOT NULL,
    "client_secret_encrypted" TEXT NOT NULL,
    "refresh_token_encrypted" TEXT NOT NULL,
    "crm_org_id" VARCHAR(64),
    "crm_org_name" VARCHAR(255),
    "crm_currency" VARCHAR(3),
    "crm_multi_currency" BOOL NOT NULL,
    "customer_module" VARCHAR(24) NOT NULL,
    "extent" VARCHAR(8) NOT NULL,
    "duplicate_policy" VARCHAR(12) NOT NULL,
    "account_view_id" VARCHAR(64),
    "contact_view_id" VARCHAR(64),
    "include_orphan_contacts" BOOL NOT NULL,
    "customers_configured" BOOL NOT NULL,
    "sync_interval_hours" INT NOT NULL,
    "last_sync_at" TIMESTAMPTZ,
    "next_sync_at" TIMESTAMPTZ,
    "org_id" INT NOT NULL UNIQUE REFERENCES "organization" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "integration"."state" IS 'NOT_CONNECTED: NOT_CONNECTED\nCONNECTED: CONNECTED\nDISABLED: DISABLED';
COMMENT ON COLUMN "integration"."customer_module" IS 'ACCOUNTS: ACCOUNTS\nCONTACTS: CONTACTS\nACCOUNTS_AND_CONTACTS: ACCOUNTS_AND_CONTACTS';
COMMENT ON COLUMN "integration"."extent" IS 'FETCH: FETCH\nTWO_WAY: TWO_WAY';
COMMENT ON COLUMN "integration"."duplicate_policy" IS 'CLONE: CLONE\nOVERWRITE: OVERWRITE\nSKIP: SKIP';
COMMENT ON TABLE "integration" IS 'One per organisation. Secrets are stored encrypted (``*_encrypted``), never in clear.';
        CREATE TABLE IF NOT EXISTS "sync_cursor" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "stream" VARCHAR(32) NOT NULL,
    "modified_since" TIMESTAMPTZ,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_sync_cursor_org_id_a7a647" UNIQUE ("org_id", "stream")
);
COMMENT ON TABLE "sync_cursor" IS 'How far a stream has been read: records modified at or after ``modified_since`` are read';
        CREATE TABLE IF NOT EXISTS "sync_run" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(12) NOT NULL,
    "trigger" VARCHAR(16) NOT NULL,
    "started_at" TIMESTAMPTZ,
    "finished_at" TIMESTAMPTZ,
    "estimated_total" INT NOT NULL,
    "processed" INT NOT NULL,
    "created" INT NOT NULL,
    "updated" INT NOT NULL,
    "cloned" INT NOT NULL,
    "merged" INT NOT NULL,
    "skipped" INT NOT NULL,
    "deactivated" INT NOT NULL,
    "failed" INT NOT NULL,
    "error_message" TEXT NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_sync_run_org_id_325565" ON "sync_run" ("org_id", "status");
COMMENT ON COLUMN "sync_run"."status" IS 'QUEUED: QUEUED\nRUNNING: RUNNING\nSUCCEEDED: SUCCEEDED\nFAILED: FAILED\nCANCELLED: CANCELLED';
        CREATE TABLE IF NOT EXISTS "sync_record_error" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "module" VARCHAR(32) NOT NULL,
    "crm_id" VARCHAR(64) NOT NULL,
    "message" TEXT NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "run_id" INT NOT NULL REFERENCES "sync_run" ("id") ON DELETE CASCADE
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "sync_cursor";
        DROP TABLE IF EXISTS "integration";
        DROP TABLE IF EXISTS "sync_record_error";
        DROP TABLE IF EXISTS "sync_run";"""


MODELS_STATE = (
    "eJztXVt34ji2/itavEz1WelaCQmpDOeJEKqL6QTqAKmaM51ejgMKaMXIjGwnlZ5T//1Ivl"
    "9kYwF2bEcvwZG1hfm2rMu3t/b+T2utL6BmfOxt0Ex/grjVBf9pYXUN6UXi3hFoqZtNcIcV"
    "mOqDZldWN0gx/WoPhknUuUlvPKqaAWnRAhpzgjYm0tmXtHrgAaoEEmDLgEedgBe0WELTAC"
    "peAAI3OjERXtL7On0GMMbaK0D07vRL79d25xws0BIaJkAGMEydwMVH9r0LfU6/mIoV9xUW"
    "Rv+2IP2ptKEVJPSL/viTFiO8gD+g4f27eVIeEdQWETzRgjVglyvm68YuG2Lzs12RPf2DMt"
    "c1a42DyptXc6VjvzbCJitdQgyJakLWvEksBi+2NM1VhYe486RBFecRQzIL+KhaGlMSk3Ye"
    "IChrKcpoPFOmg5mitBIK9CRCgLtFcx0z5dNHNexfv2SP8Gv75OzT2cXp+dkFrWI/pl/y6a"
    "fz1QEwjqANz2jW+mnfV03VqWFjHIA6J5AhoahmEtwresdEa8hHOCoZQ3rhin70LuK4eyhn"
    "Ae8VBMgHb0MZ0NMfuGC92lV5Bs6z4c1gOuvdfGVftzaMf2s2fr3ZgN1p26WvsdIP57+wcp"
    "2+6M4Q4DcCvg9nXwD7F/xrPBrY8OqGuST2Nwb1Zv9qsWdSLVNXsP6iqItQ7/RKPdRozUDr"
    "1maxo9ajklLrVdG6h1FI7e7TB1q3PxP67q9Uwte1Vz+mZYpWHfW6Vn8oGsRLc0X/PTk+zl"
    "Dst96k/6U3+UBrxbQ1cm+1nXs/I/jaE6XiTHsiOMflDoP3205bEbTPz3KAfX6WijW7FYV6"
    "Q+Aj+iECciDRxO58nqc3x4eeUGc+jwOsqYapWMZOc0Rc9gCzhNt3q4J+fSeF5FoA/tgg2t"
    "wOeo5KSi1XWcsEPtNZZpe3OSoptVxlLetkqQhtkwOB7VvlOsyKB9kth/ZJBiRigIYkJKIu"
    "oozReXzi0g+0/yXB/awTiJb4d/hqYzykD6TiOW8r4lJsY7JUMfpLtX9c/TD+6XUirzQYJI"
    "n64jNhoZeVQkB/ODSdNW9v2u9dDVqJnnsAZG/dZhqKaOht5UPKuu6DOn96UclCifRhdkdv"
    "67ESv27y1rq9jpeoWF3a4LBfwZ7ZRb1PkV7q5LXFoZP9e0dZdPI8XGsbm5wOK4et/cN7Z+"
    "3n+lOSt5K8reIIUFMaT5K371Hrkrx9e/IWGQrE7OdzJqpLXdegilMmq4hgDO4HKlkU3t5M"
    "Vu6e+HI8vo68MpfDWQzm25vLAcXfRp9WQs6aKrm7krtVubeqyk5g294qfSMQYVIhNqDBGU"
    "Bcyc+/T6DmQ8kHfOC00iCsfxa6V9KxSTc3XyExdK7/TbTCUeauyamqbIK6xeyd5mTNepvc"
    "PcndUyXf5Jquo+Xu6T1qPc/u6RERw1RE91BRqfJ2Uq1WURoufh9lG/9FgY4IyR1rPqThWk"
    "WaCMq+wE4IV8xsGwW43cnjYkRrpQJs34s5GVGQhLqxL9A8gDt5OnAnvf92eITLhqC16hgp"
    "xAiXkGCJhItfUlvGxd13CHTpQKJ5ffrwbolzyzD1tajPQExKcluSK5RcYYX4q6M9/DC8d/"
    "sA6PZDTTUU2dhIuDsVq5ompD+VZ8sRp2J7TmP19W0smZH1+imPjA314QweNlyrOAaWfrOl"
    "wQw+1q9NX03Tsp8x8HqRRK0kat/8Ba8pZSeJ2veodenmIsZp5SIN2xmkYZtzRpEBxMV3gK"
    "11YiUaPafoylYZ69bl7XQ4GkynXeBd3eHh6Gr4bXh127vuguC6tYNODn/QLlha7KKSQLpE"
    "60SvPxt+GwjaKFypLnA+mVK8Eu+qGgqRtLqk1WtMq7/AB4PxvwL4hkSah3C708nVhTsZXb"
    "iT4Hkju8ddBu5oCxWGnY7b/fHtaDZlI7dzdYf749GMjtm0zLu6w1eD3jUtsD+qMZJLa0ex"
    "1g7JyUtOvirM8SH8d6Pun3u68SbcThsCfDx2RKkezxUbYHNh5Pcq3YTYRKq2J1pfvXYaip"
    "fEKR9OTgDGPUGa2I00CKEiDVveOMWxa4WGsHSzFgxVOqhVK81s5QUBYFR3i1byb/jvWKTU"
    "N7tJ+5a0b1XjPa+ppUPat96j1vPYt+yhmKtvvq69+llarqGGMzTKtBQjGtS1bmFTWSOscx"
    "ypLtEydQqKSzaJd/h7u316+ql9fHp+0Tn79KlzcexPTMlbWTPU5fA3NklFXgmO77BFCMRz"
    "jrd2Bp8Wkqmy1XBHSu00B6N2mkqonSYsTz/mKxUvoUL4gwSco7WqpRih4rLxAcMR/ug2Uh"
    "T0J28wXgz6w5ve9Yf28dHJccwD3lPCWcJM8qAaUNl9XOGKy8Fl58GF7jpY/xUKmxyWadzZ"
    "vEKcP8JPlgB6Bn+kdPaYWAOwzlpQDv45i6wlPUQ/3PT++UtkPXk9Hv3mVQ9poH89vowBT+"
    "AjZBOhkFk2ItQA0MsJ4kMgWj9YxLAhSI7pWw6WxaVlOJ/8h8sofA/IxUAY+LCkPNIncqTP"
    "jfQoeOQsKtWklcvBjpy93WG+ipHt8ixftfH02XwxVONisqsmoXWMbGK4RmQkqDKqejGISs"
    "8hGVW9moimRVWfDKazybA/a3EXsAfANRwbvaHYxhbuefB9kxPoFZvCDnEAnQ/vJuxmtCe+"
    "DXRZigMcX3TmQJj4Pkp7wts0Z6c4tpGFZwqwAsETDuTWKRA9oS6Dcqx7ziFtem9HPLuV5n"
    "TOMjzx/K6V7pEX7n1bPfMUNVw7RxJuttIBOgEqcL18geM7DvRHYK4g8KYT8LLSWZ7sJ7BR"
    "iQkQtu+638pLvX24hmXCbensV5PhtqZuX9LZ7z1qPY+zX/RAkaAdgScr2cQkm+jN3ULoRo"
    "UkpyitNA1kvRv44kvSu3zSO3RsaU9wm5faJo5rdF6pmkGhYgPCvvYEfsDVRA6ffUlvwYPc"
    "NQWZu96sUlJcOk3CJVHd35/ge8K3j7K4HhSruJXmGWPI2Beg21ODYUt+BFNI9+OmAVQCgW"
    "HSTrUAEM/J64Z2DPDh/v6/FP/f+/tfjgCGz7QNhAHdhqgkyfkU9i2SAJIEUE1m2ZpSAZIA"
    "eo9az0MAsfCMO4cI84VL9P1n+uyPR6NBfza4aokpPCrcBZF/7Zhh3p1Q6dVw2ru8ZoXeVX"
    "xmzHWY4OCxw+zhew6xSYTObMTEmhdFLE8QsfQYYokQYup8zs7QGYpFhGJuxuWaB3QhcQvV"
    "DRJGOhCRIOcLDqkhOgCIRh4MCzXusFeROBv2FinYByVRTz/ZmNFEA3TwBqcc6dJpRbeaTx"
    "DvppCMJqRChBXCwpmmmXGyg6Cm2nIaMOgXkPbNRUw0eUFcrnlYFxZ9eadoJDG55sF94IAk"
    "dpBq+rgoA+7Mg738BuT5XpHzvZ5H+p7xxpPNlJoxwokcLsoo5I097t1VeqMrJajALd6FX2"
    "jnSoOQkQUhMWXQFRBMC3eyXZuBdIlK/DyY9b+IatAW6gL74w7Pvo+V773/7QL3YhddXORQ"
    "xUWqJi4SRI+10RA7VaNsdHqRMqFsVwmvnRKVM/19+FVUN3TFOBrQ14h93OHxt8Hk+2Q4oy"
    "X+5R1m7XaB37ooL9fOw8u103m5dgphpDwj+CK4ruWINm8FUMDi1jUM74A4R1Qivh1xhOea"
    "tYB0a7BZqVhxUeQdMMkMqpLeilyA7bAAMxiEj2hpER6lkb0MTmlC6kFAD8YrnivMeYM8q5"
    "qy0i3CeSNSvRNSpMvzVG2fFTUaHdhPVVMNU7HhErdVx2UPYK2u2NhfX+N00icB023ErpqO"
    "y0pNV1nTb+7LX3uProTjuYgT5BYn9TGGM53+KclF/U11cSgH9cP5lUbg5DiWxuFO9yzV4z"
    "W3upbOVhCYEKvY/AgGz5C8uv8Bor+AuUoIgga4v3fAuL9Peo3u0oB0CJUOodI1UDqESq3L"
    "9PZvaRouIsK5HZd/F9twQrBE7v52KupqWw3zMBtelL8Ek3lHhMoEedYvB+TD88F0CYmeoW"
    "Ifg9PQGnFmjPQEODzZElmvTqUXZSGMNY0O5AbUHhW6wCf6My+gWybJm9KC5HgFON4gOpwx"
    "1zc7OztwminT2eH6WnCkaY2/j7qA/rnDVLgLvBbe1jLuhpMzIP3t3NQV2yIghyXLG3KOKz"
    "ziCLBIUad92x92zxBzvQ2asWZquHLMFYjPDY2K9o1b2MAoshkn5GWa8xyIefbbPbHKHz63"
    "ljCVnQ2+ziApMshq1ZPC1xKosqPR1hQktj7dG6Oc0aRrDJECnyE+DFCDZ1jLMHC50LIdIe"
    "YWXQPtu0aY0pb6dkONxooOUzrd8UBCDoLYxG5uwFprNmzWvut1Gy2rsSt1xnPuiVDDkrOI"
    "xWEPOyFHwmTx8fQ8V7ajGgvPVUtXMD62Aq4mweqT42cSWZqmO5lE8o3kiVHfn9yABVS1j2"
    "Boggeo6XhpAFMHKgbuiQg/mvxRKN58UKYT8KCbK16Y+oO2zfFL+cNzmGIHCdGi9ad0VJGO"
    "KlUcfWvqsiAdVd6j1qWjytvHMDBMukQQAdgXaEAclBIywdcu8t7462AkbDamMl3A/t7h72"
    "N6Sf/c4evxdNYF7G8FjMjq2j5zu0ZY5wS6vkTLdM+VmGSDQuD/vd0+Pf3UPj49v+icffrU"
    "uTj2l2rJW1lrtsvhb2zZFlEG7wTjDrFSZJwUgTgpmm7QL1cW3DGHLZJSQI7JZS2R6gd5Bs"
    "ZshRNPN/JCf5vC9nmpiTLSeytXuHndtoCj5obieAhyxubMw+VhuRJd3LztdG093FwiQ2Qk"
    "9iVkh84frSKWyDcnE5Qi3aClx8EcZncEWAK7Ddg3P6vbADwTfpYyTVThaaJknnmRbDvCee"
    "bjU5OEWSCpUT648zhjl+3jWBPg39C9qi4ICdnhBQ3Lnr8ex6wccuVLNyqTUKXtJmUMrI2m"
    "qwu4AK4geEQarelmqLIo8gQg0wDTL71f251z8PBq5yVn9+kPAOxHQ7zgWJQP2vT2QAe+fd"
    "lYqbSxFr3tF3mp+bz0h39KY7M0NldiiKmp2VEam9+j1vMYm9kQLxw8PyIkzc45Q+fTBTHL"
    "eGIDJQB2XK6BeBdjhkZ/iRyc9apLIocXANRZown02kCigf21EGOQH8Vc3B4UEZVRDwRsQt"
    "6WZ6dVT0RULnuqsuzJs9iNJovPOUVEhaQBRRpQisYz1R8jFdB0J4z3i6g0SZVvkvIovD2R"
    "bdiJsDiiobc1hx0KBqaLPWFtnBEkDmx0qo5gSx8BjG6vr7OMTsUaDGzrCtde4NldsswFfp"
    "1t1oJ0ULOOe2Fr/UCL4se9ArreVE3LiND1Tsw150X1bkvGXjL2lRgxGryJkYx907Seh7F3"
    "B+iExjMOiPkSDeTi2vlCGWdEMo5zcfL8XcGBoi0DYWgYysYi9N3gYJ2epJwn24BTeVnDUx"
    "HZyekqjZjCZ2aiUnuemKlaxxc7MgPxQhi+sMy7Bs/dI3CH2HwnRC1eBrkiX/yrSe/zTPDt"
    "d4S6wP64w9Pby5vhbDa46gL/8g73vn6djL+xQu/qDk8G/xj07YreFSsb3lzeTqZOqXfd2m"
    "FMPznPY2uNL3BCptbzhKXVelgjc7eVaFxWJjOrztIzueNwd/q7KDomKvVcZT0TiNYPFjGo"
    "ungxqNLnuITgez5X64OxZv47BD5Cwo/mnr63yGiieUcSC3EDYsdlyXyF6NCTBH7rQduQpP"
    "SrEPCr8ChhMeNlTEpa2OXZz9KAla4Lh8UzSAQjhGpcTHZV6RVSDKLSK0R6hVQTUTGvEHkq"
    "udDD35Ggv3viK5ICo6YAx+fvHAiH3UfKGRhqim1seySP0hd6lH6F2MFmTuQ+mYCj4AP1AW"
    "SpTnI+ots85Zw0KnbNrafrxxgCDdE/+iNQgSP/NwO4HaELXlY6WDMOGyATPBJ9TUvQfAUc"
    "ixQLvm7/fwRUvKCXr8lD9oV8w/az9tIZTzrjVWJAqalblnTGe49az+OMxyJx8ixk6RadQK"
    "KR/mKHdsZjk6Cyn8NIrIkK283ejccIfaH202mkgSq/SO9GpXN9vXZX2nmdOUMi0odT2IeT"
    "TiS6qH01JCLtANIIWDie7h5cCNKIjERVWqtERt+DWquCs5Z7Ytu4fMVxVCPv7HZg7XlI2g"
    "G38v2h6VqY7C+Sog1lSuYwtNE8yukEbShzcz5+9ov+Qm8RoAJaE6prsFIN8AAhBoxg6AIn"
    "s7EB6Hch+ksWQDVZlkv10YQE3N97xYqBaK+6vwcqgbZkgqYt6ovuKJ5U3wDTJTFgZA74wA"
    "Ko9ic3fzNYsFUmjgxApTTLQM/wv4G1oV3cNFioVZbwEy3AWn2CdthVZgnS1A19NrLWoGH8"
    "sjWTp/NjZCZPyQ5Xc1ysKU8o2eH3qPU87LA74CY0npVq0pOoMqm1Izt82s5BOp2205O/te"
    "OkU3SmFX21ktLyVFJ13qbkICrZGckjVGVvto1HeLuN2cTenAwISd+dhascbd2iObsdBfrV"
    "Dxp4Sm5G5GakigNBTZelcjPyHrWeZzNCh3dLEzp8HEjIzUiOzUjp+WWrDfDhg+SvoWHQdU"
    "8S4XQXg5BIIyAu28lAbrkObBC3sKA13BeQeMotrMgYcVhTuMVxchUG1t57Wk3GNHhdK0cL"
    "WLiVRgc4KtlGA7i1itz9J6JMSzpA0gGVGABqujGUdMB71Ho+22TtgnD+z+3g1nV3F3DAd6"
    "S6wPm8w5Pb0Wg4+q0L3AvmlN/vDwZXjlO+e3mHP/eG16zI+bzD/d6oP7i2i/zLVr5eFHW9"
    "z0M8nKQTDycJ4oF++3IpFhI8JFKiAm96o9vetaACd6QfCghzysIf7xbkNCIpjczVGRaTs+"
    "EjwshY7aTmmKjUc5X1DA2qA3v1YuomL7pLehrApGR53MxxpbcWobA5RJ9Dw+AF3UyP/RaW"
    "kZAmQj86eywBQEMSEs5k6teFIJwhCQlnondqOhbrnL6ABDMO5hqSpRCYgYAEM5G8/AltNk"
    "JohiQknHE4F5CFsHgWHDtjUhLWOKyPKtKEEA0EJJhxMG1fRWUHf4GEoAxMIH0GpI27chgX"
    "76YdPgYe+D/vGTGT43zdEOALDQlpn/PmGK+989/plmsv4HRByZLhmk7CkVzIzKXPi9+8LY"
    "cy66w6fU5p5ZZW7mq83TW1d0or93vUeh4rtzNAJxSebhj1BRrhLhyLztjJ45JNa6XHZ+wk"
    "nLJltuRisyXbKwQuvtu9NDzZEjexXlTDieButtW7uhmOusD+8CMiTvyIiJMgduIkiJ3ofE"
    "sVPAPq5kvT68+G3wbCSrKlqFLszzs8HHkl3lU1FLJRDeOFbdpWqrESGZ0SghWOFrvzLNDJ"
    "NQt0MmaBDu/sU2paquwDUOm5qRoA9uEPQWmqYSqavkR4h6VsQlj6qFRn8Zrcs0gmVTKpTW"
    "JS1Q1STP0J4j1p1N4GzVgzDYI7umstOT1TLUFSTRPSx+MMjzuA1HMaq+98l40VgXNIm96z"
    "Q02cVpraoZwgtgYdoRQ309q+cOWM+lvPHmWDVRJCNe5PTgKygwAl08gJ2Ax7kKD5qsWxGr"
    "p3jrLshmpQR0a7qtNy/yjD8PcMiSGYrSkk0kTCuggqiL1UAgi71RuI7kkuc8BJhjngJGkO"
    "oN9octPs/GM6HqWQbIFInO5BcxP8H9CQUeNphQcuAyNC8iT82uIubEdR9oY1cMljD8oM4P"
    "Dz/wGEnfBA"
)
