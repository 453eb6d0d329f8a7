"""How one text is read: windows over long texts, and the vetoes that need a sign of a category."""

from __future__ import annotations

import itertools

import pytest

from checks.assess.merge import merge
from checks.detectors.analysis import LONG_TEXT, WINDOW, analyse, windows
from checks.detectors.decide import decide, decisions
from checks.detectors.employer import EmployerDisclosure
from checks.detectors.signals import Signal, text_signals
from checks.records import Category
from tests.detectors.conftest import categories, make_post, run, run_all

FILLER = ("We walked the dog along the canal and stopped for a coffee at the lock. The weather held "
          "until the afternoon, then the rain came in sideways off the hills. ")


def test_a_short_text_is_one_window() -> None:
    text = "Lovely day at the beach with the dog."
    assert windows(text) == ((0, len(text)),)


def test_windows_cover_a_long_text_in_sentence_sized_parts_that_overlap() -> None:
    text = FILLER * 12
    parts = windows(text)
    assert len(text) > LONG_TEXT and len(parts) > 1
    assert parts[0][0] == 0 and parts[-1][1] == len(text.rstrip())
    for (a1, b1), (a2, _b2) in itertools.pairwise(parts):
        assert a2 < b1, "each window shares its last sentence with the next"
        assert a2 > a1
    assert all(b - a <= WINDOW for a, b in parts)


def test_a_sentence_longer_than_a_window_is_cut_at_spaces() -> None:
    text = " ".join(["word"] * 400)
    parts = windows(text)
    assert len(parts) > 2
    assert all(text[a] != " " for a, _ in parts)


def test_employer_at_the_end_of_a_long_post_is_found_and_shown_there() -> None:
    text = FILLER * 6 + "Back on nights with Avon and Somerset Police tomorrow, my relief is short again."
    found = run(EmployerDisclosure, make_post(text))
    assert [d.key for d in found] == ["employer:avon-somerset"]
    start, _end = analyse(make_post(text)).window(Category.EMPLOYER_DISCLOSURE)
    assert start > len(FILLER) * 4
    assert "Police" in found[0].evidence or "*" in found[0].evidence


def test_the_model_alone_never_finds_employer_or_official_without_any_sign() -> None:
    rules = decisions()
    for category in (Category.EMPLOYER_DISCLOSURE, Category.OFFICIAL_INFORMATION):
        for probability in (0.9, 0.999):
            verdict = decide(category, frozenset({Signal.FIRST_PERSON}), probability, 0.5, rules)
            assert not verdict.found and verdict.vetoed_by.startswith("no_sign_of_")
    verdict = decide(Category.EMPLOYER_DISCLOSURE, frozenset({Signal.RANK}), 0.999, 0.5, rules)
    assert verdict.found and verdict.by == "model"


def test_an_idiom_with_no_police_word_is_not_employer() -> None:
    assert run(EmployerDisclosure, make_post("We dance to the beat of raw talent wasted")) == []


def test_a_force_named_lowers_the_bar_the_model_must_clear_but_does_not_decide_alone() -> None:
    rules = decisions()
    named = frozenset({Signal.FORCE, Signal.FIRST_PERSON})
    assert decide(Category.EMPLOYER_DISCLOSURE, named, 0.8, 0.95, rules).by == "police_named_likely"
    assert not decide(Category.EMPLOYER_DISCLOSURE, named, 0.5, 0.95, rules).found
    news = named | {Signal.NEWS_POLICE}
    assert not decide(Category.EMPLOYER_DISCLOSURE, news, 0.8, 0.95, rules).found


@pytest.mark.parametrize(("text", "signal"), [
    ("Derbyshire response, Chesterfield section", Signal.FORCE),
    ("Still the youngest in the Essex control room", Signal.FORCE),
    ("Herts special here, 200 hours done", Signal.FORCE),
    ("Skeg in August on response #lincspolice", Signal.POLICE_HASHTAG),
])
def test_forces_by_area_with_a_team_and_police_hashtags_are_signals(text: str, signal: Signal) -> None:
    assert signal in text_signals(text).kinds


@pytest.mark.parametrize("text", ["Kent roads are awful today", "Essex traffic is a nightmare", "#savethebees"])
def test_an_area_without_a_police_team_is_not_a_force(text: str) -> None:
    kinds = text_signals(text).kinds
    assert Signal.FORCE not in kinds and Signal.POLICE_HASHTAG not in kinds


def test_an_insult_alone_is_not_conduct_but_an_insult_at_a_group_or_beside_the_job_can_be() -> None:
    rules = decisions()
    assert decide(Category.CONDUCT_RISK, frozenset({Signal.DEROGATORY}), 0.9, 0.5, rules).vetoed_by == \
        "no_sign_of_conduct"
    for sign in (Signal.GROUP_DEROGATED, Signal.THREAT, Signal.RANK):
        assert decide(Category.CONDUCT_RISK, frozenset({Signal.DEROGATORY, sign}), 0.9, 0.5, rules).found


def test_the_job_on_weak_words_alone_needs_the_model_all_but_sure() -> None:
    rules = decisions()
    weak = frozenset({Signal.POLICE_WEAK, Signal.FIRST_PERSON})
    assert decide(Category.EMPLOYER_DISCLOSURE, weak, 0.92, 0.87, rules).vetoed_by == "weak_words_unsure"
    assert decide(Category.EMPLOYER_DISCLOSURE, weak, 0.97, 0.87, rules).found
    assert decide(Category.EMPLOYER_DISCLOSURE, weak | {Signal.OPERATIONAL}, 0.92, 0.87, rules).found
    assert decide(Category.EMPLOYER_DISCLOSURE, weak | {Signal.RANK}, 0.92, 0.87, rules).found


def test_the_op_on_reddit_is_the_original_poster_not_an_operation() -> None:
    assert Signal.OPERATIONAL not in text_signals("I think the OP is right, op said they tried it").kinds
    assert Signal.OPERATIONAL in text_signals("Early start on the Op tomorrow").kinds


def test_operational_words_in_a_story_are_nobody_s_own_work() -> None:
    rules = decisions()
    story = frozenset({Signal.OPERATIONAL, Signal.GIVEN_NAME})
    assert decide(Category.OFFICIAL_INFORMATION, story, 0.9, 0.5, rules).vetoed_by == "not_own_work"
    own = story | {Signal.FIRST_PERSON}
    assert decide(Category.OFFICIAL_INFORMATION, own, 0.9, 0.5, rules).found


def test_posts_of_the_same_kind_become_one_finding_that_lists_each_post() -> None:
    posts = ["Every Tuesday 6am I'm at the Parkrun in Heaton Park, come say hi",
             "Every Thursday at 7pm you'll find me at the Oak Tree gym on Park Lane",
             "Every Saturday morning at 9 I'm at the swimming baths on Mill Road"]
    detections = [d for n, text in enumerate(posts) for d in run_all(make_post(text, n))
                  if d.category is Category.LOCATION_PATTERN]
    assert len(detections) == 3
    findings = [f for f in merge(detections) if f.category is Category.LOCATION_PATTERN]
    assert len(findings) == 1
    assert findings[0].occurrences == 3
    pointers = {s.pointer for s in (findings[0].source, *findings[0].related)}
    assert pointers == {f"/{n}/tweet/full_text" for n in range(3)}


@pytest.mark.parametrize(("text", "signal"), [
    ("Went back for the car at 2am after about 8 pints", Signal.DRINK_DRIVING),
    ("Sank 6 pints and still drove home", Signal.DRINK_DRIVING),
    ("Quiet one tonight, couple of lines and Netflix", Signal.DRUGS),
    ("Doing Uber on my rest days to cover the mortgage", Signal.SIDE_JOB),
    ("Wouldn't hire a woman for that role, they only go off and have kids", Signal.GENERALISING),
])
def test_conduct_without_a_marked_word_has_signals(text: str, signal: Signal) -> None:
    assert signal in text_signals(text).kinds


@pytest.mark.parametrize("text", ["A couple of pints at the Crown, then walked home",
                                  "Drove to the coast, had a lovely day", "Weeding the allotment all morning"])
def test_a_drink_or_a_drive_alone_is_not_drink_driving(text: str) -> None:
    kinds = text_signals(text).kinds
    assert Signal.DRINK_DRIVING not in kinds and Signal.DRUGS not in kinds


@pytest.mark.parametrize(("text", "signal"), [
    ("Back at Ashford nick for the social", Signal.UNIT),
    ("Took a 999 tonight from a little girl", Signal.POLICE_TALK),
    ("Headset off. 101 queue at 247 callers", Signal.POLICE_TALK),
    ("Log 0613 from last night is still sat unallocated", Signal.REFERENCE_NUMBER),
    ("Thirteen years on the landings at Maghaberry", Signal.PRISON_TALK),
])
def test_the_job_told_through_the_work_has_signals(text: str, signal: Signal) -> None:
    assert signal in text_signals(text).kinds


@pytest.mark.parametrize(("text", "signal"), [
    ("Nick and I went out for tea", Signal.UNIT), ("I log 2000 steps a day", Signal.REFERENCE_NUMBER),
    ("Did a bang-up job on the fence", Signal.PRISON_TALK), ("Rang 999 when the car hit the wall", Signal.POLICE_TALK),
    ("Gareth Evans-Rowe, 52, Swansea", Signal.NAME_WITH_AGE),
    ("Voting reform of the Lords is long overdue", Signal.POLITICAL_ACTIVITY),
    ("Selling Avon (not the police kind!) message me", Signal.DENIAL),
    ("Thirty years of policing the kids' screen time", Signal.WORK_VERB_POLICE),
    ("Had 4 on the team bus for the away game", Signal.OPERATIONAL),
    ("Running a marathon from my front door next month", Signal.BUSINESS),
    ("We locked up the shop at six and went for a curry", Signal.OP_STRONG),
    ("The formula in cell 4 of the sheet is broken", Signal.POLICE_TALK),
    ("Watching the Super Bowl with the lads", Signal.RANK),
    ("Meet me in room 212 for the budget meeting", Signal.HOUSE_NUMBER_STREET),
    ("Stopped at a cafe doing 2 for 1 on the cakes", Signal.OP_STRONG),
    ("Sun 2-1 win for the lads", Signal.CLOCK_TIME),
    ("Sun is out at last", Signal.DAY_TIME),
    ("Stopped a Golf doing 112 on the A1(M) last night", Signal.MISUSE),
    ("Our family business turns fifty this year", Signal.BUSINESS),
    ("Someone made $43M from OnlyFans and people are surprised?", Signal.SIDE_JOB),
    ("Get a free consultation with a lawyer before you sign", Signal.BUSINESS),
    ("Lived there 1950-1955 as a boy", Signal.CLOCK_TIME),
    ("Gave evidence for 3 hours as the victim at Chelmsford Crown", Signal.WORK_VERB_POLICE),
    ("I work in the City, opposite the police station", Signal.WORK_VERB_POLICE),
    ("Gave the lads a kick about on the field after school", Signal.FORCE_USED),
])
def test_look_alikes_of_the_work_are_not_signals(text: str, signal: Signal) -> None:
    assert signal not in text_signals(text).kinds


