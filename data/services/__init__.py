"""Services by capability, all on one ServiceContext; `Services.build` makes the set."""

from __future__ import annotations

from dataclasses import dataclass

from core.auth import LoginPolicy
from core.ports import PasswordHasher
from core.survey import answer_problems, form_problems
from data.context import ServiceContext
from data.services.accounts import AccountService
from data.services.alarms import AlarmService
from data.services.assignments import AssignmentService
from data.services.attachments import AttachmentService
from data.services.audit import AuditService
from data.services.calls import CallService
from data.services.certificates import CertificateService
from data.services.consent import ConsentService
from data.services.counselling import CounsellingService
from data.services.devices import DeviceService
from data.services.employment import EmploymentService
from data.services.evidence import EvidenceService
from data.services.feedback import FeedbackService
from data.services.handover import HandoverService
from data.services.history import HistoryService
from data.services.incident_merge import IncidentMergeService
from data.services.incidents import IncidentService
from data.services.indicators import IndicatorService
from data.services.merchants import MerchantService
from data.services.orders import OrderService
from data.services.recordings import RecordingService
from data.services.residents import ResidentService
from data.services.screening import ScreeningService
from data.services.signin import SignInService
from data.services.site import SiteService
from data.services.sla import SlaService
from data.services.station import StationService
from data.services.surveys import SurveyService
from data.services.tracking import TrackingService
from data.services.video import VideoService
from data.services.volunteer_hours import HoursService
from data.services.volunteers import VolunteerService


@dataclass(frozen=True)
class Services:
    """Every service of the console, sharing one context (database, workstation, clock)."""

    ctx: ServiceContext
    site: SiteService
    signin: SignInService
    accounts: AccountService
    incidents: IncidentService
    history: HistoryService
    devices: DeviceService
    residents: ResidentService
    audit: AuditService
    consent: ConsentService
    sla: SlaService  # SLA breaches on the timeline
    handover: HandoverService  # shift handover reports
    assignments: AssignmentService
    attachments: AttachmentService  # incident files, by SHA-256
    merge: IncidentMergeService  # duplicates, merging, quick templates
    alarms: AlarmService  # DC-09 alarm events into incidents, panel supervision
    calls: CallService  # call records, the callback list, dispositions
    tracking: TrackingService  # tags, positions and trails, the tracking ingest's writes
    video: VideoService  # wall views, motion settings, motion events and snapshots
    recordings: RecordingService  # recorded video: timeline, segments, health, bookmarks
    evidence: EvidenceService  # evidence holds and the audit of exported bundles
    station: StationService  # community stations' outboxes applied once, heartbeats, conflicts
    surveys: SurveyService  # survey forms, rounds and their frames, responses taken once
    feedback: FeedbackService  # feedback tickets: steps, overdue events, monthly rates
    merchants: MerchantService  # certified merchants, catalogue, reference prices
    orders: OrderService  # orders of daily necessities and their deliveries
    volunteers: VolunteerService  # volunteers, teams, shifts, pairings, tasks
    hours: HoursService  # volunteers' check-in, hours and their approval
    certificates: CertificateService  # volunteer certificates and the time bank
    counselling: CounsellingService  # appointments, contacts and referrals (notes encrypted)
    screening: ScreeningService  # psychological screenings, licences, rescreens
    employment: EmploymentService  # employers, postings, seekers, matching, referrals
    indicators: IndicatorService  # the plan's indicators per month and community (KPIs)

    @classmethod
    def build(
        cls,
        ctx: ServiceContext,
        *,
        hasher: PasswordHasher | None = None,
        policy: LoginPolicy | None = None,
    ) -> Services:
        """The services on one context; one hasher and policy for sign-in and accounts."""
        from data.security import Argon2Hasher

        hasher = hasher or Argon2Hasher()
        policy = policy or LoginPolicy()
        residents = ResidentService(ctx)
        consent = ConsentService(ctx)
        # Forms are checked at publish and answers at submit by the survey model itself.
        surveys = SurveyService(ctx, check_form=form_problems, check=answer_problems)
        orders = OrderService(ctx)
        return cls(
            ctx=ctx,
            site=SiteService(ctx),
            signin=SignInService(ctx, hasher, policy),
            accounts=AccountService(ctx, hasher, policy),
            incidents=IncidentService(ctx),
            history=HistoryService(ctx),
            devices=DeviceService(ctx),
            residents=residents,
            audit=AuditService(ctx),
            consent=consent,
            sla=SlaService(ctx),
            handover=HandoverService(ctx),
            assignments=AssignmentService(ctx),
            attachments=AttachmentService(ctx),
            merge=IncidentMergeService(ctx),
            alarms=AlarmService(ctx),
            calls=CallService(ctx),
            tracking=TrackingService(ctx, residents, consent),
            video=VideoService(ctx),
            recordings=RecordingService(ctx),
            evidence=EvidenceService(ctx),
            station=StationService(ctx, surveys, orders),
            surveys=surveys,
            feedback=FeedbackService(ctx),
            merchants=MerchantService(ctx),
            orders=orders,
            volunteers=VolunteerService(ctx),
            hours=HoursService(ctx),
            certificates=CertificateService(ctx),
            counselling=CounsellingService(ctx),
            screening=ScreeningService(ctx),
            employment=EmploymentService(ctx),
            indicators=IndicatorService(ctx),
        )
