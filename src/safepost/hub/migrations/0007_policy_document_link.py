"""Where staff read a policy version before they sign it: a link to the policy document."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("hub", "0006_page_comments"),
    ]

    operations = [
        migrations.AddField(
            model_name="policyversion",
            name="document_link",
            field=models.CharField(blank=True, default="", max_length=500),
        ),
    ]
