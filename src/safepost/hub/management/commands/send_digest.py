from django.core.management.base import BaseCommand

from safepost.hub.actions_email import do_send_digests


class Command(BaseCommand):
    help = "Email the daily digest to everyone who chose it (run once a day, e.g. from cron)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"digests sent: {do_send_digests()}")