@pytest.mark.parametrize("text", ["New gaming PC arrived", "The old-school PC Font archive is back",
                                  "PC game sale this weekend", "PS5 finally arrived",
                                  "PS: see you later", "Back in DC, missed it", "ACC 201 tutorial tonight"])
def test_police_initials_that_are_something_else_are_cancelled(text: str) -> None:
    kinds = text_signals(text).kinds
    assert Signal.NOT_POLICE in kinds
    assert kinds.isdisjoint({Signal.RANK_ABBR, Signal.FORCE_ABBR, Signal.LEADERSHIP})


@pytest.mark.parametrize("text", ["I am a PC in the Met", "PC 1234 on patrol", "DS Smith from CID", "PS Jones"])
def test_police_initials_used_as_ranks_stay(text: str) -> None:
    assert Signal.RANK_ABBR in text_signals(text).kinds


@pytest.mark.parametrize("text", [
    "Selling our old cot bed, good condition, mattress included, collection only, £40 ono. Pm me x",
    "Clearing out the loft: my old PS4 and 12 games, £90, message me",
])
def test_a_one_off_sale_of_ones_own_things_is_not_a_side_business(text: str) -> None:
    assert Signal.PERSONAL_SALE in text_signals(text).kinds
    assert "conduct_risk" not in categories(make_post(text))
    rules = decisions()
    present = text_signals(text).kinds | {Signal.OWN_BUSINESS}
    assert decide(Category.CONDUCT_RISK, present, 0.99, 0.5, rules).vetoed_by == "personal_sale"


def test_a_sale_with_a_business_or_a_slur_is_still_conduct_to_decide() -> None:
    rules = decisions()
    for extra in (Signal.BUSINESS, Signal.SIDE_JOB, Signal.SLUR):
        verdict = decide(Category.CONDUCT_RISK, frozenset({Signal.PERSONAL_SALE, extra}), 0.99, 0.5, rules)
        assert verdict.vetoed_by != "personal_sale" and verdict.found


@pytest.mark.parametrize("text", [
    "Finally got the custody arrangement sorted after 8 months, kids are happy",
    "Shared custody of the kids means every other weekend is quiet",
    "First week as a 111 call handler done, brain is fried",
    "Ambulance control room call handler for 6 years now",
])
def test_custody_of_children_and_other_services_call_handlers_are_not_police_work(text: str) -> None:
    kinds = text_signals(text).kinds
    assert Signal.NOT_POLICE in kinds
    assert not kinds & {Signal.UNIT, Signal.POLICE_ROLE, Signal.OPERATIONAL}
    assert "employer_disclosure" not in categories(make_post(text))


@pytest.mark.parametrize("text", ["not a cop, just nosy. true crime stories daily", "I am not police lol",
                                  "never been a copper in my life",
                                  "Trainee counsellor | not a probation officer, just keen",
                                  "Crime novelist. Former librarian, never a polis."])
def test_denials_in_many_wordings_are_denials(text: str) -> None:
    assert Signal.DENIAL in text_signals(text).kinds
    assert "employer_disclosure" not in categories(make_post(text))


@pytest.mark.parametrize("text", ["Sorry, MIT won't allow me to send you the files directly",
                                  "I helped MIT gather the tapes you asked for", "I'm not logged in or VPN'ed to MIT"])
def test_mit_alone_is_the_university_more_often_than_a_murder_team(text: str) -> None:
    kinds = text_signals(text).kinds
    assert Signal.UNIT not in kinds and Signal.POLICE_WEAK in kinds


@pytest.mark.parametrize("text", ["Dear @KentPolice, thank you for finding my bike",
                                  "The lass at the front counter was so rude, I'm putting a complaint in",
                                  "Out 2 years now. My probation officer Sarah was the reason I turned it round"])
def test_thanked_complained_to_or_supervised_by_the_justice_system_is_not_the_job(text: str) -> None:
    assert Signal.POLICE_SUBJECT in text_signals(text).kinds
    assert "employer_disclosure" not in categories(make_post(text))


@pytest.mark.parametrize(("text", "gone"), [
    ("LHR -> SFO, see you on the other side", Signal.RANK_ABBR),
    ("Sennheiser PC 550 still the best headset I own", Signal.COLLAR_NUMBER),
    ("Are you using a special branch for the release?", Signal.UNIT),
    ("Intel and AMD both shipped new chips", Signal.OPERATIONAL),
    ("Cheap tiny VPS with lots of disk, any tips?", Signal.PRISON_TALK),
    ("So much relief I feel now it's done", Signal.JARGON),
    ("Daylight savings again. Way to totally screw with my mind", Signal.POLICE_SLANG),
    ("If the domain lapses the new owner can delete your acct", Signal.PRISON_TALK),
    ("Thanks so much Priya for the referral, I'll apply tonight", Signal.OPERATIONAL),
    ("Court rules against the domain seizures", Signal.OPERATIONAL),
    ("Why do I have to type the serial #s for software I paid for", Signal.OPERATIONAL),
    ("The force of gravity pulls both bodies equally", Signal.POLICE_WEAK),
    ("We interviewed her last month for the podcast, episode out soon", Signal.FIRST_PERSON_POLICE),
    ("I run three OSes on my laptop, not so easy on a PC", Signal.RANK_ABBR),
    ("Our 18 TB RAID went offline overnight", Signal.OPERATIONAL),
    ("Raid night with the guild, need a healer", Signal.OPERATIONAL),
    ("Red Cross raises millions for Haiti Relief", Signal.JARGON),
    ("Why not just say here what the job is?", Signal.POLICE_GENERIC),
])
def test_look_alikes_from_published_exports_are_not_the_job(text: str, gone: Signal) -> None:
    kinds = text_signals(text).kinds
    assert Signal.NOT_POLICE in kinds and gone not in kinds


@pytest.mark.parametrize(("text", "kept"), [
    ("Opened an ACCT on him, obs every hour", Signal.PRISON_TALK),
    ("Cheers sarge, screws on B wing were sound today", Signal.POLICE_SLANG),
    ("Had a seizure in the cells, ambulance called", Signal.OPERATIONAL),
])
def test_the_same_words_at_work_stay(text: str, kept: Signal) -> None:
    assert kept in text_signals(text).kinds


def test_custody_as_a_place_of_work_stays_police_work() -> None:
    assert Signal.UNIT in text_signals("Earlies in custody at Longsight all week").kinds
    assert Signal.DENIAL not in text_signals("It's not a cop show, it's a character study").kinds


@pytest.mark.parametrize("text", [
    "PS: do you want more details on how to build your own board?",
    "PS I love you all",
    "Back in the district! I missed DC so bad",
    "He built it for the MIT AI lab back in the day",
    "I'm a bobby dazzler today",
    "Just flew into SFO on a tiny prop plane",
    "Exams are over. Relief.",
    "Much easier to rent a cheap VPS",
    "How did last night turn into that",
    "Free all political prisoners now",
    "Screw it, ordering a takeaway",
    "Life, liberty and the pursuit of happiness",
])
def test_look_alikes_of_police_abbreviations_and_jargon_are_not_the_job(text: str) -> None:
    kinds = text_signals(text).kinds
    assert Signal.NOT_POLICE in kinds
    assert not kinds & {Signal.RANK_ABBR, Signal.UNIT, Signal.JARGON, Signal.POLICE_SLANG, Signal.PRISON_TALK}
    assert "employer_disclosure" not in categories(make_post(text))


@pytest.mark.parametrize("text", ["DS Patel from MIT has taken the job", "On relief all week, my relief are the best",
                                  "PS Jones is on lates"])
def test_the_same_abbreviations_and_jargon_used_as_the_job_stay(text: str) -> None:
    assert "employer_disclosure" in categories(make_post(text))


@pytest.mark.parametrize("text", [
    "Danke, DM ist raus! Wir sehen uns mit dem Team morgen",
    "не говорите и ничего не сломайте пока я иду обедать :) PS ничего не оптимизировано",
    "Les institutionnels fuient le Bitcoin comme des rats quittant un navire en feu",
])
def test_text_in_another_language_is_not_read_as_police_talk_or_conduct(text: str) -> None:
    assert Signal.OTHER_LANGUAGE in text_signals(text).kinds
    assert not categories(make_post(text)) & {"employer_disclosure", "official_information", "conduct_risk"}


def test_quoted_lines_of_a_reply_are_someone_else_s_words() -> None:
    from checks.detectors.quotes import blank_quoted
    reply = "> I'm a response PC with the Met and my skipper fires people every week\n\nSo it may sort itself out."
    assert Category.EMPLOYER_DISCLOSURE in categories(make_post(reply.removeprefix("> ")))
    blanked = blank_quoted(reply)
    assert len(blanked) == len(reply) and "Met" not in blanked
    assert blanked.index("So it may") == reply.index("So it may")
    assert Category.EMPLOYER_DISCLOSURE not in categories(make_post(reply))


def test_a_reply_still_shows_what_the_person_says_under_the_quote() -> None:
    reply = "> what do you do for work?\n\nResponse PC with GMP, 12 years in"
    assert Category.EMPLOYER_DISCLOSURE in categories(make_post(reply))


@pytest.mark.parametrize("text", ['"The landing was a mess, we just left it" - a pilot on the storm',
                                  '\u201cSix years for the prisoner, and the cell door shut\u201d http://t.co/x1y2z3',
                                  "OH: cheers sarge, see you on parade"])
def test_a_text_that_is_one_quotation_or_overheard_is_someone_else_s(text: str) -> None:
    assert Signal.REPOST_TEXT in text_signals(text).kinds
    assert Category.EMPLOYER_DISCLOSURE not in categories(make_post(text))


def test_a_quoted_phrase_inside_ones_own_post_is_still_ones_own() -> None:
    assert Signal.REPOST_TEXT not in text_signals('"Best shift ever" on B wing tonight, cheers lads').kinds


@pytest.mark.parametrize("text", [">be me\n>PC on nights in Salford\n>custody full again",
                                  "&gt; quoted with an escaped marker"])
def test_text_that_is_all_quote_is_read_as_written(text: str) -> None:
    from checks.detectors.quotes import blank_quoted
    assert blank_quoted(text) == text


@pytest.mark.parametrize("text", ["Heddlu 18 mlynedd. Dad, Scarlets, cawl.", "Off to Las Vegas et al with the lads",
                                  "Moved to Leeds for the new job, the house is lovely"])
def test_welsh_and_english_with_foreign_names_are_not_another_language(text: str) -> None:
    assert Signal.OTHER_LANGUAGE not in text_signals(text).kinds


def test_a_link_is_not_read_as_words_or_numbers() -> None:
    text = "Pomp and circumstance http://t.co/UrNuF6shT8 and https://flic.kr/p/6DYpv3"
    assert Signal.REFERENCE_NUMBER not in text_signals(text).kinds
    assert not categories(make_post(text))


def test_links_are_blanked_in_place_so_positions_still_match_the_text() -> None:
    from checks.detectors.links import blank_links
    text = "See www.example.com/a and https://t.co/x9 or bit.ly/3abc then home"
    blanked = blank_links(text)
    assert len(blanked) == len(text)
    assert "example" not in blanked and "t.co" not in blanked and "bit.ly" not in blanked
    assert blanked.index("then home") == text.index("then home")


