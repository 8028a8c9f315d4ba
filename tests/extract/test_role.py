"""Role shapes beyond plain title case: specialties, sentence-case titles, requisition numbers."""

from __future__ import annotations

import pytest

from assistant.extract.company import employer_labels, find_company
from assistant.extract.role import find_role
from assistant.model import Address, Envelope

CANDIDATE = (Address("jordan.lee@example.org"),)


@pytest.mark.parametrize(
    ("subject", "text", "role"),
    [
        ("Your application for Data Engineer (Billing Systems)", "", "Data Engineer (Billing Systems)"),
        ("Ihre Bewerbung als Controller/in Spitalbetriebe (80-100 %)", "", "Controller Spitalbetriebe"),
        ("Kennenlerngespräch Leitung Controlling", "", "Leitung Controlling"),
        (
            "Update on your application for Product Designer, Growth Platform",
            "",
            "Product Designer, Growth Platform",
        ),
        (
            "Hi",
            "Your onsite for Site Engineer, Field Robotics has been moved.",
            "Site Engineer, Field Robotics",
        ),
        ("Interview Scheduled: Data Analyst (REQ-22817)", "", "Data Analyst"),
        ("Votre candidature – Responsable de la communication", "", "Responsable de la communication"),
        ("Candidatura – Analista de datos", "", "Analista de datos"),
        ("Re: Backend Developer application", "", "Backend Developer"),
        # a calendar title puts the role in parentheses after the candidate's name
        ("Canceled event: Orbitworks – Jordan Lee (QA Engineer) @ Thu 3 Dec 2026 2pm", "", "QA Engineer"),
    ],
)
def test_role_shapes(subject: str, text: str, role: str) -> None:
    assert find_role(subject, text) == role


def test_a_specialty_that_spells_the_employer_is_the_company_not_the_team() -> None:
    sender = Address("mia@orbitworks.example", "Mia Chen")
    envelope = Envelope("<m@x>", "Interview: Data Engineer (Orbit Works)", sender, None, to=CANDIDATE)
    assert find_role(envelope.subject, "", employer_labels(envelope)) == "Data Engineer"


@pytest.mark.parametrize(
    ("subject", "text", "sender", "company"),
    [
        # the subject's short form gives way to the full name that ends a signature line
        (
            "Orbit - phone screen Tuesday",
            "Thanks,\nMia\nOrbit Robotics",
            "mia@orbitrobotics.example",
            "Orbit Robotics",
        ),
        (
            "Orbit - phone screen Tuesday",
            "See you at the Orbit Robotics Lab tour",
            "mia@orbitrobotics.example",
            "Orbit",
        ),
        # accents are not in domain names
        ("Merci", "Bien à vous,\nÉquipe recrutement – Ciel Doré", "rh@ciel-dore.example", "Ciel Doré"),
        # an ampersand and an acronym past the domain
        ("Thanks", "Best,\nMia\nBirch & Vale Insurance", "mia@birchvale.example", "Birch & Vale Insurance"),
        ("Thanks", "Best,\nMia\nQuanta AI", "mia@quanta.example", "Quanta AI"),
    ],
)
def test_company_from_the_writers_domain(subject: str, text: str, sender: str, company: str) -> None:
    envelope = Envelope("<m@x>", subject, Address(sender, "Mia Chen"), None, to=CANDIDATE)
    assert find_company(envelope, text, None) == company


AGENCY = Address("lee@brightpathstaffing.example", "Lee Park")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # the client's own address in a passed-on confirmation names the client
        (
            "Details below.\n\nFrom: Dana Ruiz <dana@harborline.example>\nDana\nHarborline Shipping",
            "Harborline Shipping",
        ),
        # a client kept anonymous gives no company, and never the agency's name
        ("My client, a Series B insurer, would like a first call.\n\nLee Park\nBrightpath Staffing", None),
    ],
)
def test_an_agency_recruiter_writes_about_a_client(text: str, company: str | None) -> None:
    envelope = Envelope("<m@x>", "Data Engineer - next steps", AGENCY, None, to=CANDIDATE)
    assert find_company(envelope, text, "Data Engineer") == company
