"""Comments on the school's official pages, each with the engine's check of it, what the school
decided (kept, hidden, or with the DSL) and the safeguarding case opened for it, if any."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('hub', '0005_consent_date_not_known'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PageComment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('where', models.CharField(blank=True, default='', max_length=300)),
                ('commenter_kind', models.CharField(choices=[('parent', 'A parent or carer'), ('pupil', 'A pupil'), ('former_pupil', 'A former pupil'), ('public', 'A member of the public'), ('not_known', 'Not known')], max_length=20)),
                ('commenter_name', models.CharField(blank=True, default='', max_length=200)),
                ('text', models.TextField()),
                ('posted_at', models.DateTimeField(blank=True, null=True)),
                ('recorded_at', models.DateTimeField(auto_now_add=True)),
                ('verdict', models.CharField(default='allow', max_length=20)),
                ('findings', models.JSONField(blank=True, default=list)),
                ('status', models.CharField(choices=[('new', 'New'), ('kept', 'Kept'), ('hidden', 'Hidden'), ('dsl', 'With the DSL')], default='new', max_length=10)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('decision_note', models.TextField(blank=True, default='')),
                ('account', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='comments', to='hub.officialaccount')),
                ('case', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='page_comments', to='hub.case')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('school', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='page_comments', to='hub.school')),
            ],
            options={
                'ordering': ['-recorded_at', '-pk'],
            },
        ),
    ]
