"""Messages a data officer can act on, in Vietnamese and English.

Each names the file, the row and the column as written in the file, says what is wrong (with the
value only when ``ingestion.safe_values`` lets it be shown) and what to do about it.
"""

from __future__ import annotations

_TEXTS: dict[str, tuple[str, str, str, str]] = {
    # code: (problem in Vietnamese, what to do, problem in English, what to do)
    "duplicate_delivery": (
        "trùng nội dung với một tệp đã nạp", "không cần gửi lại",
        "same content as a file already loaded", "nothing to do",
    ),
    "bad_file_name": (
        "tên tệp không đúng quy ước", "đặt lại tên theo docs/contracts.md rồi gửi lại",
        "the file name does not follow the contract", "rename it as in docs/contracts.md",
    ),
    "empty_file": (
        "tệp rỗng", "xuất lại dữ liệu và gửi lại",
        "the file is empty", "export the data again and deliver it",
    ),
    "missing_column": (
        "thiếu cột bắt buộc", "xuất lại theo đúng mẫu (đủ các cột) rồi gửi lại",
        "a required column is missing", "export with every column of the template",
    ),
    "schema_error": (
        "một cột có kiểu dữ liệu sai", "kiểm tra định dạng cột rồi gửi lại",
        "a column has the wrong type", "check the column's format and deliver again",
    ),
    "unreadable_file": (
        "không đọc được tệp", "lưu đúng định dạng (CSV UTF-8, .xlsx hoặc JSON) rồi gửi lại",
        "the file cannot be read", "save it as the contract says (CSV, .xlsx or JSON)",
    ),
    "unsupported_format": (
        "tệp không được đọc", "lưu dưới dạng .xlsx / đặt tên đúng quy ước rồi gửi lại",
        "the file was not read", "save it as .xlsx / name it as the contract says",
    ),
    "nothing_loaded": (
        "không nạp được dòng nào; dữ liệu đã nạp trước đó được giữ nguyên",
        "sửa các dòng bị từ chối rồi gửi lại",
        "no row could be loaded; the earlier delivery stays loaded",
        "fix the rejected rows and deliver again",
    ),
    "duplicate_key": (
        "mã bị lặp trong cùng tệp", "xoá dòng trùng",
        "the key repeats a row above in the same file", "remove the repeated row",
    ),
    "wrong_field_count": (
        "số trường của dòng khác với tiêu đề",
        "đặt giá trị có dấu phân cách trong ngoặc kép hoặc xoá dấu phân cách thừa ở cuối dòng",
        "the row has a different number of fields than the header",
        "quote values that contain the delimiter, or remove the delimiter at the end of the line",
    ),
    "out_of_period": (
        "ngày nằm ngoài kỳ báo cáo của tệp", "gửi dòng này trong tệp của đúng kỳ",
        "the date is outside the period in the file name", "deliver it in its own period's file",
    ),
    "implausible_value": (
        "giá trị vượt quá giới hạn hợp lý", "kiểm tra lại con số",
        "the value is beyond the plausible bound", "check the number",
    ),
    "unknown_province": (
        "tỉnh/thành không có trong danh mục", "dùng mã hoặc tên tỉnh hợp lệ tại ngày đó",
        "the province is not in the list valid on that date", "use a valid code or name",
    ),
    "unknown_label": (
        "giá trị không thuộc danh mục", "dùng một giá trị trong danh mục của mẫu",
        "the value is not in the code list", "use a value of the template's list",
    ),
    "unparseable_date": (
        "không đọc được ngày/giờ", "ghi ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd",
        "the date or time cannot be read", "write dates as dd/mm/yyyy or yyyy-mm-dd",
    ),
    "missing_value": (
        "thiếu giá trị bắt buộc", "điền giá trị",
        "a required value is empty", "fill it in",
    ),
    "unreadable_value": (
        "không đọc được số hoặc giá trị Có/Không", "ghi số nguyên hoặc Có/Không",
        "a number or yes/no value cannot be read", "write a whole number or Có/Không",
    ),
    "failed_check": (
        "giá trị vi phạm quy tắc của mẫu dữ liệu", "kiểm tra lại dòng này",
        "the value breaks a rule of the contract", "check the row",
    ),
}  # fmt: skip


def bilingual(
    code: str,
    file_path: str,
    row: int | None = None,
    column: str | None = None,
    value: str | None = None,
    detail: str | None = None,
    kept: str | None = None,
) -> tuple[str, str]:
    """(Vietnamese, English) message for a reject or a failed file; ``kept`` names the loaded
    file that stays in place."""
    vi_problem, vi_do, en_problem, en_do = _TEXTS.get(code, _TEXTS["failed_check"])
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
