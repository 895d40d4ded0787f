from .models import Institution


def institution(request):
    """The publishing institution (name, logo, address…), shown on every page."""
    return {"institution": Institution.load()}
