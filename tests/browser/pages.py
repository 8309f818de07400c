"""What the browser tests do on every page: sign in through the login form as a person would,
and check that the page fits the screen it is shown on (no sideways scrolling)."""

from tests.factories import PASSWORD


def sign_in(page, username: str, password: str = PASSWORD, then: str = "/") -> None:
    """Sign in through the login form and land on `then`."""
    page.goto(f"/accounts/login/?next={then}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_url(f"**{then}")


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
