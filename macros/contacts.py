"""tel: and sms: links for the emergency numbers and crisis lines, every value escaped: the
text is the readable number ("116 123"), the address the dialable one ("tel:116123")."""

import re

from markupsafe import Markup, escape


def link(scheme: str, number: str, text: str) -> Markup:
    """A tel: or sms: link; the address is the number as a phone dials it, with no spaces."""
    return Markup('<a class="tap" href="{}:{}">{}</a>').format(scheme, number.replace(" ", ""), text)


def with_tel_links(text: str, numbers: list[str]) -> Markup:
    """The readable text, with each dialable number in it turned into a tel: link."""
    alternatives = "|".join(re.escape(number) for number in sorted(numbers, key=len, reverse=True))
    # A whole number only: not the 988 of "988lifeline.org" or the 11 of "111".
    parts = re.split(rf"(?<![\w.])({alternatives})(?![\w])", text)
    return Markup("").join(link("tel", part, part) if part in numbers else escape(part) for part in parts)
