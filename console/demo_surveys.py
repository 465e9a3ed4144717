"""A published satisfaction form and an open round with a few hundred responses on the demo
site, so the surveys pane shows real figures; deterministic, and a second run adds nothing."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from sqlalchemy import select

from data.models import SurveyFrameMember, SurveyRound, User
from data.services import Services

FORM_CODE = "SAT-DEMO"
ROUND_CODE = "SAT-DEMO-1"
RESPONSES = 240
SEED = 2026
_NAMESPACE = uuid.UUID("6f1c1d2e-8a57-4b8e-9a59-4d0c2b7f1a10")

FORM = """code = "SAT-DEMO"
title = "社区服务满意度调查"
version = 1

[[questions]]
id = "sat"
kind = "single"
text = "总体来说，您对社区服务满意吗？"
required = true
choices = [
  { code = "5", label = "非常满意" },
  { code = "4", label = "满意" },
  { code = "3", label = "一般" },
  { code = "2", label = "不满意" },
  { code = "1", label = "非常不满意" },
  { code = "dk", label = "不知道" },
]
measure = "csat"
satisfied = ["4", "5"]
dont_know = ["dk"]

[[questions]]
id = "why"
kind = "text"
text = "哪些方面让您不满意？"
show_if = "sat = '1' or sat = '2'"

[[questions]]
id = "rec"
kind = "nps"
text = "您有多大可能向邻居推荐社区服务？（0–10）"
required = true

[[questions]]
id = "needs"
kind = "multiple"
text = "您目前需要哪些服务？"
choices = [
  { code = "meals", label = "助餐" },
  { code = "visits", label = "上门探访" },
  { code = "repairs", label = "维修" },
  { code = "health", label = "健康服务" },
]

[[questions]]
id = "comment"
kind = "text"
text = "还有其他意见或建议吗？"
"""

MODES = ("self", "kiosk", "kiosk", "staff", "phone", "phone", "family")
COMPLAINTS = ("楼道灯坏了很久没修", "办事要跑好几次", "电话经常打不通")
COMMENTS = ("希望多组织老年活动", "网格员很负责", "助餐点的饭菜可以再清淡些", "")


def _answers(rng: random.Random, assisted: bool) -> dict[str, object]:
    # Assisted answers come out a little rosier, as they tend to: the view must show that.
    weights = [46, 36, 8, 4, 1, 5] if assisted else [38, 36, 12, 7, 2, 5]
    sat = rng.choices(["5", "4", "3", "2", "1", "dk"], weights)[0]
    out: dict[str, object] = {"sat": sat}
    if sat in ("1", "2"):
        out["why"] = rng.choice(COMPLAINTS)
    out["rec"] = rng.choices(range(11), [1, 1, 1, 1, 2, 3, 5, 9, 14, 16, 22])[0]
    needs = rng.sample(["meals", "visits", "repairs", "health"], rng.randint(0, 2))
    if needs:
        out["needs"] = needs
    comment = rng.choice(COMMENTS)
    if comment:
        out["comment"] = comment
    return out


def fill(services: Services, username: str = "admin", taker: str = "operator") -> int:
    """Publish the form, open the round and take the responses; how many were new."""
    surveys = services.surveys
    admin = services.signin.principal(username)
    who = services.signin.principal(taker)
    with services.ctx.read() as s:
        exists = s.scalar(select(SurveyRound.id).where(SurveyRound.code == ROUND_CODE))
        helper = s.scalar(select(User.id).where(User.username == taker))
    if exists is None:
        version = surveys.save_draft(admin, FORM_CODE, "社区服务满意度调查", FORM)
        surveys.publish(admin, FORM_CODE, version)
        today = services.ctx.clock().date()
        surveys.create_round(
            admin,
            ROUND_CODE,
            FORM_CODE,
            version,
            purpose="2026年度社区服务满意度",
            frame_kind="sample",
            frame_params={"n": 320, "seed": SEED},
            starts_on=today - timedelta(days=14),
            ends_on=today + timedelta(days=30),
            anonymous=True,
            keep_partial=True,
        )
    with services.ctx.read() as s:
        rid = s.scalar(select(SurveyRound.id).where(SurveyRound.code == ROUND_CODE))
        frame = sorted(
            s.scalars(
                select(SurveyFrameMember.resident_id).where(SurveyFrameMember.round_id == rid)
            )
        )
    rng = random.Random(SEED)
    new = 0
    for i, resident in enumerate(rng.sample(frame, min(RESPONSES, len(frame)))):
        mode = rng.choice(MODES)
        helped = helper if mode in ("staff", "phone") or (mode == "kiosk" and i % 9 == 0) else None
        answers = _answers(rng, helped is not None or mode == "family")
        complete = i % 25 != 7  # a few kiosk sessions left half-way
        if not complete:
            answers = {"sat": answers["sat"]}
        result = surveys.submit(
            who,
            ROUND_CODE,
            str(uuid.uuid5(_NAMESPACE, f"{ROUND_CODE}/{i}")),  # a second run replays these
            int(resident),
            mode,
            helped,
            answers,
            complete,
        )
        new += int(result.kept and not result.replayed)
    return new
