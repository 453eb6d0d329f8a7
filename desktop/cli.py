"""The `offduty` command: opens the app, or audits exports without a window (`offduty scan`).

Exit status (contract): 0 the audit ran; 2 usage error; 3 no input could be read as an export;
1 anything else, with a one-line message and no traceback unless OFFDUTY_DEBUG=1.
Progress goes to standard error, never into `--json -`. Qt is imported only for the window and
for PDF output. Help, prompts and lines on standard error are said through the words catalogue
(`[cli]` in resources/words/en-GB.toml; argparse's own "usage:" and "--help" lines are its own).
Every output is said by the disclosure policy (`checks.report.disclosure`) and every file is
written by the one private writer (`checks.store.files`), never over an input being read. No
line printed here carries a control character from an export.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from checks.errors import NoReadableInput, OffdutyError
from checks.progress import Progress, Stage
from checks.records import Message, Report, msg
from checks.report.masking import safe_text
from checks.report.words import say
from checks.version import __version__

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
SUBCOMMANDS = ("scan", "show", "formats", "advice")
PASSPHRASE_ENV = "OFFDUTY_PASSPHRASE"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"offduty: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _words(message: Message) -> str:
    """A help text in the person's language, safe for argparse (which %-formats help)."""
    return say(message).replace("%", "%%")


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", metavar="FILE", help=_words(msg("cli.help.json")))
    parser.add_argument("--html", metavar="FILE", help=_words(msg("cli.help.html")))
    parser.add_argument("--pdf", metavar="FILE", help=_words(msg("cli.help.pdf")))
    parser.add_argument("--reveal", action="store_true", help=_words(msg("cli.help.reveal")))
    parser.add_argument("--name", metavar="NAME", help=_words(msg("cli.help.name")))
    parser.add_argument("--quiet", action="store_true", help=_words(msg("cli.help.quiet")))


def build_parsers() -> dict[str, argparse.ArgumentParser]:
    top = _Parser(prog="offduty", description=say(msg("cli.help.offduty")), epilog=say(msg("cli.help.commands")))
    top.add_argument("--version", action="version", version=f"offduty {__version__}")
    top.add_argument("--demo", action="store_true", help=_words(msg("cli.help.demo_app")))
    top.add_argument("--screenshot", metavar="DIR", help=_words(msg("cli.help.screenshot")))
    top.add_argument("--welfare", action="store_true", help=_words(msg("cli.help.welfare")))
    top.add_argument("paths", nargs="*", type=Path, help=_words(msg("cli.help.app_paths")))

    scan = _Parser(prog="offduty scan", description=say(msg("cli.help.scan")))
    scan.add_argument("paths", nargs="*", type=Path, metavar="PATH", help=_words(msg("cli.help.scan_paths")))
    scan.add_argument("--demo", action="store_true", help=_words(msg("cli.help.demo_scan")))
    scan.add_argument("--url", action="append", default=[], metavar="URL", help=_words(msg("cli.help.url")))
    scan.add_argument("--save", metavar="FILE", help=_words(msg("cli.help.save")))
    scan.add_argument("--passphrase", action="store_true",
                      help=_words(msg("cli.help.passphrase", env=PASSPHRASE_ENV)))
    scan.add_argument("--ocr", action="store_true", help=_words(msg("cli.help.ocr")))
    _output_options(scan)

    show = _Parser(prog="offduty show", description=say(msg("cli.help.show")))
    show.add_argument("file", type=Path, metavar="FILE")
    _output_options(show)

    formats = _Parser(prog="offduty formats", description=say(msg("cli.help.formats")))
    formats.add_argument("--json", action="store_true", help=_words(msg("cli.help.as_json")))

    advice = _Parser(prog="offduty advice", description=say(msg("cli.help.advice")))
    advice.add_argument("--json", action="store_true", help=_words(msg("cli.help.as_json")))
    advice.add_argument("--platform", help=_words(msg("cli.help.platform")))
    return {"top": top, "scan": scan, "show": show, "formats": formats, "advice": advice}


