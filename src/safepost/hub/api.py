"""The REST API: the check contract as POST /api/check, drafts and approvals. Token or
session authentication; the OpenAPI schema is at /api/schema/."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from safepost.engine import check_json
from safepost.hub import actions
from safepost.hub.actions import ActionError
from safepost.hub.engine_bridge import engine_school, hub_registry
from safepost.hub.middleware import SESSION_KEY, needs_second_factor
from safepost.hub.models import Draft, OfficialAccount, School
from safepost.hub.permissions import NotAllowed, can, can_view_draft, schools_for


class SecondFactorPassed(BasePermission):
    """A session that has not passed the second factor may not use the API either."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if isinstance(request.successful_authenticator, SessionAuthentication):
            return bool(request.session.get(SESSION_KEY)) or not needs_second_factor(request.user)
        return True


API_PERMISSIONS = [IsAuthenticated, SecondFactorPassed]


class FindingSerializer(serializers.Serializer):
    rule = serializers.CharField()
    severity = serializers.CharField()
    policy = serializers.CharField()
    clause = serializers.CharField()
    message = serializers.CharField()
    evidence = serializers.CharField()
    start = serializers.IntegerField(required=False)
    end = serializers.IntegerField(required=False)
    fix = serializers.CharField()


class CheckResultSerializer(serializers.Serializer):
    id = serializers.CharField(allow_null=True)
    verdict = serializers.ChoiceField(choices=["allow", "advise", "review", "block", "escalate", "error"])
    findings = FindingSerializer(many=True)
    error = serializers.CharField(required=False)


class DraftSerializer(serializers.ModelSerializer):
    class Meta:
        model = Draft
        fields = ["id", "school", "account", "text", "pupils", "status", "verdict", "findings",
                  "created_at", "updated_at"]
        read_only_fields = ["status", "verdict", "findings", "created_at", "updated_at"]


class DraftInputSerializer(serializers.Serializer):
    school = serializers.IntegerField()
    text = serializers.CharField(allow_blank=True, max_length=100_000)
    pupils = serializers.ListField(child=serializers.CharField(max_length=40), required=False, max_length=200)
    account = serializers.IntegerField(required=False, allow_null=True)


class CommentSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, max_length=5000)


def _school_of(request: Request, school_id: Any) -> School:
    schools = schools_for(request.user)
    if school_id in (None, ""):
        if len(schools) != 1:
            raise ValidationError({"school": "required: you belong to more than one school"})
        return schools[0]
    chosen = next((s for s in schools if str(s.pk) == str(school_id)), None)
    if chosen is None:
        raise NotFound("no such school for you")
    return chosen


@extend_schema(
    request=inline_serializer("CheckRequest", fields={
        "id": serializers.CharField(), "text": serializers.CharField(allow_blank=True),
        "channel": serializers.ChoiceField(choices=["official", "personal"], required=False),
        "kind": serializers.CharField(required=False),
    }),
    parameters=[OpenApiParameter("school", int, required=False,
                                 description="school id, when you belong to more than one")],
    responses={200: CheckResultSerializer},
    description="The check contract (shared/spec/check-contract.md): one request, one result.",
)
@api_view(["POST"])
@permission_classes(API_PERMISSIONS)
def check_view(request: Request) -> Response:
    school = _school_of(request, request.query_params.get("school"))
    if not can(request.user, "self_check", school):
        raise ApiPermissionDenied()
    result = check_json(request.data, engine_school(school), registry=hub_registry())
    return Response(result.to_json())


def _draft(request: Request, draft_id: int) -> Draft:
    """The same rule as the post's page (`permissions.can_view_draft`): anyone else gets 404."""
    draft = get_object_or_404(Draft.objects.select_related("school"), pk=draft_id)
    if not can_view_draft(request.user, draft):
        raise NotFound()
    return draft


@extend_schema(request=DraftInputSerializer,
               responses={200: DraftSerializer(many=True), 201: DraftSerializer})
@api_view(["GET", "POST"])
@permission_classes(API_PERMISSIONS)
def drafts_view(request: Request) -> Response:
    if request.method == "GET":
        drafts = Draft.objects.filter(author=request.user).order_by("-pk")[:100]
        return Response(DraftSerializer(drafts, many=True).data)
    data = DraftInputSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    school = _school_of(request, data.validated_data["school"])
    account_id = data.validated_data.get("account")
    account = OfficialAccount.objects.filter(school=school, pk=account_id).first() if account_id else None
    if account_id and account is None:
        raise ValidationError({"account": "not an official account of this school"})
    try:
        draft = actions.do_create_draft(request.user, school, text=data.validated_data["text"],
                                        pupils=data.validated_data.get("pupils", []), account=account)
    except NotAllowed as exc:
        raise ApiPermissionDenied(str(exc)) from exc
    return Response(DraftSerializer(draft).data, status=status.HTTP_201_CREATED)


@extend_schema(responses={200: DraftSerializer})
@api_view(["GET"])
@permission_classes(API_PERMISSIONS)
def draft_view(request: Request, draft_id: int) -> Response:
    return Response(DraftSerializer(_draft(request, draft_id)).data)


def _transition(request: Request, draft_id: int, step: str) -> Response:
    draft = _draft(request, draft_id)
    body = CommentSerializer(data=request.data if isinstance(request.data, dict) else {})
    body.is_valid(raise_exception=True)
    comment = body.validated_data.get("comment", "")
    try:
        if step == "submit":
            actions.do_submit_draft(request.user, draft)
        elif step == "approve":
            actions.do_approve_draft(request.user, draft, comment)
        else:
            actions.do_return_draft(request.user, draft, comment)
    except NotAllowed as exc:
        raise ApiPermissionDenied(str(exc)) from exc
    except ActionError as exc:
        return Response({"error": str(exc)}, status=status.HTTP_409_CONFLICT)
    draft.refresh_from_db()
    return Response(DraftSerializer(draft).data)


@extend_schema(request=CommentSerializer, responses={200: DraftSerializer})
@api_view(["POST"])
@permission_classes(API_PERMISSIONS)
def submit_view(request: Request, draft_id: int) -> Response:
    return _transition(request, draft_id, "submit")


@extend_schema(request=CommentSerializer, responses={200: DraftSerializer})
@api_view(["POST"])
@permission_classes(API_PERMISSIONS)
def approve_view(request: Request, draft_id: int) -> Response:
    return _transition(request, draft_id, "approve")


@extend_schema(request=CommentSerializer, responses={200: DraftSerializer})
@api_view(["POST"])
@permission_classes(API_PERMISSIONS)
def return_view(request: Request, draft_id: int) -> Response:
    return _transition(request, draft_id, "return")
