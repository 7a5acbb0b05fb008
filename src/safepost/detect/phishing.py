"""Phishing on the school's accounts: a message posing as the platform that threatens the page
and asks for a login ("META SUPPORT: Your Page has been reported ... will be disabled in 24
hours. Verify ownership now: ..."), and a member of staff's reply that gives the login away ("the
page login is ... and the password is ...", "I've logged in on that link and put our password
in"). TPAT 4 asks staff to be on guard for social engineering and phishing, and 6 to share
passwords only with those authorised (catalogue: conduct.security_threats,
account.password_strength). Which words count, and on which account, is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector

# Posing as the platform ...
_PLATFORM = re.compile(
    r"\b(?:meta|facebook|fb|instagram|insta|tiktok|twitter|x|youtube|linkedin|page|account|copyright|"
    r"community standards)\s+(?:support|team|help ?desk|security|verification|appeals?|centre|center)\b")
# ... the page threatened ...
_THREAT = re.compile(
    r"\b(?:will be|is being|has been|are being)\s+(?:permanently\s+)?(?:disabled|removed|deleted|suspended|"
    r"restricted|unpublished|deactivated)|violat\w+ (?:our|the) (?:community standards|terms|copyright)|"
    r"reported for (?:copyright|violation|impersonation)|within (?:24|48|12) hours|in (?:24|48|12) hours\b")
# ... and an action asked for.
_ASKED = re.compile(
    r"\b(?:verify|confirm|appeal|log ?in|sign ?in|click|secure) (?:ownership|your|now|here|the|this|below)\b|"
    r"\b(?:https?://|www\.)|\b[a-z0-9-]+\.(?:com|net|org|info|site|online|xyz)/")
# A login given away: "the password is ...", "here's our login", "put our password in".
_GIVEN = re.compile(
    r"\b(?:the|our|my) (?:page |account |facebook |insta(?:gram)? )?(?:password|passcode|login details|"
    r"log ?in details|2fa code|verification code|security code) (?:is|was|are)\b"
    r"(?! (?:on|in|printed|written|at|the same|below|changing|being)\b)|"
    r"\b(?:here'?s|here is|sent|sending|given|gave) (?:you )?(?:the|our) "
    r"(?:password|login|log ?in details|code)\b|"
    r"\b(?:put|typed|entered|popped) (?:our|the|my) (?:password|login|details|code) in\b|"
    r"\blogged in (?:on|through|via|with) (?:that|the|your) link\b")


class PhishingDetector(WordsDetector):
    name = "phishing"  # reads a message's own words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        platform = _PLATFORM.search(folded)
        if platform and _THREAT.search(folded) and _ASKED.search(folded):
            yield Evidence(self.name, "phishing_message", text[platform.start():platform.end()],
                           platform.start(), platform.end())
        given = _GIVEN.search(folded)
        if given:
            # (told in the words, or typed into someone's page: only the first hands it over)
            shared = not re.match(r"(?:put|typed|entered|popped|logged)", given.group(0))
            yield Evidence(self.name, "login_given", text[given.start():given.end()], given.start(),
                           given.end(), attrs={"shared": shared})
