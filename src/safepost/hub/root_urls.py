from django.urls import include, path

urlpatterns = [path("", include("safepost.hub.urls"))]
