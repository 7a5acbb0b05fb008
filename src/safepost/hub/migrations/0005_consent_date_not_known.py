"""A consent decision's date may be unknown. The consent marked in the school directory when the
register was started has no decision date; it was stored with the day the register was started,
which made it look newer than a parent's real, earlier decision entered afterwards (the current
consent is the decision with the latest date). Those records now say the date is not known: when
they were recorded is still in `recorded_at`."""

from django.db import migrations, models

DIRECTORY_SOURCE = "school directory (pupils.csv)"


def directory_dates_unknown(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("hub", "ConsentRecord").objects.filter(source=DIRECTORY_SOURCE).update(date=None)


class Migration(migrations.Migration):

    dependencies = [
        ('hub', '0004_notification_school_from_records'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='consentrecord',
            options={'ordering': [models.OrderBy(models.F('date'), descending=True, nulls_last=True), '-pk']},
        ),
        migrations.AlterField(
            model_name='consentrecord',
            name='date',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.RunPython(directory_dates_unknown, migrations.RunPython.noop),
    ]
