"""Company and role from subjects (ATS, calendar, plain mail), labelled fields, text and sender."""

from __future__ import annotations

import pytest

from assistant.extract.company import find_company
from assistant.extract.role import find_role
from assistant.model import Address, Envelope

CANDIDATE = (Address("jordan.lee@example.org"),)


def _read(subject: str, text: str = "", sender: Address | None = None) -> tuple[str | None, str | None]:
    envelope = Envelope("<m@x>", subject, sender, None, to=CANDIDATE)
    role = find_role(subject, text)
    return find_company(envelope, text, role), role


@pytest.mark.parametrize(
    ("subject", "company", "role"),
    [
        ("Interview Confirmation: Senior Data Engineer – Northwind Analytics (Thu, Dec 3)", "Northwind Analytics", "Senior Data Engineer"),
        ("Interview Confirmation: Platform Engineer – Lumen Freight", "Lumen Freight", "Platform Engineer"),
        ("Invitation: Technical interview: Jordan Lee <> Tessellate @ Tue Nov 10, 2026 11am - 12pm (PST) (jordan.lee@example.org)", "Tessellate", None),
        ("Updated invitation: Onsite interview - Acme Robotics @ Thu Dec 3, 2026 1pm - 4pm (EST) (jordan.lee@example.org)", "Acme Robotics", None),
        ("Cobalt Ridge - Hiring Manager Interview (Jordan Lee)", "Cobalt Ridge", None),
        ("Brightpath phone screen - Product Analyst", "Brightpath", "Product Analyst"),
        ("Re: Brightpath phone screen - Product Analyst", "Brightpath", "Product Analyst"),
        ("RE: Fwd: [EXTERNAL] Brightpath phone screen - Product Analyst", "Brightpath", "Product Analyst"),
        ("AW: Einladung zum Vorstellungsgespräch – Kessler Maschinenbau GmbH", "Kessler Maschinenbau", None),
        ("Harborlight interview confirmed — Mon 11/30, 10:00 AM ET with Sam Reyes (CTO)", "Harborlight", None),
        ("Your interview with Acme Robotics for Senior Backend Engineer", "Acme Robotics", "Senior Backend Engineer"),
        ("Interview invitation from Acme Robotics", "Acme Robotics", None),
        ("Acme Robotics: Interview for Senior Backend Engineer", "Acme Robotics", "Senior Backend Engineer"),
        ("Senior Backend Engineer at Acme Robotics - Interview Availability", "Acme Robotics", "Senior Backend Engineer"),
        ("Thank you for applying to Crestline Health - Data Engineer II", "Crestline Health", "Data Engineer II"),
        ("Ihre Bewerbung als Softwareentwickler (m/w/d) bei Kessler Maschinenbau", "Kessler Maschinenbau", "Softwareentwickler"),
        ("Entretien pour le poste de Développeur Back-end chez Atelier Nova", "Atelier Nova", "Développeur Back-end"),
        ("Entrevista para el puesto de Ingeniero de Datos en Solaria Energía", "Solaria Energía", "Ingeniero de Datos"),
    ],
)  # fmt: skip
def test_subjects(subject: str, company: str | None, role: str | None) -> None:
    assert _read(subject) == (company, role)


@pytest.mark.parametrize(
    ("text", "company", "role"),
    [
        ("We'd love to move you forward for the Data Engineer role at Acme Robotics.", "Acme Robotics", "Data Engineer"),
        ("Position: Staff Software Engineer\nCompany: Quillstone Labs\n", "Quillstone Labs", "Staff Software Engineer"),
        ("Thanks for your interest in Quillstone Labs! We're reviewing applications.", "Quillstone Labs", None),
        ("The next step for the Backend Engineer role is a video interview.", None, "Backend Engineer"),
        ("We have received your application for the position of Data Engineer II (R-0048213) in New York, NY.\n"
         "Thank you for your interest in Crestline Health.", "Crestline Health", "Data Engineer II"),
        ("Thank you for making time to meet with the Northwind Analytics team!", "Northwind Analytics", None),
        ("wir freuen uns über Ihre Bewerbung für die Stelle als Projektleiter (m/w/d) bei Kessler Maschinenbau.",
         "Kessler Maschinenbau", "Projektleiter"),
        ("See you at Zoom. Looking forward to it!", None, None),
    ],
)  # fmt: skip
def test_text(text: str, company: str | None, role: str | None) -> None:
    assert _read("Next steps", text) == (company, role)


