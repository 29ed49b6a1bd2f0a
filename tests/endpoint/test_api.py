"""The managers' JSON API on both stores: the numbers equal a hand computation and what
``kiosk stats --json`` prints on the kiosk itself (the kiosk's answers sent by its real
``kiosk sync``), and kiosks needing attention are listed."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import requests
from endpoint_server import OWNER_TOKEN, TOKEN, LiveServer, central
from helpers.admin import fill

from kiosk import __version__
from kiosk.commands import main as cli
from kiosk.store.recovery import open_store

OWNER = {"Authorization": f"Bearer {OWNER_TOKEN}"}


pytestmark = pytest.mark.usefixtures("close_kiosk_log_handlers")  # commands log to files


def _kiosk_with_the_fixture(data_dir, url: str):
    opened = open_store(data_dir / "kiosk.sqlite", "test-kiosk", __version__)
    try:
        fill(opened.answers)
    finally:
        opened.db.close()
    (data_dir / "token.txt").write_text(TOKEN + "\n", encoding="utf-8")
    (data_dir / "token.txt").chmod(0o600)  # the kiosk refuses a token file others can read
    config = data_dir / "kiosk.toml"
    config.write_text(
        '[kiosk]\nid = "test-kiosk"\nsite = "shop-1"\n'
        f'[sync]\nendpoint = "{url}"\ntoken_file = "token.txt"\n',
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize(
    ("since", "until"),
    [("2026-11-20", "2026-11-21"), ("2026-11-01", "2026-11-30"), ("2026-09-01", "2026-11-30")],
)
def test_a_one_kiosk_site_shows_what_kiosk_stats_prints(
    migrated_url, data_dir, capsys, since, until
):
    store, app = central(migrated_url)
    server = LiveServer(app)
    try:
        config = _kiosk_with_the_fixture(data_dir, server.url)
        assert (
            cli.main(["--config", str(config), "--data-dir", str(data_dir), "sync", "--once"]) == 0
        )
        capsys.readouterr()
        assert (
            cli.main(
                [
                    "--config",
                    str(config),
                    "--data-dir",
                    str(data_dir),
                    "stats",
                    "--json",
                    "--since",
                    since,
                    "--until",
                    until,
                ]
            )
            == 0
        )
        on_kiosk = json.loads(capsys.readouterr().out)
        reply = requests.get(
            f"{server.url}/v1/api/stats?site=shop-1&since={since}&until={until}",
            headers=OWNER,
            timeout=10,
        )
        assert reply.status_code == 200
        central_numbers = reply.json()
        on_kiosk.pop("sync")
        assert central_numbers == on_kiosk
        if since == "2026-11-20":  # the fixture's hand computation (tests/helpers/admin.py)
            assert (central_numbers["nps"], central_numbers["answers"]) == (20.0, 10)
            assert central_numbers["previous"]["nps"] == -50.0
            assert central_numbers["change"] == 70.0
            assert central_numbers["flagged"] == 1
    finally:
        server.stop()
        store.close()


def _answer(seq, score, when, reasons=(), comment="", flags=()):
    category = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
    return {
        "id": str(uuid.uuid4()),
        "seq": seq,
        "created_at": when,
        "score": score,
        "category": category,
        "reasons": list(reasons),
        "comment": comment,
        "language": "es",
        "flags": list(flags),
        "completion": "sent",
        "app_version": "1.0",
    }


def test_numbers_equal_a_hand_computation_across_sites(migrated_url):
    store, app = central(migrated_url)
    client = app.test_client()
    store.change("add-area", "t", "Sur")
    store.change("add-site", "t", "centro", "Sur")
    store.change("add-site", "t", "playa", "Sur")
    tokens = {k: store.change("add-kiosk", "t", k, s) for k, s in (("a", "centro"), ("b", "playa"))}
    # Week of 2026-11-16 (Mon) .. 22: site centro 6 promoters, 2 passives, 2 detractors;
    # site playa 1 promoter, 4 detractors. Previous week: 2 promoters, 2 detractors.
    plan = {
        "a": [
            (10, "2026-11-16T09:10:00-03:00", ("speed",), "rápido"),
            (10, "2026-11-16T09:20:00-03:00", ("speed",), ""),
            (9, "2026-11-17T13:00:00-03:00", (), ""),
            (9, "2026-11-18T13:30:00-03:00", (), ""),
            (9, "2026-11-19T13:00:00-03:00", ("price",), ""),
            (10, "2026-11-22T18:00:00-03:00", (), ""),
            (8, "2026-11-20T10:00:00-03:00", (), ""),
            (7, "2026-11-20T10:05:00-03:00", (), ""),
            (3, "2026-11-21T19:00:00-03:00", ("waiting_time",), "lento"),
            (0, "2026-11-21T19:10:00-03:00", ("waiting_time", "price"), "muy lento"),
            (10, "2026-11-10T09:00:00-03:00", (), ""),
            (9, "2026-11-11T09:00:00-03:00", (), ""),
        ],
        "b": [
            (9, "2026-11-18T11:00:00+01:00", (), ""),
            (1, "2026-11-18T11:30:00+01:00", (), ""),
            (2, "2026-11-19T11:00:00+01:00", ("price",), ""),
            (4, "2026-11-20T23:30:00+01:00", (), "caro"),
            (6, "2026-11-22T08:00:00+01:00", (), ""),
            (2, "2026-11-12T08:00:00+01:00", (), ""),
            (5, "2026-11-13T08:00:00+01:00", (), ""),
            (0, "2026-11-19T12:00:00+01:00", (), "", ("burst",)),
        ],
    }
    for kiosk, rows in plan.items():
        answers = [_answer(i + 1, *row) for i, row in enumerate(rows)]
        site = "centro" if kiosk == "a" else "playa"
        reply = client.post(
            "/v1/answers",
            headers={"Authorization": f"Bearer {tokens[kiosk]}"},
            json={
                "kiosk": {"id": kiosk, "site": site, "app_version": "1.0"},
                "answers": answers,
                "sent_at": "2026-11-25T12:00:00Z",
            },
        )
        assert reply.status_code == 200 and len(reply.get_json()["stored"]) == len(rows)

    def stats(query):
        reply = client.get(
            f"/v1/api/stats?since=2026-11-16&until=2026-11-22&{query}", headers=OWNER
        )
        assert reply.status_code == 200
        return reply.get_json()

    both = stats("area=Sur")
    promoters, passives, detractors = 7, 2, 6
    n = promoters + passives + detractors
    p, d = promoters / n, detractors / n
    margin = 100 * 1.959963984540054 * math.sqrt((p + d - (p - d) ** 2) / n)
    assert (both["answers"], both["promoters"], both["passives"], both["detractors"]) == (
        n,
        promoters,
        passives,
        detractors,
    )
    assert both["nps"] == round(100 * (promoters - detractors) / n, 1) == 6.7
    assert both["margin_of_error"] == round(margin, 1)
    assert both["previous"]["answers"] == 4 and both["previous"]["nps"] == 0.0
    assert both["change"] == 6.7
    assert both["flagged"] == 1  # counted apart, out of the NPS
    assert both["distribution"] == {
        "0": 1,
        "1": 1,
        "2": 1,
        "3": 1,
        "4": 1,
        "5": 0,
        "6": 1,
        "7": 1,
        "8": 1,
        "9": 4,
        "10": 3,
    }
    assert both["reasons"]["detractor"] == [
        {"reason": "price", "count": 2},  # ties by name
        {"reason": "waiting_time", "count": 2},
    ]
    assert both["reasons"]["promoter"] == [
        {"reason": "speed", "count": 2},
        {"reason": "price", "count": 1},
    ]
    assert both["by_weekday"][0]["answers"] == 2  # Monday the 16th: two at centro
    assert both["by_hour"][13]["answers"] == 3  # local hours, each kiosk's own offset
    assert both["by_hour"][23]["answers"] == 1
    assert [c["comment"] for c in both["comments"]] == ["muy lento", "lento", "caro", "rápido"]
    centro = stats("site=centro")
    assert (centro["answers"], centro["nps"]) == (10, 40.0)
    playa = stats("kiosk=b")
    assert (playa["answers"], playa["nps"]) == (5, -60.0)
    weekly = client.get(
        "/v1/api/stats?since=2026-11-09&until=2026-11-22&granularity=week", headers=OWNER
    ).get_json()
    assert [(t["start"], t["answers"]) for t in weekly["trend"]] == [
        ("2026-11-09", 4),
        ("2026-11-16", 15),
    ]
    daily = stats("granularity=day")
    assert len(daily["trend"]) == 7 and daily["trend"][0]["answers"] == 2
    with_flagged = stats("include_flagged=1")
    assert with_flagged["answers"] == 16 and with_flagged["distribution"]["0"] == 2
    assert (
        client.get("/v1/api/stats?since=2026-11-22&until=2026-11-16", headers=OWNER).status_code
        == 400
    )
    assert client.get("/v1/api/stats?since=yesterday", headers=OWNER).status_code == 400
    store.close()


def test_kiosks_needing_attention(migrated_url, tmp_path):
    now = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
    clock = [now]
    store, app = central(migrated_url, now=lambda: clock[0])
    client = app.test_client()
    store.change("add-area", "t", "Sur")
    store.change("add-site", "t", "centro", "Sur")
    quiet = store.change("add-kiosk", "t", "quiet", "centro")
    gappy = store.change("add-kiosk", "t", "gappy", "centro")
    well = store.change("add-kiosk", "t", "well", "centro")

    def send(token, kiosk, seqs):
        body = {
            "kiosk": {"id": kiosk, "site": "centro", "app_version": "2.0"},
            "answers": [_answer(s, 9, "2026-11-25T08:00:00-03:00") for s in seqs],
            "sent_at": (clock[0] + timedelta(seconds=30)).isoformat(),
        }
        assert (
            client.post(
                "/v1/answers", json=body, headers={"Authorization": f"Bearer {token}"}
            ).status_code
            == 200
        )

    send(quiet, "quiet", [1, 2])
    send(gappy, "gappy", [1, 2, 5])
    send(well, "well", [1])
    clock[0] = now + timedelta(hours=1, minutes=30)
    send(well, "well", [2])
    send(gappy, "gappy", [6])  # still missing 3-4, opened 90 minutes ago
    clock[0] = now + timedelta(hours=3)
    send(well, "well", [3])
    send(gappy, "gappy", [7])
    listed = client.get("/v1/api/kiosks?attention=1", headers=OWNER).get_json()["kiosks"]
    assert {k["id"]: k["attention"] for k in listed} == {"quiet": ["silent"], "gappy": ["gap"]}
    gap = next(k for k in listed if k["id"] == "gappy")
    assert gap["gaps"] == [{"from": 3, "to": 4}] and gap["missing"] == 2
    assert gap["app_version"] == "2.0" and gap["clock_skew_seconds"] == 30.0
    every = client.get("/v1/api/kiosks", headers=OWNER).get_json()["kiosks"]
    assert [k["id"] for k in every] == ["gappy", "quiet", "test-kiosk", "well"]
    # A gap that closes is no longer a concern.
    send(gappy, "gappy", [3, 4])
    listed = client.get("/v1/api/kiosks?attention=1", headers=OWNER).get_json()["kiosks"]
    assert [k["id"] for k in listed] == ["quiet"]
    store.close()
    if "://" not in migrated_url:
        shown = subprocess.run(
            [
                sys.executable,
                "-m",
                "kiosk",
                "endpoint",
                "kiosks",
                "--attention",
                "--json",
                "--db",
                migrated_url,
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert shown.returncode == 0, shown.stderr
        assert [k["id"] for k in json.loads(shown.stdout)] == ["gappy", "quiet", "well"]
