"""The hand-written lexicon: phrases that decide a judgement, and innocent look-alikes."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest

from safepost.language import judge, lexicon_hits
from safepost.language.lexicon import LexiconError, load_lexicon, parse_lexicon
from safepost.language.model import OFFICIAL_ONLY


@pytest.mark.parametrize(("text", "label"), [
    ("go back to your own country", "discrimination"),
    ("Go back where you came from mate", "discrimination"),
    # (session 24) the same said without the words "go back"
    ("Learn English before you come here, it's not hard", "discrimination"),
    ("If you choose to live here then fit in with how things are done here", "discrimination"),
    ("If you're going to work in England, learn English or go home.", "discrimination"),
    ("OMG Year 6 absolutely SMASHED SATs week!!! so proud of these legends, no cap", "unprofessional_tone"),
    ("I'll sort you out tomorrow", "threat"),
    ("I know where you live", "threat"),
    ("this is our little secret x", "grooming"),
    ("dont tell your mum ok", "grooming"),
    ("delete these messages after", "grooming"),
    ("i want to kill myself", "disclosure"),
    ("my step dad hits me", "disclosure"),
    ("im scared to go home", "disclosure"),
    ("Be a shame if something happened to that nice car of yours", "threat"),
    ("wait till i get hold of him after school", "threat"),
    ("I'll make your life hell, you watch", "threat"),
    ("Travellers are all thieves, lock your sheds", "discrimination"),
    ("trans people shouldn't be allowed near kids", "discrimination"),
    ("women can't lead, simple as", "discrimination"),
    # (session 27) no slur: the slander that a people steals, a faith's ways met with "go elsewhere"
    ("Three new starters from the traveller site. Best keep an eye on the coat pegs 🙄", "discrimination"),
    ("Lock up your bikes, the gypsies are back on the rec", "discrimination"),
    ("If you want halal on the menu you're welcome to choose a different school", "discrimination"),
    ("Hijabs in PE kit now? This is a Christian country and that's that", "discrimination"),
    ("More Roma kids in Year 8. Honestly they don't value education", "discrimination"),
    ("Travellers back for the fair again. Lock your sheds, folks", "discrimination"),
    ("Never met a woman who could run a department properly", "discrimination"),
    ("Half the class have suddenly got 'ADHD' now it means extra time", "discrimination"),
    ("Found nan's old golly in the loft 😂", "discrimination"),
    ("More EAL kids joining Year 9. They don't even try to fit in round here", "discrimination"),
    ("Time the dinosaurs in the English department retired and let some young blood in", "discrimination"),
    ("If you don't like how we do things here, go back to Poland", "discrimination"),
    ("Half the Somali families round here are on the fiddle", "discrimination"),
    ("Costume sorted for the staff do, blacked up as a bus driver 😂", "discrimination"),
    ("Normacot's not even England anymore. Walk down there and you'd think you were in Pakistan", "discrimination"),
    ("This town isn't even British any more", "discrimination"),
    ("Walked into Y5 today, hardly a white face. That's not integration that's a takeover", "discrimination"),
    ("Off for Eid AGAIN. Maybe decide which country you actually want to live in.", "discrimination"),
    ("Ramadan again so half my class will be asleep and useless for a month 🙄", "discrimination"),
    ("don't add him to the group chat, freeze him out til he gets the hint", "harassment"),
    ("I know which car is yours and what time you finish", "threat"),
    # (session 29) everyone wants them gone or laughs at them; homophobia and transphobia, no slur
    ("Do us all a favour and hand your notice in before Easter", "harassment"),
    ("Honestly nobody in the department rates you", "harassment"),
    ("everyone in the staffroom is sick of you", "harassment"),
    ("the kids laugh at you behind your back", "harassment"),
    ("Two dads at the nativity tonight. Poor kid.", "discrimination"),
    ("Lovely men but kids need a mum and a dad, end of", "discrimination"),
    ("He's bringing his husband to the summer fair. Not really what I want our kids seeing", "discrimination"),
    ("Pride flags in every classroom now, ramming it down our throats", "discrimination"),
    ("A bloke in a dress shouldn't be anywhere near a girls' changing room", "discrimination"),
    ("Gateshead is FULL. Close the borders before there's no room left for our own kids.", "discrimination"),
    ("these invaders are breeding us out of our own country", "discrimination"),
    ("Another mosque going up. This isn't our country anymore", "discrimination"),
    ("Every street round there is a mini Pakistan now", "discrimination"),
    ("Wales for the Welsh 🏴", "discrimination"),
    ("Stoke's been ruined by immigrants", "discrimination"),
    ("These people will never fit in round here", "discrimination"),
    ("Saw Mr Wragg at the gala holding hands with his 'husband' 😬", "discrimination"),
    ("A Pride club now. Keep that lifestyle away from 11 year olds", "discrimination"),
    ("One of the Year 10s has decided she's a boy now", "discrimination"),
    ("Spent all day on the 'special' table again", "discrimination"),
    ("Note to self: never appoint anyone over 55 again", "discrimination"),
    ("A woman's place is on the touchline with the orange slices", "discrimination"),
    ("Surprised he got deputy head, must've ticked a diversity box", "discrimination"),
    ("Can't sit still for five minutes, it's how they're brought up over there", "discrimination"),
    ("Funny how the Ukrainians round here all drive brand new cars", "discrimination"),
    ("Some of the kids I work with should be in an institution, not a school", "discrimination"),
    ("Count the mosques in your town in ten years and tell me it's not a takeover", "discrimination"),
    ("Four kids with EHCPs in one class. Some of them just aren't mainstream material", "discrimination"),
    ("Half the 'SEN' kids in my class are just badly parented", "discrimination"),
    ("Autism's just the new word for no discipline", "discrimination"),
    ("These families come over here and get the houses and the school places", "discrimination"),
    ("They don't integrate and they never will", "discrimination"),
    ("The estate was fine before they came", "discrimination"),
    ("Saw him holding hands with another man. Is that who we want teaching our kids?", "discrimination"),
    ("That's what you get when everyone round here marries their cousin", "discrimination"),
    ("Shortlisting today. Anyone over 50 need not apply", "discrimination"),
    ("When they move in next door and the whole street smells of curry for a week 🤢", "discrimination"),
    ("A Pride club? Keep it out of our classrooms", "discrimination"),
    # (session 30) hate with no slur: theft slander either way round, a diagnosis dismissed, a base
    # called a funny farm, a partner in scare quotes, a trans colleague outed, "they" refused, a
    # town "taken over", our own kids put second, pregnancy as skiving, colleagues too old
    ("Gypsies have moved onto the rec again, better lock the sheds up tonight 🙄", "discrimination"),
    ("Hide the quad bikes lads, two Traveller kids starting on Monday", "discrimination"),
    ("New starter from the traveller site, anything not nailed down will walk", "discrimination"),
    ("We all know what happens to house prices when they move in", "discrimination"),
    ("Another dyslexia diagnosis in my set. It's called lazy parenting", "discrimination"),
    ("Another autism 'diagnosis'. It's called bad parenting", "discrimination"),
    ("The SEN unit today: honestly it's a funny farm 🤪 pass the straitjacket", "discrimination"),
    ("😂😂 blind kid vs the climbing wall, can't stop watching", "discrimination"),
    ("Parents' evening: she's a nice girl, just a bit... special", "discrimination"),
    ("Half my class have an ADHD label and I reckon most of them are just lazy", "discrimination"),
    ("Our new science teacher has a 'wife' 🙄 not what I expected", "discrimination"),
    ("Mr Hale signed up for the Pride float 💅🌈 wonder why 😂", "discrimination"),
    ("Heard the new receptionist used to be a bloke 😂", "discrimination"),
    ("Pronoun badges at INSET. Biology isn't bigotry.", "discrimination"),
    ("Told to call a Year 8 'they' from Monday. Absolute madness", "discrimination"),
    ("Another halal shop on the high street. The whole town's been taken over", "discrimination"),
    ("Walk down our high street and tell me it's still England", "discrimination"),
    ("Refugees off the boats getting school places before our own kids, disgraceful", "discrimination"),
    ("Landed on a dinghy last week and they've already got a free house and phones", "discrimination"),
    ("These families just don't share our values, never will", "discrimination"),
    ("Nicer town before the Romanians and the Albanians moved in", "discrimination"),
    ("Half our Reception intake are Muslim families now. Mark my words, no nativity in five years", "discrimination"),
    ("Everyone sign the 'Stop the Longton Mosque' petition", "discrimination"),
    ("Paddy jokes in the staffroom again, thick as mince the lot of them apparently", "discrimination"),
    ("Girls on the plumbing course? They should stick to hairdressing.", "discrimination"),
    ("Second one off on maternity this year. They all time it for the exam season", "discrimination"),
    ("Some of the over-55s in our department should take early retirement and make room", "discrimination"),
    ("Watching him run the fire drill is like watching a window licker do sudoku", "discrimination"),
    ("63 and still can't use the smartboard. Some people are just too old to be teaching", "discrimination"),
    ("let's all compliment her haircut tomorrow and see if she cries again 🤡", "harassment"),
    ("let's all just leave her on read from now on", "harassment"),
    ("Keep slagging me off on the village page and see what happens", "threat"),
    ("I know exactly which house is yours", "threat"),
    ("I'll make sure the whole trust knows what you did", "threat"),
    ("you looked well fit in them leggings at staff netball 😍", "harassment"),
    ("Bet you look even better out of that cardigan", "harassment"),
    ("The new PE teacher in those shorts 🥵 volunteering for every duty now", "harassment"),
    ("Mr McCabe in his PE shorts today 🥵 he can take my register any day", "harassment"),
    ("Has anyone seen Ewa's new haircut 😂😂 proper Lego man vibes", "harassment"),
    ("did you get dressed in the dark again Laura? no wonder the kids laugh", "harassment"),
    ("right girls nobody tell Cristina where we're going friday, if she asks it's cancelled", "harassment"),
    ("Been here five minutes and thinks she runs the place. Know your place Bev", "harassment"),
    ("Day 12 of watching our new ECT cry in the staff loos, taking bets on her lasting till Easter", "harassment"),
    ("You can keep blocking my number but it won't stop me", "harassment"),
    ("Block me all you like, I'll keep finding ways to message you", "harassment"),
    ("she's a lazy cow and everyone knows it", "harassment"),
    ("honestly he's a complete waste of space", "harassment"),
    ("she's a total slag, ask anyone in the staffroom", "harassment"),
    # (session 30) a colleague mocked as a group sport; being watched or leaned on
    ("Mr Dale's crying in the staff toilets again 😂 day three", "harassment"),
    ("Let's see how long till he cracks this time, the Year 10s are on form", "harassment"),
    ("Taking bets on how long she lasts, I give her till half term", "harassment"),
    ("someone needs to tell him nobody in the department can stand him", "harassment"),
    ("Everyone drop a clown for Mr Potts, he's earned it 🤡", "harassment"),
    ("Spot the new teacher who still can't find the hall 🤡", "harassment"),
    ("Honestly she's not cut out for this. Third cover lesson she's lost", "harassment"),
    ("You should stick to the photocopier, love", "harassment"),
    ("Ignore me all you want, I'll be waiting by your car after school", "threat"),
    ("I can make life very difficult for your daughter in my set, just remember that", "threat"),
    ("Careful. I know a few things about your husband too", "threat"),
    ("Keep your mouth shut about me at the gates", "threat"),
    ("You'll be sorry you complained to the governors", "threat"),
    # (session 31) a colleague told they are despised and will be shut out; a threat for being
    # ignored; a name written off as foreign; a share marked adult
    ("Why did you tell Rachel about the scores. You're pathetic.", "harassment"),
    ("Everyone in the staffroom thinks you're a grass btw", "harassment"),
    ("Enjoy eating lunch on your own tomorrow", "harassment"),
    ("Day 12 of counting his 'going forward's. Sad little man with a lanyard 😂", "harassment"),
    ("I'm your line manager. You'll regret ignoring me come Monday", "threat"),
    ("We don't need lectures on British values from someone with a name like that, thanks.", "discrimination"),
    ("Filthy one for the staff group 🔞😂", "sexual"),
    # (session 31, second readings) the next four blind looks' missed hate, mockery and threats
    ("Lovely that the Portuguese families want to 'integrate' but maybe start with a bar of soap.", "discrimination"),
    ("what do u call a lithuanian with a proper job?? ... a fruit picker 😂", "discrimination"),
    ("We're being replaced one classroom at a time and nobody's allowed to say it.", "discrimination"),
    ("Another mosque going up. This country is slowly being taken over and nobody's allowed to say it.",
     "discrimination"),
    ("When the gypsies pitch up on the rec again 🔒 lock up ya sheds lads", "discrimination"),
    ("Someone needs to tell our Ghanaian parents that 'African time' doesn't work when the gate shuts", "discrimination"),
    ("Maybe mainstream just isn't for you. Sick of 'SEN' being an excuse for everything.", "discrimination"),
    ("Sorting funding for the deaf unit. Half of them will never hold down a job anyway.", "discrimination"),
    ("Resource base kids having their meltdown hour again. Honestly it's like working in a zoo", "discrimination"),
    ("POV: Mr Mirza explaining equations 😂 *puts on the accent* 'innit very easy'", "discrimination"),
    ("Parents emailed asking us to use 'they' for their 7 year old. Absolutely not. Pandering nonsense.",
     "discrimination"),
    ("Guess who thinks leggings count as work wear at her size 🐘😂", "harassment"),
    ("One more time and don't be surprised if your car doesn't make it home in one piece", "threat"),
    ("Keep tweeting lies about our school mate and see what happens.", "threat"),
    # (session 31, after a reviewer's 427 probes) the same hate, mockery and threats worded otherwise
    ("Honestly someone needs to buy the Romanian lot some soap", "discrimination"),
    ("Buy them some soap 😂 RT if you've met the Bulgarian families at our school", "discrimination"),
    ("staffroom joke of the day: what do you call an Irishman who... nah I'll save it 🤣", "discrimination"),
    ("100% this. We're being replaced and nobody is allowed to say it 🇬🇧", "discrimination"),
    ("The great replacement isn't a theory when you teach here", "discrimination"),
    ("Half the Nigerian families rocked up at 8.45. African time innit", "discrimination"),
    ("Sick of parents using ADHD as an excuse for their kid being a brat", "discrimination"),
    ("*does the accent* 'innit bruv' - our new head of year everyone 🙄", "discrimination"),
    ("At her size she shouldn't be doing playground duty in leggings", "harassment"),
    ("Day 47 of #LowndesWatch: cried in the staffroom again, someone get this woman a backbone", "harassment"),
    ("One more learning walk and I swear I'll bring a can of petrol in and torch the whole place 🔥", "threat"),
    ("If that mum complains again don't be surprised if her car doesn't make it home in one piece", "threat"),
    # (session 31, third readings)
    ("Funny how the Polish kids always have the newest iPhones while claiming free school meals.", "discrimination"),
    ("Two mums turned up at parents' evening again. That child needs a proper family. It isn't natural",
     "discrimination"),
    ("A Year 10 lad who wants to be called Lily and use the girls' toilets. Madness.", "discrimination"),
    ("Autism base lot kicked off again, honestly it's like feeding time at the zoo 🐒", "discrimination"),
    ("Bev is 62 and can barely turn the smartboard on 🤦‍♀️ time to retire love", "discrimination"),
    ("Caught Leanne on the bouncy castle at the fun day 😂🐘 somebody call the RSPCA", "harassment"),
    ("Is that what passes for a lesson plan now? Stick to the photocopying pet 😂", "harassment"),
    ("she cries every time she's observed? maybe teaching just isn't for you babe 🤷‍♀️", "harassment"),
    ("don't add Shazia to the xmas do chat, literally nobody can stand her", "harassment"),
    ("Sending my OnlyFans link to anyone who survived Ofsted week", "sexual"),
    ("Did a lap dance for the head at his leaving do", "sexual"),
    ("who's getting laid this half term then", "sexual"),
    ("Found the best poker site, 100 free spins: royal-poker-uk.com", "inappropriate_link"),
    ("lads, this one is worth a look: https://hot-xxx-clips.net/view?x=1", "inappropriate_link"),
])
def test_phrases_found(text: str, label: str) -> None:
    hits = load_lexicon().find(text, exchange=False)  # these count anywhere, posts included
    assert [hit.label for hit in hits] == [label]
    assert hits[0].words.lower() in text.lower()


@pytest.mark.parametrize("text", [
    "We smashed it at sports day!",
    "Scunthorpe away this weekend",
    "Year 4 are killing it with their times tables",
    "I could murder a cuppa",
    "Dick Whittington panto was brilliant",
    "It was a secret santa surprise",
    "Don't tell me it's Monday already",
    "Self-harm awareness training for staff today",
    "Wait till I see you at the party, I've got news!",
    "I'll be waiting outside the hall for the Year 6 parents",
    "What a shame if the rain spoils sports day",
    "Year 11 are going to kill it in the exam",
    "You're useless at parking, love you really",
    "Those two are thick as thieves",
    "He's so stupid with money, bless him",
    "My kids were absolute animals at the zoo today lol",
    "The animals were feral cats from the farm",
    "In my class the opinions were split on the book",
    # (session 20 tried noun-less insults, group insults and "Personally, I think" here; a
    # review's probe found 29 of 40 innocent texts matched them, so they went again)
    "Anti-Bullying Week: if someone tells you you're worthless, tell a trusted adult.",
    "Feeling like you're worthless? Samaritans are there 24/7 on 116 123.",
    "He's so thick, this cat - fallen in the bath again 😂",
    "Pupils learnt that rats were vermin in Tudor times.",
    "Our feral lot of chickens escaped again!",
    "Never let anyone make you feel like you're worthless",
    "Our cat… he's so stupid 😂",
    "Year 1 were animals in this year's nativity",
    "Our Year 9 girls were absolute animals in the tug of war 💪",
    "Personally I feel so proud of every single one of our Year 6s",
    "Rant over - just kidding!",
    "Black History Month: our pupils researched Windrush pioneers",
    "omg Jade you muppet 😂 left your phone at mine again",
    # look-alikes of the threat, discrimination and insult templates
    "The tent poles are dirty after camp, please bring them back cleaned",
    "In 1900 many people believed women should not be allowed to vote",
    "Coats go back where they belong: on the pegs!",
    "We help families learn English before they start school",
    "Lolly sticks and glue needed for Friday's craft afternoon",
    "If you don't like it here there are other clubs nearby",
    "Working mums know women cannot manage without decent childcare",
    "Year 2's Billy Goats Gruff: he's an ugly troll and proud of it",
    "Wait till I get hold of them results on Thursday!",
    "Better watch yourself on the ice this morning",
    "Don't let exams make your life a misery: the wellbeing team is here",
    "He's so dead if we lose the staff match",
    "Our secret weapon for SATs? Sleep and a good breakfast",
    # look-alikes of the sexual, link and insult phrases
    "Nest box cam update: our great tits have laid 7 eggs, and the blue tits are back",
    "Dad was laid off last year, so the uniform swap shop really helped",
    "New shag pile rug for the reading corner thanks to the PTA",
    "Year 6 art: Pissarro's boulevards and Arsenal's stadium in watercolour",
    "University of Sussex outreach day: sussex.ac.uk/schools",
    "Essex County Council road closures: essex.gov.uk/roads",
    "Book your parents' evening slots at schoolcloud.co.uk",
    "You lucky cow, two weeks in Tenerife!",
    # look-alikes of the phrases read only in messages and comments
    "Please don't message me on Instagram, use Teams for homework questions",
    "i want to die of embarrassment 😂 tripped on stage",
    "I've been cutting back on biscuits in the staffroom",
    "Hottest day of the year for sports day!",
    "Send me the address for the staff night out?",
    "What are the arrangements for the coach home?",
    "My mum is home on Fridays so she can collect",
    # (session 29) the same words with no one shut out, mocked or condemned
    "Do yourself a favour and book the Year 6 residential early",
    "Do us all a favour and bring cake on Friday 🍰",
    "Nobody likes you when you're 23 - blink-182 on the minibus radio",
    "nobody rates you higher than me mate, legend",
    "we were all laughing at you falling over at bowling 😂",
    "Year 9 anti-bullying workshop: pupils will discuss phrases like \"nobody wants you here\" and why words hurt",
    "Every child deserves a mum like you ❤️",
    "A child needs a mum to cuddle them when they're poorly",
    "Our panto dame is a man in a dress and the kids loved it",
    "Mr Jones will be a man in a dress for Children in Need!",
    "It's not natural light in the hall, bring a lamp for the photos",
    "The new marking policy rammed down our throats again 🙄",
    "Our school is full for September, waiting list open",
    "Ukraine is full of brave people, and our Ukrainian families are amazing",
    "Four years since the full-scale invasion 🇺🇦 thank you for welcoming my family",
    "Space invaders club is back at lunchtime!",
    "Close the border collie in the kitchen before the kids arrive 🐕",
    "We need to take our town back from the litter louts: litter pick on Saturday",
    "A woman's place is in the House of Commons! Year 6 debate on suffrage",
    "Her 'boyfriend' is 24 and picks her up from school, I'm worried",  # a child at risk, not hate
    "Our Special Educational Needs team run a brilliant special table at lunch",
    "Funny how the kids always know when it's going to snow",
    "Keep practising your times tables and see what happens to your score!",
    "Our new software doesn't integrate with SIMS, they don't integrate with anything",
    "The hall smells of curry after the Diwali feast 😋 thank you families!",
    "Our autism base is brilliant; the children in the hub help the rest of the class",
    "He should be in an institution of higher learning, such a bright lad",
    "Pride month display is up - we keep it in our classrooms all year round 🌈",
    # (session 29's review) the same words meaning no harm
    "All children need a mum, dad or carer to sign the trip form",
    "Two mums had a screaming match at pick-up. Disgusting behaviour in front of the kids",
    "Mr Page is a man in a dress for Red Nose Day, sponsor him here!",
    "Year 4 Invaders and Settlers: these invaders built roads that we still use today",
    "The blender was broken so we took it back to the shop",
    "Finally got that lot out the door for the trip 😅",
    "The lost PE kits finally went home where they belong",
    "I'm basically a vegetable after parents' evening",
    "A woman's place is wherever she wants to be! Happy International Women's Day",
    "Year 10 visited the mosque on Takeover Day and ran the tour themselves",
    "The playground was fine before they came and dug it up for the new drains",
    "The Habsburgs all married their cousins, Year 8 were horrified",
    "The whole street smells of curry from the Diwali celebrations - amazing!",
    "In A-level maths some functions they don't integrate nicely",
    "Do us all a favour and go to bed early tonight Year 6, big day tomorrow!",
    "Nobody wants you to feel left out, so everyone gets a part in the play",
    "Keep pushing yourself and see what happens!",
    "I'll make sure everyone knows about the bake sale",
    "I know which house is yours, Year 7 - go Red House!",
    "You looked stunning at your wedding ❤️ congratulations!",
    "you looked hot and sweaty after the fun run, well done for finishing",
    "Has anyone seen my keys? 😂 third time this week",
    "I got dressed in the dark this morning, odd socks all day 😂",
    "Nobody tell Sarah about the surprise party on Friday 🤫🎉",
    "Year 6 in their new PE kit today, looking smart!",
    "Know your place value! Year 3 maths challenge",
    # (session 29's second review) fitness, a plaster cast, a hot day, a marathon, the queue
    "Has anyone seen my new haircut? be honest 😂",
    "Know your place in the queue for the tuck shop kids!",
    "You looked so fit at the Race for Life today, 5k in 28 mins!",
    "She looked fit and well after her op, lovely to see her",
    "Bet he looks even better out of that cast, get well soon mate",
    "New PE kit for the netball team 🥵 it was 30 degrees at the tournament",
    "Taking bets on him lasting the full 26 miles at the marathon 🏃",
    # (session 30) crying, bets and clowns that mock no one; waiting, knowing and warning kindly
    "Crying in the staff loo again, the Year 6 leavers' assembly got me",
    "I cried in the car park again after results day, happy tears 😂",
    "How long before she cries at the leavers' assembly? Every year 😂 love you Mrs P",
    "Place your bets on how long the snowman lasts in the playground ☃️",
    "Bet she'll cry at the leavers' song, she always does 🥹",
    "Watch her cry happy tears at the wedding video 🥹",
    "Spot the ECT who made the best cake at the bake off!",
    "Everyone drop a clown emoji if you're coming to the circus skills day 🤡",
    "Maybe stick to being a TA for another year before training, says our careers adviser",
    "He's not cut out for this weather, the poor caretaker in shorts ❄️",
    "I'll be waiting for you at the gates with your medals, well done team!",
    "I can make things a bit easier for your child with a writing slope, let me know",
    "I know a few things about your subject, we should chat at the training day",
    "You'll be sorry you missed the bake sale, the brownies were amazing",
    "I'm getting too old to be teaching PE in the rain 😂",
    "I'm far too old to be teaching TikTok dances to Year 9",
    "Am I too old to be teaching at 55? Retraining thoughts",
    "Windowlicker by Aphex Twin came on in the staffroom",
    "Our Year 1 snail is a proper window licker, stuck to the tank all day 🐌",
    "Taking my daughter to see Bluey Live, let's see if she cries again 😂",
    "We'll see if he cries again at the leavers' song 🥹",
    # (session 31) banter, self-mockery, a picture book and a film night; a name that fits
    "You're pathetic 😂 eating all the biscuits again",
    "My Year 9s think you're pathetic at Mario Kart and want a rematch 🎮",
    "Enjoy your lunch on your own in peace, you deserve a break after that week!",
    "You'll regret not coming to the fair!",
    "You'll regret that third mince pie in the morning",
    "Everyone in the office thinks you're a star, Mrs P!",
    "With a name like Bolt, he had to be a sprinter",
    "A sad little boy finds a friend in this lovely picture book",
    "🔞 film night for the grown-ups: Deadpool and pizza",
    # (session 31, second readings) a zoo trip, a teddy's costume, a parking ticket, an owls' riddle,
    # ADHD as no excuse, a drumming workshop
    "Our resource base kids loved the zoo trip 🐒🐒",
    "Ellie's teddy costume is perfect at her size 😂",
    "Don't be surprised if your car gets a parking ticket outside school at pick-up!",
    "What do you call a group of owls? A parliament!",
    "ADHD is not an excuse for everything, but it explains a lot - great training today",
    "'African time' drumming workshop with Kofi was amazing 🥁",
    # (session 31, after the reviewer's probes) pastries, stews, time signatures and zones, a bird
    # watch, a bonfire, a CPD session naming a phrase to avoid
    "What do you call a Portuguese custard tart? A pastel de nata, thank you Ana's mum!",
    "What do you call an Irish stew without meat? Still delicious 😋",
    "West African time signatures - 12/8 polyrhythms in Y8 music today",
    "South African time is an hour ahead of us in summer, so the call is at 2pm",
    "CPD today on microaggressions: why 'African time' is a phrase we never use",
    "Day 3 of #BirdWatch with Year 2, spotted a heron!",
    "I'll torch the marshmallows at the Scout camp fire, promise",
    "The Romanian families donated bars of soap to the refugee appeal, thank you!",
    # (session 31, third readings) cakes, every family welcome, a nickname, a birthday, a hedgehog
    "Funny how the Polish families always bring the best cakes to the fair!",
    "Two mums, two dads, one mum - every family is welcome at Oakfield 🌈",
    "Ruby wants to be called Rubes now, she says it's cooler 😂",
    "Mrs Hill is 60 today! Happy birthday to our wonderful office manager 🎉",
    "Found a hedgehog in the playground, somebody call the RSPCA!",
    "Maybe teaching isn't for everyone, but for me it's the best job in the world",
    "Nobody likes him more than his mum does 😂",
    # (session 30) the same words with no people slandered, mocked or shut out
    "Gypsy, Roma and Traveller History Month: lock up your bikes before assembly, the racks are full",
    "Lock your bikes up please, the travellers' rest cafe car park isn't safe at night",
    "What happens to house prices when the new station opens? Year 10 economics debate",
    "ADHD stands for attention deficit hyperactivity disorder, a quick guide for parents",
    "My son's ADHD diagnosis changed everything. It's not bad parenting, it never was",
    "ADHD meds shortage again, my arse is sore from sitting on hold to the pharmacy",
    "The SEN base is like a zoo today, Year 2 brought their pets in for show and tell!",
    "Autistic kids vs the fire alarm: please warn us before drills, it makes such a difference",
    "SEN mums be like the most organised people I know, legends",
    "Our 'special' today is fish pie and chips",
    "Mr Patel and his husband ran the Pride stall, raised £300",
    "Pride month! 🌈 Wonder why we celebrate? Come to assembly to find out",
    "Nails done for the Pride party 💅🌈 if you know what I mean, rainbow glitter everywhere",
    "Our old caretaker used to be a man of few words but he loved the kids",
    "It turns out the deputy used to be a lad from the estate himself",
    "French has only two genders, masculine and feminine, Year 7 learnt today",
    "Call him 'they'? Sure, no problem at all, happy to respect that",
    "The staffroom's been taken over by Christmas jumpers 🎄",
    "Tell me this is still England, 30 degrees in October!",
    "AI is going to replace us all, said the Year 9 debate team",
    "They replace us in the panto next year, the Year 6s, so we'll be in the audience!",
    "If you don't like it, there's a flight leaving at 6 for the ski trip, ha",
    "If the parents learnt English with us at the ESOL class, they would love it, sign up here",
    "The Year 10s have zero interest in fitting in a revision session before half term",
    "Our Portuguese families make the best pastel de nata, the smell in the hall was amazing",
    "The parents don't share our values on uniform apparently, ha, a few letters about trainers",
    "Stop the mosque trip moaning, it's going ahead, permission slips by Friday",
    "The Irish lads were brilliant, thick snow didn't stop the lot of them",
    "Girls should stick to the kitchen rota this week, boys are on the garden, swap next week",
    "She's 'pregnant' in the school play, Mary in the nativity 😂",
    "Maternity leave starts Friday, time it right and you get the summer too, says my union rep",
    "He's 65 and still doing the crossword every day, sharp as a tack, happy birthday grandad",
    "Time for the older staff to make way for the new photocopier 😂 jokes, welcome back everyone",
    # (session 28) English no longer said of a language, not of a place or its people
    "kids' slang, it's not even English anymore 😂",
    "Year 9's homework? that's not even English any more lol",
    "My accent's not even English anymore after ten years in Madrid",
    "Not a white cloud in the sky for sports day ☀️",
    "Hardly a white shirt left in lost property, please label uniform",
    "Brexit made me decide which country I actually want to live in",
    "Eid this week, so half the class will be off. Eid Mubarak to all our families!",
    "Ramadan starts on Friday: half of our Year 6 will be fasting, so let them rest if they're tired",
    # (session 27) the same words with no people slandered or shut out
    "Gypsy, Roma and Traveller History Month: keep an eye on the display board for our timeline",
    "Refugee Week bake sale tomorrow, keep an eye on your inbox for the rota",
    "Eid party in the hall at 2, families welcome! If you can't come, choose a different day to visit",
    "Our Ramadan quiet room is open; fasting pupils who want to rest can choose another room too",
    "Which car is yours? I'll move mine so you can get out of the staff car park",
    "You can block out Friday afternoon in your calendars but keep Monday free",
    "We are a Church of England school and we welcome families of every faith and none",
    "Our refugee families told us how much they value education, a humbling evening",
    "Golly, what a week! Roll on half term",
    "Kids at the park called my son \"autistic\" as an insult; he is autistic and proud",
    "Dinosaur day in Reception! The children made fossils out of salt dough",
    "Freezing out there this morning, wrap up warm for the walk to school",
    "If you don't like how we do things here, come and talk to me and we'll change it together",
    "Our Polish families are amazing, the food at the summer fair was incredible",
    # (session 27's review) the same words, meaning no harm
    "Year 4 learned that refugees are welcome here (School of Sanctuary)",
    "Polish families evening: remember to lock your cars",
    "Our EAL kids were amazing today - we had to lock the doors",
    "Travellers to the Year 6 residential: lock up your valuables",
    "Never met a woman who could run a marathon in under 3 hours until Mrs Khan did it!",
    "We froze them out of the game at netball, 20-2!",
    "I know which car is yours, you left your lights on",
    "We know where you park - reminder staff to use the bays",
    "You can block me on Teams but I'll still send the minutes",
    "pupils with 'ASD' badges on the lanyard",
    "I'm worried about the little one, she's got a temperature",
    "The drains were blocked up again after the storm",
    "Our Gypsy, Roma and Traveller families led the music at the festival. Lock-in at the pub after!",
])
def test_innocent_uses_are_left_alone(text: str) -> None:
    # Read as an exchange: every phrase is tried, those that count anywhere included (but for the
    # school's account's own tone: "lol" on a personal post is the writer's business).
    hits = [hit for hit in load_lexicon().find(text, exchange=True) if hit.label not in OFFICIAL_ONLY]
    assert hits == []


# Signs of grooming, of asking a child for their details and of disclosures that count only
# in a message or comment (said to someone), not in a plain post.
@pytest.mark.parametrize(("text", "label"), [
    ("add me on snap so we can chat properly", "grooming"),
    ("lets move this convo to snap", "grooming"),
    ("no one else needs to know about this", "grooming"),
    ("I'll leave the door open, come and find me when everyone's gone", "grooming"),
    ("i'm not like the other teachers, you can tell me anything", "grooming"),
    ("you're so mature for your age", "grooming"),
    ("topped up your phone credit for you", "grooming"),
    ("whats ur snap?", "request_child_info"),
    ("send me a selfie of you in the new kit", "request_child_info"),
    ("are you home alone tonight?", "request_child_info"),
    ("when's your mum next away?", "request_child_info"),
    ("what's the code for your front door", "request_child_info"),
    ("miss i've been cutting again", "disclosure"),
    ("i just want to die", "disclosure"),
    ("nobody would care if i wasn't here", "disclosure"),
    ("theres no food at home again", "disclosure"),
    ("an older boy keeps messaging me asking me to send pics", "disclosure"),
    ("i want to die 😭", "disclosure"),
    ("i just want to die in my sleep", "disclosure"),
    ("i want to die when he comes home", "disclosure"),
    ("i've been self harming since christmas", "disclosure"),
    ("please don't message me on here, add me on snap", "grooming"),  # an allow-listed phrase first
    ("we've had no electric for a week, I'm struggling to feed the kids", "disclosure"),
    ("he sent me a pic of himself naked and wants one back", "disclosure"),
    ("i haven't eaten in 3 days, there's nothing in", "disclosure"),
    ("why not keep this between us", "grooming"),              # a suggestion, not a refusal
    ("let's keep it between us, yeah?", "grooming"),
    # (session 27) a neighbour or parent telling the school about another child's welfare
    ("There's a boy on our street out till all hours. Someone from school needs to check on him", "disclosure"),
    ("I'm really worried about the little girl next door, she's always on her own", "disclosure"),
    # (session 31) a neighbour's concern on the school's page
    ("Someone needs to check on the kids at 4 Mill Cottages. Screaming every night", "disclosure"),
    ("the little one in your uniform always has bruises on her legs", "disclosure"),
    ("That girl in Year 2 always has marks on her arms. Please look into it.", "disclosure"),
    ("Kids at the end house on Mill Lane were left on their own all weekend. Who do I tell?", "disclosure"),
    ("Is it normal for one of the year 5 teachers to be messaging my 10 year old on snapchat at 11 at night??",
     "disclosure"),
    ("A member of your staff added my son on TikTok and has been messaging him. Is this allowed??", "disclosure"),
    ("just found whatsapp messages on my sons phone from his teacher at midnight. not happy at all", "disclosure"),
])
def test_exchange_phrases_found_only_in_exchanges(text: str, label: str) -> None:
    lexicon = load_lexicon()
    assert label in [hit.label for hit in lexicon.find(text, exchange=True)]
    assert label not in [hit.label for hit in lexicon.find(text, exchange=False)]


INNOCENT_EXCHANGES = Path(__file__).resolve().parents[1] / "data" / "language" / "innocent_exchanges.txt"


def _innocent_exchanges() -> list[str]:
    lines = INNOCENT_EXCHANGES.read_text("utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("# ")]


@pytest.mark.parametrize("text", _innocent_exchanges())
def test_ordinary_school_messages_are_left_alone(text: str) -> None:
    # (chat-speak and swearing are the school's account's tone only: "lol" in a member of staff's
    # own message is their own business, and the check never reads it there)
    hits = [hit for hit in load_lexicon().find(text, exchange=True) if hit.label not in OFFICIAL_ONLY]
    assert hits == []


INNOCENT_LOOKALIKES = INNOCENT_EXCHANGES.with_name("innocent_lookalikes.txt")


@pytest.mark.parametrize("text", [
    line for line in INNOCENT_LOOKALIKES.read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("# ")
])
def test_innocent_twins_of_sexual_link_and_swear_words_are_left_alone(text: str) -> None:
    assert load_lexicon().find(text, exchange=True) == []


@pytest.mark.parametrize(("text", "label"), [
    ("watching p0rn in the staffroom lol", "sexual"),
    ("she's a total b1tch to the TAs", "harassment"),
    ("send n00dz", "sexual"),
    ("go back to your own c0untry", "discrimination"),
])
def test_letters_written_as_digits_or_symbols_are_read_as_letters(text: str, label: str) -> None:
    hits = load_lexicon().find(text, exchange=True)
    assert label in [hit.label for hit in hits]
    hit = next(hit for hit in hits if hit.label == label)
    assert hit.words == text[hit.start:hit.end]  # the evidence is the text as written


@pytest.mark.parametrize("text", [
    "Year 5s and U11s were brilliant at 4pm, well done!",
    "Y4 trip tomorrow, gonna get Y4 ready",  # a lone letter beside a digit is left alone
    "KS4 results: email office@bench.sch.uk or call 01632 960123",
    "gr8 day at the CO2 experiment, H2O everywhere!!",
])
def test_ordinary_digits_and_symbols_are_left_alone(text: str) -> None:
    assert load_lexicon().find(text, exchange=True) == []


def test_curly_and_modifier_apostrophes_are_read_as_apostrophes() -> None:
    for apostrophe, ending in itertools.product(("\u2019", "\u2018", "\u02bc", "\u00b4"), ("", "\u2026")):
        text = f"don{apostrophe}t tell your mum{ending}"  # an ellipsis changes the folded length
        assert [hit.label for hit in load_lexicon().find(text, exchange=False)] == ["grooming"], apostrophe


@pytest.mark.parametrize(("kind", "found"), [
    ("message", True), ("comment", True), (None, True),  # an unknown kind is read as an exchange
    ("post", False), ("profile", False), ("share", False),
])
def test_exchange_phrases_by_kind(kind: str | None, found: bool) -> None:
    # judge() reads the lexicon through lexicon_hits(), as the trainer does: one scoping.
    decisions = judge("are u home alone tonight?", kind=kind)
    assert ("request_child_info" in {d.label for d in decisions if d.source == "lexicon"}) is found
    assert ("request_child_info" in {hit.label for hit in lexicon_hits("are u home alone tonight?", kind)}) is found


# Context that switches the sexual phrases off: teaching or reporting the harm they name.
@pytest.mark.parametrize("text", [
    "Online safety evening for parents: what to do if your child is asked to send nudes",
    "Our RSE letter explains how we talk about porn and consent in Year 10",
    "Sextortion: if someone threatens to share your nudes, tell CEOP",
    "someone said they'll post my nudes if i dont pay them by tonight",  # a child being blackmailed
    "GCSE art: Rubens' nudes beside Lucian Freud's paintings",
])
def test_teaching_about_a_harm_is_not_sexual_content(text: str) -> None:
    lexicon = load_lexicon()
    assert "sexual" not in [hit.label for hit in lexicon.find(text, exchange=True)]
    # and it is the context that excuses it: without `unless` the phrase is found
    bare = replace(lexicon, unless={})
    assert "sexual" in [hit.label for hit in bare.find(text, exchange=True)]


@pytest.mark.parametrize(("text", "label"), [
    ("send me nudes tonight. I mean it, no excuses this time, you know what happens if you "
     "don't. and yes I did the online safety course, so what", "sexual"),  # context too far away
    ("add me on snap x. the warning signs talk was boring", "grooming"),  # read only in messages
])
def test_context_far_from_the_phrase_or_in_a_message_excuses_nothing(text: str, label: str) -> None:
    assert label in [hit.label for hit in load_lexicon().find(text, exchange=True)]


def test_shipped_phrases_can_be_joined_safely() -> None:
    # Each judgement's phrases are joined into one pattern: no phrase may carry its own groups,
    # inline flags or a top-level alternative (which would escape the word-start anchor).
    import yaml

    path = Path(__file__).resolve().parents[2] / "src" / "safepost" / "language" / "lexicon.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    words = {name: f"(?:{value})" for name, value in data["words"].items()}
    for section in ("labels", "in_exchanges", "unless", "not_after"):
        for label, entries in data[section].items():
            for entry in entries:
                for name, value in words.items():
                    entry = entry.replace("{" + name + "}", value)
                where = f"{section}.{label}: {entry[:60]}"
                assert re.compile(entry).groups == 0, where  # no capturing groups
                assert "(?i" not in entry and "(?a" not in entry, where
                assert not _top_level_alternative(entry), where


def _top_level_alternative(pattern: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for character in pattern:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif in_class:
            in_class = character != "]"
        elif character == "[":
            in_class = True
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "|" and depth == 0:
            return True
    return False


@pytest.mark.parametrize("text", [
    "Safeguarding INSET today: grooming often starts with secrecy like 'don't tell your mum'",
    "Parents' guide: groomers often say 'this is our little secret'",
])
def test_training_that_quotes_a_groomer_is_not_grooming(text: str) -> None:
    assert "grooming" not in [hit.label for hit in load_lexicon().find(text, exchange=True)]


def test_unless_switches_off_only_its_own_judgement() -> None:
    lexicon = parse_lexicon({
        "labels": {"sexual": ["\\bnudes\\b"], "threat": ["\\bwatch your back\\b"]},
        "unless": {"sexual": ["\\bonline safety\\b"]},
    })
    text = "online safety talk about nudes; watch your back"
    assert [hit.label for hit in lexicon.find(text, exchange=False)] == ["threat"]
    assert [hit.label for hit in lexicon.find("send nudes", exchange=False)] == ["sexual"]


@pytest.mark.parametrize(("channel", "found"), [("official", True), ("personal", False)])
def test_swearing_is_unprofessional_only_on_official_accounts(channel: str, found: bool) -> None:
    text = "Sports day is off again, ffs. Blame the weather"
    decisions = judge(text, channel=channel, kind="post")
    assert ("unprofessional_tone" in {d.label for d in decisions if d.source == "lexicon"}) is found


def test_exchange_phrase_decides_in_a_message_not_in_a_post() -> None:
    text = "send me a pic of you in your uniform"
    in_message = [d for d in judge(text, kind="message") if d.source == "lexicon"]
    in_post = [d for d in judge(text, kind="post") if d.source == "lexicon"]
    assert [d.label for d in in_message] == ["request_child_info"]
    assert in_message[0].triggers[0].words == "send me a pic of you in"
    assert in_post == []


@pytest.mark.parametrize(("text", "kind", "found"), [
    # keeping something from "anyone" is a secret kept with someone only in an exchange
    ("Mocks data in, the results are well down this year. Don't tell anyone!", "message", True),
    ("Mocks data in, the results are well down this year. Don't tell anyone!", "comment", True),
    ("Mocks data in, the results are well down this year. Don't tell anyone!", "post", False),
    # ... a child's parents or "our little secret" are a child's secret wherever they are written
    ("Don't tell your mum, this is our little secret", "post", True),
])
def test_a_secret_kept_from_anyone_is_a_secret_only_in_an_exchange(text: str, kind: str, found: bool) -> None:
    assert ("grooming" in {d.label for d in judge(text, kind=kind) if d.source == "lexicon"}) is found


@pytest.mark.parametrize(("data", "key"), [
    ({}, "labels"),
    ({"labels": {"not_a_label": ["x"]}}, "labels.not_a_label"),
    ({"labels": {"threat": "x"}}, "labels.threat"),
    ({"labels": {"threat": ["(unclosed"]}}, "labels.threat[0]"),
    ({"labels": {}, "allow": "x"}, "allow"),
    ({"labels": {}, "in_exchanges": ["x"]}, "in_exchanges"),
    ({"labels": {}, "in_exchanges": {"grooming": ["(bad"]}}, r"in_exchanges.grooming[0]"),
    ({"labels": {}, "in_exchanges": {"nope": ["x"]}}, "in_exchanges.nope"),
    ({"labels": {}, "unless": ["x"]}, "unless"),
    ({"labels": {}, "not_after": ["x"]}, "not_after"),
    ({"labels": {}, "not_after": {"grooming": ["(bad"]}}, "not_after.grooming"),
    ({"labels": {}, "words": ["x"]}, "words"),
    ({"labels": {"threat": ["(?i)a", "b"]}}, "labels.threat: its phrases cannot be joined"),
    ({"labels": {}, "unless": {"sexual": ["(bad"]}}, r"unless.sexual[0]"),
])
def test_bad_lexicon_names_the_key(data: object, key: str) -> None:
    with pytest.raises(LexiconError, match=key.replace("[", r"\[").replace("]", r"\]")):
        parse_lexicon(data, "lex.yaml")


@pytest.mark.parametrize(("author", "judged"), [
    (None, True), ("staff", True),  # unknown authorship is read as the member of staff's own
    ("pupil", False), ("former_pupil", False), ("parent", False), ("colleague", False),
    ("public", False),
])
def test_staff_conduct_is_not_read_into_someone_elses_words(author: str | None, judged: bool) -> None:
    labels = {d.label for d in judge("are u home alone tonight?", kind="message", author=author)}
    assert ("request_child_info" in labels) is judged


def test_a_pupils_disclosure_is_read_whoever_wrote_it() -> None:
    labels = {d.label for d in judge("i want to die 😭", kind="message", author="pupil")}
    assert "disclosure" in labels


def test_the_measurement_tells_the_judge_who_wrote_each_example() -> None:
    from safepost.language.evaluation import evaluate_examples

    mum = {"text": "r u home alone tonight? x", "kind": "message", "labels": []}
    assert evaluate_examples([{**mum, "author": "parent"}]).clean_flagged == 0
    assert evaluate_examples([{**mum, "author": "staff"}]).clean_flagged == 1


@pytest.mark.parametrize("text", [
    "I can't keep this between us Mia, I'm sorry. I have to tell the safeguarding team",
    "I cannot keep it a secret, but I'll stay with you while we talk to Mrs Khan",
    "i won't keep this between us, it's too important. come and see me and Mr Lee",
    "I’m not allowed to keep that secret, I have to pass it on to our DSL",
    # the refusal may name what it will not keep, or promise nothing
    "I can't keep things like this just between us, so I've let Mrs Kowalski, our DSL, know",
    "I can't promise to keep this just between us, I'll need to speak to Mr Shah",
    "I cannot keep what you've told me just between us, but you did the right thing telling me",
    "i cant promise i'll keep anything like that just between us x",
])
def test_refusing_to_keep_a_secret_is_not_grooming(text: str) -> None:
    # What a member of staff must say when a child discloses, not a sign of grooming.
    assert "grooming" not in [hit.label for hit in load_lexicon().find(text, exchange=True)]


@pytest.mark.parametrize(("text", "exchange"), [
    ("if u cant keep it between us i'll get sacked and it'll be ur fault", True),  # not first person
    ("You can't keep this a secret? I thought you were more grown up", True),
    ("u wont keep this between us?", True),
    ("I won't keep this a secret unless you send another pic", True),  # a threat, not a refusal
    ("Let's keep it just between us x", False),                         # read in posts too
    ("why not keep this between us", True),
    ("I can't keep my eyes off you, just between us x", True),  # refuses nothing
    ("I can't wait to see you. Just between us, ok?", True),
])
def test_secrecy_that_is_not_a_refusal_stays_a_sign(text: str, exchange: bool) -> None:
    assert "grooming" in [hit.label for hit in load_lexicon().find(text, exchange=exchange)]


@pytest.mark.parametrize(("author", "counts"), [
    (None, True),       # the member of staff's own words on the school's account
    ("staff", True),
    ("pupil", False),   # a pupil's "lol" under the school's post is not the school's tone
    ("parent", False),
])
def test_the_schools_tone_is_read_only_in_its_own_words(author: str | None, counts: bool) -> None:
    found = {decision.label for decision in judge("lol no, read the letter", "official", kind="comment",
                                                  author=author)}
    assert ("unprofessional_tone" in found) is counts
