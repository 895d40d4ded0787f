from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from newsroom.models.awards import public_rankings

from .models import normalised

TOPIC_CHOICES = [
    ("all", _("Every press release")),
    ("rankings", _("Only releases about the rankings I choose")),
]


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the emails"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
    topics = forms.ChoiceField(
        label=_("What to receive"), choices=TOPIC_CHOICES, initial="all", widget=forms.RadioSelect
    )
    rankings = forms.ModelMultipleChoiceField(
        label=_("Rankings"),
        queryset=public_rankings().order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        data = super().clean()
        if data.get("topics") == "rankings" and not data.get("rankings"):
            self.add_error(
                "rankings", _("Choose at least one ranking, or receive every press release.")
            )
        return data

    def choices(self):
        """The subscriber's fields as the form's choices."""
        data = self.cleaned_data
        every = data["topics"] == "all"
        return {
            "language": data["language"],
            "every_release": every,
            "rankings": [] if every else list(data["rankings"]),
        }


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    # Hidden from people, filled in by robots: a form with it is answered as usual, and
    # nothing is done.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    field_order = ["email", "language", "topics", "rankings", "website"]

    def clean_email(self):
        return normalised(self.cleaned_data["email"])

    def is_from_a_robot(self):
        return bool(self.cleaned_data.get("website"))
