"""The plan's services on the console: surveys (forms, rounds, results) and feedback tickets."""

from __future__ import annotations

from console.presenters.base import Presenter, PresenterContext
from console.presenters.feedback import FeedbackPresenter
from console.presenters.survey_results import SurveyResultsPresenter
from console.presenters.surveys import SurveysPresenter


def service_presenters(pctx: PresenterContext) -> list[Presenter]:
    """Feedback tickets (deadlines, monthly rates); the Surveys pane with its Results and
    Comments tabs, which the results presenter fills in the surveys presenter's pane."""
    surveys = SurveysPresenter(pctx)
    return [FeedbackPresenter(pctx), surveys, SurveyResultsPresenter(pctx, surveys.pane)]
