"""The alert pages, under each language prefix (/fr/alertes/, /en/alerts/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="subscribe"),
    path(_("check-your-inbox/"), views.RequestedView.as_view(), name="requested"),
    path(_("confirm/<str:token>/"), views.ConfirmView.as_view(), name="confirm"),
    path(_("preferences/<str:token>/"), views.PreferencesView.as_view(), name="preferences"),
    path(_("unsubscribe/<str:token>/"), views.UnsubscribeView.as_view(), name="unsubscribe"),
]
