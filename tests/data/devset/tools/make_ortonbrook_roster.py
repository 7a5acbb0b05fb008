"""Make the roster of Orton Brook Academy (seventeenth look): pupils.csv and staff.csv.

    .venv/bin/python tests/data/devset/tools/make_ortonbrook_roster.py

Seeded (random.Random(17)), so it regenerates the same files. An invented 11-18 academy in
Orton, Peterborough: ~1,115 current pupils (Years 7-13) and ~58 former pupils, names drawn
with realistic frequencies from the communities of a Peterborough secondary (white British,
British Pakistani, Indian, Bangladeshi, Polish, Lithuanian, Romanian, Nigerian, Somali,
Chinese, Irish, Caribbean). A few pupils are PLANTED with fixed ids (OB0001-OB0060) because
cases in seventeenth_look.jsonl are built on them; the rest are random (OB0061 on).
Every name is invented; any likeness to a real person is coincidental.
"""

import csv
import random
from datetime import date, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "schools" / "ortonbrook"
R = random.Random(17)

# ---------------------------------------------------------------- name pools (weights)
WB_GIRLS_YOUNG = dict(Olivia=9, Amelia=9, Darcey=1, Bonnie=1, Thea=1, Lottie=1, Aria=2, Violet=1, Ivy=1, Elsie=1, Nancy=1, Sienna=1, Macie=1, Lacey=1, Isabelle=1, Edie=1, Gracie=1, Lexi=2, Orla=1, Brooke=1, Hollie=1, Isla=6, Ava=6, Emily=8, Sophie=6, Grace=5, Lily=6, Mia=6,
                      Ella=5, Evie=5, Poppy=4, Isabella=4, Jessica=4, Freya=4, Ruby=4, Chloe=4, Ellie=5,
                      Daisy=3, Millie=4, Scarlett=3, Phoebe=3, Erin=3, Lola=2, Summer=2, Matilda=2,
                      Maisie=3, Harper=2, Evelyn=1, Rosie=3, Rose=2, Holly=2, Eliza=1, Hope=1, Faith=1,
                      Megan=2, Hannah=3, Lucy=4, Charlotte=3, Imogen=2, Molly=3, Amber=2, Willow=1,
                      Elizabeth=2, Florence=1, Esme=2, Layla=2, Skye=1, Niamh=1, Eva=3, Harriet=1)
WB_GIRLS_OLD = dict(Jessica=7, Chloe=7, Shannon=1, Danielle=1, Jodie=1, Kayleigh=1, Caitlin=2, Naomi=1, Alice=2, Sophia=1, Jasmine=1, Zoe=2, Ellen=1, Natasha=1, Beth=1, Robyn=1, Hayley=1, Emily=8, Megan=6, Hannah=6, Lauren=4, Sophie=7, Ellie=5,
                    Lucy=5, Charlotte=5, Grace=4, Olivia=5, Amy=3, Bethany=3, Holly=3, Katie=3,
                    Georgia=3, Abigail=3, Rebecca=2, Amber=3, Millie=3, Molly=3, Paige=3, Courtney=2,
                    Leah=3, Eleanor=2, Isabel=2, Libby=2, Rachel=1, Jade=1, Summer=1, Faith=1, Amelia=3,
                    Elizabeth=2, Katherine=2, Imogen=2, Freya=2, Erin=2, Phoebe=2, Mia=2, Keira=2,
                    Niamh=1, Tia=1, Evie=2, Poppy=2, Rose=1, Daisy=1, Ruby=2)
WB_BOYS_YOUNG = dict(Oliver=9, Jack=8, Harry=9, Charlie=7, George=7, Alfie=7, Jacob=4, Ezra=1, Jenson=1, Rory=1, Stanley=1, Hugo=1, Elliott=1, Caleb=1, Edward=2, Zachary=1, Rhys=1, Jasper=1, Ellis=1, Harley=1, Brody=1, Thomas=6,
                     James=6, William=6, Noah=6, Oscar=5, Leo=5, Archie=5, Freddie=5, Joshua=4,
                     Henry=3, Theo=4, Max=3, Logan=3, Isaac=3, Lucas=3, Mason=3, Ethan=4, Samuel=4,
                     Daniel=3, Joseph=4, Riley=3, Harrison=2, Finley=3, Tyler=2, Dylan=3, Louie=2,
                     Toby=2, Reggie=2, Albie=1, Tommy=2, Ronnie=1, Frankie=1, Jude=1, Arthur=2,
                     Benjamin=3, Alexander=2, Ollie=1, Kai=2, Jayden=2, Teddy=1, Sonny=1, Bobby=1)
