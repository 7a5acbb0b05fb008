from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured


class HubConfig(AppConfig):
    name = "safepost.hub"
    label = "hub"
    verbose_name = "safepost hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A wrong language setting stops the hub at start (however it is served), naming it.
        from safepost.language.model import language_settings_problem

        problem = language_settings_problem()
        if problem is not None:
            raise ImproperlyConfigured(problem)
