#!/usr/bin/env python3
"""Writes the fuzz targets' seeds (fuzz/seeds/<target>/) from the tests' own inputs: the golden
order bodies, the catalogs the tests import, the texts the typed-amount tests type, the raw
requests of the framing tests. Run it after those tests change; the seeds are checked in.

    fuzz/make_seeds.py
"""
import hashlib
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
LOCALES = ["C", "en_US", "de_DE", "fr_FR", "ja_JP", "es_ES", "de_CH", "en_IN"]
CURRENCIES = ["EUR", "JPY", "KWD", "CHF", "USD"]


def write(target, data):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def c_literal_runs(text):
    """Adjacent C string literals ("a" "b", possibly u"…"_s), joined and unescaped."""
    literal = r'u?"((?:[^"\\]|\\.)*)"(?:_s|_ba)?'
    for run in re.finditer(r'(?:%s\s*)+' % literal, text):
        parts = re.findall(literal, run.group(0))
        joined = "".join(parts)
        yield re.sub(r'\\(x[0-9a-fA-F]{1,4}|.)', unescape, joined)


def unescape(match):
    code = match.group(1)
    simple = {"r": "\r", "n": "\n", "t": "\t", '"': '"', "\\": "\\", "0": "\0"}
    if code in simple:
        return simple[code]
    if code.startswith("x"):
        return chr(int(code[1:], 16))
    return code


def order_bodies():
    filled = {"{{id}}": "0192f0c4-6d2e-7a11-9c41-3b9d5e2f8a01", "{{seq}}": "000042",
              "{{hash}}": "ab" * 32, "{{prev_hash}}": "cd" * 32, "{{journal_seq}}": "42"}
    for golden in sorted((ROOT / "tests" / "server" / "golden").glob("*.json")):
        text = golden.read_text()
        for key, value in filled.items():
            text = text.replace(key, value)
        write("order_body_fuzzer", text.encode())
        body = json.loads(text)
        if "total" not in body:
            continue
        # The same sale as a web order whose card the saga charges.
        body["status"] = "CREATED"
        body["events"] = body.get("events", [])[:1]
        body["version"] = 1
        body.pop("journal", None)
        body["tenders"] = [{"kind": "card", "amount": body["total"], "needs_capture": True,
                            "payment_token": "tok_visa_4242", "reference": ""}]
        write("order_body_fuzzer", json.dumps(body, sort_keys=True).encode())


def catalogs():
    demo = (ROOT / "resources" / "demo" / "catalog.csv").read_bytes().splitlines(keepends=True)
    write("catalog_csv_fuzzer", b"\0" + b"".join(demo[:12]))
    for source in ["tests/domain/tst_csv.cpp", "tests/server/tst_server_orders.cpp",
                   "tests/saga/saga_fixture.h", "tests/server/tst_server_rules.cpp",
                   "tests/app/tst_cli.cpp", "tests/sync/tst_sync_cli.cpp"]:
        for text in c_literal_runs((ROOT / source).read_text()):
            if "," in text and ("\n" in text or "sku" in text):
                for currency in range(len(CURRENCIES)):
                    write("catalog_csv_fuzzer", bytes([currency]) + text.encode())


def typed_amounts():
    source = (ROOT / "tests" / "domain" / "tst_typed_amount.cpp").read_text()
    for line in source.splitlines():
        locale = next((l for l in LOCALES if '"%s"' % l in line), "C")
        for text in c_literal_runs(line):
            if text in LOCALES or text in CURRENCIES or len(text) > 40:
                continue
            for decimals, currency in [(2, 0), (4, 2)]:
                write("typed_amount_fuzzer",
                      bytes([LOCALES.index(locale), decimals, currency]) + text.encode())


def requests():
    source = (ROOT / "tests" / "httpkit" / "tst_request_framing.cpp").read_text()
    for text in c_literal_runs(source):
        if "HTTP/1." in text:
            for limits, step in [(0, 0), (0, 1), (1, 3)]:
                write("request_framing_fuzzer", bytes([limits, step]) + text.encode("latin-1"))


def list_queries():
    for query in ["store=S1&status=PAID&limit=50", "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z",
                  "min_total=100&max_total=5000&q=S1-T1-000042", "cashier=Anna+Maria&customer=c%2B1",
                  "after=10&wait=5&limit=100&store=S1", "state=all&order=0192&limit=200",
                  "since=0&limit=1000", "kind=pin_lockout&limit=100", "cursor=abc&limit=1"]:
        for which in range(6):
            write("list_query_fuzzer", bytes([which]) + query.encode())


if __name__ == "__main__":
    order_bodies()
    catalogs()
    typed_amounts()
    requests()
    list_queries()
    for folder in sorted(SEEDS.iterdir()):
        print(folder.name, len(list(folder.iterdir())))