class _ProgressPrinter:
    """Percentage lines (or a bar on a terminal) on standard error."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.last = -1

    def __call__(self, p: Progress) -> None:
        pct = int(p.fraction * 100)
        stage = say(p.stage.message)
        label = safe_text(p.input_label)
        if self.tty:
            bar = "#" * (pct // 4)
            label = (label or stage)[:40]
            self.stream.write(f"\r[{bar:<25}] {pct:3d}% {stage}: {label:<40}")
            if p.stage is Stage.DONE:
                self.stream.write("\n")
            self.stream.flush()
        elif pct // 10 != self.last // 10 or p.stage is Stage.DONE:
            self.last = pct
            self.stream.write(f"offduty: {pct}% {stage} {label}".rstrip() + "\n")
            self.stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _protect_process()
    try:
        return _dispatch(args)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else EXIT_USAGE if code else EXIT_OK
    except NoReadableInput as exc:
        _say_error(str(exc))
        return EXIT_UNREADABLE
    except OffdutyError as exc:
        _say_error(str(exc))
        return exc.exit_status
    except KeyboardInterrupt:
        _say_error(say(msg("cli.interrupted")))
        return EXIT_ERROR
    except BrokenPipeError:  # `offduty formats | head`: the reader went away; say nothing more
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_ERROR
    except Exception as exc:  # the contract: one line, no traceback unless asked
        if os.environ.get("OFFDUTY_DEBUG") == "1":
            from desktop.logging_setup import debug_traceback

            sys.stderr.write(debug_traceback(exc))  # frames and code, values from the exports hidden
        from desktop.logging_setup import redact_error

        _say_error(say(msg("cli.unexpected", error=type(exc).__name__, detail=redact_error(str(exc)))))
        return EXIT_ERROR


def _say_error(text: str) -> None:
    """One line on standard error, with nothing from an export able to drive the terminal."""
    sys.stderr.write("offduty: " + safe_text(text) + "\n")


def _protect_process() -> None:
    """No core dumps; logging through the evidence filter (unless the caller set up logging)."""
    import logging

    from desktop.logging_setup import configure_logging, harden_process

    harden_process()
    if not logging.getLogger().handlers:
        configure_logging(verbose=os.environ.get("OFFDUTY_DEBUG") == "1")


def _dispatch(args: list[str]) -> int:
    parsers = build_parsers()
    if args and args[0] in SUBCOMMANDS:
        command, rest = args[0], args[1:]
        ns = parsers[command].parse_args(rest)
        return {"scan": _scan, "show": _show, "formats": _formats, "advice": _advice}[command](ns)
    ns = parsers["top"].parse_args(args)
    if ns.screenshot and not ns.demo:
        parsers["top"].error(say(msg("cli.usage.screenshot_needs_demo")))
    from desktop.app import run_app  # Qt only from here on

    return run_app(paths=[Path(p) for p in ns.paths], demo=ns.demo, screenshot_dir=ns.screenshot,
                   welfare=ns.welfare)


def ask_passphrase(prompt: Message, confirm: bool = False) -> str:
    """Ask for a passphrase on the terminal (twice when `confirm`); a clear error without one."""
    from checks.store.vault import PassphraseNeeded, VaultError

    if not (sys.stdin and sys.stdin.isatty()):
        raise PassphraseNeeded(msg("cli.no_terminal", env=PASSPHRASE_ENV))
    try:
        first = getpass.getpass(say(prompt))
        if confirm and getpass.getpass(say(msg("cli.prompt.again"))) != first:
            raise VaultError(msg("vault.passphrase_mismatch"))
    except (EOFError, KeyboardInterrupt):
        raise PassphraseNeeded(msg("cli.no_passphrase")) from None
    return first


def passphrase_for_saving(*, force: bool = False) -> str | None:
    """The passphrase to lock a new audit with, or None to use the keyring.

    OFFDUTY_PASSPHRASE, else asked on the terminal when `force` (the person chose a passphrase)
    or when there is no usable keyring. Called before a long scan, so asking comes first.
    """
    from checks.store.vault import check_passphrase, keyring_backend

    phrase = os.environ.get(PASSPHRASE_ENV) or None
    if phrase is None and (force or keyring_backend() is None):
        prompt = msg("cli.prompt.choose") if force else msg("cli.prompt.choose_no_keyring")
        phrase = ask_passphrase(prompt, confirm=True)
    return check_passphrase(phrase) if phrase is not None else None


def passphrase_for_opening(path: Path) -> str | None:
    """The passphrase a saved audit needs (OFFDUTY_PASSPHRASE, else asked), or None for a keyring one."""
    from checks.store.vault import needs_passphrase

    if not needs_passphrase(path):
        return None
    return os.environ.get(PASSPHRASE_ENV) or ask_passphrase(msg("cli.prompt.open"))


def _scan(ns: argparse.Namespace) -> int:
    from checks.exports.demo import demo_paths
    from checks.pipeline import audit

    paths: list[Path] = list(ns.paths)
    if ns.demo:
        paths = [*demo_paths(), *paths]
    if not paths and not ns.url:
        build_parsers()["scan"].error(say(msg("cli.usage.need_input")))
    if ns.passphrase and not ns.save:
        build_parsers()["scan"].error(say(msg("cli.usage.passphrase_needs_save")))
    passphrase = None
    if ns.save:  # a passphrase, when one is needed, is asked before the scan, not after minutes of work
        passphrase = passphrase_for_saving(force=ns.passphrase)
    extra_items = None
    extra_inputs: list = []
    if ns.url:
        from checks.web.profile import check_urls

        extra_inputs, extra_items = check_urls(ns.url, progress=None if ns.quiet else sys.stderr)
    progress = None if ns.quiet else _ProgressPrinter(sys.stderr)
    if ns.ocr:
        from checks.readers.ocr import available

        if not available():
            raise OffdutyError(msg("cli.ocr_missing"))
    report = audit(paths, progress=progress or (lambda p: None), extra_items=extra_items,
                   extra_inputs=extra_inputs, ocr=ns.ocr)
    from desktop.logging_setup import remember_report

    remember_report(report)  # from here on, no log line can show what the audit found
    _write_outputs(report, ns, protect=paths)
    if ns.save:
        from checks.store.vault import save_report

        where = save_report(report, Path(ns.save), passphrase=passphrase, protect=paths)
        if not ns.quiet:
            _say_error(say(msg("cli.saved", path=ns.save, where=where)))
    return EXIT_OK


def _show(ns: argparse.Namespace) -> int:
    from checks.store.vault import load_audit
    from desktop.logging_setup import remember_report

    saved = load_audit(ns.file, passphrase=passphrase_for_opening(ns.file))
    remember_report(saved.report)
    _write_outputs(saved.state.apply(saved.report), ns, protect=[ns.file])  # as left: ticks, dismissals
    return EXIT_OK


def _write_outputs(report: Report, ns: argparse.Namespace, protect: Sequence[Path] = ()) -> None:
    """The outputs asked for (the summary when none), all said by one disclosure policy."""
    from checks.report.disclosure import disclosure
    from checks.report.json_report import write_json
    from checks.report.summary import write_summary
    from checks.store.files import write_private_text

    d = disclosure(report, reveal=ns.reveal)
    wrote_any = False
    if ns.json:
        wrote_any = True
        if ns.json == "-":
            write_json(report, sys.stdout, d=d)
        else:
            write_private_text(Path(ns.json), lambda fh: write_json(report, fh, d=d), protect=protect)
    if ns.html:
        from checks.report.html_report import write_html

        wrote_any = True
        write_private_text(Path(ns.html), lambda fh: write_html(report, fh, reveal=ns.reveal, name=ns.name),
                           protect=protect)
    if ns.pdf:
        from desktop.printing import write_pdf  # Qt renders the PDF; no browser needed

        wrote_any = True
        write_pdf(report, Path(ns.pdf), reveal=ns.reveal, name=ns.name, protect=protect)
    if not wrote_any:
        write_summary(report, sys.stdout, d=d)


def _formats(ns: argparse.Namespace) -> int:
    from checks.exports.formats import load_formats, write_formats_text

    formats = load_formats()
    if ns.json:
        import json

        json.dump([f.to_json() for f in formats], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        write_formats_text(formats, sys.stdout)
    return EXIT_OK


def _advice(ns: argparse.Namespace) -> int:
    from checks.assess.advice import default_catalogue
    from checks.report.advice_listing import write_advice_json, write_advice_text

    catalogue = default_catalogue()
    entries = [e for e in catalogue.entries.values() if not ns.platform or e.platform == ns.platform]
    if ns.json:
        write_advice_json(entries, sys.stdout)
    else:
        write_advice_text(entries, sys.stdout)
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
