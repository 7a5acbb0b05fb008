from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from safepost.hub import api, views

app_name = "hub"

urlpatterns = [
    path("", views.home, name="home"),
    path("health", views.health, name="health"),
    path("login", views.login_view, name="login"),
    path("logout", views.logout_view, name="logout"),
    path("second-factor", views.second_factor_view, name="second_factor"),
    path("schools/<int:school_id>/compose", views.compose, name="compose"),
    path("schools/<int:school_id>/check", views.check_fragment, name="check_fragment"),
    path("schools/<int:school_id>/audit", views.audit_log, name="audit"),
    path("schools/<int:school_id>/crisis-lock", views.crisis_lock, name="crisis_lock"),
    path("drafts/<int:draft_id>/", views.draft_detail, name="draft"),
    path("drafts/<int:draft_id>/download", views.draft_download, name="draft_download"),
    path("self-check", views.self_check, name="self_check"),
    path("account/api-token", views.api_token, name="api_token"),
    path("notifications/read", views.notifications_read, name="notifications_read"),
    path("api/check", api.check_view, name="api_check"),
    path("api/drafts", api.drafts_view, name="api_drafts"),
    path("api/drafts/<int:draft_id>", api.draft_view, name="api_draft"),
    path("api/drafts/<int:draft_id>/submit", api.submit_view, name="api_submit"),
    path("api/drafts/<int:draft_id>/approve", api.approve_view, name="api_approve"),
    path("api/drafts/<int:draft_id>/return", api.return_view, name="api_return"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
]
