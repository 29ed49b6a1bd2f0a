"""The ``kiosk`` argparse tree: options given once mean the same wherever they stand."""

from __future__ import annotations

import pytest

from kiosk.commands import main as cli


@pytest.mark.parametrize(
    "argv",
    [
        ["--windowed"],
        ["--windowed", "run"],
        ["run", "--windowed"],
    ],
)
def test_windowed_is_kept_before_or_after_run(argv):
    args = cli.build_parser().parse_args(argv)
    assert args.windowed is True


def test_fullscreen_by_default():
    assert cli.build_parser().parse_args(["run"]).windowed is False
    assert cli.build_parser().parse_args([]).windowed is False


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "/tmp/a", "export"],
        ["export", "--data-dir", "/tmp/a"],
    ],
)
def test_common_options_before_or_after_the_command(argv):
    args = cli.build_parser().parse_args(argv)
    assert args.data_dir == "/tmp/a"
    assert args.config is None
    assert args.log_level == "INFO"


def test_an_option_after_the_command_wins_over_the_same_before():
    args = cli.build_parser().parse_args(["--log-level", "ERROR", "stats", "--log-level", "DEBUG"])
    assert args.log_level == "DEBUG"


def test_self_test_with_another_command_is_refused(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--self-test", "export"])
    assert exited.value.code == 2
    assert "--self-test runs on its own" in capsys.readouterr().err


def test_every_command_has_a_module_with_main():
    import importlib

    parser = cli.build_parser()
    choices = next(a for a in parser._actions if a.dest == "command").choices
    assert set(choices) == set(cli.HANDLERS)
    for module in cli.HANDLERS.values():
        assert callable(importlib.import_module(module).main)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--windowed"],
        ["run"],
        ["--windowed", "run"],
        ["run", "--windowed", "--log-level", "DEBUG"],
        ["--data-dir", "/tmp/a", "--set", "run", "--config=/tmp/k.toml", "run"],
        ["--log-level", "ERROR", "run", "--log-level", "DEBUG"],
    ],
)
def test_the_guest_app_alone_parses_as_with_the_whole_tree(argv):
    """``kiosk`` and ``kiosk run`` build only the top and ``run`` (issue 13): same answer."""
    alone = cli.build_parser(argv)
    assert set(next(a for a in alone._actions if a.dest == "command").choices) == {"run"}
    assert vars(alone.parse_args(argv)) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["export"],
        ["--data-dir", "/tmp/a", "stats"],
        ["--data", "/tmp/a"],  # an abbreviation: its value looks like a command
        ["--help"],
        ["run", "-h"],
        ["exprot"],  # a typo still lists every command
        ["--", "run"],
    ],
)
def test_any_other_command_line_gets_the_whole_tree(argv):
    parser = cli.build_parser(argv)
    choices = next(a for a in parser._actions if a.dest == "command").choices
    assert set(choices) == set(cli.HANDLERS)