WB_BOYS_OLD = dict(Jack=9, Thomas=8, Joshua=7, Sean=1, Ashton=1, Morgan=1, Harvey=2, Jay=1, Corey=1, Declan=1, Robbie=1, Ewan=1, James=7, Daniel=6, Samuel=6, Oliver=5, William=6,
                   Harry=6, Joseph=5, Matthew=4, Luke=4, Callum=4, Ryan=4, Lewis=4, Benjamin=4,
                   Alexander=3, Ethan=4, Jake=3, Adam=3, Connor=3, Kieran=2, Liam=3, Charlie=4,
                   George=3, Alfie=2, Dylan=2, Tyler=3, Bradley=2, Jordan=3, Nathan=2, Owen=2,
                   Jamie=2, Reece=2, Kyle=1, Brandon=1, Aaron=2, Elliot=2, Cameron=2, Max=2,
                   Mark=1, Jacob=2, Lucas=1, Toby=2, Louis=2, Finley=1, Kane=1, Mason=1)
WB_SURNAMES = dict(Smith=14, Jones=8, Taylor=8, Brown=7, Williams=7, Wilson=6, Johnson=6, Davies=5,
                   Robinson=4, Wright=5, Thompson=5, Evans=4, Walker=5, White=4, Roberts=4,
                   Green=4, Hall=4, Wood=4, Jackson=4, Clarke=4, Hughes=3, Edwards=3, Lewis=3,
                   Harris=4, Turner=3, Hill=4, Cooper=3, Ward=3, Morris=3, Moore=3, King=4,
                   Baker=3, Young=3, Allen=3, Parker=3, Mitchell=3, Cook=3, Carter=3, Bailey=2,
                   Bell=2, Marshall=2, Phillips=2, Watson=2, Shaw=3, Richardson=2, Griffiths=2,
                   Chapman=3, Marsh=2, Field=2, Church=1, Bishop=2, Rich=1, Best=1, Booth=2,
                   Fisher=2, Howard=2, Webb=2, Holmes=2, Palmer=2, Hunt=2, Fox=2, Pearson=2,
                   Stone=1, Knight=2, Barker=2, Gibson=2, Ellis=2, Cole=1, Dixon=2, Harrison=2,
                   Fletcher=2, Lee=2, Mason=1, Sharpe=1, Kemp=1, Gray=2, Newton=1, Goodwin=1,
                   Rowe=1, Spencer=2, Pratt=1, Bradshaw=1, Saunders=1, Burton=1, Freeman=1)

PK_BOYS = dict(Muhammad=7, Mohammed=3, Zayn=2, Rehan=1, Arslan=1, Shayan=1, Harun=1, Junaid=1, Luqman=1, Sufyan=1, Yaseen=1, Zohaib=1, Aayan=1, Ibrahim=4, Yusuf=4, Ayaan=4, Zain=3, Hamza=4, Bilal=2,
               Usman=2, Ali=3, Haris=2, Rayyan=2, Zakariya=2, Adam=3, Hassan=2, Umar=3, Abdullah=2,
               Faizan=1, Arham=1, Musa=2, Idris=1, Saad=1, Talha=1, Danyal=1)
PK_GIRLS = dict(Aisha=5, Zainab=4, Maryam=5, Fatima=4, Hafsa=2, Khadija=2, Aleena=2, Inaya=2,
                Amna=2, Hania=1, Mahnoor=2, Iqra=2, Eman=2, Zara=3, Sana=2, Areeba=1, Safa=1,
                Anaya=1, Hira=1, Laiba=2, Noor=1)
PK_SURNAMES = dict(Khan=7, Hussain=5, Ali=4, Ahmed=4, Qureshi=1, Chaudhry=2, Bhatti=1, Siddiqui=1, Abbasi=1, Zaman=1, Sadiq=1, Yousaf=1, Latif=1, Akram=1, Ashraf=1, Sabir=1, Hameed=1, Tariq=1, Iqbal=4, Mahmood=4, Akhtar=3, Shah=3,
                   Rehman=2, Butt=2, Raja=2, Malik=3, Javed=2, Riaz=2, Aslam=2, Anwar=2, Rashid=2,
                   Mirza=1, Saleem=1, Bashir=1, Nawaz=1, Hanif=1)