@pytest.mark.parametrize("text", [
    "Got arrested at 19 for being drunk and disorderly. Night in the cells, caution in the morning",
    "When we got burgled the police were actually brilliant, they came out the same day",
    "Did jury service last year. Two weeks, one fraud trial, one assault.",
    "Pulled over by a traffic cop on the M6 for a brake light, he was sound",
])
def test_being_dealt_with_by_the_police_or_the_courts_is_not_working_for_them(text: str) -> None:
    assert Signal.POLICE_SUBJECT in text_signals(text).kinds
    assert not categories(make_post(text)) & {"employer_disclosure", "official_information"}


def test_dealt_with_by_the_police_does_not_hide_someone_who_says_they_are_police() -> None:
    rules = decisions()
    present = frozenset({Signal.POLICE_SUBJECT, Signal.SELF_POLICE})
    assert decide(Category.EMPLOYER_DISCLOSURE, present, 0.99, 0.5, rules).found


def test_own_operational_work_shows_the_job_too() -> None:
    text = "Door went in at 6 on Ferndale Rd, found the lot stashed in the loft, two in custody. Happy Friday"
    found = categories(make_post(text))
    assert "official_information" in found
    assert "employer_disclosure" in found
    analysis = analyse(make_post(text))
    employer = analysis.verdict(Category.EMPLOYER_DISCLOSURE)
    assert employer.found and employer.by in {"own_official_work", "own_operational_work", "model",
                                              "police_work_likely"}


def test_an_implied_category_is_not_found_where_it_is_vetoed() -> None:
    text = "RT @someone: Door went in at 6 on Ferndale Rd, found the lot stashed in the loft, two in custody"
    item = make_post(text)
    assert "employer_disclosure" not in categories(item)


def test_a_collar_number_has_three_or_more_digits_or_a_letter_suffix() -> None:
    assert Signal.COLLAR_NUMBER in text_signals("PC 4521 on lates tonight").kinds
    assert Signal.COLLAR_NUMBER in text_signals("PS 12AB says hi").kinds
    assert Signal.COLLAR_NUMBER not in text_signals("Plugged the DC 20 volt adapter in").kinds


@pytest.mark.parametrize("text, signal", [
    ("Out canvassing for the party in Kettering on Saturday, come and help", Signal.POLITICAL_ACTIVITY),
    ("Tasered a fella last night, he folded like a deckchair", Signal.FORCE_USED),
    ("Three gin and tonics then drove home, felt fine", Signal.DRINK_DRIVING),
    ("Bring back hanging for the lot of them", Signal.THREAT),
    ("Avon lady on the side, catalogue out now", Signal.BUSINESS),
    ("Mates keep asking me to run their ex's reg on the PNC", Signal.MISUSE),
    ("Pulling a sickie tomorrow, they can cope", Signal.MISUSE),
    ("PAVA sorted him right out, tears for days", Signal.FORCE_USED),
    ("Some of the families we get in look like they've been bred for it", Signal.DEHUMANISING),
    ("Still doing 110 on the M40 on the way home in my own car", Signal.MISUSE),
    ("Get out and vote them out in May", Signal.POLITICAL_ACTIVITY),
    ("Nail tech on my days off, nobody at work knows", Signal.SIDE_JOB),
    ("Had a wee look on the system for ye, tell yer sister tae be careful. Delete this.", Signal.MISUSE),
    ("Six years on that estate and I'm convinced they're a different species", Signal.DEHUMANISING),
    ("Oot chappin doors for the party aw Saturday", Signal.POLITICAL_ACTIVITY),
    ("Face first in the brambles inside 10 seconds", Signal.FORCE_USED),
])
def test_conduct_told_in_other_words_has_signals(text: str, signal: Signal) -> None:
    assert signal in text_signals(text).kinds


def test_political_activity_and_force_used_let_the_model_weigh_conduct() -> None:
    rules = decisions()
    for sign in (Signal.POLITICAL_ACTIVITY, Signal.FORCE_USED):
        assert decide(Category.CONDUCT_RISK, frozenset({sign}), 0.9, 0.5, rules).found
        assert not decide(Category.CONDUCT_RISK, frozenset({sign}), 0.3, 0.5, rules).found


def test_the_writer_left_unsaid_is_still_the_writer() -> None:
    assert Signal.FIRST_PERSON in text_signals("Had a sudden in a flat last night, PF instructed a PM").kinds
    assert Signal.FIRST_PERSON in text_signals("Long night. Nicked two for the burglary.").kinds


@pytest.mark.parametrize("text", ["Parked on the side of the road for a bit", "I must go, tea's ready",
                                  "Sat on the bench all match, gaffer hates me"])
def test_everyday_phrases_near_the_new_words_are_not_conduct_signals(text: str) -> None:
    kinds = text_signals(text).kinds
    assert not kinds & {Signal.SIDE_JOB, Signal.POLITICAL_ACTIVITY, Signal.MISUSE}


def test_force_laughed_about_is_conduct_and_force_alone_is_for_the_model() -> None:
    laughed = "He got PAVA'd, they got a lift to custody 😂 love it"
    kinds = text_signals(laughed).kinds
    assert {Signal.FORCE_USED, Signal.JOY, Signal.FORCE_LAUGHED_ABOUT} <= kinds
    assert "conduct_risk" in categories(make_post(laughed))
    assert Signal.FORCE_LAUGHED_ABOUT not in text_signals("Had to restrain a lad today, paperwork all night").kinds




def test_a_strong_sign_of_conduct_lowers_the_bar_the_model_must_clear() -> None:
    rules = decisions()
    slur = frozenset({Signal.SLUR})
    found = decide(Category.CONDUCT_RISK, slur, 0.45, 0.85, rules)
    assert found.found and found.by == "conduct_sign_likely"
    assert not decide(Category.CONDUCT_RISK, slur, 0.3, 0.85, rules).found  # the model must still agree a little
    assert not decide(Category.CONDUCT_RISK, slur | {Signal.REPOST}, 0.45, 0.85, rules).found
    # a weak sign (a business word) does not lower it
    assert not decide(Category.CONDUCT_RISK, frozenset({Signal.BUSINESS}), 0.45, 0.85, rules).found


def test_operational_words_beside_the_job_lower_the_bar_for_official_information() -> None:
    rules = decisions()
    own = frozenset({Signal.OPERATIONAL, Signal.FIRST_PERSON, Signal.POLICE_WEAK})
    found = decide(Category.OFFICIAL_INFORMATION, own, 0.65, 0.92, rules)
    assert found.found and found.by == "official_sign_likely"
    assert not decide(Category.OFFICIAL_INFORMATION, own, 0.5, 0.92, rules).found
    assert not decide(Category.OFFICIAL_INFORMATION, own | {Signal.NEWS}, 0.65, 0.92, rules).found
    # "I deployed the code", "the recruiters I interviewed": operational words with no police or justice beside them
    alone = frozenset({Signal.OPERATIONAL, Signal.FIRST_PERSON, Signal.FIRST_PERSON_POLICE})
    assert not decide(Category.OFFICIAL_INFORMATION, alone, 0.65, 0.92, rules).found


