"""HTML → text: schedule tables stay readable, layout tables do not glue the mail together."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.parse.html import html_to_text, json_ld_objects

ASHBY_SCHEDULE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Your interview schedule</title>
<style>.muted { color: #6b7280; }</style>
<script>window.dataLayer = [];</script></head>
<body style="margin:0">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
  <table role="presentation" width="600"><tr><td style="padding:24px">
    <p>Hi Jordan,</p>
    <p>Here is your schedule for <b>Wednesday,&nbsp;December&nbsp;9</b> (all times Eastern):</p>
    <table class="schedule" cellpadding="6" border="1">
      <thead><tr><th>Time</th><th>Interviewer</th><th>Focus</th></tr></thead>
      <tbody>
        <tr>
          <td>1:00 PM &ndash; 1:45 PM</td>
          <td>Priya Shah<br><span class="muted">Engineering Manager</span></td>
          <td>Past projects</td>
        </tr>
        <tr>
          <td>1:45 PM &ndash; 2:30 PM</td>
          <td><p class="MsoNormal">Marcus Bell</p></td>
          <td>System design</td>
        </tr>
      </tbody>
    </table>
    <p>See you then!<br>Rachel</p>
  </td></tr></table>
</td></tr></table>
</body></html>
"""


def test_schedule_rows_stay_on_one_line_with_cells_separated() -> None:
    lines = html_to_text(ASHBY_SCHEDULE).splitlines()
    assert "Time | Interviewer | Focus" in lines
    assert "1:00 PM – 1:45 PM | Priya Shah, Engineering Manager | Past projects" in lines
    assert "1:45 PM – 2:30 PM | Marcus Bell | System design" in lines


def test_layout_tables_read_as_paragraphs() -> None:
    lines = html_to_text(ASHBY_SCHEDULE).splitlines()
    assert lines[0] == "Hi Jordan,"
    assert "Here is your schedule for Wednesday, December 9 (all times Eastern):" in lines
    assert lines[-2:] == ["See you then!", "Rachel"]


def test_scripts_styles_and_head_are_dropped() -> None:
    text = html_to_text(ASHBY_SCHEDULE)
    assert "dataLayer" not in text
    assert "muted" not in text
    assert "Your interview schedule" not in text


def test_blocks_and_breaks_become_lines_and_source_newlines_are_spaces() -> None:
    html = (
        "<div>Hi Alex,</div><div><br></div><div>The interview is on\n  Thursday at\n2pm.</div>Best,<br>Dana"
    )
    assert html_to_text(html) == "Hi Alex,\n\nThe interview is on Thursday at 2pm.\nBest,\nDana"


def test_entities_and_non_breaking_spaces_are_decoded() -> None:
    assert (
        html_to_text("<p>Caf&eacute; &amp; 2:00&nbsp;PM &ndash; 3:00&#160;PM</p>")
        == "Café & 2:00 PM – 3:00 PM"
    )


def test_blockquotes_become_quoted_lines() -> None:
    html = (
        '<div dir="ltr">Friday at 3pm works better.</div><br>'
        '<div class="gmail_quote"><div class="gmail_attr">On Tue, Dec 1, 2026 at 10:12 AM Dana Whitfield '
        "&lt;dana@northwind.example&gt; wrote:<br></div>"
        '<blockquote class="gmail_quote"><div>Are you free Thursday at 2pm?</div></blockquote></div>'
    )
    assert [line for line in html_to_text(html).splitlines() if line] == [
        "Friday at 3pm works better.",
        "On Tue, Dec 1, 2026 at 10:12 AM Dana Whitfield <dana@northwind.example> wrote:",
        "> Are you free Thursday at 2pm?",
    ]


def test_preformatted_text_keeps_its_lines() -> None:
    assert html_to_text("<pre>10:00  Screen\n11:00  Panel</pre>") == "10:00 Screen\n11:00 Panel"


def test_unclosed_tags_and_head_do_not_lose_the_body() -> None:
    html = (
        "<html><head><title>x</title><body><table><tr><td>2pm<td>Priya<tr><td>3pm<td>Marcus</table><p>Thanks"
    )
    assert html_to_text(html).splitlines() == ["2pm | Priya", "3pm | Marcus", "", "Thanks"]


def test_json_ld_objects_are_found_and_graphs_flattened() -> None:
    html = """<html><head>
<script type="application/ld+json">
{"@context": "http://schema.org", "@graph": [
  {"@type": "EventReservation", "reservationNumber": "IO12345"},
  {"@type": "Organization", "name": "Acme"}]}
</script>
<script type='application/ld+json'>not json</script>
<script type="application/ld+json">[{"@type": "Event", "name": "Onsite"}]</script>
</head><body>Hello</body></html>"""
    types = [obj.get("@type") for obj in json_ld_objects(html)]
    assert types == [None, "EventReservation", "Organization", "Event"]


_SOUP = [
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<blockquote>", "</blockquote>", "<p>",
    "</p>", "<br>", "<div>", "</div>", "<pre>", "</pre>", "<script>", "</script>", "<head>", "<body>",
    "2:00 PM", "Priya", "&amp;", "&#xZZ;", "<!--", "-->", "<![CDATA[", "<", ">",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SOUP), max_size=40))
def test_any_tag_soup_gives_text_without_raising(pieces: list[str]) -> None:
    text = html_to_text("".join(pieces))
    assert "\n\n\n" not in text
    assert text == text.strip()


def test_struck_through_text_is_what_a_reschedule_replaced() -> None:
    text = html_to_text("<p>New time: <s>Thu 12 Nov, 1:00 PM</s> Tue 17 Nov, 11:30 AM ET</p>")
    assert "12 Nov" not in text
    assert "Tue 17 Nov, 11:30 AM ET" in text