BD_BOYS = dict(Rahim=1, Ibrahim=2, Tahmid=2, Sami=1, Nabil=1, Raiyan=2, Ayaan=1, Yahya=1, Arif=1)
BD_GIRLS = dict(Tasnim=2, Sumaiya=2, Nusrat=1, Samiha=2, Ruqayyah=1, Fariha=1, Tanisha=1, Maliha=1)
BD_SURNAMES = dict(Uddin=3, Miah=3, Rahman=3, Islam=2, Ahmed=2, Chowdhury=2, Hoque=1, Hossain=2)
BD_GIRL_SURNAMES = dict(Begum=4, Akter=2, Khatun=1, **BD_SURNAMES)
IN_BOYS = dict(Aarav=2, Arjun=3, Rohan=2, Dev=1, Krish=2, Vihaan=1, Jaskaran=1, Harjot=1,
               Gurveer=1, Manveer=1, Kiran=1, Nikhil=1, Jai=1, Sahil=1)
IN_GIRLS = dict(Priya=2, Anaya=1, Diya=2, Simran=2, Jasleen=1, Harleen=1, Navneet=1, Riya=2,
                Isha=2, Anika=1, Kavya=1, Meera=1)
IN_SURNAMES = dict(Patel=9, Singh=5, Sharma=2, Gill=3, Sandhu=2, Sidhu=1, Mistry=2, Parmar=1,
                   Chauhan=1, Bains=1, Johal=1, Kumar=1, Lad=1)
PL_BOYS = dict(Jakub=3, Kacper=2, Szymon=2, Filip=2, Maksymilian=1, Aleksander=1, Franciszek=1, Stanisław=1, Tymon=1, Krystian=1, Łukasz=1, Hubert=1, Kamil=1, Wiktor=2, Mateusz=2, Oliwer=1, Antoni=1,
               Dawid=2, Bartosz=2, Michał=2, Igor=1, Adrian=2, Patryk=2, Dominik=2)
PL_GIRLS = dict(Zuzanna=2, Julia=2, Maja=2, Nikola=1, Alicja=1, Pola=1, Laura=1, Emilia=1, Karolina=1, Milena=1, Klaudia=1, Zofia=2, Hanna=2, Lena=2, Amelia=2, Wiktoria=3,
                Oliwia=3, Natalia=2, Aleksandra=2, Martyna=1, Weronika=2, Kinga=1, Gabriela=1)
PL_SURNAMES_M = dict(Nowak=3, Kowalski=3, Wiśniewski=2, Wójtowicz=1, Majewski=1, Olszewski=1, Jaworski=1, Malinowski=1, Górski=1, Sikora=1, Baran=1, Michalski=1, Wieczorek=1, Nowicki=1, Adamczyk=1, Dudek=1, Zając=1, Grabowski=1, Wójcik=2, Kowalczyk=2, Kamiński=2,
                     Lewandowski=2, Zieliński=2, Szymański=2, Woźniak=2, Dąbrowski=1, Mazur=2,
                     Krawczyk=1, Jankowski=1, Wróbel=1, Pawlak=1)
LT_BOYS = dict(Lukas=2, Matas=2, Dominykas=1, Jokūbas=1, Nojus=1)
LT_GIRLS = dict(Gabija=2, Emilija=1, Ugnė=1, Austėja=1, Kamilė=1)
LT_SURNAMES = dict(Kazlauskas=2, Petrauskas=1, Jankauskas=1, Stankevičius=1, Žukauskas=1)
RO_BOYS = dict(Andrei=2, Alexandru=2, Sebastian=1, Cristian=1, Florin=1, Vlad=1, Matei=1, Robert=1, Ștefan=1, Mihai=2, Ionuț=1, David=1, Gabriel=2, Darius=1, Luca=1)
RO_GIRLS = dict(Ioana=2, Maria=2, Andreea=2, Bianca=1, Larisa=1, Denisa=1, Teodora=1, Ana=1, Roxana=1, Alina=1, Elena=1, Alexandra=1, Daria=1, Sofia=1)
RO_SURNAMES = dict(Popescu=2, Popa=2, Ionescu=1, Rusu=1, Matei=1, Ciobanu=1, Moldovan=1, Cojocaru=1, Ene=1, Barbu=1, Tudor=1, Nistor=1, Stan=1, Dumitru=2, Radu=2, Constantin=1,
                   Stoica=1, Gheorghe=1, Munteanu=1, Lungu=1)
NG_BOYS = dict(Chidi=1, Emeka=1, Tobi=1, David=2, Daniel=2, Samuel=1, Tolu=1, Femi=1,
               Oluwaseun=1, Oluwatobi=1, Chukwuemeka=1, Ayodele=1, Joshua=1, Divine=1)
NG_GIRLS = dict(Chioma=1, Adaeze=1, Temi=1, Precious=2, Blessing=1, Favour=2, Ife=1, Tiwa=1,
                Esther=1, Deborah=1, Chiamaka=1, Ifeoma=1, Testimony=1)
