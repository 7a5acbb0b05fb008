from django.core.management.base import BaseCommand

from safepost.hub.demo import load_demo


class Command(BaseCommand):
    help = "Create the demo trust, school, people and drafts (once)."

    def handle(self, *args: object, **options: object) -> None:
        school = load_demo()
        self.stdout.write(f"demo school ready: {school.name}")
