"""The `safepost` command: check posts, list policy packs, measure quality, run the demo."""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from safepost.contract import KINDS, PLATFORMS
from safepost.engine import check_json, check_lines, check_lines_parallel, open_jsonl, result_line
from safepost.policy import BUILTIN_PACK_IDS, PackError, catalogue, resolve_pack
from safepost.report import render
from safepost.school import School, SchoolError, demo_school_dir, load_school, print_warnings

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _load_school_or_exit(directory: str | None) -> School:
    try:
        school = load_school(directory or demo_school_dir())
    except SchoolError as exc:
        print(f"safepost: bad school directory: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT) from exc
    print_warnings(school)
    return school


def _request_from_arguments(args: argparse.Namespace) -> dict[str, Any]:
    request: dict[str, Any] = {"id": "cli", "text": args.text or ""}
    for key in ("channel", "kind", "platform", "at", "device"):
        value = getattr(args, key)
        if value:
            request[key] = value
    if args.author:
        request["author"] = {"staff_id": args.author}
    if args.image:
        images = []
        for spec in args.image:
            path, _, pupils = spec.partition(":")
            images.append({"path": path, "pupils": [p for p in pupils.split(",") if p]})
        request["images"] = images
    if args.counterpart:
        counterpart: dict[str, Any] = {"kind": args.counterpart}
        if args.counterpart_pupil:
            counterpart["pupil_id"] = args.counterpart_pupil
        if args.relative:
            counterpart["relative"] = True
        request["counterpart"] = counterpart
    profile = {
        key: getattr(args, f"profile_{key}")
        for key in ("handle", "display_name", "bio", "email", "visibility")
        if getattr(args, f"profile_{key}")
    }
    if profile:
        request["profile"] = profile
        request.setdefault("kind", "profile")
    return request


def _command_check(args: argparse.Namespace) -> int:
    school = _load_school_or_exit(args.school)
    if args.jsonl:
        return _check_stream(args, school)
    if args.text is None and not args.profile_handle and not args.image and not args.counterpart:
        print("safepost check: give a post text, or --jsonl FILE (see --help)", file=sys.stderr)
        return EXIT_BAD_INPUT
    request = _request_from_arguments(args)
    result = check_json(request, school, explain=args.explain)
    if args.json:
        print(result_line(result))
    else:
        colour = sys.stdout.isatty() and not args.no_colour
        print(render(result, request["text"], school.pack, colour=colour))
    return EXIT_OK


def _check_stream(args: argparse.Namespace, school: School) -> int:
    try:
        if args.jsonl == "-":
            # As a file is read: a line that is not UTF-8 is that line's error (engine.check_line).
            sys.stdin.reconfigure(errors="surrogateescape")  # type: ignore[union-attr]
        source: TextIO = sys.stdin if args.jsonl == "-" else open_jsonl(args.jsonl)
    except OSError as exc:
        print(f"safepost: cannot read {args.jsonl}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        out: TextIO = sys.stdout if not args.out or args.out == "-" else open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        print(f"safepost: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    # Files are split over the cores; standard input is read a line at a time, so an
    # interactive caller gets each answer as soon as its line is written.
    workers = args.workers if args.workers is not None else (
        1 if args.jsonl == "-" else min(4, os.cpu_count() or 1)
    )
    try:
        if workers > 1:
            for line in check_lines_parallel(source, school, workers=workers, source=args.jsonl):
                out.write(line + "\n")
                out.flush()
        else:
            for result in check_lines(source, school, source=args.jsonl):
                out.write(result_line(result) + "\n")
                out.flush()
    finally:
        if source is not sys.stdin:
            source.close()
        if out is not sys.stdout:
            out.close()
    return EXIT_OK


def _command_packs(args: argparse.Namespace) -> int:
    if args.action == "list":
        for pack_id in BUILTIN_PACK_IDS:
            pack = resolve_pack(pack_id)
            print(f"{pack.id:<16} {len(pack.rules):>3} rules  {pack.title} - {pack.organisation}")
        return EXIT_OK
    if not args.pack:
        print("safepost packs show: name a pack id or a pack file", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        pack = resolve_pack(args.pack, relative_to=Path.cwd())
    except PackError as exc:
        print(f"safepost: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"{pack.title} ({pack.id})" + (f", extends {pack.extends}" if pack.extends else ""))
    print(f"Organisation: {pack.organisation}")
    print(f"Status: {pack.status}; version {pack.version}; approved {pack.approval_date} by "
          f"{pack.approver}; owner {pack.owner}; review {pack.review_date}")
    for rule_id, rule in pack.rules.items():
        if args.kind and rule.kind != args.kind:
            continue
        origin = "" if rule.origin == "policy" else f" ({rule.origin.replace('_', ' ')})"
        print(f"\n{rule_id}  [{rule.severity}, {rule.kind}, {rule.applies_to}]{origin}")
        print(f"  {rule.summary}")
        print(f"  Clause {rule.clause}" + (f': "{rule.quote}"' if rule.quote else ""))
        if rule.parameters:
            print(f"  Parameters: {json.dumps(rule.parameters)}")
    return EXIT_OK


def _command_eval(args: argparse.Namespace) -> int:
    from safepost.quality import evaluate_cases, evaluate_exact, render_evaluation

    path = Path(args.cases)
    if not path.is_file():
        print(f"safepost eval: {path} not found", file=sys.stderr)
        return EXIT_BAD_INPUT
    evaluation = evaluate_exact(path) if args.exact else evaluate_cases(path)
    if args.json:
        print(json.dumps(evaluation.to_json(), indent=2))
    else:
        print(render_evaluation(evaluation, show_mistakes=args.mistakes))
    return EXIT_OK


def _command_demo(args: argparse.Namespace) -> int:
    school = _load_school_or_exit(None)
    print(f"safepost demo: {school.name} ({len(school.pupils)} pupils, {len(school.staff)} staff), "
          f"policy pack '{school.pack.id}' extending '{school.pack.extends}'.")
    print("Every name in the demo school is invented.\n")
    text = resources.files("safepost.demo").joinpath("requests.jsonl").read_text("utf-8")
    colour = sys.stdout.isatty() and not args.no_colour
    for line in text.splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        result = check_json(data, school)
        title = data.pop("title", data["id"])
        print("=" * 78)
        print(f"{title}  [{data.get('channel', 'personal')} {data.get('kind', 'post')}]")
        print(render(result, data.get("text", ""), colour=colour))
        print()
    return EXIT_OK


def _command_strip(args: argparse.Namespace) -> int:
    """A clean copy of each picture; a file that cannot be cleaned is reported, the rest go on."""
    from safepost.media import MediaError, strip_metadata

    sources = [Path(name) for name in args.pictures]
    if args.output and len(sources) > 1:
        print("safepost strip: --output names one file; use --into for several", file=sys.stderr)
        return EXIT_BAD_INPUT
    failed = 0
    for source in sources:
        if args.output:
            target = Path(args.output)
        else:
            folder = Path(args.into) if args.into else source.parent
            target = folder / f"{source.stem}.clean{source.suffix}"
        try:
            result = strip_metadata(source, target)
        except MediaError as exc:
            failed += 1
            message = str(exc)
            if args.json:
                print(json.dumps({"source": str(source), "error": message}))
            else:
                print(f"{source}: not cleaned: {message}", file=sys.stderr)
            continue
        if args.json:
            print(json.dumps(result.to_json()))
            continue
        found = result.had.to_json()
        place = f"{found['gps']['latitude']}, {found['gps']['longitude']}" if "gps" in found else ""
        described = "; ".join(
            f"{key}: {value}" for key, value in (
                ("location", place),
                ("serials", ", ".join(found.get("serials", {}).values())),
                ("owner", ", ".join(found.get("owners", {}).values())),
                ("times", ", ".join(found.get("times", {}).values())),
                ("device", found.get("device", "")),
            ) if value
        )
        removed = ", ".join(result.removed) or "nothing (it carried no hidden data)"
        print(f"{source} -> {target}: removed {removed}" + (f" [{described}]" if described else ""))
    return EXIT_BAD_INPUT if failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safepost",
        description="Check staff social media against a school's policy, offline.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check posts (JSON lines, or one text for people)")
    check.add_argument("text", nargs="?", help="a post to check, for a readable report")
    check.add_argument("--school", help="school directory (default: the built-in demo school)")
    check.add_argument("--jsonl", help="JSON Lines file of requests, or - for standard input")
    check.add_argument("--out", help="write results here (default: standard output)")
    check.add_argument("--workers", type=int, help="processes for a --jsonl file (default: cores, up to 4)")
    check.add_argument("--channel", choices=("official", "personal"))
    check.add_argument("--kind", choices=KINDS)
    check.add_argument("--platform", choices=PLATFORMS)
    check.add_argument("--at", help="when it is posted, ISO 8601 with offset")
    check.add_argument("--device", choices=("school", "personal"))
    check.add_argument("--author", help="staff id of the author")
    check.add_argument("--image", action="append", metavar="PATH[:P1,P2]",
                       help="an image (relative to the school) and the pupils shown in it")
    check.add_argument("--counterpart", choices=("pupil", "former_pupil", "parent", "colleague", "public"))
    check.add_argument("--counterpart-pupil", help="pupil id of the counterpart (or their child)")
    check.add_argument("--relative", action="store_true", help="the counterpart is a relative")
    for key in ("handle", "display_name", "bio", "email"):
        check.add_argument(f"--profile-{key.replace('_', '-')}", dest=f"profile_{key}")
    check.add_argument("--profile-visibility", choices=("public", "friends", "private"))
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.add_argument("--explain", action="store_true",
                       help="also list everything the detectors found (with --json)")
    check.add_argument("--no-colour", action="store_true")
    check.set_defaults(handler=_command_check)

    packs = commands.add_parser("packs", help="list the built-in policy packs, or show one")
    packs.add_argument("action", choices=("list", "show"))
    packs.add_argument("pack", nargs="?", help="pack id or pack file (for show)")
    packs.add_argument("--kind", help="only rules of this kind (content, profile, context, ...)")
    packs.set_defaults(handler=_command_packs)

    evaluate = commands.add_parser("eval", help="measure the checks on labelled cases")
    evaluate.add_argument("cases", help="JSON Lines file of labelled cases")
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("--mistakes", action="store_true", help="list every case that differs")
    evaluate.add_argument("--exact", action="store_true",
                          help="the exact detectors alone, without the language model")
    evaluate.set_defaults(handler=_command_eval)

    demo = commands.add_parser("demo", help="check the demo school's sample posts")
    demo.add_argument("--no-colour", action="store_true")
    demo.set_defaults(handler=_command_demo)

    serve = commands.add_parser("serve", help="run the school hub (web app) on this machine")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-demo", action="store_true", help="do not load the demo school")
    serve.add_argument("--threads", type=int, default=8)
    serve.set_defaults(handler=_command_serve)

    hub = commands.add_parser("hub", help="hub administration (Django management commands)",
                              add_help=False)
    hub.add_argument("arguments", nargs=argparse.REMAINDER)
    hub.set_defaults(handler=_command_hub)

    strip = commands.add_parser(
        "strip", help="write clean copies of pictures without location and other hidden data",
        description="Removes EXIF, XMP, IPTC and comments from JPEG, PNG and WebP pictures "
        "without re-encoding them: the picture itself is unchanged.")
    strip.add_argument("pictures", nargs="+", help="picture files")
    strip.add_argument("-o", "--output", help="the clean copy's file name (one picture only)")
    strip.add_argument("--into", help="folder for the clean copies (default: beside each picture)")
    strip.add_argument("--json", action="store_true", help="one JSON line per picture")
    strip.set_defaults(handler=_command_strip)

    rules = commands.add_parser("rules", help="list the rule catalogue's ids")
    rules.set_defaults(handler=lambda _args: _print_rules())
    return parser


def _prepare_hub(demo: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepost.hub.settings")
    if demo:
        os.environ.setdefault("SAFEPOST_DEMO", "1")
    try:
        import django
    except ImportError as exc:  # the hub is an optional part of the install
        raise SystemExit("safepost: the hub needs its extra packages: pip install 'safepost[hub]'") from exc
    django.setup()


WILDCARD_HOSTS = ("0.0.0.0", "", "::")


def served_address(host: str, port: int) -> str:
    """The address of a hub listening on `host`:`port`. One listening on every interface has
    no single address others use: this machine's loopback is given, and `safepost serve` asks
    for SAFEPOST_BASE_URL (the address staff open) so emailed links work elsewhere."""
    shown = "127.0.0.1" if host in WILDCARD_HOSTS else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def _command_serve(args: argparse.Namespace) -> int:
    demo = not args.no_demo
    _prepare_hub(demo)
    from django.conf import settings
    from django.core.management import call_command
    from waitress import serve

    from safepost.hub.wsgi import application

    call_command("migrate", verbosity=0, interactive=False)
    if demo:
        from safepost.hub.demo import DEMO_PASSWORD, DEMO_PEOPLE, load_demo

        school = load_demo()
        print(f"Demo mode: {school.name}, invented people. Sign in with one of these "
              f"(password '{DEMO_PASSWORD}'):")
        for person in DEMO_PEOPLE:
            extra = f"  authenticator key {person.totp_secret}" if person.totp_secret else ""
            print(f"  {person.username:<11} {person.role}{extra}")
    # Load the language model and every school's roster before the first visitor, not during.
    from safepost.hub.engine_bridge import engine_school, hub_registry
    from safepost.hub.models import School
    from safepost.language import warm_up

    warm_up(settings.SAFEPOST_LANGUAGE_MODEL, second_opinion=True)
    hub_registry()  # built once here, not by the first visitors at the same moment
    for school in School.objects.all():
        engine_school(school)
    address = served_address(args.host, args.port)
    if "SAFEPOST_BASE_URL" not in os.environ:
        # Links in emails point where this hub listens, unless an address was configured.
        settings.SAFEPOST_BASE_URL = address
        if args.host in WILDCARD_HOSTS:
            print(f"Links in emails will point at {address}; set SAFEPOST_BASE_URL to the address "
                  "staff open from their own computers.", flush=True)
    print(f"safepost hub: open {address}/  (Ctrl+C stops it)", flush=True)
    serve(application, host=args.host, port=args.port, threads=args.threads, _quiet=True)
    return EXIT_OK


def _command_hub(args: argparse.Namespace) -> int:
    _prepare_hub(demo=False)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["safepost hub", *args.arguments])
    return EXIT_OK


def _print_rules() -> int:
    for rule in catalogue()["rules"]:
        print(f"{rule['id']:<48} {rule['kind']:<9} {rule['applies_to']:<9} {rule['summary']}")
    return EXIT_OK


# The commands that check words: a wrong language setting is said once, before anything runs.
_CHECKING = frozenset({"check", "eval", "demo", "serve"})


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "command", None) in _CHECKING:
        from safepost.language.model import language_settings_problem

        problem = language_settings_problem()
        if problem is not None:
            print(f"safepost {args.command}: {problem}", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        code: int = args.handler(args)
    except BrokenPipeError:
        # The reader went away (e.g. `safepost demo | head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