NG_SURNAMES = dict(Okafor=2, Adeyemi=2, Okonkwo=1, Adebayo=2, Eze=1, Olawale=1, Nwosu=1,
                   Bello=1, Balogun=1, Ogunleye=1, Afolabi=1, Nwachukwu=1)
SO_BOYS = dict(Abdi=2, Mohamed=3, Ahmed=1, Hassan=1, Abdirahman=1, Liban=1, Mustafe=1)
SO_GIRLS = dict(Hodan=1, Amina=2, Sagal=1, Ayan=1, Hamdi=1, Ifrah=1, Ubah=1)
SO_SURNAMES = dict(Abdi=2, Ahmed=1, Mohamed=2, Hassan=1, Farah=2, Warsame=1, Omar=1, Yusuf=1,
                   Jama=1, Osman=1, Ali=1)
CN_BOYS = dict(Ryan=1, Kevin=1, Jason=1, Ethan=1, Zihan=1, Haoran=1, Jun=1)
CN_GIRLS = dict(Jasmine=1, Chloe=1, Amy=1, Yiling=1, Xinyi=1, Grace=1, Tiffany=1)
CN_SURNAMES = dict(Chen=3, Wong=2, Li=2, Zhang=1, Liu=1, Wang=2, Lam=1, Cheung=1, Huang=1)
IE_BOYS = dict(Cian=1, Oisín=1, Seán=1, Conor=2, Declan=1, Darragh=1, Ciarán=1, Rory=1, Patrick=1)
IE_GIRLS = dict(Niamh=2, Siobhán=1, Aoife=2, Ciara=2, Saoirse=1, Orla=1, Roisin=1, Caoimhe=1)
IE_SURNAMES = {"Murphy": 4, "Kelly": 3, "O'Brien": 2, "Byrne": 2, "Ryan": 2, "O'Connor": 2, "Walsh": 3,
               "Doyle": 2, "McCarthy": 2, "Gallagher": 2, "Quinn": 2, "O'Neill": 2, "Brennan": 1,
               "Kavanagh": 1}
CB_BOYS = dict(Jayden=2, Tyrese=2, Malachi=2, Jahmal=1, Kai=1, Marcus=1, Isaiah=2, Elijah=2,
               Nathaniel=1, Kymani=1, Jordan=1)
CB_GIRLS = dict(Shanice=1, Tia=2, Aaliyah=2, Jada=1, Nia=2, Keisha=1, Chantelle=1, Amani=1,
                Imani=1, Zion=1, Destiny=1)
CB_SURNAMES = dict(Campbell=3, Clarke=2, Williams=2, Brown=2, Thompson=2, Francis=2, Samuels=1,
                   Grant=2, Reid=2, Bailey=1, Morgan=1, Johnson=2, Henry=1, Daley=1, Forbes=1)

# community: weight, (boys pool, girls pool, surname pool for boys, for girls)
def wb(old):
    return (WB_BOYS_OLD if old else WB_BOYS_YOUNG, WB_GIRLS_OLD if old else WB_GIRLS_YOUNG,
            WB_SURNAMES, WB_SURNAMES)


PL_SURNAMES_F = {k[:-1] + "a" if k.endswith("i") else k: v for k, v in PL_SURNAMES_M.items()}
LT_SURNAMES_F = {"Kazlauskaitė": 1, "Petrauskienė": 1, "Jankauskaitė": 1, "Stankevičiūtė": 1}
COMMUNITIES = [
    ("wb", 52), ("pk", 13), ("pl", 9), ("lt", 2), ("ro", 4), ("in", 5), ("bd", 2.5),
    ("ng", 3), ("so", 1.5), ("cn", 1.5), ("ie", 2.5), ("cb", 3), ("mixed", 1),
]


