from django import forms
from django.utils.translation import gettext_lazy as _

from .search import MAX_QUERY_LENGTH, query_words


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the press releases"), required=False, strip=True)
    year = forms.TypedChoiceField(
        label=_("Year"), required=False, coerce=int, empty_value=None, choices=()
    )
    ranking = forms.ChoiceField(label=_("Ranking"), required=False, choices=())

    def __init__(self, *args, years=(), rankings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years")), *((y, y) for y in years)]
        self.fields["ranking"].choices = [("", _("All rankings")), *rankings]

    def clean_q(self):
        query = self.cleaned_data["q"]
        if len(query) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                _("Your search is too long: keep it under %(limit)s characters."),
                params={"limit": MAX_QUERY_LENGTH},
            )
        if query and not query_words(query):
            raise forms.ValidationError(_("Type at least one word to search for."))
        return query
