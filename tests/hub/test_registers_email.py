"""Email through a real (local) SMTP server: a message as it happens, or a plain daily digest."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from safepost.hub import actions, actions_email, actions_policy
from safepost.hub.models import AuditRecord, School

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], str]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp(settings) -> Iterator[_Inbox]:  # type: ignore[no-untyped-def]
    inbox = _Inbox()
    port = _free_port()
    controller = aiosmtpd_controller.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.DEFAULT_FROM_EMAIL = "safepost@oakfield.example"
    try:
        yield inbox
    finally:
        controller.stop()


def _emails(demo: School, inbox: _Inbox) -> None:
    for username in ("head", "teacher", "governor"):
        get_user_model().objects.filter(username=username).update(email=f"{username}@oakfield.example")
    inbox.messages.clear()  # what the demo's own setting up sent


@pytest.mark.django_db(transaction=True)
def test_each_message_is_emailed_after_the_change(smtp: _Inbox, demo: School) -> None:
    _emails(demo, smtp)
    comms = get_user_model().objects.get(username="comms")
    draft = actions.do_create_draft(comms, demo, text="Harvest festival on Friday", pupils=[],
                                    account=demo.accounts.first())
    actions.do_submit_draft(comms, draft)
    assert [(sender, to) for sender, to, _ in smtp.messages] == [("safepost@oakfield.example", ["head@oakfield.example"])]
    assert "asks you to approve a post" in smtp.messages[0][2]
    assert f"http://127.0.0.1:8000/drafts/{draft.pk}/" in smtp.messages[0][2]


@pytest.mark.django_db(transaction=True)
def test_the_digest_is_one_plain_email(smtp: _Inbox, demo: School) -> None:
    _emails(demo, smtp)
    teacher, head = (get_user_model().objects.get(username=name) for name in ("teacher", "head"))
    actions_email.do_set_email_preference(teacher, digest=True)
    actions_policy.do_send_policy_reminders(head, demo)
    actions_policy.do_send_policy_reminders(head, demo)
    assert [to for _, to, _ in smtp.messages] == [["governor@oakfield.example"]] * 2  # the teacher waits
    call_command("send_digest")
    digests = [body for _, to, body in smtp.messages if to == ["teacher@oakfield.example"]]
    assert len(digests) == 1
    assert digests[0].count("Reminder: please read and sign version 1.0") == 2
    assert "Content-Type: text/plain" in digests[0]
    call_command("send_digest")  # nothing new: nothing sent
    assert len([1 for _, to, _ in smtp.messages if to == ["teacher@oakfield.example"]]) == 1
    assert AuditRecord.objects.filter(action="email.digests_sent").count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_is_down_does_not_undo_the_change(settings, demo: School) -> None:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _free_port()  # nothing listens there
    _emails(demo, _Inbox())
    head = get_user_model().objects.get(username="head")
    assert actions_policy.do_send_policy_reminders(head, demo) == 2
    assert AuditRecord.objects.filter(action="policy.reminders_sent").exists()


def test_the_weekly_reminders(demo: School, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders")
    to = sorted(address for message in mail.outbox for address in message.to)
    assert to == ["h.marsh@oakfield.sch.uk", "p.quinn@kingfishertrust.org.uk", "t.bennett@oakfield.sch.uk"]
    head_mail = next(message for message in mail.outbox if message.to == ["h.marsh@oakfield.sch.uk"])
    assert "3 official account(s) need attention" in head_mail.body
    assert "1 post(s) to take down" in head_mail.body
    assert AuditRecord.objects.filter(action="reminders.sent", details__unsigned=2).exists()


# --- review fixes: no pupil's name leaves by email; the digest's window ------------------------

PUPIL_NAMES = ("Amelia", "Hartley", "Noah", "Williams")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("digest", [False, True])
def test_no_pupil_name_goes_out_by_email(smtp: _Inbox, demo: School, digest: bool) -> None:
    import datetime as dt

    from safepost.hub import actions_consent, actions_contact
    from safepost.hub.models import Notification, RegisterPupil
    from safepost.hub.registers_common import today

    users = get_user_model().objects
    for username in ("head", "teacher", "comms", "dsl", "deputy"):
        users.filter(username=username).update(email=f"{username}@oakfield.example")
    if digest:
        for username in ("teacher", "comms"):
            actions_email.do_set_email_preference(users.get(username=username), digest=True)
    smtp.messages.clear()
    head, comms, teacher = (users.get(username=name) for name in ("head", "comms", "teacher"))
    draft = actions.do_create_draft(comms, demo, text="Our Year 4 poets at work", pupils=["P1001"],
                                    account=demo.accounts.first())
    actions.do_submit_draft(comms, draft)
    actions.do_approve_draft(head, draft)
    actions.do_publish_draft(comms, draft, "copy")
    actions.do_return_draft(head, actions.do_submit_draft(
        teacher, actions.do_create_draft(teacher, demo, text="Fun in Year 6", pupils=[],
                                         account=demo.accounts.first())),
        "Please take Noah Williams's name out")
    amelia = RegisterPupil.objects.get(school=demo, pupil_id="P1001")
    actions_consent.do_record_consent(users.get(username="dsl"), amelia, kind="photo", given=False,
                                      date=today(), source="signed form")
    noah = RegisterPupil.objects.get(school=demo, pupil_id="P1022")
    actions_contact.do_approve_contact(head, demo, staff_id=teacher.pk, pupil=noah.pk, purpose="Trip updates",
                                       channel="School app", ends_on=today() + dt.timedelta(days=10),
                                       parental_consent_on=today() - dt.timedelta(days=1))
    if digest:
        call_command("send_digest")
    # The hub keeps the detail ...
    assert Notification.objects.filter(user=comms, text__contains="Consent withdrawn for Amelia").exists()
    assert Notification.objects.filter(user=teacher, text__contains="Contact with Noah").exists()
    # ... the email does not.
    bodies = "\n".join(body for _, _, body in smtp.messages)
    assert "A consent change needs your action in safepost" in bodies
    assert "Contact with a pupil has been approved for you in safepost" in bodies
    for name in PUPIL_NAMES:
        assert name not in bodies, name


def test_the_digest_window_closes_before_the_messages_are_read(demo: School, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from django.core import mail
    from django.utils import timezone

    from safepost.hub.models import Notification
    from safepost.hub.notify import notify

    teacher = get_user_model().objects.get(username="teacher")
    actions_email.do_set_email_preference(teacher, digest=True)
    notify([teacher], "Arrived in time", "/", school=demo)
    notify([teacher], "Arrived while the digest was built", "/", school=demo)
    Notification.objects.filter(text__startswith="Arrived while").update(
        created_at=timezone.now() + dt.timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        actions_email.do_send_digests()
    sent = [message.body for message in mail.outbox if message.to == [teacher.email]]
    assert len(sent) == 1 and "Arrived in time" in sent[0] and "Arrived while" not in sent[0]


@pytest.mark.django_db(transaction=True)
def test_a_line_break_in_the_words_does_not_stop_the_emails(smtp: _Inbox, demo: School) -> None:
    from safepost.hub.notify import notify

    _emails(demo, smtp)
    people = list(get_user_model().objects.filter(username__in=("head", "teacher")))
    notify(people, "Policy version 2\n(draft) is ready to read", "/policy", school=demo)
    assert sorted(to[0] for _sender, to, _body in smtp.messages) == ["head@oakfield.example",
                                                                      "teacher@oakfield.example"]


@pytest.mark.django_db(transaction=True)
def test_a_digest_switched_off_and_on_again_does_not_repeat_what_was_emailed_meanwhile(
    smtp: _Inbox, demo: School,
) -> None:
    _emails(demo, smtp)
    teacher, head = (get_user_model().objects.get(username=name) for name in ("teacher", "head"))
    actions_email.do_set_email_preference(teacher, digest=True)
    actions_email.do_set_email_preference(teacher, digest=False)
    actions_policy.do_send_policy_reminders(head, demo)  # emailed to the teacher at once
    assert ["teacher@oakfield.example"] in [to for _, to, _ in smtp.messages]
    actions_email.do_set_email_preference(teacher, digest=True)
    actions_email.do_set_email_preference(teacher, digest=True)  # set again: the digest goes on as it was
    smtp.messages.clear()
    call_command("send_digest")
    assert not [1 for _, to, _ in smtp.messages if to == ["teacher@oakfield.example"]]
