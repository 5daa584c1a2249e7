"""Every word the site shows, in Vietnamese (default) and English, and how numbers, dates and
periods are written in each. Pure: no data access, no Dash.

Pages call `t(key, lang)`; registry texts (names, definitions, units) come from the release's
`*_vi` / `*_en` columns through `pick(row, field, lang)`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from urllib.parse import urlencode

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
MISSING = "–"

STRINGS: dict[str, dict[str, str]] = {
    # shell
    "site.title": {
        "vi": "Chỉ số Chương trình bảo vệ trẻ em trên môi trường mạng 2021–2025",
        "en": "Indicators of the programme on protecting children online, 2021–2025",
    },
    "site.subtitle": {
        "vi": "Quyết định 830/QĐ-TTg · Kế hoạch 838/QĐ-LĐTBXH",
        "en": "Decision 830/QĐ-TTg · Plan 838/QĐ-LĐTBXH",
    },
    "site.description": {
        "vi": "Số liệu mở về Chương trình bảo vệ và hỗ trợ trẻ em tương tác lành mạnh, sáng tạo "
        "trên môi trường mạng giai đoạn 2021–2025.",
        "en": "Open data on Viet Nam's programme on protecting and supporting children to "
        "interact healthily and creatively online, 2021–2025.",
    },
    "skip": {"vi": "Bỏ qua, đến nội dung chính", "en": "Skip to main content"},
    "nav.label": {"vi": "Điều hướng chính", "en": "Main navigation"},
    "nav.home": {"vi": "Tổng quan", "en": "Overview"},
    "nav.data": {"vi": "Dữ liệu", "en": "Data"},
    "nav.methodology": {"vi": "Phương pháp", "en": "Methodology"},
    "nav.switch": {"vi": "English", "en": "Tiếng Việt"},
    "nav.switch_label": {"vi": "View this page in English", "en": "Xem trang này bằng tiếng Việt"},
    "search.label": {"vi": "Tìm chỉ số hoặc tỉnh", "en": "Search indicators or provinces"},
    "search.placeholder": {"vi": "Tìm: bảo vệ, Hà Nội…", "en": "Search: support, Ha Noi…"},
    "search.button": {"vi": "Tìm", "en": "Search"},
    "search.title": {"vi": "Tìm kiếm", "en": "Search"},
    "search.results_for": {"vi": "Kết quả cho “{q}”", "en": "Results for “{q}”"},
    "search.none": {"vi": "Không tìm thấy kết quả.", "en": "Nothing found."},
    "search.empty": {
        "vi": "Nhập tên hoặc mã chỉ số, tên tỉnh (có dấu hoặc không dấu).",
        "en": "Type an indicator name or code, or a province name (with or without accents).",
    },
    "search.indicators": {"vi": "Chỉ số", "en": "Indicators"},
    "search.provinces": {"vi": "Tỉnh, thành phố", "en": "Provinces"},
    "sample.banner": {"vi": "DỮ LIỆU MẪU", "en": "SAMPLE DATA"},
    "sample.detail": {
        "vi": "Số liệu trên trang này là dữ liệu mẫu để thử nghiệm, không phải số liệu chính thức.",
        "en": "The figures on this site are sample data for testing, not official statistics.",
    },
    "footer.release": {
        "vi": "Bản phát hành: {release} · Số liệu tính đến: {as_of}",
        "en": "Release: {release} · Data as of: {as_of}",
    },
    "footer.no_release": {
        "vi": "Chưa có bản phát hành dữ liệu.",
        "en": "No data release has been published yet.",
    },
    "footer.programme": {
        "vi": "Chương trình Bảo vệ và hỗ trợ trẻ em tương tác lành mạnh, sáng tạo trên môi "
        "trường mạng giai đoạn 2021–2025 (Quyết định 830/QĐ-TTg); Kế hoạch 838/QĐ-LĐTBXH. "
        "Tổng đài quốc gia bảo vệ trẻ em: 111.",
        "en": "Programme on protecting and supporting children to interact healthily and "
        "creatively online, 2021–2025 (Decision 830/QĐ-TTg); Plan 838/QĐ-LĐTBXH. National "
        "child protection hotline: 111.",
    },
    "footer.licence": {
        "vi": "Dữ liệu được cấp phép CC BY 4.0.",
        "en": "Data licensed under CC BY 4.0.",
    },
    "no_release.title": {"vi": "Chưa có dữ liệu", "en": "No data yet"},
    "no_release.body": {
        "vi": "Chưa có bản phát hành dữ liệu nào.",
        "en": "No data release has been published yet.",
    },
    "not_found.title": {"vi": "Không tìm thấy trang", "en": "Page not found"},
    "not_found.body": {
        "vi": "Địa chỉ này không có trên trang web.",
        "en": "This page does not exist.",
    },
    "back.home": {"vi": "← Về trang chủ", "en": "← Back to the home page"},
    "back.all": {"vi": "← Tất cả chỉ số", "en": "← All indicators"},
    # statuses and common values
    "status.achieved": {"vi": "Đã đạt", "en": "Achieved"},
    "status.on_track": {"vi": "Đúng tiến độ", "en": "On track"},
    "status.at_risk": {"vi": "Có nguy cơ chậm", "en": "At risk"},
    "status.off_track": {"vi": "Chậm tiến độ", "en": "Off track"},
    "status.monitoring": {"vi": "Theo dõi", "en": "Monitoring"},
    "status.no_data": {"vi": "Chưa có số liệu", "en": "No data"},
    "status.baseline": {"vi": "Năm gốc", "en": "Baseline"},
    "unit.points": {"vi": "điểm %", "en": "percentage points"},
    "status.provisional": {
        "vi": "Số liệu tạm thời – chưa đánh giá",
        "en": "Provisional – not judged",
    },
    "status.suppressed": {"vi": "Ẩn", "en": "Suppressed"},
    "suppressed": {"vi": "Ẩn", "en": "Suppressed"},
    "suppressed.note": {
        "vi": "Ẩn: số đếm nhỏ hơn 5, và các ô khác mà từ đó có thể tính ngược ra chúng, được ẩn "
        "để bảo vệ trẻ em.",
        "en": "Suppressed: counts below 5, and the other cells from which they could be worked "
        "out, are hidden to protect children.",
    },
    "not_measured": {"vi": "Chưa có số liệu", "en": "Not yet measured"},
    "no_target": {"vi": "Theo dõi (không có mục tiêu)", "en": "Monitoring (no target)"},
    "target": {"vi": "Mục tiêu", "en": "Target"},
    "target.year": {"vi": "Mục tiêu {year}", "en": "Target {year}"},
    "target.by": {"vi": "{value} vào năm {year}", "en": "{value} by {year}"},
    "target.official": {
        "vi": "Mục tiêu chính thức (Quyết định 830/QĐ-TTg)",
        "en": "Official target (Decision 830/QĐ-TTg)",
    },
    "target.derived": {
        "vi": "Lộ trình suy ra, không chính thức",
        "en": "Derived trajectory, not official",
    },
    "target.aspirational": {"vi": "Mục tiêu phấn đấu.", "en": "Aspirational target."},
    "target.none_text": {
        "vi": "Chỉ số này không có mục tiêu định lượng; số liệu được công bố để theo dõi.",
        "en": "This indicator has no quantified target; it is published for monitoring.",
    },
    "national": {"vi": "Toàn quốc", "en": "National"},
    "latest": {"vi": "Mới nhất", "en": "Latest"},
    "data_as_of": {"vi": "Số liệu đến", "en": "Data as of"},
    "status": {"vi": "Trạng thái", "en": "Status"},
    "value": {"vi": "Giá trị", "en": "Value"},
    "period": {"vi": "Kỳ", "en": "Period"},
    "numerator": {"vi": "Tử số", "en": "Numerator"},
    "denominator": {"vi": "Mẫu số", "en": "Denominator"},
    "province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "code": {"vi": "Mã", "en": "Code"},
    "more": {"vi": "Xem chi tiết {code} →", "en": "Details of {code} →"},
    # home
    "home.title": {"vi": "Tổng quan Chương trình", "en": "Programme overview"},
    "home.lede": {
        "vi": "Ba mục tiêu của Quyết định 830/QĐ-TTg và giá trị toàn quốc mới nhất của từng "
        "chỉ số, theo hoạt động của Kế hoạch 838.",
        "en": "The three targets of Decision 830/QĐ-TTg and the latest national value of each "
        "indicator, by Plan 838 activity.",
    },
    "home.targets": {"vi": "Mục tiêu đến năm {year}", "en": "Targets for {year}"},
    "home.indicators": {"vi": "Các chỉ số theo hoạt động", "en": "Indicators by activity"},
    "home.activity": {"vi": "Hoạt động {activity}", "en": "Activity {activity}"},
    "home.activity_none": {"vi": "Chưa gắn hoạt động", "en": "No activity assigned"},
    "home.activity_named": {
        "vi": "Hoạt động {activity}: {name}",
        "en": "Activity {activity}: {name}",
    },
    # Plan 838's activities (its section II and appendix), shortened from the plan's own words
    "activity.1": {
        "vi": "Lấy trẻ em làm trung tâm, trẻ em tham gia xây dựng chính sách số",
        "en": "Children at the centre: child participation in digital policy",
    },
    "activity.2a": {
        "vi": "Tài liệu tập huấn về bảo vệ trẻ em trên môi trường mạng",
        "en": "Training materials on child online protection",
    },
    "activity.2b": {
        "vi": "Truyền thông cho cán bộ và cộng tác viên bảo vệ trẻ em",
        "en": "Communication to officials and child-protection collaborators",
    },
    "activity.2c": {
        "vi": "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
        "en": "Training of officials and civil servants",
    },
    "activity.3": {
        "vi": "Tập huấn cho trẻ em kỹ năng tự bảo vệ và tương tác lành mạnh trên mạng",
        "en": "Training children to protect themselves and interact healthily online",
    },
    "activity.4a": {
        "vi": "Tư vấn, hỗ trợ tâm lý cho trẻ em bị xâm hại trên mạng qua Tổng đài 111",
        "en": "Counselling child victims of online abuse through hotline 111",
    },
    "activity.4b": {
        "vi": "Tư vấn, hỗ trợ tâm lý qua các cơ sở trợ giúp xã hội",
        "en": "Counselling through social-assistance facilities",
    },
    "activity.5": {
        "vi": "Tích hợp kênh thông báo trực tuyến với Tổng đài 111",
        "en": "Online reporting channels joined to hotline 111",
    },
    "activity.6": {
        "vi": "Cổng thông tin, ứng dụng trực tuyến và trang mạng xã hội cho trẻ em",
        "en": "E-portal, online apps and social-media pages for children",
    },
    "activity.7": {
        "vi": "Mạng lưới ứng cứu bảo vệ trẻ em trên mạng và báo cáo đánh giá",
        "en": "Child online protection response network and assessment report",
    },
    "activity.8": {
        "vi": "Phòng ngừa, phát hiện, ngăn chặn xâm hại trẻ em trên mạng",
        "en": "Preventing, detecting and stopping online abuse of children",
    },
    "activity.9": {
        "vi": "Cơ chế phối hợp, quy trình xử lý vụ việc xâm hại trẻ em trên mạng",
        "en": "Coordination and procedure for handling online abuse",
    },
    "activity.10a": {
        "vi": "Cơ sở dữ liệu CSAM của Việt Nam",
        "en": "Viet Nam's CSAM database",
    },
    "activity.10b": {
        "vi": "Công cụ trí tuệ nhân tạo lọc hình ảnh, video xâm hại trẻ em",
        "en": "AI filtering of child abuse images and video",
    },
    "activity.11": {
        "vi": "Kiểm tra công tác bảo vệ trẻ em trên môi trường mạng",
        "en": "Inspections of child online protection",
    },
    "activity.IV": {
        "vi": "Tổ chức thực hiện Kế hoạch",
        "en": "Organising the plan's implementation",
    },
    "home.other_milestones": {
        "vi": "Các nhiệm vụ có thời hạn khác của Kế hoạch 838",
        "en": "Other dated deliverables of Plan 838",
    },
    "home.linked": {"vi": "Chỉ số {code}", "en": "Indicator {code}"},
    "home.spark": {"vi": "Xu hướng {name}", "en": "Trend of {name}"},
    "home.no_targets": {
        "vi": "Bản phát hành này không có mục tiêu chính thức.",
        "en": "This release has no official targets.",
    },
    # indicator page
    "ind.not_found": {"vi": "Không tìm thấy chỉ số", "en": "Indicator not found"},
    "ind.not_found_body": {
        "vi": "Không có chỉ số nào được công bố với địa chỉ này.",
        "en": "No published indicator has this address.",
    },
    "ind.trend": {"vi": "Xu hướng toàn quốc", "en": "National trend"},
    "ind.filters": {"vi": "Lọc số liệu", "en": "Filter the data"},
    "ind.period_type": {"vi": "Loại kỳ", "en": "Period type"},
    "ind.table": {"vi": "Bảng số liệu", "en": "Data table"},
    "ind.provinces": {"vi": "Theo địa bàn", "en": "By place"},
    "ind.scheme": {"vi": "Cấp địa bàn", "en": "Geography"},
    "ind.rows_region": {"vi": "{n} vùng", "en": "{n} regions"},
    "ind.geo_hidden_regions": {
        "vi": "{hidden} trên {n} tỉnh bị ẩn với lựa chọn này (số đếm nhỏ hơn 5 "
        "được ẩn để bảo vệ trẻ em). Vì vậy trang hiển thị 6 vùng, nơi các số này được công bố.",
        "en": "{hidden} of {n} provinces are hidden for this selection (counts "
        "below 5 are suppressed to protect children), so the 6 regions, where these figures "
        "are published, are shown instead.",
    },
    "ind.geo_hidden_choose": {
        "vi": "{hidden} trên {n} tỉnh bị ẩn với lựa chọn này (số đếm nhỏ hơn 5 được ẩn để bảo "
        "vệ trẻ em). Chọn “6 vùng” để xem số liệu được công bố theo vùng.",
        "en": "{hidden} of {n} provinces are hidden for this selection (counts below 5 are "
        "suppressed to protect children). Choose “6 regions” to see the published regional "
        "figures.",
    },
    "map.legend": {"vi": "Giá trị", "en": "Value"},
    "map.legend_target": {"vi": "thang đo đến mục tiêu", "en": "scale up to the target"},
    "map.suppressed": {"vi": "Ẩn (số nhỏ): {n}", "en": "Suppressed (small count): {n}"},
    "map.no_data": {"vi": "Không có số liệu: {n}", "en": "No data: {n}"},
    "ind.view_period": {"vi": "Kỳ số liệu", "en": "Period"},
    "ind.rows": {"vi": "{n} tỉnh, thành phố", "en": "{n} provinces"},
    "ind.no_rows": {"vi": "Không có số liệu", "en": "No data"},
    "ind.map": {"vi": "Bản đồ ô theo tỉnh", "en": "Tile map by province"},
    "ind.map_note": {
        "vi": "Mỗi ô là một tỉnh, đặt gần đúng vị trí địa lý; ô xám gạch chéo là số liệu bị ẩn, "
        "ô nhạt viền chấm là không có số liệu. Bấm vào một ô để mở trang của tỉnh.",
        "en": "Each square is a province, placed roughly where it lies; hatched grey squares "
        "are suppressed, pale dotted ones have no data. Click a square to open the "
        "province's page.",
    },
    "ind.meta": {"vi": "Thông tin về chỉ số", "en": "About this indicator"},
    "ind.definition": {"vi": "Định nghĩa", "en": "Definition"},
    "ind.unit": {"vi": "Đơn vị", "en": "Unit"},
    "ind.source": {"vi": "Nguồn số liệu", "en": "Source"},
    "source.hotline_111": {
        "vi": "Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 (dữ liệu quản lý ca)",
        "en": "National child-protection hotline 111 (case-management exports)",
    },
    "source.training_reports": {
        "vi": "Báo cáo hoạt động tập huấn, truyền thông của các tỉnh",
        "en": "Provincial training and communication activity reports",
    },
    "source.schools_register": {
        "vi": "Sổ đăng ký trường học và cơ sở bảo vệ, nuôi dưỡng trẻ em theo năm học",
        "en": "School-year register of schools and child care / protection facilities",
    },
    "source.portal_analytics": {
        "vi": "Cổng thông tin, ứng dụng và trang mạng xã hội dành cho trẻ em",
        "en": "Children's portal, app and fanpages (analytics)",
    },
    "source.police_reports": {
        "vi": "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05) và cơ quan "
        "thanh tra: tổ chức, cá nhân bị tố giác, phát hiện và việc xử lý",
        "en": "Police cyber-security department (A05) and inspectorates: subjects reported or "
        "detected and their handling",
    },
    "source.facility_reports": {
        "vi": "Báo cáo quý của các tỉnh về tư vấn cho trẻ em tại cơ sở trợ giúp xã hội",
        "en": "Provinces' quarterly reports of children counselled at social-assistance facilities",
    },
    "source.csam_database": {
        "vi": "Cơ sở dữ liệu quốc gia về hình ảnh xâm hại tình dục trẻ em và yêu cầu gỡ bỏ",
        "en": "National child sexual abuse material database and takedown notices",
    },
    "source.inspections": {
        "vi": "Các cơ quan thanh tra: các cuộc thanh tra, kiểm tra và việc thực hiện kiến nghị",
        "en": "Inspectorates: inspection and monitoring visits and their recommendations",
    },
    "source.plan_reports": {
        "vi": "Báo cáo chính thức về tiến độ Kế hoạch 838",
        "en": "Official progress reports of Plan 838",
    },
    "ind.reporting_agency": {
        "vi": "Cơ quan báo cáo (theo thời kỳ)",
        "en": "Reporting agency (as of each period)",
    },
    "ind.activity": {"vi": "Hoạt động Kế hoạch 838", "en": "Plan 838 activity"},
    "ind.legal": {"vi": "Căn cứ pháp lý", "en": "Legal basis"},
    "ind.status_rule": {"vi": "Cách xác định trạng thái", "en": "How the status is decided"},
    "ind.caveats": {"vi": "Lưu ý", "en": "Caveats"},
    "ind.direction": {"vi": "Chiều mong muốn", "en": "Desired direction"},
    "ind.downloads": {"vi": "Tải dữ liệu", "en": "Downloads"},
    "ind.dl_shown": {"vi": "Số liệu đang xem (CSV)", "en": "Data shown (CSV)"},
    "ind.dl_all_csv": {"vi": "Toàn bộ chỉ số (CSV)", "en": "Whole indicator (CSV)"},
    "ind.dl_all_xlsx": {"vi": "Toàn bộ chỉ số (XLSX)", "en": "Whole indicator (XLSX)"},
    "ind.datapackage": {"vi": "Mô tả dữ liệu (datapackage.json)", "en": "Data package (JSON)"},
    "ind.release": {
        "vi": "Bản phát hành {release}, số liệu đến {as_of}.",
        "en": "Release {release}, data as of {as_of}.",
    },
    "ind.embed": {"vi": "Nhúng biểu đồ này", "en": "Embed this chart"},
    "ind.summary": {
        "vi": "{name}: {scope}, {first} là {first_value}, {last} là {last_value}.",
        "en": "{name}: {scope}, {first_value} in {first} and {last_value} in {last}.",
    },
    "noscript.note": {
        "vi": "Trang này cần JavaScript để vẽ biểu đồ, bản đồ và bộ lọc. Dưới đây là số liệu chính "
        "ở dạng văn bản.",
        "en": "This page needs JavaScript for its chart, map and filters. Its main figures follow "
        "as text.",
    },
    # several series on one chart (dashboard/views/compare.py)
    "compare.legend": {"vi": "So sánh trên biểu đồ", "en": "Compare on the chart"},
    "compare.none_option": {"vi": "Không so sánh", "en": "No comparison"},
    "compare.places_option": {"vi": "Vùng, tỉnh bên cạnh toàn quốc", "en": "Regions or provinces"},
    "compare.by": {"vi": "Theo {dimension}", "en": "By {dimension}"},
    "compare.places": {
        "vi": "Vùng, tỉnh so với toàn quốc (tối đa {most})",
        "en": "Regions or provinces beside the national line (up to {most})",
    },
    "compare.places_hint": {"vi": "Chọn vùng hoặc tỉnh…", "en": "Choose regions or provinces…"},
    "compare.table_note": {
        "vi": "Các đường so sánh: {names}.",
        "en": "Lines compared: {names}.",
    },
    # numbers in words (dashboard/views/words.py)
    "words.label": {"vi": "Diễn giải bằng lời", "en": "In words"},
    "words.since": {"vi": "{change} so với {period}", "en": "{change} since {period}"},
    "words.same": {"vi": "Không đổi so với {period}", "en": "Unchanged since {period}"},
    "words.gap": {
        "vi": "Còn cách mục tiêu {target} năm {year}: {gap}",
        "en": "{gap} short of the {year} target of {target}",
    },
    "words.met": {
        "vi": "Đã đạt mục tiêu {target} năm {year}",
        "en": "The {year} target of {target} is met",
    },
    "words.pace": {
        "vi": "Cần {pace} mỗi năm đến {year} để đạt mục tiêu; bình quân đến nay {so_far} mỗi năm",
        "en": "Needs {pace} a year until {year} to reach it; so far {so_far} a year",
    },
    "words.pace_only": {
        "vi": "Cần {pace} mỗi năm đến {year} để đạt mục tiêu",
        "en": "Needs {pace} a year until {year} to reach it",
    },
    "ind.empty_suppressed": {
        "vi": "{name}: mọi giá trị của lựa chọn này đều bị ẩn (số đếm nhỏ hơn 5 được ẩn để bảo vệ "
        "trẻ em), nên không vẽ biểu đồ. Chọn “Tổng” cho giới tính và nhóm tuổi để xem số liệu "
        "được công bố.",
        "en": "{name}: every value of this selection is hidden (counts below 5 are suppressed "
        "to protect children), so no chart is drawn. Choose “Total” for sex and age band to "
        "see the published figures.",
    },
    "ind.empty_no_data": {
        "vi": "{name}: chưa có số liệu vì nguồn ({source}) chưa báo cáo hoàn thành nào. Biểu đồ "
        "sẽ hiện khi có báo cáo hoàn thành chính thức đầu tiên.",
        "en": "{name}: no figure yet, because the source ({source}) has reported no completion "
        "yet. The chart will appear once the first official completion report is recorded.",
    },
    "ind.empty_not_applicable": {
        "vi": "{name}: không có giá trị vì tỷ lệ không có mẫu số (không có sự việc nào trong "
        "nhóm được tính). Biểu đồ sẽ hiện khi có sự việc được ghi nhận.",
        "en": "{name}: no value, because the rate has no base (no event in the population it "
        "is measured over). The chart will appear once events are recorded.",
    },
    "ind.empty_no_rows": {
        "vi": "{name}: bản phát hành này chưa có số liệu cho lựa chọn này vì nguồn ({source}) "
        "chưa cung cấp. Số liệu sẽ hiện ở đây khi nguồn được đưa vào bản phát hành.",
        "en": "{name}: this release has no figure for this selection, because the source "
        "({source}) has not supplied one yet. Figures will appear here once the source is in "
        "a release.",
    },
    "ind.summary_none": {
        "vi": "{name}: chưa có số liệu cho lựa chọn này.",
        "en": "{name}: no data for this selection.",
    },
    "ind.map_summary": {
        "vi": "Bản đồ {n} tỉnh, thành phố, kỳ {period}: cao nhất {top} ({top_value}), thấp "
        "nhất {bottom} ({bottom_value}); {hidden} ô bị ẩn. Bảng bên dưới có đủ số liệu.",
        "en": "Map of {n} provinces, {period}: highest {top} ({top_value}), lowest {bottom} "
        "({bottom_value}); {hidden} suppressed. The table below has every value.",
    },
    "ind.derived_line": {
        "vi": "Lộ trình suy ra (không chính thức)",
        "en": "Derived trajectory (not official)",
    },
    "direction.increase": {"vi": "Tăng là tốt", "en": "Higher is better"},
    "direction.decrease": {"vi": "Giảm là tốt", "en": "Lower is better"},
    "direction.none": {"vi": "Theo dõi", "en": "Monitoring only"},
    "direction.monitor": {"vi": "Theo dõi", "en": "Monitoring only"},
    # dimensions
    "dim.sex": {"vi": "Giới tính", "en": "Sex"},
    "dim.age_band": {"vi": "Nhóm tuổi", "en": "Age band"},
    "dim.channel": {"vi": "Kênh", "en": "Channel"},
    "dim._T": {"vi": "Tổng", "en": "Total"},
    "dim.male": {"vi": "Nam", "en": "Male"},
    "dim.female": {"vi": "Nữ", "en": "Female"},
    "dim._U": {"vi": "Không rõ", "en": "Not recorded"},
    "dim.age": {"vi": "{band} tuổi", "en": "Aged {band}"},
    "dim.platform": {"vi": "Nền tảng", "en": "Platform"},
    "dim.facebook": {"vi": "Facebook", "en": "Facebook"},
    "dim.tiktok": {"vi": "TikTok", "en": "TikTok"},
    "dim.youtube": {"vi": "YouTube", "en": "YouTube"},
    "dim.zalo": {"vi": "Zalo", "en": "Zalo"},
    "dim.telegram": {"vi": "Telegram", "en": "Telegram"},
    "dim.x": {"vi": "X (Twitter)", "en": "X (Twitter)"},
    "dim.other": {"vi": "Nền tảng khác", "en": "Other platforms"},
    # periods and schemes
    "ptype.year": {"vi": "Năm", "en": "Year"},
    "ptype.quarter": {"vi": "Quý", "en": "Quarter"},
    "ptype.month": {"vi": "Tháng", "en": "Month"},
    "ptype.school_year": {"vi": "Năm học", "en": "School year"},
    "scheme.province_2004": {
        "vi": "63 tỉnh, thành phố (trước 1/7/2025)",
        "en": "63 provinces (before 1 July 2025)",
    },
    "scheme.province_2025": {
        "vi": "34 tỉnh, thành phố (từ 1/7/2025)",
        "en": "34 provinces (from 1 July 2025)",
    },
    "scheme.region": {"vi": "6 vùng", "en": "6 regions"},
    "scheme.national": {"vi": "Toàn quốc", "en": "National"},
    "islands.hoang_sa": {"vi": "Quần đảo Hoàng Sa (Đà Nẵng)", "en": "Hoàng Sa (Đà Nẵng)"},
    "islands.truong_sa": {"vi": "Quần đảo Trường Sa (Khánh Hòa)", "en": "Trường Sa (Khánh Hòa)"},
    # province page
    "prov.title": {"vi": "{name}", "en": "{name}"},
    "prov.lede": {
        "vi": "Giá trị mới nhất của từng chỉ số tại {name}, so với toàn quốc ({scheme}). Xếp "
        "hạng 1 là giá trị cao nhất (thấp nhất khi giảm là tốt), chỉ trong các tỉnh có số liệu "
        "được công bố.",
        "en": "Latest value of each indicator in {name}, next to the national value ({scheme}). "
        "Rank 1 is the highest value (the lowest where lower is better), among the provinces "
        "whose value is published.",
    },
    "prov.merged_into": {
        "vi": "{name} là một phần của {links} từ ngày 1/7/2025 ({scheme}).",
        "en": "{name} is part of {links} from 1 July 2025 ({scheme}).",
    },
    "prov.kept": {
        "vi": "Từ ngày 1/7/2025, {name} tiếp tục là một tỉnh, thành phố: {links} ({scheme}).",
        "en": "From 1 July 2025 {name} continues as a province: {links} ({scheme}).",
    },
    "prov.merged_from": {
        "vi": "Từ ngày 1/7/2025, {name} gồm địa bàn của: {links} ({scheme}).",
        "en": "From 1 July 2025 {name} brings together: {links} ({scheme}).",
    },
    "prov.trend": {"vi": "{name} so với toàn quốc", "en": "{name} against the nation"},
    "prov.trend_pick": {"vi": "Chọn chỉ số", "en": "Choose an indicator"},
    "prov.not_found": {"vi": "Không tìm thấy tỉnh, thành phố", "en": "Province not found"},
    "prov.indicator": {"vi": "Chỉ số", "en": "Indicator"},
    "prov.value": {"vi": "Giá trị của tỉnh", "en": "Province value"},
    "prov.national": {"vi": "Toàn quốc", "en": "National"},
    "prov.rank": {
        "vi": "Xếp hạng trong các tỉnh được công bố",
        "en": "Rank among published provinces",
    },
    "prov.rank_of": {"vi": "{rank}/{total}", "en": "{rank} of {total}"},
    "prov.caption": {
        "vi": "Giá trị mới nhất theo chỉ số: tỉnh và toàn quốc",
        "en": "Latest value by indicator: province and national",
    },
    "prov.open": {"vi": "Xem trang tỉnh", "en": "Province page"},
    # data page
    "data.title": {"vi": "Dữ liệu mở", "en": "Open data"},
    "data.lede": {
        "vi": "Mọi tệp của bản phát hành hiện tại, nguồn số liệu và các bản phát hành trước.",
        "en": "Every file of the current release, its source files and earlier releases.",
    },
    "data.files": {"vi": "Các tệp của bản phát hành", "en": "Files of this release"},
    "data.file": {"vi": "Tệp", "en": "File"},
    "data.size": {"vi": "Dung lượng", "en": "Size"},
    "data.download": {"vi": "Tải về", "en": "Download"},
    "data.sources": {"vi": "Tệp nguồn", "en": "Source files"},
    "data.sources_note": {
        "vi": "{n} tệp nguồn; {rejected} dòng bị loại.",
        "en": "{n} source files; {rejected} rows rejected.",
    },
    "data.source": {"vi": "Nguồn", "en": "Source"},
    "data.rows_read": {"vi": "Dòng đọc", "en": "Rows read"},
    "data.rows_loaded": {"vi": "Dòng nạp", "en": "Rows loaded"},
    "data.rows_rejected": {"vi": "Dòng loại", "en": "Rows rejected"},
    "data.history": {"vi": "Lịch sử phát hành", "en": "Release history"},
    "data.release": {"vi": "Bản phát hành", "en": "Release"},
    "data.created": {"vi": "Ngày tạo", "en": "Created"},
    "data.current": {"vi": "(hiện tại)", "en": "(current)"},
    "data.first_date": {"vi": "Từ ngày", "en": "First date"},
    "data.last_date": {"vi": "Đến ngày", "en": "Last date"},
    "method.rule_monitoring": {
        "vi": "Không có mục tiêu: hiển thị “Theo dõi”, không đánh giá tiến độ.",
        "en": "No target: shown as “Monitoring”; progress is not judged.",
    },
    "method.rule_target": {
        "vi": "So sánh mỗi năm với lộ trình suy ra tới mục tiêu chính thức (năm đầu là năm gốc): "
        "đã đạt, đúng tiến độ, có nguy cơ chậm hoặc chậm tiến độ.",
        "en": "Each year is compared with the derived trajectory towards the official target "
        "(the first year is the baseline): achieved, on track, at risk or off track.",
    },
    "data.coverage": {"vi": "Phạm vi thời gian", "en": "Coverage"},
    # methodology
    "method.title": {"vi": "Phương pháp", "en": "Methodology"},
    "method.status": {"vi": "Cách xác định trạng thái", "en": "How the status is decided"},
    "method.status_body": {
        "vi": "Trạng thái được tính trong quy trình xử lý số liệu và công bố cùng số liệu; "
        "trang web không tự tính lại. Quy tắc của từng chỉ số:",
        "en": "The status is computed by the data pipeline and published with the data; the "
        "site does not recompute it. The rule of each indicator:",
    },
    "method.status_counts": {
        "vi": "Số dòng theo trạng thái trong bản phát hành này:",
        "en": "Rows by status in this release:",
    },
    "method.disclosure": {"vi": "Kiểm soát công bố", "en": "Disclosure control"},
    "method.disclosure_body": {
        "vi": "Số đếm từ 1 đến 4 (và tỷ lệ tính từ chúng) không được công bố, để không ai có thể "
        "nhận ra một trẻ em cụ thể; số 0 được công bố. Các ô khác mà từ đó có thể tính ngược ra "
        "chúng (bằng phép trừ giữa tỉnh, vùng, cả nước, quý, năm, giới tính, nhóm tuổi, hai danh "
        "mục tỉnh) cũng được ẩn, và mỗi lần công bố đều được kiểm tra bằng quy hoạch tuyến tính: "
        "không ô ẩn nào có thể tính lại được, ô nhỏ nào cũng chỉ có thể nằm trong một khoảng rộng "
        "ít nhất 5. Số liệu tỉnh được công bố theo năm, vùng theo năm hoặc quý. Ô bị ẩn hiện là "
        "“Ẩn”, không bao giờ là 0.",
        "en": "Counts from 1 to 4 (and rates computed from them) are not published, so that no "
        "child can be recognised; zeros are published. Other cells from which they could be "
        "worked out (by subtraction between provinces, regions, the nation, quarters, years, "
        "sex, age bands and the two province lists) are hidden too, and every release is checked "
        "by linear programming: no hidden cell can be recomputed, and each small one can only be "
        "placed in a range at least 5 wide. Provinces are published by year, regions by year or "
        "quarter. A suppressed cell is shown as “Suppressed”, never as 0.",
    },
    "method.provinces": {"vi": "Sắp xếp tỉnh năm 2025", "en": "The 2025 province change"},
    "method.provinces_body": {
        "vi": "Từ ngày 1/7/2025, 63 tỉnh, thành phố được sắp xếp lại thành 34. Số liệu được công "
        "bố theo hai danh mục: 63 tỉnh cũ cho các kỳ đến 30/6/2025, và 34 tỉnh mới cho mọi kỳ "
        "(số liệu cũ được cộng dồn theo tỉnh mới). Vì vậy cùng một năm có thể có hai bảng tỉnh.",
        "en": "On 1 July 2025 Viet Nam's 63 provinces were merged into 34. Figures are published "
        "in both lists: the 63 old provinces for periods up to 30 June 2025, and the 34 new "
        "provinces for every period (older figures added up into the new provinces). So one "
        "year may have two province tables.",
    },
    "method.targets": {"vi": "Mục tiêu chính thức và suy ra", "en": "Official and derived targets"},
    "method.targets_body": {
        "vi": "Mục tiêu chính thức là mục tiêu ghi trong Quyết định 830/QĐ-TTg cho năm 2025. Lộ "
        "trình từng năm là suy ra (nội suy tuyến tính từ giá trị năm đầu), chỉ để tham khảo, "
        "không phải mục tiêu chính thức.",
        "en": "Official targets are those set by Decision 830/QĐ-TTg for 2025. Yearly "
        "trajectories are derived (linear from the first-year value), for reference only, and "
        "never official.",
    },
    "method.sample": {"vi": "Dữ liệu mẫu", "en": "Sample data"},
    "method.sample_yes": {
        "vi": "Bản phát hành hiện tại là dữ liệu mẫu, được tạo ra để thử nghiệm hệ thống; "
        "không dùng để trích dẫn.",
        "en": "The current release is sample data, generated to test the system; do not cite it.",
    },
    "method.sample_no": {
        "vi": "Bản phát hành hiện tại là số liệu thật.",
        "en": "The current release holds real figures.",
    },
    # embed
    "chart.source": {"vi": "Nguồn: {source}", "en": "Source: {source}"},
    "chart.release": {
        "vi": "Bản phát hành {release}, số liệu đến {as_of}",
        "en": "Release {release}, data as of {as_of}",
    },
    "chart.svg": {"vi": "Tải ảnh SVG", "en": "Download SVG"},
    "chart.png": {"vi": "Tải ảnh PNG", "en": "Download PNG"},
    "embed.code": {"vi": "Mã nhúng", "en": "Embed code"},
    "embed.code_help": {
        "vi": "Dán đoạn mã này vào trang web của bạn để nhúng biểu đồ.",
        "en": "Paste this code into your web page to embed the chart.",
    },
    "embed.copy": {"vi": "Sao chép mã", "en": "Copy the code"},
    "embed.licence": {"vi": "Giấy phép CC BY 4.0", "en": "Licence CC BY 4.0"},
    "embed.source": {"vi": "Nguồn: {site}", "en": "Source: {site}"},
    # leadership
    "lead.title": {"vi": "Bảng điều hành dành cho lãnh đạo", "en": "Leadership scorecard"},
    "lead.not_configured": {
        "vi": "Chưa cấu hình quyền truy cập cho lãnh đạo.",
        "en": "Leadership access is not configured.",
    },
    "lead.login": {"vi": "Đăng nhập", "en": "Sign in"},
    "lead.logout": {"vi": "Đăng xuất", "en": "Sign out"},
    "lead.user": {"vi": "Tên đăng nhập", "en": "User name"},
    "lead.password": {"vi": "Mật khẩu", "en": "Password"},
    "lead.refused": {
        "vi": "Trang này cần đăng nhập.",
        "en": "This page needs you to sign in.",
    },
    "lead.bad_login": {"vi": "Sai tên hoặc mật khẩu.", "en": "Wrong user name or password."},
    "lead.throttled": {
        "vi": "Quá nhiều lần đăng nhập không thành công. Vui lòng thử lại sau {minutes} phút.",
        "en": "Too many sign-in attempts. Please try again in {minutes} min.",
    },
    "lead.not_configured_help": {
        "vi": "Quản trị viên cần đặt biến môi trường COP_LEADERSHIP_USERS hoặc "
        "COP_LEADERSHIP_USERS_FILE, cùng COP_SECRET_KEY, trên máy chủ.",
        "en": "An administrator needs to set COP_LEADERSHIP_USERS or COP_LEADERSHIP_USERS_FILE, "
        "and COP_SECRET_KEY, on the server.",
    },
    "lead.login_title": {"vi": "Đăng nhập dành cho lãnh đạo", "en": "Leadership sign-in"},
    "lead.login_lede": {
        "vi": "Bảng điều hành dành cho lãnh đạo Chương trình. Trang công khai không cần đăng nhập.",
        "en": "The scorecard for the programme's leadership. Public pages need no sign-in.",
    },
    "lead.lede": {
        "vi": "Tiến độ các mục tiêu của Quyết định 830/QĐ-TTg, thay đổi so với bản phát hành "
        "trước, các tỉnh chậm nhất và các nhiệm vụ của Kế hoạch 838. Bản phát hành {release}, "
        "số liệu đến {as_of}. Chỉ dùng số liệu đã công bố.",
        "en": "Progress on the Decision 830/QĐ-TTg targets, what moved since the previous "
        "release, the provinces furthest behind and the Plan 838 deliverables. Release "
        "{release}, data as of {as_of}. Published figures only.",
    },
    "lead.signed_in_as": {"vi": "Đăng nhập: {user}", "en": "Signed in as {user}"},
    "lead.report_year": {"vi": "Năm báo cáo", "en": "Report year"},
    "lead.report_quarter": {"vi": "Quý", "en": "Quarter"},
    "lead.whole_year": {"vi": "Cả năm", "en": "Whole year"},
    "lead.report_view": {"vi": "Xem bản in", "en": "Print view"},
    "lead.report_pdf": {"vi": "Tải PDF", "en": "Download PDF"},
    "lead.target_col": {"vi": "Mục tiêu / chỉ số", "en": "Target / indicator"},
    "lead.grid": {"vi": "Trạng thái theo năm", "en": "Status by year"},
    "lead.grid_caption": {
        "vi": "Trạng thái toàn quốc của từng mục tiêu, {first}–{last}",
        "en": "National status of each target, {first}–{last}",
    },
    "lead.grid_note": {
        "vi": "Mục tiêu T1–T3 và mọi chỉ số có mục tiêu. Trạng thái do quy trình xử lý số liệu "
        "tính và công bố; màu chỉ để hỗ trợ, mỗi ô đều ghi bằng chữ.",
        "en": "Targets T1–T3 and every indicator with a target. The status is computed and "
        "published by the data pipeline; colour only helps, every cell says it in words.",
    },
    "lead.values": {"vi": "Giá trị so với mục tiêu", "en": "Value against target"},
    "lead.values_caption": {
        "vi": "Giá trị toàn quốc so với mục tiêu chính thức và lộ trình suy ra",
        "en": "National value against the official target and the derived trajectory",
    },
    "lead.values_note": {
        "vi": "Mục tiêu chính thức theo Quyết định 830/QĐ-TTg. Lộ trình từng năm là suy ra — "
        "không chính thức.",
        "en": "Official targets are those of Decision 830/QĐ-TTg. Yearly trajectories are "
        "derived — not official.",
    },
    "lead.official_col": {"vi": "Mục tiêu chính thức", "en": "Official target"},
    "lead.derived_col": {"vi": "Lộ trình năm đó", "en": "Trajectory for the year"},
    "lead.derived_label": {
        "vi": "suy ra — không chính thức",
        "en": "derived — not official",
    },
    "lead.by_year": {"vi": "năm {year}", "en": "by {year}"},
    "lead.no_quarter": {"vi": "Không có số liệu quý", "en": "No quarterly figure"},
    "lead.no_value_period": {"vi": "Không có số liệu kỳ này", "en": "No figure for this period"},
    "lead.moved": {
        "vi": "Thay đổi so với bản phát hành trước",
        "en": "What moved since the previous release",
    },
    "lead.moved_since": {
        "vi": "So với bản phát hành {release} (tạo ngày {created}): các chỉ số có giá trị "
        "toàn quốc mới nhất hoặc trạng thái thay đổi.",
        "en": "Compared with release {release} (created {created}): indicators whose latest "
        "national value or status changed.",
    },
    "lead.no_previous": {
        "vi": "Không có bản phát hành trước để so sánh.",
        "en": "No previous release to compare with.",
    },
    "lead.nothing_moved": {
        "vi": "Không có chỉ số nào thay đổi giá trị hoặc trạng thái toàn quốc mới nhất.",
        "en": "No indicator's latest national value or status changed.",
    },
    "lead.moved_caption": {
        "vi": "Giá trị toàn quốc mới nhất: trước và nay",
        "en": "Latest national value: before and now",
    },
    "lead.before": {"vi": "Bản trước", "en": "Previous release"},
    "lead.now": {"vi": "Bản này", "en": "This release"},
    "lead.what_changed": {"vi": "Thay đổi", "en": "What changed"},
    "lead.changed.new": {"vi": "chỉ số mới", "en": "new indicator"},
    "lead.changed.removed": {"vi": "không còn công bố", "en": "no longer published"},
    "lead.changed.period": {"vi": "kỳ mới nhất", "en": "latest period"},
    "lead.changed.value": {"vi": "giá trị", "en": "value"},
    "lead.changed.status": {"vi": "trạng thái", "en": "status"},
    "lead.lagging": {
        "vi": "Các tỉnh chậm nhất theo từng mục tiêu",
        "en": "Provinces lagging most on each target",
    },
    "lead.lag_note": {
        "vi": "34 tỉnh, thành phố (danh mục từ 1/7/2025), năm gần nhất. Ô bị ẩn không "
        "được xếp hạng.",
        "en": "The 34 provinces (list from 1 July 2025), latest year. Suppressed cells are "
        "not ranked.",
    },
    "lead.lag_summary": {
        "vi": "{n} tỉnh có giá trị công bố thấp nhất năm {year} ({published} tỉnh có số liệu "
        "công bố; {suppressed} tỉnh bị ẩn, không xếp hạng).",
        "en": "The {n} provinces with the lowest published values in {year} ({published} "
        "provinces published; {suppressed} suppressed, not ranked).",
    },
    "lead.lag_summary_high": {
        "vi": "{n} tỉnh có giá trị công bố cao nhất năm {year} (giảm là tốt; {published} tỉnh "
        "có số liệu công bố; {suppressed} tỉnh bị ẩn, không xếp hạng).",
        "en": "The {n} provinces with the highest published values in {year} (lower is better; "
        "{published} provinces published; {suppressed} suppressed, not ranked).",
    },
    "lead.lag_summary_target": {
        "vi": "{n} tỉnh còn xa mục tiêu {target} nhất năm {year} ({published} tỉnh có số liệu "
        "công bố, trong đó {met} tỉnh đã đạt và không được liệt kê; {suppressed} tỉnh bị ẩn, "
        "không xếp hạng).",
        "en": "The {n} provinces furthest from the {target} target in {year} ({published} "
        "provinces published, of which {met} met it and are not listed; {suppressed} "
        "suppressed, not ranked).",
    },
    "lead.lag_all_met": {
        "vi": "Mọi tỉnh có số liệu công bố đều đã đạt mục tiêu.",
        "en": "Every province with a published value has met the target.",
    },
    "lead.gap": {"vi": "Còn thiếu so với mục tiêu", "en": "Gap to target"},
    "lead.lag_all_hidden": {
        "vi": "Không có giá trị tỉnh nào được công bố để xếp hạng.",
        "en": "No province value is published to rank.",
    },
    "lead.lag_none": {
        "vi": "Chưa có số liệu theo tỉnh cho chỉ số này.",
        "en": "No province figures for this indicator yet.",
    },
    "lead.lag_no_indicator": {
        "vi": "Chưa có chỉ số có mục tiêu được công bố.",
        "en": "No indicator with a target is published yet.",
    },
    "lead.lag_caption": {
        "vi": "Các tỉnh chậm nhất, {code}, năm {year}",
        "en": "Provinces furthest behind, {code}, {year}",
    },
    "lead.rank": {"vi": "Thứ tự", "en": "Rank"},
    "lead.milestones": {
        "vi": "Nhiệm vụ Kế hoạch 838 theo đơn vị chủ trì",
        "en": "Plan 838 milestones by lead unit",
    },
    "lead.milestones_note": {
        "vi": "“Chưa có báo cáo hoàn thành”: đã quá hạn nhưng chưa nhập báo cáo hoàn thành chính "
        "thức.",
        "en": "“No completion reported”: the due date has passed and no official completion "
        "report has been entered.",
    },
    "lead.milestones_caption": {
        "vi": "Nhiệm vụ do {unit} chủ trì",
        "en": "Milestones led by {unit}",
    },
    "lead.no_milestones": {
        "vi": "Bản phát hành này không có danh sách nhiệm vụ.",
        "en": "This release has no milestone list.",
    },
    "lead.no_unit": {"vi": "Chưa ghi đơn vị chủ trì", "en": "No lead unit recorded"},
    "lead.activity": {"vi": "Hoạt động", "en": "Activity"},
    "lead.deliverable": {"vi": "Nhiệm vụ", "en": "Deliverable"},
    "lead.due": {"vi": "Hạn", "en": "Due"},
    "lead.completed": {"vi": "Hoàn thành ngày", "en": "Completed"},
    "milestone.done": {"vi": "Đã hoàn thành", "en": "Done"},
    "milestone.done_late": {"vi": "Hoàn thành muộn", "en": "Done late"},
    "milestone.due": {"vi": "Chưa đến hạn", "en": "Due"},
    "milestone.not_reported": {
        "vi": "Chưa có báo cáo hoàn thành",
        "en": "No completion reported",
    },
    "nav.leadership": {"vi": "Lãnh đạo", "en": "Leadership"},
    "footer.leadership": {"vi": "Lãnh đạo", "en": "Leadership"},
    # leadership report (Plan 838 activity 7)
    "report.title": {"vi": "Báo cáo đánh giá hằng năm", "en": "Annual assessment report"},
    "report.title_quarter": {"vi": "Báo cáo đánh giá quý", "en": "Quarterly assessment report"},
    "report.summary_title": {"vi": "Tóm tắt", "en": "Summary"},
    "report.summary_lede": {
        "vi": "Kỳ {period}: {n_met} trên {n} mục tiêu đã đạt, {n_track} đúng tiến độ, {n_behind} "
        "chậm hoặc có nguy cơ chậm, {n_base} ở năm gốc, {n_none} chưa có số liệu.",
        "en": "{period}: {n_met} of {n} targets achieved, {n_track} on track, {n_behind} at "
        "risk or off track, {n_base} at their baseline year, {n_none} without a figure.",
    },
    "report.summary_line": {
        "vi": "{target} ({code}) đạt {value} ({when}), còn thiếu {gap} so với mục tiêu {goal} "
        "năm {year}.",
        "en": "{target} ({code}) is {value} ({when}), {gap} short of the {goal} target for {year}.",
    },
    "report.summary_met": {
        "vi": "{target} ({code}) đạt {value} ({when}), đã đạt mục tiêu {goal}.",
        "en": "{target} ({code}) is {value} ({when}), meeting the {goal} target.",
    },
    "report.summary_none": {
        "vi": "{target} ({code}) chưa có số liệu cho kỳ này.",
        "en": "{target} ({code}) has no figure for this period.",
    },
    "report.school_year": {
        "vi": "Chỉ số theo năm học được tính cho năm kết thúc năm học: năm {year} dùng năm học "
        "{school_year}.",
        "en": "A school-year indicator counts for the year its school year ends in: {year} uses "
        "the {school_year} school year.",
    },
    "report.subtitle": {
        "vi": "Kế hoạch 838, hoạt động 7 · Kỳ báo cáo: {period}",
        "en": "Plan 838, activity 7 · Reporting period: {period}",
    },
    "report.restricted": {
        "vi": "Tài liệu dành cho lãnh đạo. Chỉ dùng số liệu đã công bố trên trang dữ liệu mở.",
        "en": "For the leadership. Uses only figures published on the open-data site.",
    },
    "report.footer": {
        "vi": "Lập tự động từ bản phát hành dữ liệu công khai. Trạng thái và lộ trình suy ra "
        "không phải đánh giá chính thức.",
        "en": "Made automatically from the public data release. Statuses and derived "
        "trajectories are not an official assessment.",
    },
    "report.back": {"vi": "← Bảng điều hành", "en": "← Leadership scorecard"},
    "report.pdf": {"vi": "Tải PDF", "en": "Download PDF"},
    "report.bad_period": {
        "vi": "Kỳ báo cáo không có trong bản phát hành này.",
        "en": "This reporting period is not in the release.",
    },
    "report.pdf_unavailable": {
        "vi": "Hiện không tạo được tệp PDF trên máy chủ này (trình duyệt chromium không có hoặc "
        "bị lỗi). Hãy dùng bản in của trang báo cáo.",
        "en": "The PDF cannot be made on this server now (chromium is missing or failed). Use "
        "the report's print view instead.",
    },
    # programmes (dashboard/programmes.py, views/programme_view.py): names and years come from
    # the release's programmes.csv, never from here
    "programme.choose": {"vi": "Chương trình", "en": "Programme"},
    "programme.show": {"vi": "Xem", "en": "Show"},
    "programme.option": {"vi": "{name} ({first}–{last})", "en": "{name} ({first}–{last})"},
    "programme.draft": {"vi": "Dự thảo, chưa chính thức", "en": "Draft, not official"},
    "target.illustrative": {
        "vi": "Minh họa, không chính thức",
        "en": "Illustrative, not official",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    """The text of `key` in `lang`, with `{name}` fields filled from `values`."""
    text = STRINGS[key][lang if lang in LANGS else DEFAULT_LANG]
    return text.format(**values) if values else text


def norm_lang(lang: object) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def lang_of_path(path: str | None) -> str:
    path = path or "/"
    return "en" if path == "/en" or path.startswith("/en/") else DEFAULT_LANG


def href(path: str, lang: str, query: Mapping[str, object] | None = None) -> str:
    """`path` (a Vietnamese address, e.g. `/indicators/x`) in `lang`, with a query string."""
    path = "/" + path.lstrip("/")
    if lang == "en":
        path = "/en" if path == "/" else "/en" + path
    if query:
        kept = {k: v for k, v in query.items() if v not in (None, "")}
        if kept:
            path += "?" + urlencode(kept)
    return path


def strip_lang(path: str) -> str:
    """The Vietnamese address of any address: `/en/indicators/x` → `/indicators/x`."""
    if path == "/en" or path == "/en/":
        return "/"
    return path[3:] if path.startswith("/en/") else path


def pick(row: Mapping[str, object], field: str, lang: str) -> str:
    """`row[field_<lang>]`, falling back to the other language, then to `row[field]`."""
    other = "en" if lang == "vi" else "vi"
    for key in (f"{field}_{lang}", f"{field}_{other}", field):
        value = row.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


# ---- numbers, dates, periods -----------------------------------------------------------------


def is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def format_number(value: object, decimals: int = 0, lang: str = DEFAULT_LANG) -> str:
    """Vietnamese 1.234,5; English 1,234.5."""
    if is_missing(value):
        return MISSING
    text = f"{float(value):,.{max(int(decimals), 0)}f}"  # type: ignore[arg-type]
    if lang == "en":
        return text
    return text.translate(str.maketrans({",": ".", ".": ","}))


def format_value(
    value: object, unit_label: str | None, decimals: int = 0, lang: str = DEFAULT_LANG
) -> str:
    """A number with its unit: '98,5%' / '98.5%', '1.234 lượt' / '1,234 contacts'."""
    if is_missing(value):
        return MISSING
    number = format_number(value, decimals, lang)
    unit = (unit_label or "").strip()
    if not unit:
        return number
    return f"{number}%" if unit == "%" else f"{number} {unit}"


def format_target(
    value: object, unit_label: str | None, decimals: int = 0, lang: str = DEFAULT_LANG
) -> str:
    """A target: whole numbers without decimals ('100%'), others as `format_value`."""
    if not is_missing(value) and float(value).is_integer():  # type: ignore[arg-type]
        decimals = 0
    return format_value(value, unit_label, decimals, lang)


_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def format_date(value: object, lang: str = DEFAULT_LANG) -> str:
    """ISO date (or timestamp) → 31/12/2025 (vi) or 31 Dec 2025 (en); else unchanged."""
    if value is None or str(value).strip() == "":
        return MISSING
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return day.strftime("%d/%m/%Y")


def format_period(period: object, period_type: str | None = None, lang: str = DEFAULT_LANG) -> str:
    """2023 · 2023-Q2 → 'Q2/2023' / 'Q2 2023' · 2023-07 → '07/2023' / 'Jul 2023'."""
    text = str(period)
    kind = period_type or _guess_period_type(text)
    if kind == "quarter" and "-Q" in text:
        year, quarter = text.split("-Q", 1)
        return f"Q{quarter}/{year}" if lang == "vi" else f"Q{quarter} {year}"
    if kind == "month" and len(text) == 7:
        year, month = text.split("-")
        if lang == "vi":
            return f"{month}/{year}"
        return f"{_MONTHS_EN[int(month) - 1]} {year}"
    if kind == "school_year" and len(text) == 9:
        start, end = text.split("-")
        return f"{start}–{end}"
    return text


def _guess_period_type(text: str) -> str:
    if "-Q" in text:
        return "quarter"
    if len(text) == 7 and text[4] == "-":
        return "month"
    if len(text) == 9 and text[4] == "-":
        return "school_year"
    return "year"


def status_label(status: object, lang: str = DEFAULT_LANG) -> str:
    if not isinstance(status, str) or not status:
        return MISSING
    key = f"status.{status}"
    return t(key, lang) if key in STRINGS else status


def activity_label(activity: str, lang: str) -> str:
    """'Hoạt động 4a: Tư vấn…' / 'Activity 4a: Counselling…', or without a name if unknown."""
    key = f"activity.{activity}"
    if key in STRINGS:
        return t("home.activity_named", lang, activity=activity, name=t(key, lang))
    return t("home.activity", lang, activity=activity)


def dim_label(dimension: str, lang: str) -> str:
    key = f"dim.{dimension}"
    return t(key, lang) if key in STRINGS else dimension.replace("_", " ").capitalize()


def dim_value_label(dimension: str, value: str, lang: str) -> str:
    key = f"dim.{value}"
    if key in STRINGS:
        return t(key, lang)
    if dimension == "age_band":
        return t("dim.age", lang, band=value.replace("-", "–"))
    return value


def source_label(source: object, lang: str) -> str:
    key = f"source.{source}"
    return t(key, lang) if key in STRINGS else str(source or "")


def scheme_label(scheme: str, lang: str) -> str:
    key = f"scheme.{scheme}"
    return t(key, lang) if key in STRINGS else scheme


def period_type_label(period_type: str, lang: str) -> str:
    key = f"ptype.{period_type}"
    return t(key, lang) if key in STRINGS else period_type
