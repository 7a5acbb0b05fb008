from django.core.management.base import BaseCommand

from safepost.hub.actions_email import do_send_governance_reminders


class Command(BaseCommand):
    help = "Remind staff to sign the policy and tell headteachers what needs attention (run weekly)."

    def handle(self, *args: object, **options: object) -> None:
        counts = do_send_governance_reminders()
        self.stdout.write(
            f"reminded {counts['unsigned']} to sign; {counts['headteachers']} headteacher(s) told"
        )
