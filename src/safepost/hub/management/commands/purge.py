from django.core.management.base import BaseCommand, CommandParser

from safepost.hub.actions_privacy import do_purge


class Command(BaseCommand):
    help = "Remove records older than their retention period (settings.RETENTION_DAYS) and log what went."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would be removed; remove nothing"
        )

    def handle(self, *args: object, **options: object) -> None:
        removed = do_purge(dry_run=bool(options["dry_run"]))
        verb = "would remove" if options["dry_run"] else "removed"
        for kind, ids in removed.items():
            self.stdout.write(f"{kind}: {verb} {len(ids)}")
