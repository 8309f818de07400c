"""The seeded catalogue's texts (data/rules.json, data/minimum_wages.csv) as translatable messages.

The catalogue is data, so makemessages cannot find its titles, conditions and sources; they are
listed here once, and the pages translate a rule's stored English through the same catalogue.
tests/compliance/test_rule_words.py fails when a seeded text is missing here or untranslated.
"""

# ruff: noqa: E501 (the messages are kept whole so that they match the catalogue exactly)
from django.utils.translation import gettext, gettext_noop

# Sources join several laws with "; ", and a finding joins the rule's with a minimum wage's.
SOURCE_SEPARATOR = "; "

TITLES = (
    gettext_noop("Wage below the minimum wage"),
    gettext_noop("Contract worse than the job order"),
    gettext_noop("Wage underpaid"),
    gettext_noop("Wage paid late"),
    gettext_noop("Wage report missing"),
    gettext_noop("Excessive deductions from wages"),
    gettext_noop("Wage not paid in full"),
    gettext_noop("Final settlement late"),
    gettext_noop("Half-month advance missing"),
    gettext_noop("Wage disputed by the worker"),
    gettext_noop("Income tax withheld above the highest rate"),
    gettext_noop("Resident income tax rate not applied"),
    gettext_noop("Weekly hours above the maximum"),
    gettext_noop("Annual overtime above the limit"),
    gettext_noop("No safety induction"),
    gettext_noop("Safety training overdue"),
    gettext_noop("Serious safety incident"),
    gettext_noop("Social insurance contributions missing"),
    gettext_noop("No medical insurance (DMS)"),
    gettext_noop("No origin-country insurance (PBBY)"),
    gettext_noop("Insurance expiring"),
    gettext_noop("Recruitment fee charged to the worker"),
    gettext_noop("Agency licence not valid"),
    gettext_noop("Employer not approved"),
    gettext_noop("Employer quota exceeded"),
    gettext_noop("MVD notification overdue"),
    gettext_noop("Migration registration overdue"),
    gettext_noop("Medical examination or fingerprinting overdue"),
    gettext_noop("Work permit expired or expiring"),
    gettext_noop("Work permit for another region or occupation"),
    gettext_noop("Passport expiring"),
    gettext_noop("Possible duplicate worker"),
    gettext_noop("Watchlist match"),
    gettext_noop("Grievance past its deadline"),
)

CONDITIONS = (
    gettext_noop(
        "A job order's or contract's monthly wage, or a reported full month's base pay (gross less overtime and premium pay), is below the applicable minimum."
    ),
    gettext_noop(
        "The signed contract offers a lower wage or longer hours than the job order the worker was recruited for."
    ),
    gettext_noop(
        "A reported month's gross is below what the contract owes for it, by more than the tolerance."
    ),
    gettext_noop(
        "A month's wage was paid in full, but more than N calendar days after the month's end."
    ),
    gettext_noop(
        "An employed case has no wage report for a finished month by day N of the next month."
    ),
    gettext_noop(
        # xgettext:no-python-format
        "The employer's deductions exceed N % of the month's pay after income tax."
    ),
    gettext_noop(
        "N days after a month's end, more than the tolerance of its net pay (gross less income tax and deductions) has not been paid."
    ),
    gettext_noop(
        "The wage of the month in which a case was completed, terminated or repatriated was paid, or is still unpaid, later than N days after the end date."
    ),
    gettext_noop(
        "A month worked in full is reported with no advance payment date, or with one after the month's last day; months that ended before the rule came into force are not judged."
    ),
    gettext_noop(
        "The worker answers on the status page that a reported month's net pay did not reach them as shown, and says how much did. Raised by the worker's answer, never by the sweep."
    ),
    gettext_noop(
        "A month's income tax withheld exceeds the non-resident rate of gross (the rate set for the resident-rate rule); the excess counts as a deduction."
    ),
    gettext_noop(
        "A month that starts after the worker's Nth day in Russia (counted from arrival) has income tax withheld above the resident rate plus the tolerance."
    ),
    gettext_noop("Contract or job-order normal hours exceed N per week."),
    gettext_noop("Overtime reported in one calendar year exceeds N hours."),
    gettext_noop(
        "A case is employed with no safety induction dated on or before the employment start."
    ),
    gettext_noop(
        "An employed case in construction, machinery or energy has no safety training in the last N months."
    ),
    gettext_noop("A safety incident of severity serious or fatal is reported."),
    gettext_noop(
        # xgettext:no-python-format
        "A wage report states employer insurance contributions below N % of the month's gross; none stated counts as 0."
    ),
    gettext_noop("An arrived or employed case has no medical insurance policy (DMS) valid today."),
    gettext_noop("A departed case has no origin-country cover (PBBY or equivalent)."),
    gettext_noop("A policy ends in N days or fewer while the contract runs on."),
    gettext_noop("A fee was charged to the worker; above the cap it is a breach."),
    gettext_noop(
        "A case is submitted or later while its agency's licence is expired, suspended or revoked."
    ),
    gettext_noop("A case is accepted or later while its employer's sponsorship is not approved."),
    gettext_noop(
        "An employer's active cases (from contract signed to employed) exceed its approved quota."
    ),
    gettext_noop(
        "The MVD is not notified of the employment start within N working days after it, or of the contract's end within N working days after the end date; each notice has its own date and clock."
    ),
    gettext_noop("No migration registration date recorded within N working days after arrival."),
    gettext_noop(
        "No medical examination date, or no fingerprint registration date, recorded within N calendar days after arrival."
    ),
    gettext_noop(
        "An employed case's work permit has expired (a breach), or ends before the contract end within the rule's notice days (a warning)."
    ),
    gettext_noop(
        "An employed case's job is in another region than the work permit's, or at another occupation (ISCO-08) than the permit names. A permit recorded without its region is not judged."
    ),
    gettext_noop("The passport expires less than N months after the contract end."),
    gettext_noop(
        "Another worker record has the same passport number, or a name similarity ≥ N with the same date of birth, in another agency."
    ),
    gettext_noop("An employer's INN or an agency's licence number is on the officials' watchlist."),
    gettext_noop("A grievance is not acknowledged within N days, or not resolved within M days."),
)

