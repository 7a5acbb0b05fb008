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

# (Not "reform" of a homework policy, the Green Schools Project or an independent school: the
# parties as voters name them.)
_PARTY = (r"(?:labour|tory|tories|the tories|conservatives?|the conservatives|the greens|green party|"
          r"the green party|green(?= (?:candidate|councillor)s?\b)|green(?= on (?:thursday|polling day|"
          r"\d))|reform uk|reform party|lib ?dems?|the lib dems|liberal democrats?|snp|the snp|"
          r"plaid(?: cymru)?|ukip|independent(?= candidates?\b))")
_SIDES = re.compile(
    r"\b(?:"
    r"vot(?:e|ing) (?:for )?" + _PARTY + r"(?! (?:candidate|councillor)s? (?:for|in) (?:our|the) school)"
    r"|vot(?:e|ing) (?:green|independent)\b(?! (?:for|in) (?:the |our )?(?:eco|school|class)|"
    r" (?:school|learning|study|reading))"
    r"|vote (?:against|them out|accordingly)"
    r"|vot(?:e|ing) (?:the |this |these )?(?:\w+ )?(?:them|tories|government|councillors?|mps?|party|lot) out"
    r"|vote for (?:the|any) (?:candidates?|party|parties|councillors?) (?:who|that)"
    r"|don'?t vote for (?:any|the) (?:party|parties|candidates?)"
    r"|(?:backs?|backing|supports?|supporting|endorses?|endorsing|standing for|campaigning for|"
    r"canvassing for) (?:the )?(?:" + _PARTY + r"(?: party| candidate)?|"
    r"(?:labour|conservative|green|reform|lib dem|independent) candidate)"
    r"|remember (?:this|that|it) at the ballot box|(?:there is|there'?s) only (?:one|1) choice"
    # (session 31) "don't let the Conservatives anywhere near our schools again", "remember that
    # when you vote in May - these councillors need to go"
    r"|(?:don'?t|do not|never) let (?:the )?" + _PARTY + r" (?:anywhere near|near|back in|back into|back|in|"
    r"win|get in)"
    # (not the notice "remember that when you vote you'll need photo ID")
    r"|remember (?:this|that|it) when (?:you|u|we) (?:vote|go to the polls|go to vote)"
    r"(?= (?:in|on|at|next) (?:may|june|july|thursday|polling day|the (?:\w+ )?elections?)\b"
    r"|\s*(?:[.!,;\-\u2013]|$))"
    r"(?![^.!?\n]{0,50}\b(?:photo id|id\b|ids\b|identification|need|bring|take|polling cards?|register\w*))"
    r"|(?:these|those|the|our|this) (?:\w+ )?(?:councillors|mps|government|tories|council) "
    r"(?:need|needs|have|has|"
    r"ought|deserve|deserves) to (?:go|be voted out|lose (?:their|its) seats?)(?=\s*(?:[.!,]|$|\W*🗳|#))"
    # "#VoteGreen", "Labour gets our vote", "proud to back Sarah Jones, the Labour candidate"
    r"|" + _PARTY + r" (?:gets?|has|have) (?:our|my) votes?"
    r"|(?:back|backing|support|supporting|endorse|endorsing|vote for|voting for) [\w ,'-]{0,40}?the "
    r"(?:labour|conservative|tory|green|reform|lib dem|independent|snp|plaid) candidate"
    r")\b|(?<!\w)#vote(?:labour|tory|tories|conservative|green|reform|libdem|libdems|snp|plaid)\b")
# The pupils' own elections, and lessons on voting.
_PUPILS_VOTE = re.compile(
    r"\b(?:school council|student council|pupil parliament|youth parliament|class reps?|house captains?|"
    r"head (?:boy|girl)|prefects?|eco council|mock election|britain'?s got talent|strictly|x factor|"
    r"parliament week|democracy week|british values)\b")


class ElectionCampaignDetector(WordsDetector):
    name = "election"  # reads the words

    def read(self, subject: Subject, text: str, folded: str) -> Iterable[Evidence]:
        match = _SIDES.search(folded)
        if match is None or _PUPILS_VOTE.search(folded):
            return
        yield Evidence(self.name, "election_campaigning", text[match.start():match.end()],
                       match.start(), match.end())