def pools(comm, old):
    return {
        "wb": wb(old),
        "pk": (PK_BOYS, PK_GIRLS, PK_SURNAMES, PK_SURNAMES),
        "bd": (BD_BOYS, BD_GIRLS, BD_SURNAMES, BD_GIRL_SURNAMES),
        "in": (IN_BOYS, IN_GIRLS, IN_SURNAMES, {**IN_SURNAMES, "Kaur": 3}),
        "pl": (PL_BOYS, PL_GIRLS, PL_SURNAMES_M, PL_SURNAMES_F),
        "lt": (LT_BOYS, LT_GIRLS, LT_SURNAMES, LT_SURNAMES_F),
        "ro": (RO_BOYS, RO_GIRLS, RO_SURNAMES, RO_SURNAMES),
        "ng": (NG_BOYS, NG_GIRLS, NG_SURNAMES, NG_SURNAMES),
        "so": (SO_BOYS, SO_GIRLS, SO_SURNAMES, SO_SURNAMES),
        "cn": (CN_BOYS, CN_GIRLS, CN_SURNAMES, CN_SURNAMES),
        "ie": (IE_BOYS, IE_GIRLS, IE_SURNAMES, IE_SURNAMES),
        "cb": (CB_BOYS, CB_GIRLS, CB_SURNAMES, CB_SURNAMES),
        # mixed heritage: a white British or Caribbean first name with another community's surname
        "mixed": ({**wb(old)[0], **CB_BOYS}, {**wb(old)[1], **CB_GIRLS},
                  {**NG_SURNAMES, **PK_SURNAMES, **CB_SURNAMES}, {**NG_SURNAMES, **CB_SURNAMES}),
    }[comm]


def pick(d):
    names = list(d)
    return R.choices(names, weights=[d[n] for n in names])[0]


PREFERRED = {"William": ("Will", 0.4), "Thomas": ("Tom", 0.3), "Benjamin": ("Ben", 0.6),
             "Samuel": ("Sam", 0.5), "Joshua": ("Josh", 0.3), "Alexander": ("Alex", 0.6),
             "Jacob": ("Jake", 0.1), "Matthew": ("Matt", 0.2), "Zakariya": ("Zak", 0.7),
             "Oluwaseun": ("Seun", 1.0), "Oluwatobi": ("Tobi", 1.0), "Isabella": ("Bella", 0.4),
             "Elizabeth": ("Libby", 0.5), "Rebecca": ("Becca", 0.3), "Katherine": ("Katie", 0.5),
             "Alexandru": ("Alex", 0.5), "Aleksandra": ("Ola", 0.3), "Chukwuemeka": ("Emeka", 1.0),
             "Zihan": ("Ryan", 0.5), "Yiling": ("Eileen", 0.6), "Xinyi": ("Cindy", 0.5),
             "Haoran": ("Henry", 0.5), "Ayodele": ("Ayo", 0.8), "Abdirahman": ("Abdi", 0.5)}

# School year 2025-26: Year y was born 1 Sep (2020-y) .. 31 Aug (2021-y).
def dob_for_year(y):
    start = date(2020 - y, 9, 1)
    return start + timedelta(days=R.randrange(365))


YEAR_SIZES = {7: 200, 8: 196, 9: 190, 10: 186, 11: 180, 12: 86, 13: 80}

