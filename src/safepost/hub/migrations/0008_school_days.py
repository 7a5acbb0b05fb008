"""The school's holidays and INSET days set in the hub (the School days page), which checks count
on top of those in the school directory's school.yaml."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('hub', '0007_policy_document_link'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='SchoolClosure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('holiday', 'Holiday'), ('inset', 'INSET day')], max_length=10)),
                ('first_day', models.DateField()),
                ('last_day', models.DateField()),
                ('name', models.CharField(blank=True, default='', max_length=200)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('school', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='school_days', to='hub.school')),
            ],
            options={
                'ordering': ['first_day', 'last_day', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('last_day__gte', models.F('first_day'))), name='school_day_ends_after_it_starts'), models.UniqueConstraint(fields=('school', 'kind', 'first_day', 'last_day'), name='school_day_listed_once')],
            },
        ),
    ]