# what each fresh batch's first run missed, turned into signals before the next batch ran
MISSED_BY_FIRST_RUNS = [  # (batch, text, the signal it now gives)
    ("N", "Big up the lads, broke a few heads at the match today", Signal.FORCE_USED),
    ("N", "Gave him a little reminder in the van who's boss", Signal.FORCE_USED),
    ("N", "Breached his curfew again. Honestly these people are a waste of oxygen.", Signal.GROUP_DEHUMANISED),
    ("N", "DJing at the Oak Tree this Friday 9pm-1am", Signal.SIDE_JOB),
    ("N", "Landlord of 3 flats in Crewe, all managed myself", Signal.SIDE_JOB),
    ("N", "Told him he looked like a dirty little gyppo", Signal.SLUR),
    ("O", "Cracking night on the town 🍻🍻 drove home at 2am", Signal.DRINK_DRIVING),
    ("O", "Vote Independent for Westbury ward on Thursday", Signal.POLITICAL_ACTIVITY),
    ("O", "Vote for Jane Smith, your Green candidate", Signal.POLITICAL_ACTIVITY),
    ("O", "Also doing nails again from home, gel £20", Signal.SIDE_JOB),
    ("O", "Next time I'm 'forgetting' to switch the camera on", Signal.MISUSE),
    ("O", "He'd never see daylight again. Some people aren't human.", Signal.GROUP_DEHUMANISED),
    ("P", "Detached duty at HMP Carnbeg for 3 weeks from Monday", Signal.JUSTICE_BODY),
    ("P", "Pick-up at Trinity Fields at 3, then the CJ unit 4 til 10", Signal.UNIT),
    ("P", "Contact management tonight: 30 calls queueing, 2 off sick", Signal.UNIT),
    ("P", "Lash course on Saturdays only cos I work shifts at the jail", Signal.PRISON_TALK),
    ("P", "Usher at the Military Court Centre. Three courts martial this week", Signal.UNIT),
    ("Q", "three hours into a VCP on the Cookstown road. Feet are blocks of ice #PSNI", Signal.POLICE_HASHTAG),
    ("Q", "DCI wants the URN on every single email now. 47HH0392124 is my whole life", Signal.REFERENCE_NUMBER),
    ("Q", "Did 16 hours as a special this month on top of the day job", Signal.POLICE_ROLE),
    ("Q", "home visit at a service user's flat today and his dog tried to eat my clipboard #probationlife",
     Signal.POLICE_HASHTAG),
    ("Q", "Mum to Evie & Jack 💛 | Lancaster | 👮‍♀️", Signal.POLICE_ROLE),
    ("R", "can't stand the way the Muslims are taking over the high street", Signal.GROUP_DEROGATED),
    ("R", "Proud to be standing as an independent candidate for Ashby parish council", Signal.POLITICAL_ACTIVITY),
    ("R", "mandy kicked in about 9 and I don't remember the rest", Signal.DRUGS),
    ("R", "Anyone want 10% off at my vape shop in Crewe?", Signal.SIDE_JOB),
    ("R", "selling my spare force-issue body armour, never worn", Signal.MISUSE),
    ("V", "He tried to nut me and ended up acquainted with the pavement. Play stupid games", Signal.FORCE_USED),
    ("V", "Night shift in Redruth: where the gene pool goes to die #response", Signal.WORK_DEROGATED),
    ("V", "Half of our 'victims' are the ones who started it", Signal.WORK_DEROGATED),
    ("V", "Association on the landing is like feeding time at the zoo", Signal.DEHUMANISING),
    ("V", "Those protesters need a good slap, every one of them", Signal.THREAT),
    ("V", "Another round of box ticking from HR instead of hiring coppers", Signal.GENERALISING),
    ("V", "Car stereos going cheap, don't ask 😉", Signal.MISUSE),
    ("V", "Guitar lessons in Frome, £20 an hour, all ages", Signal.BUSINESS),
    ("V", "Strike team briefed, doors at 0530 on the Meadow estate", Signal.OP_STRONG),
    ("V", "Lanzarote in 6 days, whole fortnight, house sat empty", Signal.AWAY_FUTURE),
    ("V", "Spin class every Tuesday from 7, same bike every week", Signal.ROUTINE_TIME),
    ("V", "Out the door at 6:40 most days, back about 7", Signal.CLOCK_TIME),
    ("W", "anyone fancy swapping my 8-4 tues for a late?", Signal.CLOCK_TIME),
    ("W", "Over the Snake Pass at half six every morning, four on four off", Signal.CLOCK_TIME),
    ("W", "Six till two all week, then the house'll be empty while we're in Rhyl", Signal.HOUSE_EMPTY),
    ("W", "Six till two all week out of Wrexham", Signal.CLOCK_TIME),
    ("X", "Trainers going cheap, don't ask where from", Signal.MISUSE),
    ("X", "Shame the dog only had a quick chew on him", Signal.FORCE_USED),
    ("X", "New head of department is a useless careerist", Signal.LEADERS_DEROGATED),
    ("X", "Did a 136 on nights and sat in A&E till 6", Signal.OP_STRONG),
    ("X", "Posted the cell CCTV in the group, you have to see it", Signal.MISUSE),
    ("Y", "Sunday sesh, a few too many and still drove back from the coast", Signal.DRINK_DRIVING),
    ("Y", "Another one in cell 3 who 'knows his rights' #custodylife", Signal.POLICE_HASHTAG),
    ("Y", "Threw a sickie for the Leeds game, told them it was a migraine", Signal.MISUSE),
    ("Y", "Looked my sister's new fella up on the PNC, all good", Signal.MISUSE),
    ("Y", "Had to chin a lad at the taxi rank, felt great", Signal.FORCE_USED),
    ("Y", "Proud to be standing for the council in Ward 4 this May", Signal.POLITICAL_ACTIVITY),
    ("Y", "They should learn English or go home, simple as", Signal.GENERALISING),
    ("AB", "The Chief wants to shut our front office. Hope she gets what's coming", Signal.THREAT),
    ("AB", "Snapped the lad in cell 2 crying and sent it to the group chat", Signal.MISUSE),
    ("AB", "Cheap cigs from Spain every month if anyone wants some, can drop at the nick", Signal.MISUSE),
    ("AB", "Took my fella for a spin in the marked car on nights", Signal.MISUSE),
    ("AB", "Room to let in our place in Heaton, £425 pcm all in", Signal.BUSINESS),
    ("AB", "His arm went the wrong way when we took him down. Not sorry", Signal.FORCE_USED),
    ("AD", "Booked in 11 this shift, two spat at me", Signal.OPERATIONAL),
    ("AD", "Had to tell a mum in Rhyl last night that her lad wasn't coming home", Signal.OPERATIONAL),
    ("AD", "Got a shout for a domestic just as the kettle boiled", Signal.OPERATIONAL),
    ("AD", "The fiscal marked it no proceedings, weeks of work binned", Signal.COURT_TALK),
    ("AD", "Two days on the scheme with the dogs, three houses left to search", Signal.OPERATIONAL),
    ("AE", "Had 3 pints at the match but I'll drive, it's only up the road", Signal.DRINK_DRIVING),
    ("AE", "Second bottle of rosé and still got to drive home 🍷", Signal.DRINK_DRIVING),
    ("AE", "Cheeky cocktail before the school run 🍸🚗", Signal.DRINK_DRIVING),
    ("AE", "Yes I'm a PC. Yes I run an OnlyFans.", Signal.SIDE_JOB),
    ("AE", "New Avon brochure out ladies, drop-offs after my earlies", Signal.BUSINESS),
    ("AE", "Councillors lying again. Vote the lot of them out.", Signal.POLITICAL_ACTIVITY),
    ("AE", "Best nights are when we get to batter a few drunks", Signal.FORCE_USED),
    ("AG", "One cycle of the taser and he folded like a deckchair", Signal.FORCE_USED),
    ("AG", "Seen the bodycam, should've hit him harder", Signal.FORCE_USED),
    ("AG", "Three rang 999 about a wrong takeaway. Thick as mince, the lot of them.", Signal.GROUP_DEROGATED),
    ("AG", "My Chief Constable is a coward", Signal.LEADERS_DEROGATED),
    ("AG", "Refugees should be sent back on the boats they came on", Signal.DEHUMANISING),
    ("AG", "I make cakes now, £40 a go, don't tell HR", Signal.MISUSE),
    ("AH", "Set of lates with Oldham response done", Signal.UNIT),
    ("AH", "Peeler by day, dad by night", Signal.POLICE_TALK),
    ("AH", "I'm on lates Friday on the 999s", Signal.JARGON),
    ("AI", "Our useless inspector wouldn't last a shift out here", Signal.LEADERS_DEROGATED),
    ("AI", "Weddings and parties, £250 for 4 hours, DM me", Signal.BUSINESS),
    ("AI", "Drinks after putting that one away for 8 years", Signal.OPERATIONAL),
    ("AI", "Benidorm for a week, sick line's in", Signal.MISUSE),
    ("AI", "Roads policing all morning, three no insurance seizures", Signal.OPERATIONAL),
    ("AI", "Bought a terrace to do up and let, nobody at work needs to know", Signal.SIDE_JOB),
    ("AJ", "ARV cover tonight is 2 cars for half the county", Signal.OPERATIONAL),
    ("AJ", "Went out with 4 instead of the 6 on the roster", Signal.OPERATIONAL),
    ("AJ", "Back on the 14th, don't tell the force's HR", Signal.MISUSE),
    ("AJ", "Some communities round here don't want to integrate", Signal.GENERALISING),
    ("AJ", "Tempted to run his name through the system", Signal.MISUSE),
    ("AJ", "Coffee from our kitchen on Minster Yard", Signal.HOME_ADDRESS_WORDS),
    ("AK", "Single crewed for the whole of the district tonight", Signal.OPERATIONAL),
    ("AK", "Joined as a forensics investigator, still running my phone repair business", Signal.BUSINESS),
    ("AK", "Took 5 of us to get him down. Gave him a few extra digs for the trouble", Signal.FORCE_USED),
    ("AK", "The travelling community round here are a plague", Signal.GROUP_DEHUMANISED),
    ("AK", "Cleaning on the side without telling PSD", Signal.MISUSE),
    ("AK", "I was first car there and did the family's knock", Signal.OPERATIONAL),
    ("AL", "Come and say hello at the library, Weds 2-4pm #TVP", Signal.POLICE_HASHTAG),
    ("AL", "Copper of 22 years and never seen a summer like it", Signal.TENURE_POLICE),
    ("AL", "Nine years in a panda car round Motherwell", Signal.TENURE_POLICE),
    ("AL", "I've been policing the protests all week", Signal.WORK_VERB_POLICE),
    ("AL", "Had 4 on the team today for a town of 60,000", Signal.OPERATIONAL),
    ("AL", "We couldn't find 3 officers to cover lates", Signal.OPERATIONAL),
    ("AL", "Judge gave him six years. Worth the 14 months of file prep", Signal.OPERATIONAL),
    ("AL", "Stood in the rain with my baton and a bag of chips", Signal.POLICE_TALK),
    ("AL", "Four jobs on the stack and all of them graded P2", Signal.JARGON),
    ("AL", "Walking with the lodge again this July", Signal.POLITICAL_ACTIVITY),
    ("AL", "Canvassing for Plaid this weekend, knock knock", Signal.POLITICAL_ACTIVITY),
    ("AM", "Warrant number 33817 on the lanyard, still feels weird", Signal.COLLAR_NUMBER),
    ("AM", "Twenty years of landings and the jangle never leaves you", Signal.TENURE_POLICE),
    ("AM", "Loved policing the Notting Hill carnival this year", Signal.WORK_VERB_POLICE),
    ("AM", "Only 2 of us left, section's down to 2 for the whole of Fermanagh", Signal.OPERATIONAL),
    ("AM", "Bloke in cell 7 singing Oasis since midnight", Signal.POLICE_TALK),
    ("AM", "Back on the Kingsthorpe beat from Monday", Signal.POLICE_TALK),
    ("AM", "Our new Super wants a plan on a page for everything", Signal.RANK),
    ("AM", "Found the lad we locked up on Friday asleep in the bus stop again", Signal.OP_STRONG),
    ("AM", "Running a small cake business from my kitchen now, DM for orders", Signal.BUSINESS),
    ("AM", "I work in the Crown Court listing office", Signal.WORK_VERB_POLICE),
    ("AM", "Two weeks in Portugal, don't tell occ health I'm fine really", Signal.MISUSE),
    ("AM", "Standing for town council in May, vote for me", Signal.POLITICAL_ACTIVITY),
    ("AM", "New address for the cards: 7 Heol y Felin, Llanelli", Signal.HOME_ADDRESS_WORDS),
    ("AM", "My room's in Cartwright halls, room 118, knock any time", Signal.HOME_ADDRESS_WORDS),
    ("AM", "Back tae oor hoose on Kepplehills Road", Signal.HOME_WORD),
    ("AM", "Neighbourhood team at the library Sat 10-12, pop in", Signal.CLOCK_TIME),
    ("AM", "Off to Lanzarote Mon for ten days", Signal.DAY_TIME),
    ("AN", "Clocked a BMW doing 98 on the A14 near Huntingdon", Signal.OP_STRONG),
    ("AN", "Cheers sarge, I'll swap my rest day", Signal.POLICE_TALK),
    ("AN", "Two oral reports and a PSR before dinner at the mags", Signal.JARGON),
    ("AN", "Marked it no pro after six months", Signal.JARGON),
    ("AN", "Talked her through it till the units got there", Signal.POLICE_TALK),
    ("AN", "Three hours stood at the interface on the Crumlin Road", Signal.POLICE_WEAK),
    ("AO", "I work for the CPS in Leeds, mostly youth files", Signal.WORK_VERB_POLICE),
    ("AO", "Kent Police, 19 yrs. Views my own.", Signal.TENURE_POLICE),
    ("AO", "I'm the one who picks up when you ring 999 at 3am", Signal.POLICE_TALK),
    ("AO", "1400 parade then straight out to a sudden", Signal.POLICE_TALK),
    ("AO", "Gave him a quick slap when nobody was looking", Signal.FORCE_USED),
    ("AO", "Saw the boy we lifted last month in Asda", Signal.OP_STRONG),
    ("AO", "Am a polis, no I cannae help with your parking", Signal.SELF_POLICE),
    ("AO", "Still checking under the car every morning after all these years", Signal.POLICE_TALK),
    ("AO", "Off with stress, don't tell occ health about the holiday", Signal.MISUSE),
    ("AP", "He may have 'slipped' getting into the van, shame", Signal.FORCE_USED),
    ("AP", "Away 3rd to 17th, plants need watering", Signal.DAY_TIME),
    ("AP", "Saw a lad I've locked you up twice before... I mean him, in Tesco", Signal.OP_STRONG),
    ("AP", "Doorstep bail check at 7, nobody home", Signal.OP_STRONG),
    ("AP", "Put the headset down after 12 hours of 999s", Signal.POLICE_TALK),
    ("AP", "Forward it to my personal email, the force laptop won't open it", Signal.MISUSE),
    ("AP", "Nine years booking them in and I still can't spell their names", Signal.POLICE_TALK),
    ("AQ", "Only me and Kirsty for the whole of Caithness tonight", Signal.OPERATIONAL),
    ("AQ", "Officer in J Division here, ask me anything", Signal.UNIT),
    ("AQ", "PD Rex has earned his biscuits today", Signal.UNIT),
    ("AQ", "Four years on the airport unit #armedpolicing", Signal.POLICE_HASHTAG),
    ("AQ", "Alongside the day job I run a small cleaning business in Boston", Signal.BUSINESS),
    ("AQ", "Litter of six ready now, £1,200 each, collection only", Signal.BUSINESS),
    ("AQ", "Screenshotted his record off Niche lol", Signal.MISUSE),
    ("AQ", "As a former CPS caseworker I can tell you disclosure is broken", Signal.FORCE_ABBR),
    ("AR", "It's me and a probationer covering the whole of Darnall tonight", Signal.OPERATIONAL),
    ("AR", "Selling my old issued boots, don't tell stores", Signal.MISUSE),
    ("AR", "Lates this week, 1400-2300, then four off", Signal.CLOCK_TIME),
    ("AR", "Half the addicts round here would be better off dead", Signal.DEHUMANISING),
    ("AR", "Ask me which ones I'd happily see hang", Signal.THREAT),
    ("AT", "Lates at Stocken all week, see you Sunday", Signal.PRISON_TALK),
    ("AT", "Wymott have got me on 4 nights in a row", Signal.PRISON_TALK),
    ("AT", "Tidy, shifft nos arall yn y carchar", Signal.PRISON_TALK),
    ("AT", "Another 12 hours in the ddalfa", Signal.UNIT),
    ("AT", "Scenes examiner for the force, ask me about fingerprint powder", Signal.POLICE_ROLE),
    ("AT", "Ref 31/20417/25 finally went to court", Signal.REFERENCE_NUMBER),
    ("AT", "Clocked a van doing 94 past the school", Signal.OPERATIONAL),
    ("AT", "Lad on the roadside blew 71 and still argued", Signal.OPERATIONAL),
    ("AT", "Another 136 at midnight, six hours at the hospital", Signal.OPERATIONAL),
    ("AT", "Had 23 in overnight and one sergeant", Signal.OPERATIONAL),
    ("AT", "2 staff on a 90 bed wing again", Signal.OPERATIONAL),
    ("AT", "Lates next week 2-10 then nights", Signal.ROUTINE_TIME),
    ("AT", "Brows and lashes Mon/Thurs evenings, message me", Signal.ROUTINE_TIME),
    ("AT", "Every job with the Romanian lot is the same", Signal.GENERALISING),
    ("AT", "I'm standing for the Greens in the May elections", Signal.POLITICAL_ACTIVITY),
    ("AT", "Not meant to share this but look at the state of him", Signal.MISUSE),
    ("AT", "Face when the cuffs went on 😂", Signal.FORCE_USED),
    ("AT", "Just moved into 3 Heol y Felin", Signal.HOUSE_NUMBER_STREET),
    ("AT", "Tŷ Gwyn, Llanarth is ours at last", Signal.HOUSE_WORD),
    ("AT", "New build keys today, plot 14 is ours", Signal.HOUSE_NUMBER_STREET),
    ("AT", "Two pints in the beer garden before my shift, don't judge", Signal.DRINK_ON_DUTY),
    ("AT", "Depressed my arse, he just wants a lift home", Signal.DEROGATORY),
    ("AT", "Every time, anything not nailed down goes missing when they're on the field", Signal.GENERALISING),
    ("AT", "Face painting at fetes, rest days permitting", Signal.SIDE_JOB),
    ("AT", "Heard the lines are running Wigan to Leigh again", Signal.OPERATIONAL),
    ("AT", "The Chief Constable couldn't organise a raffle", Signal.LEADERS_DEROGATED),
    ("AU", "Range day at Lippitts Hill tomorrow", Signal.UNIT),
    ("AU", "Mucking out at Imber Court before earlies", Signal.UNIT),
    ("AU", "Quiet one tonight #TSG", Signal.POLICE_HASHTAG),
    ("AU", "Her mum was in the railway police for 20 years", Signal.FORCE_SHORT),
    ("AU", "Pre-planned at 0430, two addresses, nobody home", Signal.OPERATIONAL),
    ("AU", "Sentencing today on my burglary, fingers crossed", Signal.OP_STRONG),
    ("AU", "Got my lad 4 years at Wood Green", Signal.OP_STRONG),
    ("AU", "Caught it all on body worn, sending you the clip", Signal.MISUSE),
    ("AU", "Force issue gloves, never worn, £10 ono", Signal.MISUSE),
    ("AU", "Woke top brass strike again", Signal.DEROGATORY),
    ("AU", "Heading to the Reform rally in my uniform", Signal.POLITICAL_ACTIVITY),
    ("AU", "Thirty today, 9th March baby", Signal.DOB_STATED),
    ("AU", "Mum's still got my birthday on the calendar, 03/07/1999", Signal.DOB_STATED),
    ("AU", "Reported my bike stolen to Sussex Police last week", Signal.POLICE_SUBJECT),
    ("AU", "The BTP lady was lovely about it", Signal.POLICE_SUBJECT),
    ("AU", "Proud of my old pupil who just joined the Met", Signal.RELATION_POLICE),
    ("AU", "She played a DS in that ITV drama", Signal.MEDIA),
    ("AU", "0700 start at the range tomorrow", Signal.ROUTINE_TIME),
    ("AU", "Night 3 of 4 in Lewisham", Signal.ROUTINE_TIME),
    ("AU", "Tuesday evenings I coach the under 10s", Signal.ROUTINE_TIME),
    ("AU", "In Lanzarote till the 14th, bliss", Signal.AWAY_FUTURE),
    ("AV", "Retired from Notts in 2015 after 28 years", Signal.WORK_VERB_POLICE),
    ("AV", "Second generation in the Merseyside job", Signal.WORK_VERB_POLICE),
    ("AV", "Chips in the panda again, living the dream", Signal.POLICE_SLANG),
    ("AV", "Three renewal visits and a gun cabinet check before lunch", Signal.JARGON),
    ("AV", "Big pagger on the landing, everyone behind their doors", Signal.PRISON_TALK),
    ("AV", "Writing CJSWRs all week", Signal.COURT_TALK),
    ("AV", "He got 120 hours of unpaid work", Signal.COURT_TALK),
    ("AV", "The defendant in my court keeps winking at the jury", Signal.COURT_TALK),
    ("AV", "Looked up my neighbour's new boyfriend on the PNC, he's clean", Signal.MISUSE),
    ("AV", "Matched on Bumble with a witness from my burglary", Signal.MISUSE),
    ("AV", "Landlord offered me a bottle of whisky after the job, didn't say no", Signal.MISUSE),
    ("AV", "Had it up to 130 on blues just to see what it would do", Signal.MISUSE),
    ("AV", "Grabbed a photo of the crash, it's in the group chat", Signal.MISUSE),
    ("AV", "Can't say much but there's a big job on tomorrow", Signal.OP_SECRET),
    ("AV", "Out leafleting for the Lib Dems, don't tell the boss", Signal.POLITICAL_ACTIVITY),
    ("AV", "The wife's a DS in CID", Signal.MY_RELATION),
    ("AV", "Gave evidence today against the bloke who hit my car", Signal.POLICE_SUBJECT),
    ("AW", "Someone should go up there with a can of petrol", Signal.THREAT),
    ("AW", "Every immigrant round here is on benefits", Signal.GENERALISING),
    ("AW", "Women have no place on the ARVs", Signal.GENERALISING),
    ("AW", "Bodycam was off, thank god", Signal.MISUSE),
    ("AW", "I did 120 the whole way to the airport", Signal.MISUSE),
    ("AW", "New duty sheet's out, lates all week", Signal.JARGON),
    ("AW", "Signed off the problem profile for the estate", Signal.OPERATIONAL),
    ("AX", "Regime curtailed again, they're kicking off behind their doors", Signal.PRISON_TALK),
    ("AX", "Found a phone in the kettle during the spin", Signal.PRISON_TALK),
    ("AX", "12 staff on for three wings today", Signal.OPERATIONAL),
    ("AX", "Breached him today after his third missed appointment", Signal.COURT_TALK),
    ("AX", "Had to swear him in twice, he couldn't read the card", Signal.COURT_TALK),
    ("AX", "Clocked off from the communications centre at 7", Signal.UNIT),
    ("AX", "Emergency visit on the cuckooing case", Signal.OPERATIONAL),
    ("AX", "The 101 queue was at 60 when I logged on", Signal.JARGON),
    ("AY", "Screenshotted her custody photo off the system lol", Signal.MISUSE),
    ("AY", "Swerved the cameras on the way to the van", Signal.MISUSE),
    ("AY", "The dog got hold of him on the fence 😂", Signal.FORCE_USED),
    ("AY", "Four Section 136s this week alone", Signal.OPERATIONAL),
    ("AY", "Kicked the door in at 5, nobody home", Signal.OP_STRONG),
    ("AZ", "I'm a peeler, not a saint", Signal.SELF_POLICE),
    ("AZ", "Twenty two years with Lancs and I'd do it again", Signal.TENURE_POLICE),
    ("AZ", "Can't make it, I'm on aid at the stadium Saturday", Signal.JARGON),
    ("AZ", "Three hours in a custodian helmet in this heat", Signal.JARGON),
    ("AZ", "Another four DA calls before midnight", Signal.OPERATIONAL),
    ("AZ", "Wearing my Fed rep hat again today", Signal.OWN_POLICE),
    ("AZ", "Robing room gossip is the best gossip", Signal.COURT_TALK),
    ("AZ", "Earlies at the jail again this week", Signal.PRISON_TALK),
    ("AZ", "Upstairs couldn't organise a bake sale, someone upstairs should answer for it", Signal.LEADERS_DEROGATED),
    ("AZ", "Pre drinks at ours then I'll drive us into town", Signal.DRINK_DRIVING),
    ("BA", "Flashed the warrant card at the door and walked straight in", Signal.MISUSE),
    ("BA", "As a crown prosecutor I see this every week", Signal.SELF_POLICE),
    ("BA", "Honestly, the scum we deal with on nights", Signal.GROUP_DEHUMANISED),
    ("BA", "State of the lad we brought in last night", Signal.OPERATIONAL),
    ("BA", "PD Rex found the stash under the floorboards", Signal.UNIT),
    ("BA", "The lot in the hotel by the bypass wander round like they own the place", Signal.GROUP_DEHUMANISED),
    ("BA", "Another tip for the public: some of them can barely read the signs, the thick lot", Signal.DEROGATORY),
    ("BA", "Tenner a go for a bit of tutoring on the side, easy money", Signal.BUSINESS_WEAK),
    ("BA", "Don't worry about the queue mate, I'm job", Signal.SELF_POLICE),
    ("BB", "Hung up the tunic after 30 years and still miss the canteen", Signal.JARGON),
    ("BB", "Sat in on a misconduct hearing as a Fed friend today", Signal.JARGON),
    ("BB", "Stood in the rain at the knife arch all night", Signal.JARGON),
    ("BB", "Production order finally signed, now we wait for the bank", Signal.OPERATIONAL),
    ("BB", "Snow on the A66 again, sat in a lay-by for hours #DurhamRPU", Signal.POLICE_HASHTAG),
    ("BB", "The CHIS went quiet for a week and we all panicked", Signal.OP_SECRET),
    ("BC", "I'm at Wrexham Mags all day so can't pick up", Signal.COURT_TALK),
    ("BC", "Two staff for three houseblocks on nights again", Signal.PRISON_TALK),
    ("BC", "Fifteen years of 'what's the address of your emergency?'", Signal.JARGON),
    ("BC", "DC | Fife | b. 03.07.91 | views my own", Signal.DOB_STATED),
    ("BC", "Happy birthday to me, 4th July babies are the best", Signal.DOB_STATED),
    ("BC", "Off to Lanzarote Saturday, house is locked up and the cat's at my mum's", Signal.HOUSE_EMPTY),
    ("BD", "Been a special with Notts for three years now", Signal.SELF_POLICE),
    ("BD", "I work at a prison, so no, I won't be watching that documentary", Signal.SELF_POLICE),
    ("BD", "Derby day: serial 6, away end from noon", Signal.JARGON),
    ("BD", "Leafleting Sunday for the Greens if anyone fancies it", Signal.POLITICAL_ACTIVITY),
    ("BD", "Took a pic of him in the cell before interview, face like thunder", Signal.MISUSE),
    ("BD", "Never filled in the business interest form for the lashes, can't be bothered", Signal.MISUSE),
    ("BD", "Couple of digs once he was cuffed, he won't try that again", Signal.FORCE_USED),
    ("BD", "Blame the clowns at HQ for the overtime ban", Signal.LEADERS_DEROGATED),
    ("BD", "First week on the bridewell desk done", Signal.JARGON),
    ("BD", "Asked if I could run his reg, no chance", Signal.JARGON),
    ("BE", "Mum of 2 | Sgt | Halesowen B63 🏡 | views my own", Signal.DISTRICT_PINNED),
    ("BE", "Range day again, coffee and paperwork #AFO", Signal.POLICE_HASHTAG),
    ("BE", "Serving cop, and yes I'll be at the match", Signal.POLICE_ROLE),
    ("BE", "I take 101 calls all night so this is survival food", Signal.JARGON),
    ("BE", "Blue lights to a grade 1 call that was a wifi argument", Signal.JARGON),
    ("BE", "Professional Standards are a bunch of rats", Signal.LEADERS_DEROGATED),
    ("BF", "Ran the reg of the van outside, nothing on it", Signal.JARGON),
    ("BF", "Dad. Golf. Ex-job, 25 years", Signal.POLICE_SLANG),
    ("BF", "Back on the 999 desk after leave", Signal.JARGON),
    ("BF", "PSD couldn't find a biro in a paper shop, or their way out of a paper bag", Signal.LEADERS_DEROGATED),
]