# ---------------------------------------------------------------- planted pupils
# (first, last, preferred, year, dob, status, photo, name) - cases rely on these ids.
PLANTED = [
    ("William", "Young", "Will", 12, "2009-02-11", "current", "yes", "yes"),       # OB0001 'Will Young'
    ("Muhammad", "Ali", "", 9, "2012-07-03", "current", "yes", "yes"),            # OB0002 'Muhammad Ali'
    ("Rose", "Hill", "", 8, "2012-10-22", "current", "yes", "yes"),               # OB0003 'Rose Hill'
    ("Kane", "Dixon", "", 11, "2010-01-30", "current", "yes", "yes"),             # OB0004 'Harry Kane'
    ("Mohammed", "Khan", "", 8, "2013-03-14", "current", "yes", "yes"),           # OB0005 = staff name
    ("Zainab", "Hussain", "", 8, "2012-12-05", "current", "yes", "no"),           # OB0006 name no
    ("Kacper", "Nowak", "", 10, "2010-11-19", "current", "no", "no"),             # OB0007 both no
    ("Aisha", "Rehman", "", 11, "2009-10-02", "current", "yes", "yes"),           # OB0008
    ("Oluwaseun", "Adebayo", "Seun", 9, "2012-04-27", "current", "yes", "yes"),   # OB0009
    ("Grace", "Bishop", "", 7, "2014-02-17", "current", "yes", "yes"),            # OB0010 word-name Y7
    ("Hope", "Marsh", "", 12, "2008-11-08", "current", "yes", "no"),              # OB0011 word-name Y12
    ("Faith", "Green", "", 10, "2011-05-21", "current", "no", "yes"),             # OB0012
    ("Summer", "Kowalczyk", "", 11, "2010-06-30", "current", "yes", "yes"),       # OB0013
    ("Oliwia", "Wiśniewska", "", 9, "2011-09-14", "current", "yes", "yes"),       # OB0014 accents
    ("Zakariya", "Mahmood", "Zak", 10, "2011-08-09", "current", "yes", "yes"),    # OB0015
    ("Siobhán", "O'Connor", "", 13, "2007-12-01", "current", "yes", "yes"),       # OB0016
    ("Ioana", "Popescu", "", 8, "2013-05-05", "current", "no", "yes"),            # OB0017 photo no
    ("Wei", "Chen", "", 12, "2009-03-22", "current", "yes", "yes"),               # OB0018 'Chen Wei'
    ("Tyrese", "Campbell", "", 11, "2009-12-12", "current", "yes", "yes"),        # OB0019
    ("Chioma", "Okafor", "", 13, "2008-03-01", "current", "yes", "yes"),  # OB0020
    ("Jakub", "Lewandowski", "", 7, "2013-10-10", "current", "yes", "yes"),       # OB0021
    ("Ella", "Baker", "", 9, "2012-01-16", "current", "yes", "yes"),              # OB0022
    ("Priya", "Mistry", "", 12, "2008-09-30", "current", "yes", "yes"),           # OB0023
    ("Hamza", "Iqbal", "", 13, "2008-04-04", "current", "yes", "yes"),            # OB0024
    ("Ruby", "King", "", 7, "2013-11-28", "current", "yes", "yes"),               # OB0025
    ("Jack", "Fletcher", "", 10, "2011-02-02", "current", "yes", "yes"),          # OB0026
    ("Maja", "Kowalska", "", 7, "2014-01-09", "current", "yes", "yes"),           # OB0027 twins
    ("Zofia", "Kowalska", "", 7, "2014-01-09", "current", "yes", "no"),           # OB0028 twins
    ("Abdi", "Warsame", "", 9, "2011-11-11", "current", "yes", "yes"),            # OB0029
    ("Niamh", "Gallagher", "", 11, "2010-03-17", "current", "no", "yes"),         # OB0030 photo no
    ("Ellie", "Walsh", "", 10, "2010-10-04", "current", "yes", "yes"),            # OB0031
    ("Harvey", "Bradshaw", "", 8, "2013-06-06", "current", "yes", "yes"),         # OB0032
    ("Amelia", "Popa", "", 7, "2013-09-03", "current", "yes", "yes"),             # OB0033
    ("Jasleen", "Kaur", "", 12, "2009-01-21", "current", "yes", "yes"),           # OB0034
    ("Tobias", "Freeman", "Toby", 13, "2007-11-15", "current", "yes", "yes"),     # OB0035
    ("Daria", "Stan", "", 11, "2010-04-12", "current", "yes", "yes"),             # OB0036
    ("Reggie", "Holmes", "", 7, "2014-07-19", "current", "yes", "yes"),           # OB0037
    ("Inaya", "Malik", "", 7, "2014-03-03", "current", "yes", "no"),              # OB0038 name no
    ("Callum", "Pratt", "", 11, "2009-09-09", "former", "yes", "yes"),            # OB0039 former, 16
    ("Bethany", "Saunders", "", 13, "2006-05-20", "former", "yes", "yes"),        # OB0040 former, 19
    ("Dawid", "Mazur", "", 11, "2008-07-25", "former", "yes", "yes"),             # OB0041 former, 17 -> 18 on 25 Jul 2026
    ("Keira", "Booth", "", 9, "2012-02-14", "former", "no", "no"),                # OB0042 former, moved away, 13-14
    ("Luke", "Goodwin", "", 13, "2007-01-08", "former", "yes", "yes"),            # OB0043 former, 19
    ("Amani", "Grant", "", 11, "2009-06-01", "former", "yes", "yes"),             # OB0044 former, 16-17
]

