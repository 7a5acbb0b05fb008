from django.core.management.base import BaseCommand, CommandError

from safepost.hub.audit import verify_chain


class Command(BaseCommand):
    help = "Check that no audit record has been changed, removed or reordered."

    def handle(self, *args: object, **options: object) -> None:
        report = verify_chain()
        if not report.ok:
            raise CommandError(
                f"audit chain broken at record {report.broken_at}: {report.reason} "
                f"({report.records} records read)"
            )
        self.stdout.write(f"audit chain intact: {report.records} records")