@pytest.mark.parametrize(
    ("name", "company"),
    [("Acme Robotics Recruiting", "Acme Robotics"), ("Jane Doe at Acme Robotics", "Acme Robotics"),
     ("Quillstone Labs Talent Acquisition", "Quillstone Labs"), ("Omar Haddad", None), ("Careers", None)],
)  # fmt: skip
def test_sender_display_name_as_a_last_resort(name: str, company: str | None) -> None:
    assert (
        _read("Quick question", "Hi Jordan, are you free this week?", Address("x@acme.example", name))[0]
        == company
    )


@pytest.mark.parametrize(
    "subject",
    ["Appointment reminder: Fri, Dec 4 at 9:00 AM with Dr. Karen Liu", "Quick chat?", "Next steps",
     "You're invited: Interview Masterclass: live Q&A — Tue, Dec 8"],
)  # fmt: skip
def test_subjects_that_name_no_company(subject: str) -> None:
    assert _read(subject) == (None, None)


@pytest.mark.parametrize(
    ("sender", "text", "company"),
    [
        # the full name in the signature over the domain's short form
        ("kyle@fernway.example", "Thanks from all of us at Fernway.\n\nKyle\nRecruiter, Fernway Travel", "Fernway Travel"),
        # a domain that shortens the second word, under a country's second level, legal form dropped
        ("isla@kestrelsec.co.uk", "Isla Fraser | Talent | Kestrel Security Ltd\n1 Harbour St, Leith", "Kestrel Security"),
        ("femke@tulipapay.nl", "Femke\nTechnical Recruiter | Tulipa Payments B.V.", "Tulipa Payments"),
        # a signature line does not run into the street address below it
        ("rosa@meadowlark.example", "Rosa Delgado | Recruiting | Meadowlark\n1600 Wynkoop St", "Meadowlark"),
        # the ampersand is "and" in the domain, or left out of it
        ("zara@kiteandkey.example", "Zara Ahmed | Talent Acquisition | Kite & Key Studios\nUnit 4", "Kite & Key Studios"),
        ("ana@orchardvale.example", "Ana Ruiz | People | Orchard & Vale\n12 Mill Lane", "Orchard & Vale"),
    ],
)  # fmt: skip
def test_company_from_the_writers_domain(sender: str, text: str, company: str) -> None:
    envelope = Envelope("<m@x>", "Thanks", Address(sender), None, to=CANDIDATE)
    assert find_company(envelope, text, None) == company


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("We're finishing interviews for the Senior Software Engineer, Payments role this week.",
         "Senior Software Engineer, Payments"),
        ("I hope to have feedback on the Data Engineer role for you soon.", "Data Engineer"),
        ("Thank you for your application for Product Analyst.", "Product Analyst"),
        ("Your virtual onsite for Staff Platform Engineer is booked.", "Staff Platform Engineer"),
        ("We'd like to offer you a place: join Brightmoor as a Staff Designer.", "Staff Designer"),
        ("Wir führen noch Gespräche für die Position DevOps Engineer (m/w/d).", "DevOps Engineer"),
    ],
)  # fmt: skip
def test_roles_in_running_text(text: str, role: str) -> None:
    assert find_role("Update", text) == role


def test_a_subject_role_keeps_no_trailing_role_word() -> None:
    assert find_role("Re: Product Designer role at Loomfield", "") == "Product Designer"
