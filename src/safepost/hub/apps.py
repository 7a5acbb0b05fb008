from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "safepost.hub"
    label = "hub"
    verbose_name = "safepost hub"
    default_auto_field = "django.db.models.BigAutoField"
