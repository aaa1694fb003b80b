from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "user_sync_run" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "trigger" VARCHAR(16) NOT NULL,
    "status" VARCHAR(12) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "fetched" INT NOT NULL,
    "created_active" INT NOT NULL,
    "created_inactive" INT NOT NULL,
    "linked" INT NOT NULL,
    "deactivated" INT NOT NULL,
    "skipped" INT NOT NULL,
    "error_message" TEXT NOT NULL,
    "org_id" INT NOT NULL REFERENCES "organization" ("id") ON DELETE CASCADE,
    "sync_run_id" INT REFERENCES "sync_run" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_user_sync_r_org_id_b47bcd" ON "user_sync_run" ("org_id", "created_at");
COMMENT ON COLUMN "user_sync_run"."status" IS 'QUEUED: QUEUED\nRUNNING: RUNNING\nSUCCEEDED: SUCCEEDED\nFAILED: FAILED\nCANCELLED: CANCELLED';
COMMENT ON TABLE "user_sync_run" IS 'One users sync: instant (on enabling or asked), or after a customer sync run';
        ALTER TABLE "integration" ADD "users_sync_enabled" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "integration" ADD "user_role_mapping" JSONB;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "integration" DROP COLUMN "users_sync_enabled";
        ALTER TABLE "integration" DROP COLUMN "user_role_mapping";
        DROP TABLE IF EXISTS "user_sync_run";"""


MODELS_STATE = (
    "eJztXW1z4kiS/isVfNnuC09HG7fdvdzFRWBMzzBjQx/g7tkdJmQZClBYlFi92O3Z7f9+VX"
    "p/KQkVSFiS84uRJWUhnixVVWY9mfnv1kZbYNV4190qU+0Bk1YH/btF5A2mB4lrJ6glb7fB"
    "FXbClO9V+2Z5q0imf9u9Yery3KQXlrJqYHpqgY25rmxNRWNf0uqieyzrWEe2DFpqOnpSFi"
    "tsGkgmC6TjraabClnR6xp9BjQi6jNS6NXJL92f2ucXaKGssGEixUCGqel48Y5970Kb0y+m"
    "YuV9hUWUf1mY/lTa0Brr9Iv++JOeVsgCf8eG9+/2QVoqWF1E8FQWrAH7vGQ+b+1zA2J+tm"
    "9kT38vzTXV2pDg5u2zudaIf7dCTHZ2hQnWZROz5k3dYvASS1VdVXiIO08a3OI8YkhmgZey"
    "pTIlMWnnAYJzLUkajqbSpD+VpFZCgZ5ECHD31FwjTPn0UQ3716/YI/zUPv3w8cOns4sPn+"
    "gt9mP6Zz7+cL46AMYRtOEZTls/7OuyKTt32BgHoM51zJCQZDMJ7hW9YiobzEc4KhlDeuGK"
    "vvMO4rh7KGcB750IkA/ehmNAT3/ggvVqV+UZOE8HN/3JtHvzhX3dxjD+pdr4dad9dqVtn3"
    "2OnX1z8Zad1+iL7gwBfiPo22D6C2L/on+Ohn0bXs0wV7r9jcF903+22DPJlqlJRHuS5EWo"
    "d3pnPdTonYHWre1iT61HJUHrVdG6h1FI7e7TB1q3PxP67q1lna9r7/6YliladdTrRv4uqZ"
    "iszDX99/T9+wzFfu2Oe790x2/oXTFtDd1Lbefajwi+9kQpOdOeCM5xuWLwftlpK4L2xYcc"
    "YF98SMWaXYpCvdXxUvkuAnIg0cTufJGnN8eHnlBnvogDrMqGKVnGXnNEXLaAWcLtu1VBv7"
    "6TQnItgL9vFdrcHnqOSoKWq6xlHT/SWWaftzkqCVquspY1fSUJmcmBwG5TuQ6zYiHWcshO"
    "MrAuBmhIAhB1EWUeneUD1/1A+18S3M+ajpUV+Q0/2xgP6APJZM4zRVwX20hfyUT5S7Z/XP"
    "0w/uF1Iu9sMEjq8pPvCQu9rBQC+sOx6ax5u5Ne96rfSvTcApC9dZtpKKKht5UPKeu69/L8"
    "4UnWF1KkD7MrWluLnfHvTV7atDfxMzKRVzY47FewZ3ZR71GkV5r+3OK4k/1rJ1nu5Hn4rl"
    "3e5HRYOd7aP7x31n6uP8F5C87bKo4ANXXjgfP2NWodnLcv77xVDAkT9vM5E9WlpqlYJimT"
    "VUQwBvc9lSwLb28mO65NfDkaXUdemcvBNAbz7c1ln+Jvo09vUpw1VdK6AmsVbKuqWAK7bK"
    "t0QyDiScXEwAZnAHElP/82xqoPJR/wvtNKg7D+UaqtpBGTGjdfsG5oXP5N9IaTTKvJuVXa"
    "BveWYzvN9Q3rbWA9gfVUyTe5putosJ5eo9bzWE9LRTdMSdSGikodz5JqtcrScPl2lL35Lw"
    "p0RAgs1nxI442sqCIo+wJ7IVyxbdsowO3zPBQjelcqwPa1GMmIgiTUjX2B5gF8nqcDn6f3"
    "33Oew2WrKxvZ2aQQc7iEBI/ocPHP1NbjQqGjxozyyOnVuyAP5MDFlR9w19ATGEMCieYNIs"
    "XzQOeWYWobUZJGTAqcieCcBedshRyGJwcQX7x3uwB0e6GmGopsbCTc3/ctmyamP5W3eSbu"
    "++46jdWXTHpkF7itxM8JrzHn8kmm+9u+0e0cJ7nCUAnS7CHIsBX7k4ofsYrsBpC2RF7vMt"
    "AbGfXGN+6VuUzQPUYb+iSY3kdMDSnmW04EatGtZ7nkWQAuUJrAKV/dMb2m7llwyr9Gredx"
    "ylPIsZAD0xcAF3E+F7E/qQmAHJYBnPPhbE9nNkpcoPvE2iRsjgjokQaqjHpr2v992kHs74"
    "w4brAOcj5nhA0qHcT+zghzovW7ww5yD2bky6D32/VgQqW9o/iKL5f+2nnU107XXjuuPM3+"
    "bRzWzq+T0TDF1xGIxKccZW6i/yBVMUpzerT+Z2mROXsAdG8pqqkQ4x37vv8ta9cwA3AGUW"
    "S28YB+c9P9Pa6D3vXoMj6NsAYuwfUErqeKGOonhfECy7f4bQs2xdx3vFa7bH33rvJIbvSb"
    "LRV7/3Eob/7dtL+Zlv2MgRUOZjeY3S8+UtTUAAOz+zVqHSKJxGhDuYzBdoYx2OakgTrADq"
    "yFCXh5OxkM+5MJte3coxkZDK8GXwdXt93rDgqO9zLwCs9lFCwt9lFJIH1EAmi3Nx187Qsa"
    "dK5UBzmfTCneGe+oGgoB5iIwF2vMXHzC9wZjfAngGxJpHsLt8/NcXfg8owufx0HeaPeKKo"
    "RxINE8iIvvxHNL1zGZc8i3GdzEkEzzMD7LAfFZKsJncYBpZ1Tpl0v0CzEWygealGwe2O1c"
    "Pbqd0aXbyT7tATdXTKF+HZdrHtyl7HoF/VQWmw0TggC4EOBzbbEX3p5c8+A+y4P2WTrYZx"
    "lYW8TkxajkgdsXbR7ipXRwY61st/tNmhzR5oFeyqzpIyc6bSYEmwd42b1ccOJMSgLkYpCL"
    "Tp0JweYBXvzcGQJNePLkyTYP81I6eXTDfR9fd7SFCsPe6vZ6o9vhdMKc3c7RjPRGw2m3x8"
    "55RzNy1e9e0xP2RzWc3xASWnJIqNOHFdrgfnyGhDjkvK/ObnaSxGA8k7m0UHTe2jUzqD0q"
    "CHkERMLanUixR1m1eOnu0omzCcGD6LP7vFU89iz7VmDPAnu2A+zZqrBnQ2NNJCnjgck1E8"
    "kgGwJ8lF5x5Dyk1VzcZGPk9yrNxMRUZPVAtL547TQUL8ApH05OWeQDQRrbjTQIoTJjIbxx"
    "ihMKERrC0iMhcOimQgMh0iIdvNI8zHxs0Zv8C/47FjnrR2pASASERFTjPa8pOR5CIl6j1v"
    "OERCy4+3BM33xde/dnabmGGs7QKNNSPLnAhu3QSBuFaJxsW5fKKnUKiks2ye/w93b77Oxj"
    "+/3ZxafzDx8/nn96709MyUtZM9Tl4Gc2SUVeCZ4n7gVonJWDvkweJ/4+X8tkhSWdP0jgub"
    "KR1ZS4hbhsfMBwhN+5jZQF/ekLjBf93uCme/2m/f7k9H3Mn+wp4UOSdCUbWNp/XOGKw+Cy"
    "9+BCrQ7Wf4V4WGGZxmXMLyVeMPxkCaCn+HtKZ4+JNQDrrAVl//dp9k6Jv568Hg1/9m6Pb5"
    "/8iPlqlphNhEKEoIhQA0A/Tmk9HSube0s3bAiSY/qO3ONxachALpTynfGR9wM+LAkb5CIb"
    "5LJTf1kwL3lUqkkrl8Lykr9cxveKOdsh4Xu18fS9+WKoxsWgqyahdTbZxHCNyACoSVDZtp"
    "QYpCEJGAGAOSSy/Cq05IO3oXogsrdGo0s9hN7WCKTj/mQ6HvSmLe4CtgBce6GmGoptbOGe"
    "B98XKVNSsSksN7wZVUr48G7DNKMD8W0gZSkOcHzRmQNh3ecoHQhv08hOcWwjC88UYPPwYN"
    "0KOwXROgVK7NRlUI51zzmmTR9MxLNbaU7nPAYTz+9a6Yy8cO/bycyT5PDdu2sSIbbSQZqO"
    "ZOSyfJHDHWdFg8w19gsHoae1hkxNe0BbWTeRQuyr7rdyyhEV2PBuuiCQ/YDsV4mhpKa0Ly"
    "D7vUat5yH7VT//cZ3ZDNFwLcFdGp4s+GqTvlpvZSSEblQIPLawB9bAPYUGvviwpXD8LYVQ"
    "UNiB4OYPo60rrtF5pWrbNRUbEA7dreHXPI+sm4rYUhAMk68pyNz1ZpXqfNFpEq902f39CW"
    "9a+PJJlidNid2404k2Ipj5tiL1t9+hCZ7r2DSQrGNkmLRTLRAmc/15SzsGenN391+S/+/d"
    "3dsTRPAjbUMhiBoOsp70qJX2LeBeA/daTWbZmjpawL32GrWex72WkdQ2X7GlYzvbmD57o+"
    "Gw35v2rwQ9b1HhDor8a2ek9K6Ezl4NJt3La3bSO4rPjLlCNQrPTGkP33NMTF3IPxoTa16O"
    "yjwpKtMzVCYSVMpzO7WtIVm6UBGsuFzzgC6lkBCrZy+KdCACIOcCea4qdAAQzWsbFmre7k"
    "qJOBu2iRTYQUnU0+NGM5pogA5eIIaULp3W1NR8wGQ/hWQ0AQoRVgjL35y2jZOdYjt1L6cB"
    "g345abYZYqK76XG55mFdzsBPYdsr10tMrnlwF5zuxc7/Th9XyYA7M2ya3wBETwunF8f6od"
    "Usks0ctYSzU5dC1KOQt7KFd1XqDq+k4Abu6X38C+1cdYkzyhInpgy6AsJpyWR2azOQPqIS"
    "P/envV9ENWgLdZD9MSPTbyPpW/cfHeQe7KOLTzlU8SlVE58Sjh5rqyosZknaavQgZULZrR"
    "JeO0dUzuS3wRdR3dAV47BPXyP2MSOjr/3xt/FgSs/4hzPC2u0gv3VRv1w7j1+une6Xa3Mo"
    "dUsKr3mgtjjNHFFZvfGN9G0wFB4OPTmqM/eIKuhLf3g1+cew516J/l8NZ6rrrZMeFfwkaI"
    "xwRJu3bCvBInF38/dAnCMKiO9GXCFz1Vpgas9t1zKRXBR5MVeZeYbSW4FVs8CqeavMH/DC"
    "w492Y6HKPHzpo5fnKZ8VxNNCKYV4PPPDYKAulZWl8/yC2bZkShPwXgi8F3adL8aA0h9lVV"
    "prls55MVIpPinSx6N7tz+UNTsUTPZWZcOUbLjECR9xWSi5Vx2GR5LYQ6gtvq+m47Kg6Spr"
    "2jNFnB+zkbciSwquMBT8K3yd4S7Z9tIRVxh0VLSO7PltSR9FYsS/fSfIeAMwdlZ57GQhHI"
    "Yz1WHC4BZd/fMbgLW/wNrfDqPRKcZsaGNl5UXGRq4wWMQ1Lk1b+yCLRCyoSFzSjrjREcFT"
    "jf45UtToi+qiqJjR4kK9InByYr3icKcHe2nxO3dGe03XGJl0iiHmO9R/xPqz+x/StSc0l3"
    "VdwQa6u3PAuLtLBnLt0wDEaEGMFkTrQIwWaB1SIL0kW7OMJEh2IbJ96JoJwSMyNG4notFv"
    "1WBssuFF+ksjQj06InRMkKe944Bc/G4/XUIqj1iyrWJV2SicGSO94idP9oh7aOeVXpSFMF"
    "ZVOpAbWF1KdIGva4+8DNaZTqOUFsBrJMKk8NNhG3Ntuzf/mNPMMfnH19eCI01r9G3YQfTP"
    "jFDhDvJaeFmyqps/28D0t3Nr9e0q+RKWPN6Q877CI46AFykaR2uHqB2YU7u7VaasmRquHN"
    "O8RtHtOKcWhHJoovYGls3ISFp1KFiCCavqiZjNBvNezsPwspvyh83mooV5ZC9xpBpVGYiX"
    "6bCYqhINB0mCGhwiqPnr3wPhEinAU0ugjl2spKYgsdX8wRjlLDZUY4gk/IhJMUD1H3Et81"
    "jnQssm1swtumI8dI0woS317IYajRUdpjRqH2JdLwSxsd1cn7XWbNisQ60bGy2rsXaNzXM7"
    "DKGG1e5MctgK6kkMpwb2piTXKYOYE45fjKRF5sPq0aJ2gxtLx1xLLiAfWwEeU7BY55CYIi"
    "v5dAZTpHpnnopvvfENWmBZfYcGJrrHqkZWBjI1JBPkBiH4tdlOQtXbgnOaju41c80r+lZo"
    "2xzS0x8eG48ljlEWrT+BBQUsqCqOvjXlwwAL6jVqHVhQYiyoMnLWGSZdIogA7As0IO9lLL"
    "9MLpbZaQbL7DTJMqtdpvXRl/5QmJNAZTqI/Z2RbyN6SP/MyPVoMu0g9rcCDAV5Y4e5bhSi"
    "cQobXSqrdFpUTLJBJc/+3m6fnX1svz+7+HT+4ePH80/v/aVa8lLWmu1y8DNbtkWUwUsZuE"
    "duTMiLKZAXU9UM+uXSgjvmsEVSCsgxuawlUv0gz8CYrXDi8W9P9LdJzM5LLYyY3lu5ws3r"
    "tiVkqTIkh37KGZsz81KF5Y7In/TM6drSJ11HhshI7EtAh86XetvLrSGOc1QS8M6Hd5AXTR"
    "TvqCTgnT+Ro5+/ea8i4jHpBi2tC4s22BNgAHYXsC+e6KABeCZI6lD2uvSy1/MQ2fVAdAV4"
    "sxUbDPICGxsHI+iO+5PpeNCb8us0A8wiMPPn8xS480SyHJvyXBPgX5BtWReEhHgmgsQJj7"
    "7LoU2EmL3ppAk9dNNuygRB1lbV5AVeIFcQLRWV3ulW3LYo8jpSTANNfun+1D6/QPfPyFw7"
    "FbnpD0DsR2Oy4DAmCm16d5YYnz9hrGXaWIte9k9ZLi3MfeMdbgWQKYBM8eJDTE231YFM8R"
    "q1nodMwYZ44WKAESGgVeQsBUgXxKyCqw2UANhxuQbiXQ7NQvlLJOuAdzs4cni1GJw1mkCv"
    "DSQa2F9L2ez0q7KJ73dGRCFljEiiYdfk2WvVExGFZU9Vlj15FrteZLiQ/RgVgg0U2EApG8"
    "9UvlEqoOkko9eLKGxJHX9LynPhHYhswwJE44iG3tYc+1A42Lo4ENbGbYLEgY1O1RFs6SOg"
    "4e31ddamU7kbBvbuCne/wNt3ydou8O/ZtVuQDmpWOCOxNvf0VDycMXDXm7JpGRF3vZOw0n"
    "lRvcvgsQePfSVGjAYbMeCxb5rW83js3QE6ofGMAEhfooG+uHa+PPAZaeDjvjiILy05y75l"
    "KAQbhrS1dPpucLCe4u8pCwKebAOiTrOGp/7v08jIlKjo5Y9O16Phz97t8TJfiRBU3RSOCY"
    "tKHRgRVrWOLxYShslCGL6wzKsGz7URuENsvghoi1fMu8wX/2rc/TwVfPsdoQ6yP2Zkcnt5"
    "M5hO+1cd5B/OSPfLl/HoKzvpHc3IuP9rv2ff6B2xc4Oby9vxxDnrHbf2GNNPL/LstcYXOK"
    "Gt1ovETqt1v1HM/VaicVmojVqdpWfS4nAt/X0UHRMFPVdZzzpWNveWblB18XKspc9xCcHX"
    "HDfug7Fh/B0dL7HOL4WRbltkNNG8kMRSaEAsHFyfrxU69CSB3xlIHpIEXoUAr8JzCYttXs"
    "akYIcdYj+PBixQF4rFM6iiJYRqXAy6KrBCykEUWCHACqkmomKsEIhKLjX4O5LU+kB8RSri"
    "1BTg+PydA+EwfeQ4A0NNsY2ZRxBKX2oo/Vphgc2czJRQj6fkgPoAslSSnI/oLqacU1XJvn"
    "NndP2IYKQq9I+2RDJy5P9mILcjdNDTWkMb5sNGiomWurahZ5T5Gjk7Uqy4gP3/CZLJgh4+"
    "J4PsS/mG3bH2QMYDMl4lBpSa0rKAjPcatZ6HjMcyzfJ2yNJ3dAKJRvLFiibjsUlQOowwEm"
    "uiwvtmr4YxQl+ow3QaaaDKL9KrUelc22zclXZeMmdIBDicwhxOOpFoovurIRHYB4BNwNLx"
    "dG1wIUgjMoAq7FaJjL6F7lYFsZYHYtu48uVxVCPv7G5g7XkI9gF3+vtD07Wws79MF22ocD"
    "rHQxstq57uoA0Vcs/nn/1Fe6KXdCQjeieWN2gtG+geY4KYg6GDnELnBqLfpdBfskCyyaq4"
    "yksT6+juzjstGQrtVXd3SNaxLZlw05b1RTOKJ9U3InRJjJgzB71hCVR745u/GSzZKhNXDE"
    "SlVMtQHvF/I2tLu7hpsFSrrKCtskAb+QHbaVfZTpAqb+mz6RsVG8bbnZVqnR8DlWrBO1zN"
    "cbGmfkLwDr9GrefxDrsDbkLjWaVUPYkqO7X29A6ftXM4nc7a6cUN23GnU3SmFX21ktIQlV"
    "Sdtyk5iIJ3BvwIVbHNdvkRXs4wG9vGSV/X062z8C0nO000x9qRsH97oYmnwBgBY6SKA0FN"
    "l6VgjLxGrecxRujwbqlCwceBBBgjOYyRo9dPrjbAxSfJ32DDoOueJMLpFIOQSCMgPjbJAE"
    "yugjfELSK4G+4LAJ5gwoqMEcVuhVsckqswsLbtaTUZ0+B1rZxbwCKtNHeAo5JdbgD3rjKt"
    "/0SWaXAHgDugEgNATQ1DcAe8Rq3n25usXRLO/7vt37p0dwECviPVQc7njIxvh8PB8OcOcg"
    "8YKb/X6/evHFK+ezgjn7uDa3bK+ZyRXnfY61/bp/zDVr5eFKXe53E8nKY7Hk4Tjgf67auV"
    "WErwkMgRFXjTHd52rwUVuKf7oYQ0pyz98X5JTiOSsMlcnWExORsuFaIY673UHBMFPVdZz9"
    "igOrBXL6Zm8rK7pJcBTEoezzfzvtKmRShtjq7NsWHwkm6m534LywCkidSPjo0lAGhIAuBM"
    "ln5dCMIZkgA4E71T1YhY5/QFAMw4mBusr4TADAQAzETx8gdluxVCMyQBcMbhXGCWwuJRcO"
    "yMSQGscViXsqIKIRoIAJiJ1afF7DCRpacvAGAmZnaNLFVlbnKchemTe1gGII1DanNppT34"
    "LAlBSJwBnBbgYFQO4/LDCMJpCgJ+/oEZXTnBAQ0BPmr6swTbHqnhQMhYDoL8vJZqOnSPm+"
    "DVztrAoaJ42RzSeShe+viSSp/jDV1SRyqbM4Kul419V0V09mpr9DmBswKclWq83TVlLwBn"
    "5TVqPQ9nxRmgEwpPpzn4Ao0g/8dyrZ7nCbCgd6VnWz1PhFhA7fNya5/bKwQuvrs5V57sEU"
    "1+L0fpWND2b3WvbgbDDrI//PymYz+/6TjIhDoOMqE631IFnk/dmHHd3nTwtS+sJFuKKsX+"
    "nJHB0DvjHVVDIVvZMJ6YibuWjbXI6JQQrHDu571ngfNcs8B5xixwzotkTC0ylx3OmF5prg"
    "FgFx/SqMqGKanaSiF7LGUTwsA4q87iNWmzgN8Z/M5N8jvLW0UytQd8qAe1u1WmrJkGwR21"
    "Wo9cbK2WIMmmienjcYbHPUDqOo3Vd77LxkrHc0ybPrBDjZ1WmtqhnJTUBh2hJLdu4qFw5c"
    "zhXc8eZYN1JIRq3J+ccoKFAAVFIQX3DDOi2GObsNk7iJJQOLtds5GJGYjJdZBiryFN9EYj"
    "CBPaMAXLzv5tPODF25MgEbiMvGrDtiRyvzFRELKoxmfkzd2d99vu7pCBzbfvUE+zqOKQIT"
    "+jp7VsojUFh3a4BSsmOaFHC1vcfoac1SRDu6P+BhpsesKmZzWGp5puf8Gm52vUep5NT4ju"
    "hl0fPuBuAgPRbZ/mJ0SAGO7X4VFfYnMuFucRkoCohJQAY8mO1OK4S3bFGYcEAdw0cBWyN7"
    "xhUQA4DjA1lR+ExoJAAMCEIM+jwAqhyIXCCWF0EEZXazpDZGxwPbdioMak9kK2YhYK8ETq"
    "wxPhdeAC0G1cQF0c19hrGwGXPgMa3l5fv1S26C7Wlfm6xdlmc6+cZO2wycE9UCeqTkPmSc"
    "Z+0yPWDXegy+uDDok0MTikDNo1e6kEEHZvbyC6p7lCb04zQm9Ok6E39BtNl3ERRfjXyWiY"
    "4ngJROKOYGVuov8gVTHquHTNAJeBkW0qxK2Ck6hflzVwyVuBHXMy+/H/vs5wnQ=="
)
