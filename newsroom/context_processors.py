from django.conf import settings


def institution(request):
    """The publishing institution's name, shown in every page's header and footer."""
    return {"institution_name": settings.NEWSROOM_INSTITUTION_NAME}
