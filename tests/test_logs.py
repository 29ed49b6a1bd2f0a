"""Log lines never carry a secret, and the log file rotates in the data folder."""

from __future__ import annotations

import logging

from kiosk.logs import redact, setup_logging


def test_bearer_tokens_and_assignments_are_redacted():
    line = "POST /v1/answers Authorization: Bearer s3cr3t-T0ken.abc_123 token=abcdef123 pin: 2468"
    cleaned = redact(line)
    for secret in ("s3cr3t-T0ken.abc_123", "abcdef123", "2468"):
        assert secret not in cleaned
    assert "POST /v1/answers" in cleaned


def test_plain_sentences_about_tokens_survive():
    assert redact("missing bearer token") == "missing bearer token"


def test_file_log_is_redacted(tmp_path):
    log_file = setup_logging(tmp_path, "INFO", console=False)
    try:
        logging.getLogger("kiosk.sync").warning("sending with Bearer %s", "abcdefgh12345678")
    finally:
        setup_logging(None, console=False)
    text = log_file.read_text(encoding="utf-8")
    assert "abcdefgh12345678" not in text
    assert "[redacted]" in text
