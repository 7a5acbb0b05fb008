"""The governance dashboard: the figures a headteacher and the trust need, read from the registers.
Nothing here writes. Exports as CSV (one table after another) and as a plain PDF (fpdf2)."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from typing import Any

from django.utils import timezone
from django.utils.dateformat import format as date_format

from safepost.hub import actions_accounts, actions_policy
from safepost.hub.csvsafe import SafeWriter
from safepost.hub.engine_bridge import directory_school, rule_words
from safepost.hub.models import (
    ApprovedContact,
    Case,
    CaseStatus,
    ContactEvent,
    Draft,
    RegisterPupil,
    School,
    TakedownTask,
)
from safepost.hub.registers_common import school_users, today

MONTHS = 6


def _months(day: dt.date, count: int) -> list[str]:
    months = []
    year, month = day.year, day.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


def month_name(month: str) -> str:
    """A "2026-06" month as the page and the PDF show it: "Jun 2026"."""
    return date_format(dt.date.fromisoformat(f"{month}-01"), "M Y")


def school_figures(school: School, on: dt.date | None = None) -> dict[str, Any]:
    day = on or today()
    version = actions_policy.current_version(school)
    people = school_users(school)
    waiting = actions_policy.unsigned(school, version, people) if version else people
    signed = len(people) - len(waiting)
    accounts = []
    for account in school.accounts.prefetch_related("access", "apps").order_by("platform", "handle"):
        found = actions_accounts.warnings(account, day)
        admins = actions_accounts.administrator_count(account)
        accounts.append(
            {
                "handle": account.handle,
                "platform": account.platform,
                "admins": admins,
                "warnings": found,
                "cover_missing": admins < actions_accounts.MIN_ADMINISTRATORS,
                "review_overdue": bool(account.review_date and account.review_date < day),
            }
        )
    pupils = RegisterPupil.objects.filter(school=school, status="current")
    total_pupils = pupils.count()
    months = _months(day, MONTHS)
    pack = directory_school(school).pack
    by_rule: dict[str, Counter[str]] = {}
    first = dt.date.fromisoformat(f"{months[0]}-01")
    for created, findings in Draft.objects.filter(school=school, created_at__date__gte=first).values_list(
        "created_at", "findings"
    ):
        month = timezone.localtime(created).strftime("%Y-%m")
        for finding in findings or []:
            by_rule.setdefault(finding.get("rule", "?"), Counter())[month] += 1
    rules = sorted(by_rule, key=lambda rule: (-sum(by_rule[rule].values()), rule))
    cases = Case.objects.filter(school=school)
    open_cases = cases.exclude(status=CaseStatus.CLOSED)
    return {
        "school": school.name,
        "acknowledgements": {
            "version": version.version if version else None,
            "people": len(people),
            "signed": signed,
            "percent": actions_policy.coverage_percent(signed, len(people)),
            "unsigned": [person.get_full_name() or person.get_username() for person in waiting],
            "review": actions_policy.review_due(version, day) if version else "no policy version in the hub",
        },
        "accounts": accounts,
        "accounts_needing_attention": sum(1 for account in accounts if account["warnings"]),
        "consent": {
            "pupils": total_pupils,
            "no_photo": pupils.filter(photo_consent=False).count(),
            "no_name": pupils.filter(name_consent=False).count(),
            "takedowns_open": TakedownTask.objects.filter(school=school, done_at__isnull=True).count(),
        },
        "findings": {
            "months": months,  # "2026-06": the CSV's, which sorts
            "month_names": [month_name(month) for month in months],  # "Jun 2026": the page's and the PDF's
            "rows": [
                {
                    "rule": rule,
                    "words": rule_words(pack, rule),
                    "counts": [by_rule[rule][month] for month in months],
                    "total": sum(by_rule[rule].values()),
                }
                for rule in rules[:15]
            ],
        },
        "cases": {
            "open": open_cases.count(),
            "by_status": {
                label: open_cases.filter(status=value).count()
                for value, label in CaseStatus.choices
                if value != CaseStatus.CLOSED
            },
            "closed_this_year": cases.filter(status=CaseStatus.CLOSED, closed_at__year=day.year).count(),
        },
        "contact": {
            "last_30_days": ContactEvent.objects.filter(
                school=school, happened_on__gte=day - dt.timedelta(days=30)
            ).count(),
            "approved_open": ApprovedContact.objects.filter(
                school=school, ended_on__isnull=True, ends_on__gte=day
            ).count(),
            "approved_overdue": ApprovedContact.objects.filter(
                school=school, ended_on__isnull=True, ends_on__lt=day
            ).count(),
        },
    }


def as_csv(figures: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = SafeWriter(out)  # no cell goes out as a formula a spreadsheet would run
    # "what the rule asks" says a finding row's rule in plain words, beside its code in "item".
    writer.writerow(["school", "section", "item", "what the rule asks", "value"])
    for data in figures:
        name = data["school"]
        ack = data["acknowledgements"]
        writer.writerow([name, "policy", "version", "", ack["version"] or ""])
        signed = f"{ack['signed']} of {ack['people']} ({ack['percent']}%)"
        writer.writerow([name, "policy", "signed", "", signed])
        writer.writerow([name, "policy", "review", "", ack["review"] or "in date"])
        for account in data["accounts"]:
            writer.writerow(
                [
                    name,
                    "accounts",
                    f"{account['handle']} ({account['platform']})",
                    "",
                    "; ".join(account["warnings"]) or "in order",
                ]
            )
        for key, value in data["consent"].items():
            writer.writerow([name, "consent", key, "", value])
        for row in data["findings"]["rows"]:
            for month, count in zip(data["findings"]["months"], row["counts"], strict=True):
                writer.writerow([name, "findings", f"{row['rule']} {month}", row["words"], count])
        writer.writerow([name, "cases", "open", "", data["cases"]["open"]])
        for key, value in data["contact"].items():
            writer.writerow([name, "contact", key, "", value])
    return out.getvalue()


def _latin(text: Any) -> str:
    return str(text).encode("latin-1", "replace").decode("latin-1")


def as_pdf(figures: list[dict[str, Any]], title: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(_latin(title))
    for data in figures:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 16)
        pdf.multi_cell(0, 9, _latin(f"{title}: {data['school']}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(
            0, 5, _latin(f"Made {timezone.localtime():%d/%m/%Y %H:%M}"), new_x="LMARGIN", new_y="NEXT"
        )
        ack = data["acknowledgements"]
        sections: list[tuple[str, list[tuple[str, str]]]] = [
            (
                "Policy and signatures",
                [
                    ("Version", str(ack["version"] or "none")),
                    ("Signed", f"{ack['signed']} of {ack['people']} ({ack['percent']}%)"),
                    ("Review", ack["review"] or "in date"),
                    ("Not signed", ", ".join(ack["unsigned"]) or "nobody"),
                ],
            ),
            (
                "Official accounts",
                [
                    (f"{a['handle']} ({a['platform']})", "; ".join(a["warnings"]) or "in order")
                    for a in data["accounts"]
                ],
            ),
            (
                "Consent",
                [
                    ("Pupils on roll", str(data["consent"]["pupils"])),
                    ("No photo consent", str(data["consent"]["no_photo"])),
                    ("No name consent", str(data["consent"]["no_name"])),
                    ("Posts to take down", str(data["consent"]["takedowns_open"])),
                ],
            ),
            (
                "Findings by rule, last six months",
                [
                    (
                        f"{row['words']} ({row['rule']})" if row["words"] else row["rule"],
                        ", ".join(f"{count} in {month}" for month, count in
                                  zip(data["findings"]["month_names"], row["counts"], strict=True))
                        + f" (total {row['total']})",
                    )
                    for row in data["findings"]["rows"]
                ]
                or [("", "no findings")],
            ),
            (
                "Cases and contact",
                [
                    ("Open cases", str(data["cases"]["open"])),
                    ("Contacts logged, last 30 days", str(data["contact"]["last_30_days"])),
                    ("Approved contacts open", str(data["contact"]["approved_open"])),
                    ("Approved contacts past their end date", str(data["contact"]["approved_overdue"])),
                ],
            ),
        ]
        for heading, rows in sections:
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 7, _latin(heading), new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 10)
            for key, value in rows:
                pdf.multi_cell(
                    0, 5.5, _latin(f"{key}: {value}" if key else value), new_x="LMARGIN", new_y="NEXT"
                )
    return bytes(pdf.output())
