"""Comments on the school's pages over the REST API, for an integration that reads the school's
accounts: record a comment (it is checked, and a safeguarding matter goes to the DSL with a case,
as from the page) and read the queue. Same rules as the pages: the action checks the role and
writes the audit record; a comment with the DSL is read only by the DSL, the headteacher and
whoever recorded it (for others its words and findings are null)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from safepost.hub import actions_cases
from safepost.hub import actions_comments as comments
from safepost.hub.actions import ActionError
from safepost.hub.api import API_PERMISSIONS
from safepost.hub.api_registers import _school
from safepost.hub.models import CommenterKind, CommentStatus, PageComment
from safepost.hub.permissions import NotAllowed, roles_at
from safepost.hub.views_common import field_for

# Each action problem starts with its field's label: the API names the field instead.
API_FIELDS = comments.RECORD_FIELD_NAMES
LONG = 100_000  # the action says what each field may hold; this only bounds what is read


class CommentInputSerializer(serializers.Serializer):
    account = serializers.IntegerField(min_value=1, max_value=2**63 - 1,
                                       help_text="the school's official account the comment is on")
    commenter_kind = serializers.ChoiceField(choices=CommenterKind.choices)
    text = serializers.CharField(allow_blank=True, max_length=LONG, help_text="at most 5,000 characters")
    commenter_name = serializers.CharField(required=False, allow_blank=True, max_length=LONG,
                                           help_text="as the platform shows it; at most 200 characters")
    where = serializers.CharField(required=False, allow_blank=True, max_length=LONG,
                                  help_text="the post it is under, or a link; at most 300 characters")
    posted_at = serializers.DateTimeField(required=False, allow_null=True,
                                          help_text="when it was posted; not in the future")


class PageCommentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    account = serializers.IntegerField()
    account_handle = serializers.CharField()
    where = serializers.CharField(allow_null=True,
                                  help_text="null for a comment with the DSL that you may not read")
    commenter_kind = serializers.ChoiceField(choices=CommenterKind.choices)
    commenter_name = serializers.CharField(allow_null=True)
    text = serializers.CharField(allow_null=True,
                                 help_text="null for a comment with the DSL that you may not read")
    posted_at = serializers.DateTimeField(allow_null=True)
    recorded_at = serializers.DateTimeField()
    verdict = serializers.ChoiceField(choices=["allow", "advise", "review", "block", "escalate", "error"])
    verdict_words = serializers.CharField()
    findings = serializers.ListField(child=serializers.DictField(), allow_null=True)
    status = serializers.ChoiceField(choices=CommentStatus.choices)
    decided_at = serializers.DateTimeField(allow_null=True)
    case = serializers.IntegerField(allow_null=True, help_text="its safeguarding case, if you can see it")


def _comment_json(comment: PageComment, user: Any, roles: set[str], cases: set[int] | None) -> dict[str, Any]:
    """One comment as the API gives it. `roles` are the user's at the comment's school (from
    `roles_at`) and `cases` the cases there they can see (from `actions_cases.visible_case_ids`): both
    read once for a whole list."""
    readable = comments.can_read(user, comment, roles)
    seen = comment.case_id is not None and (cases is None or comment.case_id in cases)
    return {
        "id": comment.pk,
        "account": comment.account_id,
        "account_handle": comment.account.handle,
        "where": comment.where if readable else None,
        "commenter_kind": comment.commenter_kind,
        "commenter_name": comment.commenter_name if readable else None,
        "text": comment.text if readable else None,
        "posted_at": comment.posted_at,
        "recorded_at": comment.recorded_at,
        "verdict": comment.verdict,
        "verdict_words": comments.verdict_words(comment.verdict),
        "findings": comment.findings if readable else None,
        "status": comment.status,
        "decided_at": comment.decided_at,
        "case": comment.case_id if seen else None,
    }


@extend_schema(
    methods=["GET"],
    parameters=[OpenApiParameter("status", str, required=False, enum=CommentStatus.values,
                                 description="only comments with this status")],
    responses={200: PageCommentSerializer(many=True)},
    description="The queue: comments waiting for a decision first, newest first (at most 200).",
)
@extend_schema(
    methods=["POST"],
    request=CommentInputSerializer,
    responses={201: PageCommentSerializer},
    description="Record a comment from one of the school's pages: it is checked at once, and a "
                "safeguarding matter goes to the DSL (status \"dsl\", a case opened for it).",
)
@api_view(["GET", "POST"])
@permission_classes(API_PERMISSIONS)
def comments_view(request: Request, school_id: int) -> Response:
    school = _school(request, school_id, "moderate_comments")
    roles = roles_at(request.user, school)
    if request.method == "GET":
        chosen = request.query_params.get("status", "")
        found = comments.queue(school, chosen if chosen in CommentStatus.values else "")[:200]
        cases = actions_cases.visible_case_ids(request.user, school, roles)
        return Response([_comment_json(item, request.user, roles, cases) for item in found])
    body = CommentInputSerializer(data=request.data if isinstance(request.data, dict) else {})
    body.is_valid(raise_exception=True)
    data = body.validated_data
    try:
        comment = comments.do_record_comment(
            request.user, school, account=data["account"], commenter_kind=data["commenter_kind"],
            text=data["text"], commenter_name=data.get("commenter_name", ""),
            where=data.get("where", ""), posted_at=data.get("posted_at"),
        )
    except NotAllowed as exc:
        raise ApiPermissionDenied(str(exc)) from exc
    except ActionError as exc:
        problems: dict[str, list[str]] = {}
        for message in getattr(exc, "problems", None) or [str(exc)]:
            problems.setdefault(field_for(message, API_FIELDS, "text"), []).append(message)
        raise ValidationError(problems) from exc
    cases = actions_cases.visible_case_ids(request.user, school, roles)
    return Response(_comment_json(comment, request.user, roles, cases), status=status.HTTP_201_CREATED)
