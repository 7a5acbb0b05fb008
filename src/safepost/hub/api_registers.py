"""The consent register over the REST API, for a school's own tools (an MIS connector, say):
read the register, record a decision. Same rules as the pages: the action checks the role and
writes the audit record."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from safepost.hub import actions_consent
from safepost.hub.actions import ActionError
from safepost.hub.api import API_PERMISSIONS
from safepost.hub.models import ConsentKind, RegisterPupil, School
from safepost.hub.permissions import NotAllowed, can, schools_for
from safepost.hub.views_common import api_errors

LONG = 100_000  # the action says what each text may hold (and names the field); this only bounds what is read


class RegisterPupilSerializer(serializers.ModelSerializer):
    class Meta:
        model = RegisterPupil
        fields = [
            "pupil_id",
            "first_name",
            "last_name",
            "preferred_name",
            "year_group",
            "status",
            "photo_consent",
            "name_consent",
            "updated_at",
        ]


class DecisionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ConsentKind.values)
    given = serializers.BooleanField()
    date = serializers.DateField(help_text="the date of the parent's decision")
    source = serializers.CharField(allow_blank=True, max_length=LONG,
                                   help_text="where the decision came from; at most 200 characters")
    note = serializers.CharField(required=False, allow_blank=True, max_length=LONG,
                                 help_text="at most 5,000 characters")


class DecisionResultSerializer(serializers.Serializer):
    pupil = RegisterPupilSerializer()
    takedown_drafts = serializers.ListField(
        child=serializers.IntegerField(), help_text="approved or published posts to take down"
    )


def _school(request: Request, school_id: int, capability: str) -> School:
    school = next((s for s in schools_for(request.user) if s.pk == school_id), None)
    if school is None:
        raise NotFound("no such school for you")
    if not can(request.user, capability, school):
        raise ApiPermissionDenied()
    return school


@extend_schema(responses={200: RegisterPupilSerializer(many=True)})
@api_view(["GET"])
@permission_classes(API_PERMISSIONS)
def consent_list_view(request: Request, school_id: int) -> Response:
    school = _school(request, school_id, "view_consent")
    return Response(RegisterPupilSerializer(RegisterPupil.objects.filter(school=school), many=True).data)


@extend_schema(request=DecisionSerializer, responses={201: DecisionResultSerializer})
@api_view(["POST"])
@permission_classes(API_PERMISSIONS)
def consent_decision_view(request: Request, school_id: int, pupil_id: str) -> Response:
    school = _school(request, school_id, "manage_consent")
    if "\x00" in pupil_id or len(pupil_id) > 40:
        raise NotFound("no such pupil on the register")
    pupil = get_object_or_404(RegisterPupil, school=school, pupil_id=pupil_id)
    body = DecisionSerializer(data=request.data if isinstance(request.data, dict) else {})
    body.is_valid(raise_exception=True)
    data = body.validated_data
    try:
        _record, tasks = actions_consent.do_record_consent(
            request.user,
            pupil,
            kind=data["kind"],
            given=data["given"],
            date=data["date"],
            source=data["source"],
            note=data.get("note", ""),
        )
    except NotAllowed as exc:
        raise ApiPermissionDenied(str(exc)) from exc
    except ActionError as exc:
        raise ValidationError(api_errors(exc, actions_consent.DECISION_FIELDS, "kind")) from exc
    pupil.refresh_from_db()
    return Response(
        {"pupil": RegisterPupilSerializer(pupil).data, "takedown_drafts": [task.draft_id for task in tasks]},
        status=status.HTTP_201_CREATED,
    )
