"""Messages written before 0003 that link to a draft, a case or an approved contact belong to
that record's school. 0003 filled in only links to a school's own pages, so older approval
and case messages were left out of the school's subject access exports."""

import re

from django.db import migrations

RECORD_LINKS = (
    (re.compile(r"^/drafts/(\d+)/"), "Draft"),
    (re.compile(r"^/cases/(\d+)"), "Case"),
    (re.compile(r"^/contact/approved/(\d+)"), "ApprovedContact"),
)


def school_from_record(apps, schema_editor):  # type: ignore[no-untyped-def]
    notification = apps.get_model("hub", "Notification")
    for note in notification.objects.filter(school__isnull=True).only("pk", "link"):
        for pattern, model_name in RECORD_LINKS:
            found = pattern.match(note.link)
            if found is None:
                continue
            school_id = (apps.get_model("hub", model_name).objects.filter(pk=int(found.group(1)))
                         .values_list("school_id", flat=True).first())
            if school_id is not None:
                notification.objects.filter(pk=note.pk).update(school_id=school_id)
            break


class Migration(migrations.Migration):

    dependencies = [
        ('hub', '0003_notification_school'),
    ]

    operations = [
        migrations.RunPython(school_from_record, migrations.RunPython.noop),
    ]
