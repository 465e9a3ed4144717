"""A few feedback tickets in a throw-away demo database, so the feedback pane's picture shows
one of each state and an overdue one (screenshots only)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from core.feedback import NewTicket, ReplyChannel, Source, due_dates
from data.models import ServiceTicket, ServiceTicketEvent
from data.services import Services

# (community, category, text, phone, days ago, steps: reply, resolve, rating)
TICKETS = (
    ("C01", "noise", "晚上十点后广场舞音响声音太大，影响老人休息", "13812345678", 0, ()),
    ("C02", "environment", "3号楼东侧垃圾桶满溢两天没人清运", "13900001111", 3, ()),
    ("C03", "property", "电梯经常停运，物业报修后一直没人来", "13700002222", 1, ("reply",)),
    ("C01", "safety", "小区北门晚上路灯不亮，有安全隐患", "", 2, ("reply", "resolve")),
    ("C04", "services", "想咨询高龄津贴怎么申请", "13600003333", 5, ("reply", "resolve", 5)),
    ("C02", "suggestion", "建议在社区增设老年食堂", "", 9, ("reply", "resolve", 4)),
    ("C05", "praise", "感谢网格员帮忙联系维修", "13500004444", 4, ("reply", "resolve", 5)),
    ("C03", "noise", "楼上装修周末早上七点就开始", "13400005555", 6, ("reply", "resolve", 2)),
)


def fill(services: Services, username: str = "admin") -> None:
    """File the demo tickets as `username`, age them, and let the clock find the overdue."""
    who = services.signin.principal(username)
    fb = services.feedback
    now = services.ctx.clock()
    for community, category, text, phone, days, steps in TICKETS:
        tid = fb.create(
            who,
            NewTicket(
                community, category, text, Source.WALK_IN, contact_name="", contact_phone=phone
            ),
        )
        if days:
            # Opened days ago (a throw-away database): its deadlines as they were then.
            opened = now - timedelta(days=days)
            response, resolve = due_dates(category, opened, fb.zone())
            with services.ctx.db.write_session() as s:
                s.execute(
                    update(ServiceTicket)
                    .where(ServiceTicket.id == tid)
                    .values(created_at=opened, response_due_at=response, resolve_due_at=resolve)
                )
                s.execute(
                    update(ServiceTicketEvent)
                    .where(ServiceTicketEvent.ticket_id == tid)
                    .values(ts=opened)
                )
        for step in steps:
            if step == "reply":
                fb.reply(who, tid, ReplyChannel.PHONE, "已电话联系居民，说明处理安排")
            elif step == "resolve":
                fb.resolve(who, tid, "已协调相关部门处理完毕")
            elif isinstance(step, int):
                fb.rate(who, tid, step)
    fb.record_overdue()
