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


def test_a_full_disk_gets_one_line_on_stderr_not_a_traceback_per_log_line(
    small_disk, capsys, monkeypatch
):
    """A day on a full disk: the standard handler would print a traceback for each line it
    cannot write. Once the disk takes lines again, the file says how many met it."""
    import logging

    from helpers.disks import fill

    from kiosk.logs import setup_logging

    log_file = setup_logging(small_disk, console=False)
    log = logging.getLogger("kiosk.test")
    log.info("before the disk filled")
    fill(small_disk)
    try:
        for number in range(200):
            log.info("line %d %s", number, "x" * 200)
        err = capsys.readouterr().err
        assert "Logging error" not in err and "Traceback" not in err
        assert err.count("cannot write the log file") == 1 and str(log_file) in err
    finally:
        (small_disk / "filler.bin").unlink()
    log.info("after")
    for handler in logging.getLogger("kiosk").handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "met a disk that refused them" in text and text.rstrip().endswith("after")
    assert capsys.readouterr().err == ""
    setup_logging(None, console=False)  # let go of the file on the small disk


def test_logging_never_raises_when_stderr_is_on_the_full_disk_too(small_disk, monkeypatch):
    """stderr redirected to a file on the same full disk (or a closed pipe): a log call in
    the recorder must still return, in front of the guest."""
    import io
    import logging
    import sys

    from helpers.disks import fill

    from kiosk.logs import setup_logging

    class Refusing(io.TextIOBase):
        def write(self, text):
            raise OSError(28, "No space left on device")

    setup_logging(small_disk, console=False)
    monkeypatch.setattr(sys, "stderr", Refusing())
    fill(small_disk)
    try:
        for number in range(20):
            logging.getLogger("kiosk.test").error("line %d", number)
    finally:
        (small_disk / "filler.bin").unlink()
        setup_logging(None, console=False)
