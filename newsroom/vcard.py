"""vCard 4.0 (RFC 6350) for press contacts, so journalists can file them in one click."""

import re

from django.utils.text import slugify

# Every character some client reads as the end of a line (CR, LF, VT, FF, the file,
# group and record separators, NEL, LINE and PARAGRAPH SEPARATOR): a name holding one
# could otherwise start a property of its own (EMAIL, TEL) in such a client.
LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def escape(value):
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return LINE_BREAKS.sub("\\\\n", value)


def fold(line):
    """Lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode()
    parts = []
    while len(encoded) > 75:
        cut = 75 if not parts else 74
        while cut and (encoded[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(encoded[:cut].decode())
        encoded = encoded[cut:]
    parts.append(encoded.decode())
    return "\r\n ".join(parts)


def vcard(contact, language):
    """The contact as a vCard, its role and organisation in `language`."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{escape(contact.name)}", f"LANG:{language}"]
    if contact.organisation:
        lines.append(f"ORG:{escape(contact.organisation)}")
    if contact.role:
        lines.append(f"TITLE:{escape(contact.role)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=work:{escape(contact.email)}")
    if contact.phone_uri():
        lines.append(f'TEL;VALUE=uri;TYPE="work,voice":{contact.phone_uri()}')
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def filename(contact):
    return f"{slugify(contact.name) or 'contact'}.vcf"
