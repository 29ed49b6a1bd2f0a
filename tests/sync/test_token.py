"""One token loader for the sync, ``kiosk sync`` and the admin's connection test."""

from __future__ import annotations

import os

import pytest

from kiosk.sync.token import TokenError, clean_token, load_token


def _private(path, text):
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def test_token_from_a_file_relative_to_the_config(tmp_path):
    _private(tmp_path / "token.txt", "abc123\n")
    assert load_token("", "token.txt", tmp_path) == "abc123"
    assert load_token("  xyz ", "", tmp_path) == "xyz"
    assert load_token("", "", tmp_path) == ""
    with pytest.raises(TokenError, match="cannot read"):
        load_token("", "missing.txt", tmp_path)


def test_a_token_file_in_the_home_folder_is_found(tmp_path, monkeypatch):
    # Issue 8: "~/kiosk-token" failed the connection test while the sync found it.
    monkeypatch.setenv("HOME", str(tmp_path))
    _private(tmp_path / "kiosk-token", "  s3cret  \n")
    assert load_token("", "~/kiosk-token", None) == "s3cret"


def test_spaces_around_a_typed_token_are_dropped_the_same_way():
    assert clean_token("  s3cret\t") == load_token("  s3cret\t", "", None) == "s3cret"


@pytest.mark.parametrize("text", ["two\ntokens", "with space", "tab\tinside", "ünïcode"])
def test_what_is_not_one_bearer_token_is_refused(text):
    with pytest.raises(TokenError, match="not a single bearer token"):
        clean_token(text)


def test_a_file_of_many_lines_is_refused_without_showing_it(tmp_path):
    # Issue 9: token_file = "/etc/shadow" would have sent that file as a token.
    path = _private(tmp_path / "shadow", "admin:$6$hashhash:19000:0:99999:7:::\ndaemon:*:19000::\n")
    with pytest.raises(TokenError, match="one token on one line") as refused:
        load_token("", str(path), None)
    assert "hashhash" not in str(refused.value)


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_token_file_others_can_read_is_refused(tmp_path):
    path = tmp_path / "token.txt"
    path.write_text("abc123\n", encoding="utf-8")
    path.chmod(0o644)
    with pytest.raises(TokenError, match="readable by other users"):
        load_token("", str(path), None)


def test_a_folder_is_not_a_token_file(tmp_path):
    with pytest.raises(TokenError, match="not a regular file"):
        load_token("", str(tmp_path), None)


def test_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "blob"
    path.write_bytes(b"\xff\xfe\x00garbage")
    path.chmod(0o600)
    with pytest.raises(TokenError, match="not text"):
        load_token("", str(path), None)