SOURCES = (
    gettext_noop("Labour Code RF art. 133, 133.1"),
    gettext_noop("ILO fair recruitment guidelines (no contract substitution)"),
    gettext_noop("Labour Code RF art. 135, 136, 152"),
    gettext_noop("Labour Code RF art. 136"),
    gettext_noop("Pact reporting duty"),
    gettext_noop("Labour Code RF art. 137, 138"),
    gettext_noop("Labour Code RF art. 136, 142"),
    gettext_noop("Labour Code RF art. 140"),
    gettext_noop("Tax Code RF art. 224 para 3"),
    gettext_noop("Tax Code RF art. 207 para 2, art. 224 para 1, art. 231"),
    gettext_noop("Labour Code RF art. 91"),
    gettext_noop("Labour Code RF art. 99"),
    gettext_noop("Labour Code RF art. 214"),
    gettext_noop("Government Decree No. 2464 (24.12.2021)"),
    gettext_noop("Government Decree No. 2464"),
    gettext_noop("Labour Code RF art. 228, 228.1"),
    gettext_noop("Tax Code RF art. 425, 427"),
    gettext_noop("Federal Law 239-FZ of 14.07.2022"),
    gettext_noop("Labour Code RF art. 327.3"),
    gettext_noop("Federal Law 115-FZ art. 13"),
    gettext_noop("Emigration Act 1983 / PBBY scheme"),
    gettext_noop("Federal Law 115-FZ art. 13 para 4"),
    gettext_noop("ILO Employer Pays Principle"),
    gettext_noop("Emigration Rules 1983 (service-charge cap)"),
    gettext_noop("Emigration Act 1983 s. 10-16"),
    gettext_noop("Pact sponsorship terms"),
    gettext_noop("Federal Law 115-FZ art. 13 para 8"),
    gettext_noop("Federal Law 109-FZ art. 20"),
    gettext_noop(
        "Federal Law 115-FZ art. 5 para 18 (as amended by Federal Law 274-FZ of 01.07.2021)"
    ),
    gettext_noop("Federal Law 115-FZ art. 13 para 4.2, art. 13.4"),
    gettext_noop("Visa practice"),
    gettext_noop("Fraud prevention"),
    gettext_noop("Pact grievance mechanism"),
    gettext_noop("Federal Law 82-FZ art. 1 as amended in 2023"),
    gettext_noop('Federal Law 82-FZ "On the minimum wage", art. 1 as amended in 2024'),
    gettext_noop("Federal Law 82-FZ art. 1 as amended in November 2025"),
    gettext_noop("Moscow minimum wage agreement for 2024"),
    gettext_noop("Moscow minimum wage agreement for 2025"),
    gettext_noop("Moscow minimum wage agreement for 2026"),
    gettext_noop(
        "Saint Petersburg regional agreement on the minimum wage for 2023-2024 (25,000 from 1 November 2023)"
    ),
    gettext_noop("Saint Petersburg regional agreement for 2025"),
    gettext_noop("Saint Petersburg regional agreement of 11.12.2025"),
    gettext_noop("Leningrad Oblast regional agreement on the minimum wage for 2024"),
    gettext_noop("Leningrad Oblast regional agreement for 2025"),
    gettext_noop("Leningrad Oblast regional agreement for 2026"),
)


def in_words(text: str) -> str:
    """The reader's translation of a catalogue text; an official's own wording stays as written."""
    return gettext(text) if text else text


def source_in_words(source: str) -> str:
    return SOURCE_SEPARATOR.join(in_words(part) for part in source.split(SOURCE_SEPARATOR))
