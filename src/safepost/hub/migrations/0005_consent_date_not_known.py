"""A consent decision's date may be unknown. The consent marked in the school directory when the
register was started has no decision date; it was stored with the day the register was started,
which made it look newer than a parent's real, earlier decision entered afterwards (the current
consent is the decision with the latest date). Those records now say the date is not known: when
they were recorded is still in `recorded_at`.

That changes which decision is current where a parent's earlier form was entered after the
register was started, so each pupil's stored consent is then set again from its current decision
(as `actions_consent._decide` sets it): the latest date, an unknown date the oldest, then the
latest entered."""

import secrets

from django.db import migrations, models

DIRECTORY_SOURCE = "school directory (pupils.csv)"
KINDS = ("photo", "name")


def directory_dates_unknown(apps, schema_editor):  # type: ignore[no-untyped-def]
    ConsentRecord = apps.get_model("hub", "ConsentRecord")
    RegisterPupil = apps.get_model("hub", "RegisterPupil")
    School = apps.get_model("hub", "School")
    ConsentRecord.objects.filter(source=DIRECTORY_SOURCE).update(date=None)
    # Each pupil's current decision per kind: the first of theirs in this order.
    current: dict[tuple[int, str], bool] = {}
    decisions = ConsentRecord.objects.order_by(
        "pupil_id", "kind", models.F("date").desc(nulls_last=True), "-pk"
    ).values_list("pupil_id", "kind", "given")
    for pupil_id, kind, given in decisions.iterator():
        current.setdefault((pupil_id, kind), given)
    changed_schools = set()
    for pupil in RegisterPupil.objects.order_by("pk").iterator():
        # A kind with no decision at all stays as it is.
        wanted = {f"{kind}_consent": current[pupil.pk, kind] for kind in KINDS if (pupil.pk, kind) in current}
        fields = [name for name, given in wanted.items() if getattr(pupil, name) != given]
        if fields:
            for name in fields:
                setattr(pupil, name, wanted[name])
            pupil.save(update_fields=[*fields, "updated_at"])
            changed_schools.add(pupil.school_id)
    for school_id in changed_schools:  # the checks re-read the register of a school whose consent changed
        School.objects.filter(pk=school_id).update(register_stamp=secrets.token_hex(8))


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
