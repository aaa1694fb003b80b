from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "customer" ADD "billing_code" VARCHAR(30);
        ALTER TABLE "customer" ADD "currency" VARCHAR(3);
        ALTER TABLE "customer" ADD "billing_country" VARCHAR(100);
        ALTER TABLE "customer" ADD "shipping_street" VARCHAR(250);
        ALTER TABLE "customer" ADD "shipping_country" VARCHAR(100);
        ALTER TABLE "customer" ADD "billing_state" VARCHAR(100);
        ALTER TABLE "customer" ADD "shipping_city" VARCHAR(100);
        ALTER TABLE "customer" ADD "billing_city" VARCHAR(100);
        ALTER TABLE "customer" ADD "mobile" VARCHAR(50);
        ALTER TABLE "customer" ADD "billing_street" VARCHAR(250);
        ALTER TABLE "customer" ADD "shipping_state" VARCHAR(100);
        ALTER TABLE "customer" ADD "shipping_code" VARCHAR(30);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "customer" DROP COLUMN "billing_code";
        ALTER TABLE "customer" DROP COLUMN "currency";
        ALTER TABLE "customer" DROP COLUMN "billing_country";
        ALTER TABLE "customer" DROP COLUMN "shipping_street";
        ALTER TABLE "customer" DROP COLUMN "shipping_country";
        ALTER TABLE "customer" DROP COLUMN "billing_state";
        ALTER TABLE "customer" DROP COLUMN "shipping_city";
        ALTER TABLE "customer" DROP COLUMN "billing_city";
        ALTER TABLE "customer" DROP COLUMN "mobile";
        ALTER TABLE "customer" DROP COLUMN "billing_street";
        ALTER TABLE "customer" DROP COLUMN "shipping_state";
        ALTER TABLE "customer" DROP COLUMN "shipping_code";"""


MODELS_STATE = (
    "eJztXW1z2ziS/isofdnMlScVy7GT1V1dlSwrE83YUk6Sk9kdT9G0BEmoUKCWL3Yyu/nvB/"
    "D9BaQISZRJur9YNMmGqKdBAN14uvvfrbU+x5r5urshU/0rpq0O+neLqmvMDlLXTlBL3WzC"
    "K/yEpT5ozs3qhihWcNuDaRnqzGIXFqpmYnZqjs2ZQTYW0fmXtLroAasGNpAjgxa6gZ7IfI"
    "ktE6l0jgy80Q2L0CW7rrNnQCOqfUeEXZ187P7cPr9Ac7LEpoWIiUxLN/D8Nf/euT5jX8zE"
    "yvsKm5J/2Zj9VNbQChvsi/74k50mdI6/YdP/d/NVWRCszWN4kjlvwDmvWN83zrkBtT44N/"
    "Knf1BmumavaXjz5ru10mlwN6EWP7vEFBuqhXnzlmFzeKmtaZ4qfMTdJw1vcR8xIjPHC9XW"
    "uJK4tPsA4bmWogxHU2XSnypKK6VAXyICuHdqplOufPaopvPrl/wRfm6fvn339v3Zxdv37B"
    "bnMYMz7364Xx0C4wo68AynrR/OddVS3TscjENQZwbmSCiqlQb3il2xyBqLEY5LJpCee6Kv"
    "/YMk7j7KecD7J0Lkw7fhGNCzHzjnvdpTeQ7O08FNfzLt3nziX7c2zX9pDn7daZ9faTtnvy"
    "fOvrr4iZ/X2YvuDgFBI+jLYPoR8X/RP0fDvgOvblpLw/nG8L7pP1v8mVTb0hWqPynqPNI7"
    "/bM+auzOUOv2Zr6j1uOSoPWqaN3HKKJ27+lDrTufKX33Vqoh1rV/f0LLDK066nWtflM0TJ"
    "fWiv17+uZNjmI/d8e9j93xK3ZXQltD71LbvfYjhq8zUSrutCeDc1LuMHg/77QVQ/vibQGw"
    "L95mYs0vxaHeGHhBvsmAHEo0sTtfFOnNyaEn0pkvkgBrqmkptrnTHJGUPcAs4fXdqqBf30"
    "khvRbA3zaENbeDnuOSoOUqa9nAj2yW2eVtjkuClqusZd1YKlJmciiw3VSuw6x4EGs5YieZ"
    "2JADNCIBiHqIco/O4qvQ/cD6XxrcD7qByZL+hr87GA/YA6l0JjJFPBfbyFiqlPylOj+ufh"
    "j/8DuRfzYcJA31KfCERV5WBgH74dhy17zdSa971W+leu4BkL31mmkoopG3VQwp77oP6uzr"
    "k2rMlVgf5lf0tp44E9ybvrRur5NnVKouHXD4r+DP7KHeY0gvdeN7S+BODq6d5LmTZ9G7tn"
    "mTs2EVeGv/8N9Z57n+BOctOG+rOALU1I0HztuXqHVw3j6/85aYCqb85wsmqktd17BKMyar"
    "mGAC7gcmWRbe/kx2XJv4cjS6jr0yl4NpAubbm8s+w99Bn91E3DVV2roCaxVsq6pYAttsq2"
    "xDIOZJxdTEpmAA8SQ//DbGWgClGPC+20qDsP5Rqq2kU4sZN5+wYepC/k38hpNcq8m9VdmE"
    "95ZjO82MNe9tYD2B9VTJN7mm62iwnl6i1otYTwtimJYia0PFpY5nSbVaZWm4fDvK2fyXBT"
    "omBBZrMaTxWiWaDMqBwE4IV2zbNg5w+7wIxYjdlQmwcy1BMmIgSXXjQKB5AJ8X6cDn2f33"
    "XORw2RhkrbqbFHIOl4jgER0uwZnaelwYdMyYIY+CXr0N8lAOXFzFAfcMPYkxJJRo3iByeB"
    "7ozDYtfS1L0khIgTMRnLPgnK2Qw/BkD+KL/24fAN1epKmGIpsYCXf3fauWhdlPFW2eyfu+"
    "u25j9SWTHtkF7ijxQ8prLLh8kuv+dm70OsdJoTBUinRnCDIdxf6s4UesIacBpC+Q37tM9E"
    "pFvfGNd2WmUvSA0Zo9CWb3UUtHxPpJEIF66NbzXPI8ABcoTeCUr+6YXlP3LDjlX6LWizjl"
    "GeRYyoEZCICLuJiLOJjUJECOygDOxXB2pjMHJSHQfWqvUzZHDPRYA1VGvTXt/z7tIP73jr"
    "pusA5yP+8oH1Q6iP+9o9yJ1u8OO8g7uKOfBr3frgcTJu0fJVd8hfTXLqK+drb22knl6c5v"
    "E7B2fp2Mhhm+jlAkOeWQmYX+gzRilub0aP3PwqYz/gDowSaaRaj5mn/f/5a1a5gDOIcoNt"
    "v4QL+66f6e1EHvenSZnEZ4A5fgegLXU0UM9ZOD8QLLt/gdCzbD3He9Vttsfe+u8khu7Jtt"
    "Dfv/CShvwd2sv1m284yhFQ5mN5jdzz5S1NQAA7P7JWodIonkaEOFjMF2jjHYFqSB2sMOrI"
    "UJeHk7GQz7kwmz7byjOzoYXg0+D65uu9cdFB7vZOAdPJdRuLTYRSWh9BEJoN3edPC5L2nQ"
    "eVId5H5ypfhn/KNqKASYi8BcrDFz8Qk/mJzxJYFvRKR5CLfPzwt14fOcLnyeBHmtPxBNCu"
    "NQonkQH74Tz2zDwHQmIN/mcBMjMs3D+KwAxGeZCJ8lAWadUWNfrrAvxFgqH2hasnlgtwv1"
    "6HZOl26n+7QP3IxYUv06Kdc8uEvZ9Qr7qSo3G6YEAXApwGf6fCe8fbnmwX1WBO2zbLDPcr"
    "C2qSWKUSkCdyDaPMRL6eDmimw2u02aAtHmgV7KrBkgJzttpgSbB3jZvVxy4kxLAuRykMtO"
    "nSnB5gF++LkzApr05CmSbR7mpXTy+Ib7Lr7ueAsVhr3V7fVGt8PphDu73aM72hsNp90eP+"
    "cf3dGrfveanXA+quH8hpDQkkNC3T5MWIO78RlS4pDzvjq72WkSg/mdzpQ5MURr19yg9rgg"
    "5BGQCWt3I8UeVc0WpbvLJs6mBPeiz+7yVonYs/xbgT0L7NkOsGerwp6NjDWxpIx7JtdMJY"
    "NsCPBxesWR85BWc3GTj1HQq3QLU4uo2p5offLbaShegFMxnNyyyHuCNHYaaRBCZcZC+OOU"
    "IBQiMoRlR0LgyE0HDYTIinTwS/Nw87HFbgouBO9Y7GwQqQEhERASUY33vKbkeAiJeIlaLx"
    "ISMRfuw3F9i3Xt35+n5RpqOEejXEvJ5AJrvkOjrAnVBdm2LskycwpKSjbJ7/D3dvvs7F37"
    "zdnF+/O3796dv38TTEzpS3kz1OXgFz5JxV4JkSfuGWiclYO+TB4n/jZbqXSJFUM8SOAZWa"
    "taRtxCUjY5YLjCr71GyoL+9BnGi35vcNO9ftV+c3L6JuFP9pXwNk26Uk2s7D6uCMVhcNl5"
    "cGFWB++/UjysqEzjMuaXEi8YfbIU0FP8LaOzJ8QagHXegrL/+zR/pyRYT16Phr/4tye3T3"
    "4kfDULzCdCKUJQTKgBoB+ntJ6ByfrBNkwHgvSYviX3eFIaMpBLpXznfOTdgI9Kwga5zAa5"
    "6tZflsxLHpdq0srlYHnJny/je8Wc7ZDwvdp4Bt58OVSTYtBV09C6m2xyuMZkANQ0qHxbSg"
    "7SiASMAMAckll+HbTkg7+huieyt2ajSz1E3tYYpOP+ZDoe9KYt4QL2ALj2Ik01FNvEwr0I"
    "vs9SpqRiU1hheHOqlIjh3URpRnvi20DKUhLg5KKzAMJGwFHaE96mkZ2S2MYWnhnAFuHBeh"
    "V2DkTrlCixU5dBOdE9Z5g1vTcRz2mlOZ3zGEy8oGtlM/KivW8rM09Ro3dvr0mE+EoH6QZS"
    "kcfyRS53nBcNslY4KByEnlY6snT9K9qohoUIda563yooR3TAhrfTBYHsB2S/SgwlNaV9Ad"
    "nvJWq9CNmv+vmP68xmiIdrSe7SiGTBV5v21forIyl040LgsYU9sAbuKTTwxYctheNvKUSC"
    "wvYEt3gYbV1xjc8rVduuqdiAsO9ujbjmeWzddIgtBckw+ZqCLFxvVqnOF5sm8dJQvd+f8q"
    "ZFL5/kedJI4satTrQRxdy3Fau//RpN8MzAlolUAyPTYp1qjjCdGd83rGOgV/f3/6UE/97f"
    "/3SCKH5kbRCKmOGgGmmPWmnfAu41cK/VZJatqaMF3GsvUetF3Gs5SW2LFVs6trON67M3Gg"
    "77vWn/StLzFhfuoNi/TkZK/0rk7NVg0r285if9o+TMWChU4+CZKZ3he4apZUj5RxNizctR"
    "WSRFZXaGylSCSnXmpLY1FduQKoKVlGse0KUUEuL17GWRDkUA5EIgzzTCBgDZvLZRoebtrp"
    "SIs+mYSKEdlEY9O240p4kG6OAZYkjZ0mnFTM2vmO6mkJwmQCHSCuH5m7O2cfJTbGfu5TRg"
    "0C8nzTZHTHY3PSnXPKzLGfgZbDvleknINQ/uA6d7cfK/s8clOXDnhk2LG4Doaen04tjYt5"
    "pFupmjlnB261LIehSKVrbwryrd4ZUS3iA8vYt/oV2oLnFOWeLUlMFWQDgrmcx2bYbSR1Ti"
    "h/6091FWg45QBzkfd3T6ZaR86f6jg7yDXXTxvoAq3mdq4n3K0WNvNMJjlpSNzg4yJpTtKh"
    "G1c0TlTH4bfJLVDVsxDvvsNeIfd3T0uT/+Mh5M2Zng8I7ydjsoaF3WL9cu4pdrZ/vl2gJK"
    "3YLBa+2pLUEzR1RWb3yjfBkMpYdDX47pzDtiCvrUH15N/jHseVfi/1fDmep565RHgp8kjR"
    "GBaPOWbSVYJN5u/g6IC0QB8e2IEzrT7Dlm9txmpVLFQ1EUc5WbZyi7FVg1S6yaN2T2Fc99"
    "/Fg3lqrMI5Y+enme8llBIi2UUojHNz9MDuqCLG1D5BfMtyUzmoD3QuK9cOp8cQaU8ahqyk"
    "q3DcGLkUnxyZA+Ht27/bas2eHAZG9NNS3FgUue8JGUhZJ71WF4pIk9lNniu2o6KQuarrKm"
    "fVPE/TFrdSOzpBAKQ8G/g68zvCXbTjoSCoOODq0jZ35bsEdROPFv1wky2QCMnVUeO589mL"
    "D2lPJU5JtMFMaWKLkRxVOd/TlSjNyz6uJQEXKHC2yJwSmIbEnCnR3aoifv3BrbMl1hZGGq"
    "Uus16j9i47v3HzL0JzRTDYNgE93fu2Dc36fDVnZpACJSICIFYhMgIgW0DglfnpObVkbKF6"
    "fs0i7ktJTgEfejbyeysT7V4Kfx4UX5S6dSPTomdEyQp73jgHz4vU22hCSPWHHi8DWyJoIZ"
    "I7u+oUj2iDsG55VelEUw1jQ2kJtYWyhsgW/oj6J8vbkbZBktwP6YzL5xkPzXnOmbndmWgm"
    "aOyba8vpYcaVqjL8MOYn/uKBPuIL+F56XmedmCTcx+u7Ay2bYCF1HJ4w05byo84kh4keJR"
    "g05Azp4ZhLsbMuXN1HDlmOU1im8+uJnvyb5pqRtYJCAnRc++YEmm56knYg73xX8598PLaS"
    "oYNpuLFhZRW+SRalQdFFFet8Pk0G84SApUHJBBLVj/7gmXTLmRWgJ17NIMNQWJr+b3xqhg"
    "aZUaQ6TgR0wPA1T/Edcya28htBzK3cxmK8Z91wgT1lLPaajRWLFhSmf2ITaMgyA2dprr89"
    "aaDZu9r3XjoGU31q7hXuE9EWpYpUK5okTR8KNYVlMxnj7PZzuqiWyqtSTOibGVIOaEq08B"
    "Kye2NM2m5MSK7xUp2NQb36A5VrXXaGChB6zpdGkiS0cqRR6HOCitdBIpvhSe0w30oFsrUc"
    "2mg7YtYPH84dPLeN4HMm/9CbQeoPVUcfStKcEDaD0vUetA65Gj9ZSRcsq02BJBBuBAoAFp"
    "6xLpIQrRpk5zaFOnadpU7RIljz71h9Kb7Eymg/jfO/plxA7Znzt6PZpMO4j/rcCWu7p2ot"
    "TWhOqCuiSXZJnN80lINqhi0d/b7bOzd+03Zxfvz9++e3f+/k2wVEtfyluzXQ5+4cu2mDJE"
    "Gb92SG0Hae0k0tppusm+XJkLxxy+SMoAOSGXt0SqH+Q5GPMVTrI63BP7bQq38zLrmmX3Vq"
    "Fw87ptCUlmTMXlUwrG5ty0MlG5IxICfXO6tnxAz5EhMxIHEtChi2XO9UPj5XGOSwLexfAO"
    "0xrJ4h2XBLyL52EL0q/uVAM4Id2gpfXB6PM7AgzAbgP22SP3G4BninUNVWtLr1o7i7A390"
    "RXgghascGgKLCJcTCG7rg/mY4Hvam4zCrALAOzeD7PgLtIaMaxObw1Af4Z6YN1QUiKZyJJ"
    "nPD5qALaRISqmk2aMCI3badMUGRvNF2d4znyBNGCaOxOr2CuzZA3ELFMNPnY/bl9foEevi"
    "Nr5RbUZT8A8R+N6VzAmDho09vTngT8CXOlssZa7HJwyq8U7ldj/xPIFECmqMQQU9NtdSBT"
    "vEStFyFT8CFeupZXTAhoFQUrebEFMS/A6AAlAXZSroF4l0OzIH/JhNH7t4MjR5RK3V2jSf"
    "TaUKKB/bWUzc6gqJL8fmdMFHKgSOx5+ibPTquemCgse6qy7Cmy2PVDnaXsx7gQbKDABkrZ"
    "eGbyjTIBzSYZvVxEYUvq+FtSvgtvT2QbFvGYRDTythbYh8Lh1sWesDZuEyQJbHyqjmHLHg"
    "ENb6+v8zadyt0wcHZXhPsF/r5L3nZBcM+23YJsUPPCGam9fmCnkuGMobveUi3bjLnr3QyM"
    "7ovqXwaPPXjsKzFiNNiIAY9907RexGPvDdApjecEQAYSDfTFtYslNs/Ja570xUF8aclp42"
    "2TUGyaysY22LshwHqKv2UsCESyDYg6zRue+r9PYyNTqixZMDpdj4a/+Lcna5WlQlANSzom"
    "LC61Z0RY1Tq+XEgYpnNp+KIyLxo8z0YQDrHFIqBtUS3eMl/8q3H3w1Ty7XeFOsj5uKOT28"
    "ubwXTav+qg4PCOdj99Go8+85P+0R0d93/t95wb/SN+bnBzeTueuGf949YOY/rpRZG91uQC"
    "J7LVepHaabUf1sTabSWalIXShtVZeqYtDs/S30XRCVHQc5X1bGCyfrANk6lLlGMte45LCb"
    "7kuPEAjDXn7xh4gQ1xbYds2yKnieaFJJZCA+Lh4MZsRdjQkwZ+ayB5RBJ4FRK8Ct8lLLd5"
    "mZCCHXaI/TwasEBdOCyeYVkoKVSTYtBVgRVSDqLACgFWSDURlWOFQFRyqcHfsaTWe+IrU+"
    "KlpgAn5+8CCEfpI8cZGGqKbcI8glD6UkPpV4QHNgsyU0KBmZID6kPIMklyAaLbmHJumSDn"
    "zq3R9SOKkUbYH32BVOTK/81EXkfooKeVjtbch42IhRaGvmZnyGyF3B0pXlzA+f8EqXTODr"
    "+ng+xL+YbtsfZAxgMyXiUGlJrSsoCM9xK1XoSMxzPNinbIsnd0QolG8sUOTcbjk6CyH2Ek"
    "0USF981eDGOEvVD76TTWQJVfpBej0pm+Xnsr7aJkzogIcDilOZxsItFl91cjIrAPAJuApe"
    "Pp2eBSkMZkAFXYrZIZfQ+6WxXGWu6JbePqcSdRjb2z24F15iHYB9zq749M19LO/jJdtJFK"
    "4AIPbbxOeLaDNlKZvJh/9qP+xC4ZSEXsTqyu0Uo10QPGFHEHQwe5lbtNxL6LsF8yR6rFq7"
    "iqCwsb6P7eP62YhPWq+3ukGtiRTLlpy/qiO4Yn0zeibEmMuDMHveIJVHvjm7+ZPNkqFycm"
    "YlKabZJH/N/I3rAubpk81SovaEvmaK1+xU7aVb4TpKkb9mzGWsOm+dPWSrXuj4FKteAdru"
    "a4WFM/IXiHX6LWi3iHvQE3pfG8Uqq+RJWdWjt6h8/aBZxOZ+3s4obtpNMpPtPKvlppaYhK"
    "qs7blB5EwTsDfoSq2Gbb/AjPZ5iNHeOkbxjZ1ln0lpOtJppr7Sg4uP2giafAGAFjpIoDQU"
    "2XpWCMvEStFzFG2PBua1LBx6EEGCMFjJGj10+uNsCHT5K/xqbJ1j1phLMpBhGRRkB8bJIB"
    "mFwH3hC3qeRueCAAeIIJKzNGHHYr3BaQXKWBdWxPu8mYhq9r5dwCNm1luQNclWxzA3h3lW"
    "n9p7JMgzsA3AGVGABqahiCO+Alar3Y3mTtknD+323/1qO7SxDwXakOcj/v6Ph2OBwMf+kg"
    "74CT8nu9fv/KJeV7h3f0Q3dwzU+5n3e01x32+tfOqeCwVawXxan3RRwPp9mOh9OU44F9+3"
    "IplxI8InJEBd50h7fda0kF7uh+KCHNKU9/vFuS05gkbDJXZ1hMz4YLQom52knNCVHQc5X1"
    "jE2mA2f1YumWKLtLdhnAtOTxfDNvKm1aRNLmGPoMm6Yo6WZ27reoDECaSv3o2lgSgEYkAM"
    "506de5JJwRCYAz1Ts1ncp1zkAAwEyCucbGUgrMUADATBUv/0o2Gyk0IxIAZxLOOeYpLB4l"
    "x86EFMCahHWhEk0K0VAAwEytPm1uh8ksPQMBADM1s+t0oZGZJXAWZk/uURmANAmpw6VVdu"
    "CzpAQhcQZwWoCDUTmMyw8jiKYpCPn5e2Z0FQQHNAT4UlOWOnkIBOQKPz9BNrPCT4heUjFv"
    "vGaLxFitbk459fOLb6vxzTurzp4TWBjAwqjG213T/XhgYbxErRdhYbgDdErh2Rv3gUAj6O"
    "yJ7KHnRUIG2F3Z+UPPU0EDUM273GrezgpBiO92FpEve0Qj1s+6OZa0Zlvdq5vBsIOcjyBj"
    "5zjI2DkOc3uOw9ye7rdUgblSN65XtzcdfO5LK8mRYkpxPu/oYOif8Y+qoZCNappP3Ghbqe"
    "ZKZnRKCVY4m/HOs8B5oVngPGcWOBfF5mWWTcsP0MuundYAsA8fpKeppqVo+pLQHZayKWHg"
    "UFVn8Zq2WcCTCp7UJnlS1Q1RLP0rpnu6UbsbMuXNNAjuuNV65PJhtQRJtSzMHk8wPO4AUt"
    "dtrL7zXT5WBp5h1vSeHWrsttLUDuUmWTbZCKV4lQD3hatgVup69igHrCMhVOP+5BbIOwhQ"
    "UOZQYs+wiw0yW7UEu4belZO8fUM1vAeysdVpuX+Ss/H3iA1TsppYRKSJDusyXEH8pZJA2L"
    "u9geieFtoOOM3ZDjhNbwewb7SEZaB+nYyGmVxBS1wGak5mFvoP0ohZ42lFBC4HI+bkSfHa"
    "khS2k7j3hjdwKfIeHDPByI//Byo06QY="
)
