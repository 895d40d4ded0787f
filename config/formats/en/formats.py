"""English dates as the site writes them in both languages, day first ("10 February
2026, 09:00"), rather than Django's American "Feb. 10, 2026, 9 a.m.". French keeps
Django's own formats, which already read that way."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
