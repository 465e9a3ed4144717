"""Cleaning typed and received text: nothing invisible or controlling survives."""

from __future__ import annotations

from core.text import clean_block, clean_line


def test_zero_width_and_direction_characters_are_removed() -> None:
    # U+200B zero width space, U+202E right-to-left override, U+FEFF byte order mark
    assert clean_line("老人\u200b走失\u202e") == "老人走失"
    assert clean_line("\ufeff井盖缺失") == "井盖缺失"


def test_control_characters_become_spaces_and_spaces_fold() -> None:
    assert clean_line("  路灯\x00不亮\t\n 3号楼 ") == "路灯 不亮 3号楼"


def test_blocks_keep_their_lines() -> None:
    assert clean_block("第一行\r\n第二行\x07\n\t第三行\u200d  ") == "第一行\n第二行\n\t第三行"


def test_ordinary_text_is_unchanged() -> None:
    for text in ("Nelson Mandela Road 12", "咸阳北路 88 号（东门）", "P1 紧急：独居老人"):
        assert clean_line(text) == text
        assert clean_block(text) == text
