"""The shared word-list matcher: one automaton, word boundaries, case-marked entries, folding."""

from __future__ import annotations

from pathlib import Path

from checks.detectors.lexicon import Entry, Lexicon, fold, lexicon, lower_same_length, read_list, scan


def test_word_boundaries_are_respected() -> None:
    lex = Lexicon([Entry("t", "pc"), Entry("t", "the met")])
    assert [h.entry.phrase for h in lex.scan("npc and the metro").hits.get("t", [])] == []
    found = lex.scan("my pc, the met!").hits["t"]
    assert [(h.start, h.end) for h in found] == [(3, 5), (7, 14)]


def test_case_marked_entries_match_only_their_capitals() -> None:
    lex = Lexicon([Entry("ranks", "PC", (), case=True)])
    assert lex.scan("I'm a PC in Kent").of("ranks")
    assert not lex.scan("my new pc is fast").of("ranks")


def test_typographic_apostrophes_fold_without_moving_offsets() -> None:
    text = "I’m at ours — honest"
    assert len(fold(text)) == len(text)
    lex = Lexicon([Entry("t", "i'm at ours")])
    hit = lex.scan(text).of("t")[0]
    assert text[hit.start:hit.end] == "I’m at ours"


def test_lowering_keeps_positions_for_letters_that_grow() -> None:
    text = "İstanbul PC"
    assert len(lower_same_length(text)) == len(text)


def test_last_scan_is_reused_and_a_new_text_is_rescanned() -> None:
    lex = Lexicon([Entry("t", "gym")])
    first = lex.scan("gym at 6")
    assert lex.scan("gym at 6") is first
    assert lex.scan("gym at 7") is not first


def test_hashtags_and_comments_in_list_files(tmp_path: Path) -> None:
    path = tmp_path / "tags.tsv"
    path.write_text("# a comment\n#policefamily\thashtag\n\nPC\tabbr\tcase\n", encoding="utf-8")
    entries = read_list(path)
    assert [(e.phrase, e.values, e.case) for e in entries] == [
        ("#policefamily", ("hashtag",), False), ("PC", ("abbr",), True)]


def test_bundled_lists_load_into_one_automaton() -> None:
    lex = lexicon()
    assert lex.size > 1000
    sc = scan("Proud to join Thames Valley Police #policefamily")
    assert {"forces", "police"} <= set(sc.hits)
    assert lexicon() is lex  # built once


def test_possessive_s_and_quotes_do_not_hide_a_word() -> None:
    lex = Lexicon([Entry("t", "custody"), Entry("t", "sergeant's exam"), Entry("t", "home")])
    assert [h.entry.phrase for h in lex.scan("Custody's full, passed my sergeant’s exam, 'home'").of("t")] == [
        "custody", "sergeant's exam", "home"]


def test_ex_prefix_does_not_hide_a_force() -> None:
    assert [h.entry.value(0) for h in scan("Ex-West Midlands Police, now teaching").of("forces")] == ["west-midlands"]