@pytest.mark.parametrize(("batch", "text", "signal"), MISSED_BY_FIRST_RUNS)
def test_what_a_first_run_missed_now_has_signals(batch: str, text: str, signal: Signal) -> None:
    assert signal in text_signals(text).kinds, batch


@pytest.mark.parametrize(("text", "absent"), [
    ("We moved to Ranby last year, lovely village", Signal.PRISON_TALK),
    ("Read 136 pages of my book tonight", Signal.OPERATIONAL),
    ("Won 4 in a row at the quiz", Signal.HOUSE_NUMBER_STREET),
    ("Did 5 long nights in a row", Signal.HOUSE_NUMBER_STREET),
    ("The staff on the ward were lovely", Signal.OPERATIONAL),
    ("Blew out 40 candles tonight", Signal.OPERATIONAL),
    ("Pints after nights with the team", Signal.DRINK_ON_DUTY),
    ("So I can get work and the gym in before parade", Signal.DRINK_ON_DUTY),
    ("The 2024 start was slow", Signal.ROUTINE_TIME),
    ("Night 1 of the festival was amazing", Signal.ROUTINE_TIME),
    ("Checked the train times on the app before leaving", Signal.MISUSE),
    ("My date was fit as and we matched on music", Signal.MISUSE),
    ("Joined the gym in 2019 after 6 weeks of excuses", Signal.WORK_VERB_POLICE),
    ("White watch tonight, two shouts already", Signal.POLICE_SUBJECT),
    ("All the immigrants I've met have been lovely", Signal.GENERALISING),
    ("I did 120 squats today", Signal.MISUSE),
    ("Years of unpaid work experience and still no job offer", Signal.COURT_TALK),
    ("Sorry my arse is so big in this photo", Signal.DEROGATORY),
    ("The chink in their armour is the back four", Signal.SLUR),
    ("I woke up early and went to the march", Signal.DEROGATORY),
    ("Meet me on the 3rd of December at 6", Signal.DOB_STATED),
    ("Met issue boots are the comfiest I've owned", Signal.MISUSE),
    ("Reported my findings to the board", Signal.POLICE_SUBJECT),
    ("I'm job hunting again, wish me luck", Signal.SELF_POLICE),
    ("I'm job sharing with Sarah from March", Signal.SELF_POLICE),
    ("New potato peeler is a game changer", Signal.POLICE_SLANG),
    ("Twenty years in Kent countryside and I still get lost", Signal.FORCE_SHORT),
    ("My dad did 30 years with Sussex", Signal.SELF_POLICE),
    ("The women's aid charity relies on aid from the council", Signal.JARGON),
    ("We brought in a new manager last year", Signal.OPERATIONAL),
    ("The dogs I deal with at the shelter are angels", Signal.GROUP_DEHUMANISED),
    ("Stayed at the hotel by the beach, the lot in the pool were lovely", Signal.GROUP),
    ("Me da calls every Sunday from Spain", Signal.OPERATIONAL),
    ("PD is short for police department in the States", Signal.UNIT),
    ("Then came the relief, and then the tears", Signal.JARGON),
    ("Relief from the heat at last", Signal.JARGON),
    ("Managed to screw my laptop install up again", Signal.POLICE_SLANG),
    ("Bought a new tunic dress for the wedding", Signal.JARGON),
    ("Need SPF 50 for the beach this year", Signal.POLICE_ROLE),
    ("The mags at the newsagent are all about royals", Signal.COURT_TALK),
    ("Loving my new #cardiffarts print", Signal.POLICE_HASHTAG),
    ("Plan b. 12.5 per cent off everything", Signal.DOB_STATED),
    ("The lad we nicked is locked up until his trial", Signal.HOUSE_EMPTY),
    ("I'm a special kind of tired today", Signal.SELF_POLICE),
    ("Serial 4 of the podcast drops on Friday", Signal.JARGON),
    ("Took a photo of them at the beach, lovely", Signal.MISUSE),
    ("Door knocking Saturday to find the lost cat", Signal.POLITICAL_ACTIVITY),
    ("Thinking of applying to be a special with the Met", Signal.SELF_POLICE),
    ("I work at a prison but as a teacher, maths mostly", Signal.SELF_POLICE),
    ("My mate on the inside will run a plate for me", Signal.JARGON),
])
def test_look_alikes_of_the_new_work_signs_are_not_them(text: str, absent: Signal) -> None:
    assert absent not in text_signals(text).kinds


