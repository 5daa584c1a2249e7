"""Component ids, in one place. Each page owns a prefix so ids never collide."""

# Shell (app.py, frame.py)
SHELL_BANNER = "shell-sample-banner"
SHELL_NAV = "shell-nav"
SHELL_FOOTER = "shell-footer"
SHELL_LANG = "shell-lang-switch"
SHELL_SEARCH = "shell-search-input"
SHELL_LANG_SYNC = "shell-lang-sync"

# Home page
HOME_LIST = "home-indicator-list"
HOME_TARGETS = "home-targets"

# Indicator page
INDICATOR_STATE = "indicator-state"
INDICATOR_CHART = "indicator-trend-chart"
INDICATOR_CHART_SUMMARY = "indicator-trend-summary"
INDICATOR_CHART_HOLDER = "indicator-trend-holder"
INDICATOR_QUERY = "indicator-query"  # the query string of the current filters
INDICATOR_QUERY_SYNC = "indicator-query-sync"
INDICATOR_TREND_TABLE = "indicator-trend-table"
INDICATOR_COMPARE = "indicator-compare"  # none, a breakdown or places (views/compare.py)
INDICATOR_COMPARE_PLACES = "indicator-compare-places"
INDICATOR_COMPARE_HOLDER = "indicator-compare-holder"
INDICATOR_COMPARE_PLACES_HOLDER = "indicator-compare-places-holder"
INDICATOR_PERIOD_TYPE = "indicator-period-type"
INDICATOR_SCHEME = "indicator-scheme"
INDICATOR_YEAR = "indicator-year"
INDICATOR_MAP = "indicator-tile-map"
INDICATOR_MAP_SUMMARY = "indicator-map-summary"
INDICATOR_MAP_HOLDER = "indicator-map-figure"
INDICATOR_GEO_NOTE = "indicator-geo-note"
INDICATOR_GRID = "indicator-province-grid"
INDICATOR_ROW_COUNT = "indicator-row-count"
INDICATOR_DL_SHOWN = "indicator-download-shown"
INDICATOR_DL_FILE_PREFIX = "indicator-download-"  # + csv / xlsx: links to the release's files
INDICATOR_DOWNLOAD = "indicator-download"

# Search page
SEARCH_RESULTS = "search-results"
