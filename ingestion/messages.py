"""Messages a data officer can act on, in Vietnamese and English.

Each names the file, the row and the column as written in the file, says what is wrong (with the
value only when ``ingestion.safe_values`` lets it be shown) and what to do about it.
"""

from __future__ import annotations

from ingestion.reasons import Reason

_TEXTS: dict[Reason, tuple[str, str, str, str]] = {
    # code: (problem in Vietnamese, what to do, problem in English, what to do)
    Reason.DUPLICATE_DELIVERY: (
        "trùng nội dung với một tệp đã nạp", "không cần gửi lại",
        "same content as a file already loaded", "nothing to do",
    ),
    Reason.BAD_FILE_NAME: (
        "tên tệp không đúng quy ước", "đặt lại tên theo docs/contracts.md rồi gửi lại",
        "the file name does not follow the contract", "rename it as in docs/contracts.md",
    ),
    Reason.EMPTY_FILE: (
        "tệp rỗng", "xuất lại dữ liệu và gửi lại",
        "the file is empty", "export the data again and deliver it",
    ),
    Reason.MISSING_COLUMN: (
        "thiếu cột bắt buộc", "xuất lại theo đúng mẫu (đủ các cột) rồi gửi lại",
        "a required column is missing", "export with every column of the template",
    ),
    Reason.UNREADABLE_FILE: (
        "không đọc được tệp", "lưu đúng định dạng (CSV UTF-8, .xlsx hoặc JSON) rồi gửi lại",
        "the file cannot be read", "save it as the contract says (CSV, .xlsx or JSON)",
    ),
    Reason.UNSUPPORTED_FORMAT: (
        "tệp không được đọc", "lưu dưới dạng .xlsx / đặt tên đúng quy ước rồi gửi lại",
        "the file was not read", "save it as .xlsx / name it as the contract says",
    ),
    Reason.NOTHING_LOADED: (
        "không nạp được dòng nào; dữ liệu đã nạp trước đó được giữ nguyên",
        "sửa các dòng bị từ chối rồi gửi lại",
        "no row could be loaded; the earlier delivery stays loaded",
        "fix the rejected rows and deliver again",
    ),
    Reason.DUPLICATE_KEY: (
        "mã bị lặp trong cùng tệp", "xoá dòng trùng",
        "the key repeats a row above in the same file", "remove the repeated row",
    ),
    Reason.WRONG_FIELD_COUNT: (
        "số trường của dòng khác với tiêu đề",
        "đặt giá trị có dấu phân cách trong ngoặc kép hoặc xoá dấu phân cách thừa ở cuối dòng",
        "the row has a different number of fields than the header",
        "quote values that contain the delimiter, or remove the delimiter at the end of the line",
    ),
    Reason.OUT_OF_PERIOD: (
        "ngày nằm ngoài kỳ báo cáo của tệp", "gửi dòng này trong tệp của đúng kỳ",
        "the date is outside the period in the file name", "deliver it in its own period's file",
    ),
    Reason.IMPLAUSIBLE_VALUE: (
        "giá trị vượt quá giới hạn hợp lý", "kiểm tra lại con số",
        "the value is beyond the plausible bound", "check the number",
    ),
    Reason.UNKNOWN_PROVINCE: (
        "tỉnh/thành không có trong danh mục", "dùng mã hoặc tên tỉnh hợp lệ tại ngày đó",
        "the province is not in the list valid on that date", "use a valid code or name",
    ),
    Reason.UNKNOWN_LABEL: (
        "giá trị không thuộc danh mục", "dùng một giá trị trong danh mục của mẫu",
        "the value is not in the code list", "use a value of the template's list",
    ),
    Reason.UNPARSEABLE_DATE: (
        "không đọc được ngày/giờ", "ghi ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd",
        "the date or time cannot be read", "write dates as dd/mm/yyyy or yyyy-mm-dd",
    ),
    Reason.MISSING_VALUE: (
        "thiếu giá trị bắt buộc", "điền giá trị",
        "a required value is empty", "fill it in",
    ),
    Reason.UNREADABLE_VALUE: (
        "không đọc được số hoặc giá trị Có/Không", "ghi số nguyên hoặc Có/Không",
        "a number or yes/no value cannot be read", "write a whole number or Có/Không",
    ),
    Reason.FAILED_CHECK: (
        "giá trị vi phạm quy tắc của mẫu dữ liệu", "kiểm tra lại dòng này",
        "the value breaks a rule of the contract", "check the row",
    ),
}  # fmt: skip


def bilingual(
    code: Reason,
    file_path: str,
    row: int | None = None,
    column: str | None = None,
    value: str | None = None,
    detail: str | None = None,
    kept: str | None = None,
) -> tuple[str, str]:
    """(Vietnamese, English) message for a reject or a failed file; ``kept`` names the loaded
    file that stays in place."""
    vi_problem, vi_do, en_problem, en_do = _TEXTS[code]
    vi_where, en_where = f"Tệp {file_path}", f"File {file_path}"
    if row is not None:
        vi_where, en_where = f"{vi_where}, dòng {row}", f"{en_where}, row {row}"
    if column:
        vi_where, en_where = f"{vi_where}, cột '{column}'", f"{en_where}, column '{column}'"
    shown = f" (giá trị: {value})" if value is not None else ""
    shown_en = f" (value: {value})" if value is not None else ""
    more = f" [{detail}]" if detail else ""
    vi_kept = f" Dữ liệu đã nạp từ {kept} được giữ nguyên." if kept else ""
    en_kept = f" The data loaded from {kept} stays in place." if kept else ""
    return (
        f"{vi_where}: {vi_problem}{shown}{more}.{vi_kept} Cách xử lý: {vi_do}.",
        f"{en_where}: {en_problem}{shown_en}{more}.{en_kept} What to do: {en_do}.",
    )