@pytest.mark.parametrize("text", ["These people at the garden centre were so helpful",
                                  "Who's boss in your house, you or the cat?", "My landlord is fixing the boiler"])
def test_everyday_uses_of_the_new_conduct_words_are_not_strong_signs(text: str) -> None:
    kinds = text_signals(text).kinds
    assert not kinds & {Signal.GROUP_DEHUMANISED, Signal.SIDE_JOB, Signal.SLUR, Signal.FORCE_USED}


def test_the_categories_a_text_is_skipped_for_are_never_found_in_it() -> None:
    """`candidates` lets the detectors skip a category: over every labelled text it must never skip one
    the full decision finds (a wrong shortcut would silently lose findings)."""
    from training.dataset import load_all

    skipped_found = []
    checked = 0
    for n, ex in enumerate(load_all()):
        analysis = analyse(ex.item(n))
        for category in text_model_categories():
            if category not in analysis.candidates:
                checked += 1
                if analysis.verdict(category).found:
                    skipped_found.append((category.value, ex.text[:60]))
    assert checked > 10_000  # the shortcut is taken, or this test proves nothing
    assert not skipped_found, skipped_found[:3]


def text_model_categories() -> tuple[Category, ...]:
    from checks.detectors.textmodel import text_model

    return text_model().categories


@pytest.mark.parametrize("text", ["Danke, wir sind mit dem Team und der Familie im Urlaub",
                                  "Muchas gracias, está muy bonito pero para mí es caro"])
def test_more_words_of_another_language_than_of_english_is_another_language(text: str) -> None:
    assert Signal.OTHER_LANGUAGE in text_signals(text).kinds


def test_a_few_foreign_words_among_more_english_ones_are_still_english() -> None:
    text = "Had the best time with the family, it was a proper mit und der moment for all of us"
    assert Signal.OTHER_LANGUAGE not in text_signals(text).kinds


def test_the_persons_own_name_is_never_a_relative_a_home_or_conduct() -> None:
    from checks.records import ProfileField
    from tests.detectors.conftest import make_field

    for field in (ProfileField.NAME, ProfileField.USERNAME):
        found = categories(make_field(field, "Sam Hollis"))
        assert not found & {"family_details", "conduct_risk", "home_address", "location_pattern"}, (field, found)
    assert "employer_disclosure" in categories(make_field(ProfileField.NAME, "PC Sam Hollis | Met Police"))


def test_a_gender_chosen_from_a_list_is_not_read_as_words() -> None:
    from checks.detectors.common import is_text_item
    from checks.records import ProfileField
    from tests.detectors.conftest import make_field

    item = make_field(ProfileField.GENDER, "Female")
    assert not is_text_item(item) and not categories(item)


@pytest.mark.parametrize("text", ["I vote we go to the pub on Thursday", "vote for the best party food",
                                  "I'll be back in about an hour, sorry!"])
def test_a_vote_among_friends_or_an_hour_away_is_not_politics_or_business(text: str) -> None:
    kinds = text_signals(text).kinds
    assert not kinds & {Signal.POLITICAL_ACTIVITY, Signal.BUSINESS, Signal.OWN_BUSINESS}


def test_a_business_told_as_ones_own_lowers_the_bar_for_conduct() -> None:
    rules = decisions()
    own = frozenset({Signal.BUSINESS, Signal.OWN_BUSINESS})
    found = decide(Category.CONDUCT_RISK, own, 0.55, 0.89, rules)
    assert found.found and found.by == "side_business_likely"
    assert not decide(Category.CONDUCT_RISK, own | {Signal.PERSONAL_SALE}, 0.55, 0.89, rules).found
    assert not decide(Category.CONDUCT_RISK, frozenset({Signal.BUSINESS}), 0.55, 0.89, rules).found


def test_an_oath_is_a_weak_sign_not_a_police_career() -> None:
    kinds = text_signals("I took the oath at my citizenship ceremony today").kinds
    assert Signal.POLICE_WEAK in kinds and Signal.TENURE_POLICE not in kinds
    assert "employer_disclosure" not in categories(make_post("I took the oath at my citizenship ceremony today"))


@pytest.mark.parametrize("text", ["Dddddddddddddddddddddddddddddddd", "TNSR Plano special", "Let them Know🙏🏽🙏🏽",
                                  "7 https://t.co/Qx81LmPz0a", "<3 https://www.example-maps.gov.uk/coverage/area"])
