"""Command line: argument parsing, output, and the one place errors become exit codes."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from assistant import __version__
from assistant.app import context, open_backend
from assistant.config import CONFIG_ENV, Config, default_config_path, load_config, resolve_config_path
from assistant.cycle import CycleReport, run_cycle
from assistant.errors import AssistantError, InputError
from assistant.extract import extract_facts
from assistant.lock import exclusive
from assistant.model import facts_to_json
from assistant.parse import UnparsableMessage, parse_message
from assistant.status import as_csv, as_json, as_table, status_rows
from assistant.store import Store

log = logging.getLogger("assistant")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Watches your mailbox for interviews and places thank-you and follow-up drafts. Never sends.",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help=f"config file (default: ${CONFIG_ENV}, else {default_config_path()})",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug detail")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="watch the mailbox (or one cycle with --once)")
    run.add_argument("--once", action="store_true", help="run one cycle and exit")
    run.add_argument("--now", metavar="ISO-8601", help="evaluate the policy as if it were this time")
    run.add_argument("--dry-run", action="store_true", help="print the drafts it would place; change nothing")

    status = commands.add_parser("status", help="the tracked interviews and what is due next")
    fmt = status.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON")
    fmt.add_argument("--csv", action="store_true", help="print CSV for a spreadsheet")
    status.add_argument("--now", metavar="ISO-8601", help="show the plan as of this time")

    inspect = commands.add_parser("inspect", help="classify and extract one .eml file, offline")
    inspect.add_argument("file", type=Path)
    inspect.add_argument("--json", action="store_true", help="print the facts as JSON")
    inspect.add_argument(
        "--owner", metavar="EMAIL", help="the mailbox owner (default: config, else the To address)"
    )

    evaluate = commands.add_parser("eval", help="score the extraction on a labelled directory")
    evaluate.add_argument("directory", type=Path, help="*.eml files and a labels.json")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")

    auth = commands.add_parser("auth", help='sign in to Gmail (backend = "gmail") and store the token')
    auth.add_argument(
        "--port", type=int, default=8765, help="loopback port for Google's redirect (default 8765)"
    )
    auth.add_argument(
        "--no-browser", action="store_true", help="print the address instead of opening a browser"
    )

    demo = commands.add_parser("demo", help="run the assistant on a sample mailbox and show what it does")
    demo.add_argument("--keep", metavar="DIR", type=Path, help="build the demo mailbox here and keep it")
    return parser


def _now(text: str | None, tz: tzinfo) -> datetime:
    """--now, read in the user's zone when it names none; else the real clock."""
    if not text:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"--now {text!r} is not an ISO-8601 time like 2026-12-03T17:00-05:00") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=tz)


def _progress_printer() -> object:
    last = [0.0]

    def progress(folder: str, done: int, total: int) -> None:
        if total >= 2000 and (time.monotonic() - last[0] > 2 or done == total):
            last[0] = time.monotonic()
            print(f"scanning {folder}: {done}/{total} messages", file=sys.stderr)

    return progress


def _describe(report: CycleReport, dry_run: bool, tz: tzinfo) -> str:
    lines = [f"Scanned {report.seen} new messages ({report.recorded} recorded, {report.skipped} skipped)."]
    if dry_run:
        lines.append(f"Dry run: {len(report.would_place)} draft(s) would be placed, nothing was changed.")
        for draft in report.would_place:
            lines += [
                "",
                f"--- To: {draft.recipient.email}",
                f"--- Subject: {draft.subject}",
                draft.body.rstrip(),
            ]
            lines += [f"--- check: {p}" for p in draft.problems]
        return "\n".join(lines)
    for draft in report.placed:
        lines.append(f"Placed a draft to {draft.recipient.email}: {draft.subject}")
        lines += [f"  check: {p}" for p in draft.problems]
    for draft in report.found:
        lines.append(f"Already in the mailbox (recorded now): draft to {draft.recipient.email}")
    if not report.placed and not report.found:
        lines.append("No drafts due.")
    return "\n".join(lines)


def _cycle_once(config: Config, now_text: str | None, dry_run: bool) -> str:
    ctx = context(config)
    tz = config.account.timezone
    now = _now(now_text, tz)
    with exclusive(config.state_path):
        store = Store.open(config.state_path)
        work = store.copy_in_memory() if dry_run else store
        try:
            with open_backend(config) as backend:
                report = run_cycle(work, backend, ctx, now, dry_run, _progress_printer())  # type: ignore[arg-type]
        finally:
            store.close()
    return _describe(report, dry_run, tz)


def cmd_run(args: argparse.Namespace) -> int:
    config = load_config(resolve_config_path(args.config))
    if args.once or args.dry_run or args.now:
        print(_cycle_once(config, args.now, args.dry_run))
        return 0
    from assistant.daemon import run_forever

    run_forever(lambda: log.info(_cycle_once(config, None, False).replace("\n", " ")), config.poll_minutes)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    config = load_config(resolve_config_path(args.config))
    tz = config.account.timezone
    store = Store.open(config.state_path)
    try:
        rows = status_rows(store.tracker(), _now(args.now, tz), config.policy, store.draft_problems())
        skipped = store.skipped()
    finally:
        store.close()
    print(as_json(rows) if args.json else as_csv(rows, tz) if args.csv else as_table(rows, tz))
    if skipped and not (args.json or args.csv):
        print(f"\n{len(skipped)} message(s) could not be read and were skipped; the log names them.")
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    owner: tuple[str, ...] = ()
    if args.owner:
        owner = (args.owner.lower(),)
    elif args.config or os.environ.get(CONFIG_ENV):
        owner = tuple(load_config(resolve_config_path(args.config)).account.addresses)
    try:
        raw = args.file.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {args.file}: {error.strerror}") from None
    try:
        message = parse_message(raw)
    except UnparsableMessage:
        raise InputError(f"{args.file} is not an RFC 5322 message") from None
    facts = facts_to_json(extract_facts(message, owner))
    if args.json:
        print(json.dumps(facts, indent=2, ensure_ascii=False))
    else:
        for key, value in facts.items():
            print(
                f"{key:13} {json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value}"
            )
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from assistant.evaluation import evaluate_corpus, load_corpus, report

    scores = evaluate_corpus(load_corpus(args.directory))
    print(json.dumps(scores.summary(), indent=2) if args.json else report(scores))
    return 0


def cmd_auth(args: argparse.Namespace) -> int:
    from assistant.app import gmail_settings
    from assistant.mail.gmail_auth import sign_in

    config = load_config(resolve_config_path(args.config))
    sign_in(gmail_settings(config), args.port, not args.no_browser, print, str(config.path))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from assistant.demo.runner import run_demo

    return run_demo(args.keep, sys.stdout)


_COMMANDS = {
    "run": cmd_run,
    "status": cmd_status,
    "inspect": cmd_inspect,
    "eval": cmd_eval,
    "auth": cmd_auth,
    "demo": cmd_demo,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO if args.command == "run" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("imapclient").setLevel(logging.WARNING)
    try:
        code = _COMMANDS[args.command](args)
        sys.stdout.flush()
        return code
    except AssistantError as error:
        print(f"assistant: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away ("assistant eval DIR | head"): nothing of ours failed. Point stdout
        # at /dev/null so that flushing it at exit does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
