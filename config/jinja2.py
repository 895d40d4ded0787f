"""The public pages' Jinja2 environment: the building blocks' (core.templating), with
what each app's templates call."""

import core.templating
import newsroom.templating
from rankings.badges import award_badge


def environment(**options):
    env = core.templating.environment(**options)
    env.globals.update(award_badge=award_badge, **newsroom.templating.GLOBALS)
    return env