def test_in_a_few_words_the_model_alone_finds_no_job_work_or_conduct(text: str) -> None:
    assert Signal.FEW_WORDS in text_signals(text).kinds
    rules = decisions()
    present = text_signals(text).kinds
    for category in (Category.EMPLOYER_DISCLOSURE, Category.OFFICIAL_INFORMATION):
        assert decide(category, present, 0.999, 0.5, rules).vetoed_by.startswith("no_sign_of_")
    assert decide(Category.CONDUCT_RISK, present, 0.999, 0.5, rules).vetoed_by == "no_sign_of_conduct"


def test_a_few_words_with_a_sign_are_still_read() -> None:
    kinds = text_signals("Special constable, Kent").kinds
    assert Signal.FEW_WORDS in kinds
    assert "employer_disclosure" in categories(make_post("Special constable, Kent"))
    assert Signal.FEW_WORDS not in text_signals("Back on nights at the station from Thursday, lads").kinds


def test_the_words_of_a_link_are_not_counted_as_words() -> None:
    text = "8 https://www.example.org/some/long/path/with/many/words/in/it/and-more-words-after-those"
    assert len(text) > 80
    assert Signal.FEW_WORDS in text_signals(text).kinds


@pytest.mark.parametrize(("text", "signal"), [
    ("Knee's been killing me all of a sudden, getting old", Signal.OPERATIONAL),
    ("All of us piled into the car for the match", Signal.AWAY),
    ("I ate all of it, no regrets", Signal.AWAY),
])
def test_everyday_phrases_are_not_a_sudden_death_or_time_away(text: str, signal: Signal) -> None:
    assert signal not in text_signals(text).kinds


@pytest.mark.parametrize(("text", "signal"), [
    ("Attended a sudden at the start of nights, grim one", Signal.OPERATIONAL),
    ("We're in Cornwall all of August, house sitter sorted", Signal.AWAY),
])
def test_a_sudden_death_and_time_away_told_plainly_stay(text: str, signal: Signal) -> None:
    assert signal in text_signals(text).kinds


@pytest.mark.parametrize(("text", "other"), [
    ("Eee PC на чипсете Qualcomm с Android", True),
    ("Off to Αθήνα for the week with the family, back Sunday", False),
    ("Learning the word спасибо today in my Russian class", False),
])
def test_a_third_of_another_script_is_another_language_a_quoted_word_is_not(text: str, other: bool) -> None:
    assert (Signal.OTHER_LANGUAGE in text_signals(text).kinds) is other


@pytest.mark.parametrize("text", ["It was merged and deployed before I got up this morning.",
                                  "I deployed code during my morning walk.",
                                  "Several of the recruiters I interviewed told me the same thing"])
def test_deploying_code_and_interviewing_candidates_are_not_operations(text: str) -> None:
    kinds = text_signals(text).kinds
    assert Signal.NOT_POLICE in kinds and Signal.OPERATIONAL not in kinds


def test_deployed_and_interviewed_in_police_work_stay_operational() -> None:
    kinds = text_signals("Interviewed the suspect for 3 hours, no comment. Deployed to the town centre after.").kinds
    assert Signal.OPERATIONAL in kinds


def test_an_arrest_laughed_about_is_a_sign_of_conduct_for_the_model_to_weigh() -> None:
    kinds = text_signals("Just nicked a Tory councillor for drink driving 😂😂 you'll find out tomorrow").kinds
    assert Signal.WORK_LAUGHED_ABOUT in kinds
    assert Signal.WORK_LAUGHED_ABOUT not in text_signals("Nicked two for the burglary. Long night.").kinds
    rules = decisions()
    present = frozenset({Signal.WORK_LAUGHED_ABOUT})
    assert decide(Category.CONDUCT_RISK, present, 0.95, 0.9, rules).found  # the model decides
    assert not decide(Category.CONDUCT_RISK, present, 0.5, 0.9, rules).found  # it does not lower the bar


def test_the_police_emoji_in_a_bio_names_the_job_but_calling_them_is_not_the_job() -> None:
    from checks.records import ProfileField
    from tests.detectors.conftest import make_field

    assert "employer_disclosure" in categories(make_field(ProfileField.BIO, "Mum to Evie & Jack 💛 | Lancaster | 👮‍♀️"))
    assert "employer_disclosure" not in categories(make_post("Called the 👮‍♂️ on the neighbours again"))


def test_selling_kit_issued_by_the_force_is_not_clearing_out_ones_own_things() -> None:
    present = text_signals("selling my spare force-issue body armour, never worn, £80 ono").kinds
    assert Signal.PERSONAL_SALE in present
    assert decide(Category.CONDUCT_RISK, present, 0.95, 0.9, decisions()).vetoed_by != "personal_sale"
    assert Signal.POLITICAL_ACTIVITY not in text_signals("Sent my mate the new candidate for the job").kinds


def test_a_routine_with_its_time_or_time_away_ahead_lowers_the_bar_for_routines() -> None:
    rules = decisions()
    routine = frozenset({Signal.ROUTINE_TIME})
    found = decide(Category.LOCATION_PATTERN, routine, 0.55, 0.9, rules)
    assert found.found and found.by == "routine_likely"
    assert not decide(Category.LOCATION_PATTERN, routine, 0.4, 0.9, rules).found
    assert not decide(Category.LOCATION_PATTERN, routine | {Signal.PAST}, 0.55, 0.9, rules).found  # a past routine
    assert not decide(Category.LOCATION_PATTERN, frozenset({Signal.DAY_TIME}), 0.55, 0.9, rules).found


@pytest.mark.parametrize(("text", "signal"), [  # wordings like those that raised false alarms on published exports
    ("PS Check the second link, it's the newer build", Signal.RANK_ABBR),
    ("Webinar on Friday at 6 pm SGT, all welcome", Signal.RANK_ABBR),
    ("If they ever nuked DC the markets would tank", Signal.RANK_ABBR),
    ("Tempo run today: 4 miles at GMP, legs heavy", Signal.FORCE_ABBR),
    ("Hello, CPS? My neighbours leave their toddler alone all day", Signal.COURT_TALK),
    ("Classic prisoner's dilemma in that group project", Signal.PRISON_TALK),
    ("Dragged the app out of the dock and it still won't quit", Signal.COURT_TALK),
    ("Got my offer from MIT today!!", Signal.UNIT),
    ("She reports to two VPs and an SVP, no wonder she's stressed", Signal.PRISON_TALK),
    ("Ha, I'm trying to be more PC these days", Signal.RANK_ABBR),
    ("The firmware update needs a Windows PC, annoyingly", Signal.RANK_ABBR),
    ("@danthompson you coming tonight?", Signal.POLICE_HANDLE),
    ("@ncaa_scores what a finish", Signal.POLICE_HANDLE),
])
def test_initials_and_phrases_that_are_something_else_here_are_not_the_job(text: str, signal: Signal) -> None:
    assert signal not in text_signals(text).kinds


@pytest.mark.parametrize(("text", "signal"), [
    ("PS Hartley took the statement, I did the house to house", Signal.RANK_ABBR),
    ("He stood in the dock and smirked at the victim's family", Signal.COURT_TALK),
    ("Posted to MIT last month, first murder on Monday", Signal.UNIT),
    ("Dropped the file at CPS this morning, charge authorised", Signal.COURT_TALK),
    ("Half the VPs on the wing kicked off at unlock", Signal.PRISON_TALK),
    ("Thanks @MPSLewisham for the help today", Signal.POLICE_HANDLE),
    ("Great turnout with @TVP_Oxford at the fair", Signal.POLICE_HANDLE),
    ("Big thanks to @northyorkspolice", Signal.POLICE_HANDLE),
])
def test_the_same_initials_and_phrases_used_as_the_job_stay(text: str, signal: Signal) -> None:
    assert signal in text_signals(text).kinds


@pytest.mark.parametrize("text", ["Lunch was £2.50 and worth it", "Scored 7.25 out of 10 in the mock",
                                  "Born in 1987, moved here in 2004", "From 3 years old she loved horses",
                                  "Lost by 2 goals, gutted"])
def test_prices_scores_years_and_counts_are_not_times_of_day(text: str) -> None:
    assert Signal.CLOCK_TIME not in text_signals(text).kinds


@pytest.mark.parametrize("text", ["Dinner with the girls, \"vulnerable\" is not how I'd describe our Sal after wine",
                                  "Gutted for Dan, he deserves better than that manager"])
def test_scare_quotes_and_a_moan_without_the_job_are_not_contempt_at_work(text: str) -> None:
    assert Signal.WORK_DEROGATED not in text_signals(text).kinds


def test_conduct_always_needs_a_sign_the_model_alone_is_never_enough() -> None:
    rules = decisions()
    for present in ({Signal.FIRST_PERSON}, {Signal.LONGER_POST}, {Signal.LONG_TEXT_PART}, {Signal.FEW_WORDS}):
        verdict = decide(Category.CONDUCT_RISK, frozenset(present), 0.9999, 0.89, rules)
        assert not verdict.found and verdict.vetoed_by == "no_sign_of_conduct"
    assert decide(Category.CONDUCT_RISK, frozenset({Signal.DRUGS}), 0.95, 0.89, rules).found


@pytest.mark.parametrize(("text", "signal"), [
    ("RT “@someone_else: kids these days are animals”", Signal.REPOST_TEXT),
    ("Queues all round SFO this morning, allow an extra hour", Signal.NOT_POLICE),
    ("Took the quiz, my spirit animal is a sloth", Signal.NOT_POLICE),
])
def test_a_quoted_retweet_an_airport_and_a_spirit_animal_are_what_they_look_like(text: str, signal: Signal) -> None:
    assert signal in text_signals(text).kinds


@pytest.mark.parametrize("text", ["Hope I land a freelance job soon so I can buy a new laptop",
                                  "I'll be back in about an hour, sorry", "Finally updated my website"])
def test_a_weak_business_word_beside_i_is_not_ones_own_business(text: str) -> None:
    assert Signal.OWN_BUSINESS not in text_signals(text).kinds


def test_contempt_beside_the_job_lowers_the_bar_for_conduct_a_dehumanising_word_alone_does_not() -> None:
    rules = decisions()
    found = decide(Category.CONDUCT_RISK, frozenset({Signal.WORK_DEROGATED}), 0.45, 0.89, rules)
    assert found.found and found.by == "conduct_sign_likely"
    assert not decide(Category.CONDUCT_RISK, frozenset({Signal.WORK_DEROGATED}), 0.3, 0.89, rules).found
    # on published exports "cute CSS animals", "a swarm of bees" and "these are disgusting" were read so
    assert not decide(Category.CONDUCT_RISK, frozenset({Signal.DEHUMANISING}), 0.45, 0.89, rules).found


@pytest.mark.parametrize("text", ["We won 3-1 on Saturday", "half the team were off sick", "It was 2-0 at half time"])
def test_scores_and_halves_are_not_times_of_day(text: str) -> None:
    assert Signal.CLOCK_TIME not in text_signals(text).kinds


def test_where_the_writer_is_now_or_a_time_of_day_in_the_first_person_lowers_the_bar_for_whereabouts() -> None:
    rules = decisions()
    now = frozenset({Signal.RIGHT_NOW, Signal.FIRST_PERSON})
    found = decide(Category.LOCATION_PATTERN, now, 0.65, 0.95, rules)
    assert found.found and found.by == "whereabouts_likely"
    assert not decide(Category.LOCATION_PATTERN, frozenset({Signal.RIGHT_NOW}), 0.65, 0.95, rules).found
    assert not decide(Category.LOCATION_PATTERN, now | {Signal.REPOST}, 0.65, 0.95, rules).found