def main():
    rows = []
    for number, p in enumerate(PLANTED, start=1):
        rows.append([f"OB{number:04d}", *p])
    planted_by_year = {}
    for p in PLANTED:
        if p[5] == "current":
            planted_by_year[p[3]] = planted_by_year.get(p[3], 0) + 1
    # pad the planted block to OB0060 so later ids stay stable if planted rows are added
    next_id = 61
    planted_names = {(p[0], p[1]) for p in PLANTED} | {(p[2], p[1]) for p in PLANTED if p[2]}
    taken = set()
    comm_names = [c for c, _ in COMMUNITIES]
    comm_w = [w for _, w in COMMUNITIES]
    for year, size in YEAR_SIZES.items():
        for _ in range(size - planted_by_year.get(year, 0)):
            old = year >= 11
            comm = R.choices(comm_names, weights=comm_w)[0]
            boys, girls, sur_m, sur_f = pools(comm, old)
            girl = R.random() < 0.5
            # Planted pupils' names stay unique; other full names repeat now and then, as in
            # a real school of 1,100 (most repeats are re-drawn).
            while True:
                first = pick(girls if girl else boys)
                last = pick(sur_f if girl else sur_m)
                if comm == "in" and girl and R.random() < 0.3:
                    last = "Kaur"
                if comm == "in" and not girl and R.random() < 0.2:
                    last = "Singh"
                pref = ""
                if first in PREFERRED and R.random() < PREFERRED[first][1]:
                    pref = PREFERRED[first][0]
                names = {(first, last), (pref, last)} if pref else {(first, last)}
                if names & planted_names:
                    continue
                if names & taken and R.random() < 0.9:
                    continue
                break
            taken.update(names)
            dob = dob_for_year(year)
            photo = "no" if R.random() < 0.10 else "yes"
            name = "no" if R.random() < 0.09 else "yes"
            if photo == "no" and R.random() < 0.4:
                name = "no"
            rows.append([f"OB{next_id:04d}", first, last, pref, year, dob.isoformat(), "current", photo, name])
            next_id += 1
    # former pupils (random): left at the end of Year 11 or 13 in 2023-2025, or moved away mid-school
    for _ in range(58 - sum(1 for p in PLANTED if p[5] == "former")):
        comm = R.choices(comm_names, weights=comm_w)[0]
        kind = R.random()
        if kind < 0.45:       # left after Year 11, 2023/2024/2025
            left = R.choice([2023, 2024, 2025])
            year, born_year = 11, left - 16
        elif kind < 0.8:      # left after Year 13
            left = R.choice([2023, 2024, 2025])
            year, born_year = 13, left - 18
        else:                 # moved away during Years 7-10 (still of school age)
            year = R.choice([7, 8, 9, 10])
            born_year = 2020 - year - R.choice([0, 1])
        boys, girls, sur_m, sur_f = pools(comm, year >= 11)
        girl = R.random() < 0.5
        while True:
            first = pick(girls if girl else boys)
            last = pick(sur_f if girl else sur_m)
            if (first, last) not in planted_names and (first, last) not in taken:
                break
        taken.add((first, last))
        dob = date(born_year - 1, 9, 1) + timedelta(days=R.randrange(365))
        photo = "no" if R.random() < 0.1 else "yes"
        name = "no" if R.random() < 0.1 else "yes"
        rows.append([f"OB{next_id:04d}", first, last, "", year, dob.isoformat(), "former", photo, name])
        next_id += 1
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "pupils.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["pupil_id", "first_name", "last_name", "preferred_name", "year_group",
                    "date_of_birth", "status", "photo_consent", "name_consent"])
        w.writerows(rows)
    write_staff()
    print(f"{len(rows)} pupils ({sum(1 for r in rows if r[6] == 'current')} current)")


# ---------------------------------------------------------------- staff
DOMAIN = "ortonbrook.org.uk"
STAFF_PLANTED = [
    ("Catherine", "Ashby", "headteacher"), ("Imran", "Qureshi", "deputy_head"),
    ("Helen", "Marriott", "deputy_head"), ("Gemma", "Lowe", "dsl"), ("Paul", "Whitaker", "slt"),
    ("Nadia", "Aziz", "slt"), ("Simon", "Church", "slt"), ("Rachel", "Dunmore", "slt"),
    ("Mohammed", "Khan", "teacher"),          # a pupil (OB0005) has the same full name
    ("Sophie", "Clarke", "teacher"),          # pupils called Sophie; pupils surnamed Clarke
    ("Sarah", "Pickering", "teacher"),        # 'thank you Sarah'
    ("Tom", "Hill", "teacher"),               # pupils Tom, pupils Hill
    ("Daniel", "Okafor", "teacher"),          # pupils Daniel; pupils Okafor
    ("Grace", "Whitfield", "teacher"),        # pupils Grace
    ("Gareth", "Rees", "teacher"), ("Karen", "Tebbutt", "admin"), ("Nigel", "Burrows", "contractor"),
    ("Bev", "Cottam", "admin"), ("Agnieszka", "Nowak", "teaching_assistant"),
    ("Jack", "Bishop", "teacher"),            # a young teacher: pupils Jack, pupils Bishop
    ("Emma", "Walsh", "teacher"),             # pupils Emma? pupils Walsh (Ellie Walsh)
    ("Priya", "Sharma", "teacher"), ("Adaeze", "Nwosu", "teacher"), ("Craig", "Young", "teacher"),
    ("Julie", "Harding", "volunteer"), ("Steve", "Brannigan", "governor"), ("Shazia", "Iqbal", "governor"),
    ("Lee", "Hartley", "teacher"),            # 'miss/sir' cases
    ("Mark", "Foster", "teacher"), ("Hannah", "Best", "teaching_assistant"),
]
ADULT_F = dict(Sarah=6, Claire=5, Emma=5, Helen=3, Rachel=3, Laura=5, Gemma=4, Nicola=4, Lisa=3,
               Karen=2, Julie=2, Amanda=2, Victoria=3, Kate=3, Louise=3, Joanne=3, Michelle=2,
               Jennifer=2, Rebecca=3, Hannah=3, Sophie=3, Charlotte=3, Jessica=2, Lucy=3, Kirsty=2,
               Natalie=3, Zoe=2, Stacey=1, Donna=1, Alison=2, Catherine=1, Fiona=1, Jo=1, Katy=1)
