"""Taking sides in an election: "Vote Labour on Thursday!", "vote them out", "backs the Green
candidate", "vote for the candidates who will fix school funding", "remember this at the ballot
box". Schools must stay politically impartial; on the school's own account this is a political
view that, where the policy states no rule on opinions on official accounts (AURIGA, REAch2 and
the Staffordshire protocol), brings the school into disrepute (the outside readers' 20 such
official posts in those packs, all a breach).

Not a neutral notice ("the hall is a polling station on Thursday", "whoever you vote for, please
vote", "register to vote online") nor the pupils' own school council elections. Whether a
request's words count is `evaluate`'s."""

from __future__ import annotations

import re
from collections.abc import Iterable

from safepost.detect.base import Evidence, Subject, WordsDetector

_PARTY = (r"(?:labour|tory|tories|the tories|conservatives?|the conservatives|greens?|the greens|"
          r"reform(?: uk)?|lib ?dems?|the lib dems|liberal democrats?|snp|the snp|plaid(?: cymru)?|ukip|"
          r"independent)")
_SIDES = re.compile(
    r"\b(?:"
    r"vot(?:e|ing) (?:for )?" + _PARTY + r"(?! (?:candidate|councillor)s? (?:for|in) (?:our|the) school)"
    r"|vote (?:against|them out|accordingly)"
    r"|vot(?:e|ing) (?:the |this |these )?(?:\w+ )?(?:them|tories|government|councillors?|mps?|party|lot) out"
    r"|vote for (?:the|any) (?:candidates?|party|parties|councillors?) (?:who|that)"
    r"|don'?t vote for (?:any|the) (?:party|parties|candidates?)"
    r"|(?:backs?|backing|supports?|supporting|endorses?|endorsing|standing for|campaigning for|"
    r"canvassing for) (?:the )?(?:" + _PARTY + r"(?: party| candidate)?|"
    r"(?:labour|conservative|green|reform|lib dem|independent) candidate)"
    r"|at the ballot box|(?:there is|there'?s) only (?:one|1) choice"
    r")\b")
# The pupils' own elections, and lessons on voting.
_PUPILS_VOTE = re.compile(
    r"\b(?:school council|student council|pupil parliament|youth parliament|class reps?|house captains?|"
    r"head (?:boy|girl)|prefects?|eco council|mock election|britain'?s got talent|strictly|x factor)\b")


class ElectionCampaignDetector(WordsDetector):
    name = "election"  # reads the words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        match = _SIDES.search(folded)
        if match is None or _PUPILS_VOTE.search(folded):
            return
        yield Evidence(self.name, "election_campaigning", text[match.start():match.end()],
                       match.start(), match.end())
