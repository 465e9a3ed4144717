"""The plan's services: surveys, feedback, necessities, volunteers, screening, employment, KPIs."""

from __future__ import annotations

from console.presenters.base import Presenter, PresenterContext
from console.presenters.certificates import CertificatesPresenter
from console.presenters.employment import EmploymentPresenter
from console.presenters.feedback import FeedbackPresenter
from console.presenters.kpi import KpiPresenter
from console.presenters.merchants import MerchantsPresenter
from console.presenters.orders import OrdersPresenter
from console.presenters.screening import ScreeningPresenter
from console.presenters.survey_results import SurveyResultsPresenter
from console.presenters.surveys import SurveysPresenter
from console.presenters.volunteer_hours import HoursPresenter
from console.presenters.volunteers import VolunteersPresenter
from core.site import SiteSpec


def service_presenters(pctx: PresenterContext, site: SiteSpec | None = None) -> list[Presenter]:
    """Feedback tickets (deadlines, monthly rates); the Surveys pane with its Results and
    Comments tabs, which the results presenter fills in the surveys presenter's pane; merchants;
    orders and deliveries; volunteers, whose pane the hours and certificates presenters share;
    screening and counselling; employment (`site` places a community's centre on the map)."""
    surveys = SurveysPresenter(pctx)
    volunteers = VolunteersPresenter(pctx)
    return [
        FeedbackPresenter(pctx),
        surveys,
        SurveyResultsPresenter(pctx, surveys.pane),
        MerchantsPresenter(pctx),
        OrdersPresenter(pctx),
        volunteers,
        HoursPresenter(pctx, volunteers.pane),
        CertificatesPresenter(pctx, volunteers.pane),
        ScreeningPresenter(pctx),
        EmploymentPresenter(pctx, site),
        KpiPresenter(pctx),  # reads every service: the plan's indicators
    ]
