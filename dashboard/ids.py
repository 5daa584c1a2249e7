"""Component ids, in one place. Each page owns a prefix so ids never collide."""

# Shell (app.py)
SHELL_BANNER = "shell-sample-banner"
SHELL_NAV = "shell-nav"
SHELL_FOOTER = "shell-footer"

# Home page
HOME_LIST = "home-indicator-list"

# Indicator page
INDICATOR_SLUG = "indicator-slug"
INDICATOR_CHART = "indicator-trend-chart"
INDICATOR_SCHEME = "indicator-scheme"
INDICATOR_YEAR = "indicator-year"
INDICATOR_GRID = "indicator-province-grid"
INDICATOR_ROW_COUNT = "indicator-row-count"
INDICATOR_DOWNLOAD_BUTTON = "indicator-download-button"
INDICATOR_DOWNLOAD = "indicator-download"