def test_a_routine_told_beside_last_week_is_still_a_routine_one_that_used_to_be_is_not() -> None:
    moved = text_signals("Moved in last week and already got a routine: 6am swim every single day").kinds
    assert Signal.ROUTINE_TIME in moved and Signal.PAST not in moved
    assert decide(Category.LOCATION_PATTERN, moved, 0.6, 0.95, decisions()).found
    used_to = text_signals("I used to swim at 6am every single day").kinds
    assert Signal.PAST in used_to
    assert not decide(Category.LOCATION_PATTERN, used_to, 0.6, 0.95, decisions()).found


@pytest.mark.parametrize("text", ["Night shift done #frontlinelife #nhs",
                                  "Third 999 call this week for the ambulance #999life"])
def test_health_and_ambulance_hashtags_are_not_police_hashtags(text: str) -> None:
    assert Signal.POLICE_HASHTAG not in text_signals(text).kinds


def test_a_sort_code_with_acc_and_its_number_is_bank_details() -> None:
    found = categories(make_post("Whip-round for Sam's leaving do: 20-45-77 acc 41829365, ref your name"))
    assert "identity_details" in found


@pytest.mark.parametrize("text", ["Response in Lancashire, four years in", "PCSO in West Sussex",
                                  "Nights across Fife again"])
def test_counties_and_regions_are_places(text: str) -> None:
    assert Signal.UK_PLACE in text_signals(text).kinds


@pytest.mark.parametrize("text", ["Rent went up to £900 for the month, gutted", "Fuel is £1.45 a litre now"])
def test_a_rent_paid_or_a_fuel_price_is_not_a_business(text: str) -> None:
    assert Signal.BUSINESS not in text_signals(text).kinds


@pytest.mark.parametrize("text", ["I love animals so much, the dog is spoilt", "Mouth noises are disgusting, honestly",
                                  "Vegans can still think carnivores are fine with eating other animals",
                                  "Rats got into the shed again"])
def test_everyday_animals_and_disgust_are_no_sign_of_conduct(text: str) -> None:
    kinds = text_signals(text).kinds
    assert not kinds & {Signal.DEHUMANISING, Signal.GROUP_DEHUMANISED}
    rules = decisions()
    assert decide(Category.CONDUCT_RISK, kinds, 0.999, 0.5, rules).vetoed_by == "no_sign_of_conduct"


@pytest.mark.parametrize("text", ["Booked in 23 today. Animals, the lot of them.",
                                  "Three more in for shoplifting. They're like rats, get one lot and the next turns up",
                                  "Students at that uni are absolute parasites.",
                                  "Feral kids on bikes round the precinct again"])
def test_the_same_words_aimed_at_people_are_dehumanising(text: str) -> None:
    assert Signal.DEHUMANISING in text_signals(text).kinds


@pytest.mark.parametrize("text", ["Autumn range now in stock, £6 each or 3 for £15",
                                  "Classic set, Russian volume, £10 deposit to book",
                                  "Full day £650, half day £400, albums extra"])
def test_a_price_list_is_a_business(text: str) -> None:
    assert Signal.BUSINESS in text_signals(text).kinds


def test_booking_a_table_is_not_a_custody_count() -> None:
    assert Signal.OPERATIONAL not in text_signals("Booked in 2 tables at the Crown for Friday").kinds


@pytest.mark.parametrize("text", ["Paid £4 for a coffee and £6 for parking, robbery",
                                  "The internet at this AirBnB is awful",
                                  "Attacking a small business owner is not protest", "Use my code for 500MB free data",
                                  "Put a deposit down on the flat today"])
def test_paying_staying_and_a_promo_code_are_not_ones_own_business(text: str) -> None:
    kinds = text_signals(text).kinds
    assert not kinds & {Signal.BUSINESS, Signal.OWN_BUSINESS, Signal.SIDE_JOB}


def test_being_given_a_ticket_is_being_dealt_with_by_the_police_giving_one_is_not() -> None:
    dealt_with = "Nice chat with a cop in Fort William while he wrote me a ticket"
    assert Signal.POLICE_SUBJECT in text_signals(dealt_with).kinds
    assert Signal.POLICE_SUBJECT not in text_signals("Gave him a ticket and sent him on his way").kinds


@pytest.mark.parametrize(("text", "signal"), [
    ("Independence now. Proud to be Yes, proud to be polis.", Signal.SELF_POLICE),
    ("the walk to the car past the wing. animals, most of them", Signal.DEHUMANISING),
    ("got home at 4 after the leaving do, drove cos the taxis were 2 hours", Signal.DRINK_DRIVING),
    ("Flights booked, back in 3 days", Signal.FUTURE),
    ("three more sleeps!!", Signal.FUTURE),
])
def test_wordings_batch_ad_missed_now_give_their_signal(text: str, signal: Signal) -> None:
    assert signal in text_signals(text).kinds


def test_in_inside_a_word_is_not_a_time_ahead() -> None:
    assert Signal.FUTURE not in text_signals("Sorted within 3 days, brilliant service").kinds


@pytest.mark.parametrize("text", ["Visualization of special relativity, lovely explainer",
                                  "yes of course, we can do it on zoom too", "GGGGGGOOOOOOOLLLLLL!!!!"])
def test_the_model_alone_never_finds_the_job_or_its_work_however_sure(text: str) -> None:
    rules = decisions()
    present = text_signals(text).kinds
    assert decide(Category.EMPLOYER_DISCLOSURE, present, 0.9999, 0.5, rules).vetoed_by == "no_sign_of_employer"
    assert decide(Category.OFFICIAL_INFORMATION, present, 0.9999, 0.5, rules).vetoed_by == "no_sign_of_official"


def test_a_window_of_a_long_text_needs_a_clear_sign_of_the_job_however_sure_the_model() -> None:
    rules = decisions()
    weak = text_signals("The force of gravitational attraction depends on both masses, as the operation shows").kinds
    clear = text_signals("Nine years in the job and the custody suite still smells of bleach").kinds
    part = frozenset({Signal.LONG_TEXT_PART})
    for category in (Category.EMPLOYER_DISCLOSURE, Category.OFFICIAL_INFORMATION):
        assert decide(category, weak | part, 0.9999, 0.5, rules).vetoed_by == "long_text_without_clear_sign"
        assert decide(category, weak, 0.9999, 0.5, rules).vetoed_by != "long_text_without_clear_sign"
        assert decide(category, clear | part, 0.9999, 0.5, rules).vetoed_by != "long_text_without_clear_sign"


@pytest.mark.parametrize("text", ["New car 🚗 so happy with her", "Road trip 🚗 Cornwall here we come",
                                  "Cheers 🍻 to the weekend"])
def test_a_car_or_a_drink_alone_is_not_drink_driving(text: str) -> None:
    assert Signal.DRINK_DRIVING not in text_signals(text).kinds


@pytest.mark.parametrize(("text", "signal"), [
    ("As the daughter of a former custody sergeant, I'd add that the first hour matters most", Signal.RELATION_POLICE),
    ("Stood up in Ipswich Crown Court today as a witness. Terrifying.", Signal.POLICE_SUBJECT),
])
def test_a_police_relative_or_a_witness_is_not_the_job(text: str, signal: Signal) -> None:
    assert signal in text_signals(text).kinds
    assert "employer_disclosure" not in categories(make_post(text))


def test_a_denial_stops_official_information_too() -> None:
    text = ("Crash on the A14, I was first on scene and held his hand till the ambulance came. "
            "Not a copper, just a lorry driver.")
    assert "official_information" not in categories(make_post(text))


def test_a_collar_number_is_the_job_whatever_else_the_post_wishes() -> None:
    text = "PC 4412 Cheshire here. Anyone who wants to join the walk, message me"
    assert "employer_disclosure" in categories(make_post(text))


def test_training_only_officers_do_told_as_ones_own_is_the_job_a_response_is_not_a_team() -> None:
    kinds = text_signals("Did my IPLDP back in 2012, still can't believe they let me loose").kinds
    assert Signal.TRAINING in kinds and Signal.FIRST_PERSON in kinds
    assert decide(Category.EMPLOYER_DISCLOSURE, kinds, 0.35, 0.9, decisions()).by == "own_police_training"
    assert Signal.UNIT not in text_signals("Great response from everyone in Leeds today").kinds


def test_passing_out_from_tiredness_is_not_police_training() -> None:
    kinds = text_signals("If I can make it home without passing out I may do some research tonight").kinds
    assert Signal.TRAINING not in kinds
    text = "If I can make it home without passing out I'll be amazed"
    assert "employer_disclosure" not in categories(make_post(text))


@pytest.mark.parametrize("text", ["Went out with 4 mates for a curry", "Tell the kids I said hi, don't tell your dad",
                                  "Two cars for sale, whole lot £500"])
def test_a_night_out_a_family_secret_and_a_sale_are_not_staffing_or_hiding_from_work(text: str) -> None:
    kinds = text_signals(text).kinds
    assert Signal.MISUSE not in kinds and Signal.OPERATIONAL not in kinds


@pytest.mark.parametrize("text", ["I'll mind my own business then", "No funny business from my lot tonight"])
def test_minding_ones_own_business_is_not_a_business(text: str) -> None:
    assert Signal.BUSINESS not in text_signals(text).kinds


@pytest.mark.parametrize("text", ["Locked up a lad in Harrogate for the fourth time this month",
                                  "Two of us for the whole district tonight, one stuck at the hospital till 3am",
                                  "Took one back after his funeral visit on Thursday, cried the whole way"])
def test_where_and_when_are_signs_operational_information_can_be_found_on(text: str) -> None:
    """The work told with no operational word at all still names a place, a time or a shift: beside one,
    the model's reading of the text as the job's information is not held for want of a sign."""
    present = text_signals(text).kinds
    assert present & {Signal.NAMED_PLACE, Signal.UK_PLACE, Signal.CLOCK_TIME, Signal.DAY_TIME, Signal.FUTURE,
                      Signal.NOW_AT_PLACE, Signal.SHIFT}
    assert decide(Category.OFFICIAL_INFORMATION, present, 0.99, 0.5, decisions()).found


@pytest.mark.parametrize("text", ["Still using the same charger I had at uni",
                                  "Made a spreadsheet of all my spreadsheets"])
def test_without_a_place_a_time_or_a_work_word_the_model_alone_finds_no_official_information(text: str) -> None:
    present = text_signals(text).kinds
    assert decide(Category.OFFICIAL_INFORMATION, present, 0.999, 0.5, decisions()).vetoed_by == "no_sign_of_official"


@pytest.mark.parametrize(("text", "sign"), [("Another set of nights, another drunk who thinks he's hard", Signal.SHIFT),
                                            ("The job wants us smiling for the new recruitment video, smile my arse",
                                             Signal.POLICE_GENERIC)])
def test_the_job_beside_a_post_is_a_sign_conduct_can_be_found_on(text: str, sign: Signal) -> None:
    present = text_signals(text).kinds
    assert sign in present
    assert decide(Category.CONDUCT_RISK, present, 0.99, 0.5, decisions()).found