ADULT_M = dict(David=5, Paul=4, Mark=3, Andrew=4, Richard=3, Stephen=3, Simon=3, Matthew=4, James=5,
               Daniel=3, Christopher=4, Michael=4, Robert=2, Neil=2, Ian=2, Jonathan=2, Ben=3, Adam=3,
               Craig=2, Steve=1, Dave=1, Gavin=2, Lee=2, Carl=1, Martin=2, Peter=2, Rob=1, Phil=1)
ADULT_SUR = dict(Smith=3, Jones=2, Taylor=2, Brown=2, Wilson=1, Evans=1, Thompson=1, Wright=1,
                 Roberts=1, Hughes=1, Harrison=1, Morgan=1, Barnes=1, Lloyd=1, Atkinson=1, Dawson=1,
                 Holland=1, Sutton=1, Mould=1, Pike=1, Rowlands=1, Warren=1, Goddard=1, Chambers=1,
                 Fenton=1, Marsden=1, Buckley=1, Pritchard=1, Hewitt=1, Cartwright=1, Sheppard=1,
                 Whitehead=1, Fowler=1, Garner=1, Naylor=1, Haynes=1, Pollard=1, Sims=1, Lockwood=1,
                 Bingham=1, Ashworth=1, Hale=1, Lambert=1, Burgess=1, Rowley=1, Briggs=1, Pickles=1,
                 Slater=1, Farrow=1, Cavanagh=1, Everett=1, Cross=1, Doherty=1, Hammond=1, Kirby=1,
                 Lister=1, Maddox=1, Nixon=1, Oakes=1, Preston=1, Quinton=1, Rudd=1, Stringer=1,
                 Tate=1, Upton=1, Vickers=1, Waller=1, Yates=1, Coleman=1, Dobson=1, Frost=1)
ADULT_OTHER = [("Asif", "Mahmood"), ("Sunita", "Patel"), ("Harpreet", "Sandhu"), ("Rajesh", "Mistry"),
               ("Tomasz", "Kaczmarek"), ("Katarzyna", "Wrona"), ("Femi", "Adeyemi"), ("Siobhán", "Kelly"),
               ("Yasmin", "Akhtar"), ("Farah", "Hussain"), ("Kelechi", "Obi"), ("Marcia", "Campbell"),
               ("Wen", "Li"), ("Raluca", "Ionescu"), ("Deepa", "Chauhan"), ("Aamir", "Shah")]
ROLES = ["teacher"] * 55 + ["teaching_assistant"] * 12 + ["admin"] * 7 + ["governor"] * 3 + \
        ["contractor"] * 1 + ["volunteer"] * 2


def write_staff():
    rows = []
    seen = set()
    emails = set()
    n = 0
    def add(first, last, role):
        nonlocal n
        n += 1
        email = ""
        if role not in ("governor", "volunteer", "contractor"):
            base = f"{first[0].lower()}.{last.lower().replace(chr(39), '')}"
            email, k = base, 2
            while email in emails:
                email, k = f"{base}{k}", k + 1
            emails.add(email)
            email += "@" + DOMAIN
        seen.add((first, last))
        rows.append([f"S{n:03d}", first, last, role, email])
    for p in STAFF_PLANTED:
        add(*p)
    others = list(ADULT_OTHER)
    R.shuffle(others)
    for i, role in enumerate(ROLES):
        if i % 5 == 2 and others:
            first, last = others.pop()
        else:
            while True:
                first = pick(ADULT_F if R.random() < 0.62 else ADULT_M)
                last = pick(ADULT_SUR)
                if (first, last) not in seen:
                    break
        add(first, last, role)
    with open(OUT / "staff.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["staff_id", "first_name", "last_name", "role", "email"])
        w.writerows(rows)
    print(f"{len(rows)} staff")


if __name__ == "__main__":
    main()
