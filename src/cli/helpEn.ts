/**
 * English help texts of `bontot` (`--help --lang en`), the same content as help.ts's Vietnamese in
 * the words of docs/glossary.md. Sheet names and option values stay as the workbook and the
 * command write them. No import: `--help` loads no core.
 */

const EXIT_CODES = `Exit status:
  0  every organisation is eligible (or the command completed)
  1  some organisation is not yet eligible (check)
  2  wrong use of the command, or a file that cannot be read / written`;

const INPUTS = `FILE may be a file, a folder (its .xlsx files are read) or a file name pattern that bontot expands
the same way on every machine, Windows cmd and PowerShell included: * (any characters), ? (one
character), ** (every level of subfolders), upper and lower case alike (*.xlsx includes .XLSX); quote
the pattern ("hồ sơ/*.xlsx"). Files are read in name order; the ~$… lock files Excel creates beside
an open workbook are skipped. A pattern that matches no file, or a folder with no .xlsx file: an
error, exit status 2.`;

const MAIN = `bontot — checks the records of the "Chi bộ bốn tốt" (four-good party cell) and "Đảng bộ cơ sở
bốn tốt" (four-good grassroots party committee) model in Excel files (.xlsx)

Usage:
  bontot check FILE.xlsx... [--json] [--policy P.json] [--as-of YYYY-MM-DD] [--write-summary] [--lang vi|en] [--codes]
  bontot template OUT.xlsx [--kind chi-bo|dang-bo] [--type TYPE] [--year YYYY] [--name NAME]
  bontot consolidate FILE.xlsx... -o OUT.xlsx [--policy P.json] [--as-of YYYY-MM-DD] [--json] [--issuer NAME]
  bontot fix-encoding IN.xlsx -o OUT.xlsx [--force] [--dry-run]
  bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx [--as-of YYYY-MM-DD] [--json] [--force]

Commands:
  check        Checks each workbook: is the organisation eligible to be proposed for
               recognition, why not, and the data errors (sheet, cell).
  template     Creates a blank workbook (Thông tin, Đảng viên, Sinh hoạt, Điểm danh, Tiêu chí…)
               to fill in.
  consolidate  Consolidates several workbooks and earlier consolidations into a "Danh sách tổ
               chức" (list of organisations), with the share of eligible ones against the target.
  fix-encoding Converts cells typed in a TCVN3 (ABC, .VnTime) or VNI (VNI-Times) font to
               Unicode, into a new file.
  fill-subordinates
               Fills the "Chi bộ trực thuộc" sheet of a party committee from the workbooks of its
               party cells (name, number of party members, self-check result), into a new file.

Common options:
  -h, --help     Shows the help (bontot <command> --help for each command).
  -v, --version  Prints the version of bontot.
  --lang vi|en   The language of the output: vi (default, Vietnamese) or en (English); every
                 command takes it. --codes adds the reason codes (check).

Dates (--as-of) are written dd/mm/yyyy (for example 15/01/2026) or YYYY-MM-DD (2026-01-15).

${EXIT_CODES}

Input files are never changed; results are always written to a new file.`;

const CHECK = `bontot check — checks the workbooks of party organisations

Usage:
  bontot check FILE.xlsx... [--json] [--policy P.json] [--as-of YYYY-MM-DD] [--write-summary] [--recursive] [--lang vi|en] [--codes]

${INPUTS}

For each file: the date the figures run to, the organisation's name, the conclusion (eligible / not
yet eligible to be proposed for recognition), the percent of each criterion 1.1–1.4, the reasons
and the data errors with their place (sheet, cell). Last line: the number of grassroots party
organisations eligible against the target (50% by default); subordinate party cells are counted
apart, not toward the target; an organisation found in several files counts once.

Options:
  --json             Prints one JSON document (asOf, files, summary) instead of text; reason codes
                     are always there, the "message" follows --lang.
  --lang vi|en       The language of the output: vi (default, Vietnamese) or en (English).
  --codes            Adds the code of each reason and data error at the end of its line, for
                     example [ABSENCE_UNEXCUSED].
  --policy P.json    The thresholds (the keys of the "Cấu hình" sheet), instead of the workbook's
                     own. An invalid policy: the wrong setting is named, exit status 2.
  --as-of YYYY-MM-DD The date the figures run to, also dd/mm/yyyy (default: today). Months and
                     quarters that end after it are not yet required to have meetings.
  --write-summary    Writes the "Tổng hợp" (summary) of each file to NAME.tonghop.xlsx beside it
                     (the input file is not changed).
  -r, --recursive    Also reads the .xlsx files in the subfolders of the folders given.
  -h, --help         Shows this help.

Files bontot wrote (summaries, consolidations) are skipped with a note. Files that cannot be read
(not .xlsx, an old .xls, a damaged file) are reported and the other files are still checked.

${EXIT_CODES}

Examples:
  bontot check samples/chi-bo-mau.xlsx --lang en
  bontot check ho-so/*.xlsx --json --as-of 2025-12-31 > ket-qua.json
  bontot check "hồ sơ" --recursive`;

const TEMPLATE = `bontot template — creates a blank workbook to fill in

Usage:
  bontot template OUT.xlsx [--kind chi-bo|dang-bo] [--type TYPE] [--year YYYY] [--name NAME]

Options:
  --kind KIND    chi-bo (default; grassroots party cell), chi-bo-truc-thuoc (subordinate party
                 cell), or dang-bo (grassroots party committee: with a "Chi bộ trực thuộc" sheet).
  --type TYPE    The kind of organisation, which chooses the sub-criteria of 1.1: co-quan
                 (administrative agency, public service unit), vu-trang (armed forces), dia-ban
                 (village, neighbourhood, ward, commune), doanh-nghiep (enterprise).
  --year YYYY    The year evaluated (default: this year).
  --name NAME    The organisation's name, written into the "Thông tin" sheet.
  --force        Overwrites OUT.xlsx if it exists (default: no overwriting).
  -h, --help     Shows this help.

${EXIT_CODES}

Example:
  bontot template chi-bo-2025.xlsx --type doanh-nghiep --year 2025 --name "Chi bộ Công ty Cổ phần Minh Phát"`;

const CONSOLIDATE = `bontot consolidate — consolidates many organisations, against the target

Usage:
  bontot consolidate FILE.xlsx... -o OUT.xlsx [--policy P.json] [--as-of YYYY-MM-DD] [--json] [--issuer NAME] [--recursive]

${INPUTS}

Checks each workbook (one file after another) and writes OUT.xlsx with a "Danh sách tổ chức" (list
of organisations) sheet: one row per organisation (name, kind, the four criteria, rating shares,
result, reasons) and the totals (grassroots party organisations, how many are eligible, the share
against the target, subordinate party cells counted apart, per kind of organisation), printable on A4.

Inputs may be organisations' workbooks and earlier consolidations (of lower levels), mixed and
nested: a consolidation is read again without its original files. An organisation found in several
inputs (same name, kind, year and superior committee) counts once, with a warning. A single "Tổng
hợp" summary (.tonghop.xlsx) is skipped. A file that cannot be read becomes an error row and does
not stop the command.

Options:
  -o, --output OUT.xlsx  The result file (required). A file bontot did not write is not overwritten (unless --force).
  --policy P.json        The thresholds used to check the workbooks (and the target share).
  --as-of YYYY-MM-DD     The date the figures run to, also dd/mm/yyyy (default: today).
  --json                 Prints the consolidation (its rows and totals) as JSON.
  --issuer NAME          The committee that issues the consolidation, for example "Đảng ủy phường Bến
                         Thành": printed in the heading and the signature. Without it those lines
                         are left as dots, to be written by hand.
  --force                Allows overwriting any OUT.xlsx.
  -r, --recursive        Also reads the .xlsx files in the subfolders of the folders given.
  -h, --help             Shows this help.

Exit status: 0 the consolidation was written; 2 wrong use of the command, or an input file that
cannot be read (the consolidation is still written, with a row for that file).

Examples:
  bontot consolidate phuong-a/*.xlsx -o phuong-a-tong-hop.xlsx --issuer "Đảng ủy phường A"
  bontot consolidate "ho so/**/*.xlsx" -o tong-hop.xlsx
  bontot consolidate phuong-a-tong-hop.xlsx phuong-b-tong-hop.xlsx -o thanh-pho.xlsx`;

const FIX_ENCODING = `bontot fix-encoding — converts text typed in a TCVN3 or VNI font to Unicode

Usage:
  bontot fix-encoding IN.xlsx -o OUT.xlsx [--force] [--dry-run]

Finds the cells typed in a TCVN3 (ABC, ".VnTime") or VNI ("VNI-Times") font — in Unicode they show
as garbled text such as "Hoµn thµnh tèt nhiÖm vô" — and writes OUT.xlsx, in which only those cells
are converted to Unicode text ("Hoàn thành tốt nhiệm vụ"); their .VnTime/VNI font is changed to a
Unicode font (Times New Roman, Arial) so the text shows correctly. Every other cell keeps its value
and format. The input file is never changed.

Before writing, the command prints how many cells are converted on each sheet (with a few examples)
and warns of the parts of the workbook the rewritten file cannot keep (charts, PivotTables,
slicers, VBA macros, links to other workbooks …). To keep them, convert in Excel with Bốn Tốt's
"Chuyển mã sang Unicode" button. Cells with a formula are not converted (the text is in the formula).

Options:
  -o, --output OUT.xlsx  The result file (required, unless --dry-run); it must differ from the input.
  --force                Allows overwriting OUT.xlsx if it exists (default: no overwriting).
  --dry-run              Only prints the cells that would be converted and the warnings; writes nothing.
  -h, --help             Shows this help.

Exit status: 0 a new file was written (or no cell needed converting, or --dry-run); 2 wrong use of
the command, an input file that cannot be read, OUT.xlsx exists (without --force) or cannot be written.

Examples:
  bontot fix-encoding chi-bo-2025.xlsx -o chi-bo-2025-unicode.xlsx
  bontot fix-encoding chi-bo-2025.xlsx --dry-run`;

const FILL_SUBORDINATES = `bontot fill-subordinates — fills the "Chi bộ trực thuộc" sheet from the party cells' workbooks

Usage:
  bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx [--as-of YYYY-MM-DD] [--json] [--force]

Writes OUT.xlsx: a copy of the party committee's workbook (DANG-BO.xlsx) whose "Chi bộ trực thuộc"
(subordinate party cells) sheet is filled from each party cell's workbook (CHI-BO.xlsx...):
  - "Số đảng viên": the number of party members on the party cell's "Đảng viên" sheet;
  - "Kết quả tự kiểm tra" (a new column if missing): the party cell's self-check result — eligible
    or not yet eligible, with the date it runs to (--as-of);
  - "Tên chi bộ": only for a party cell not yet on the sheet (a new row at the end); names the
    committee wrote are kept.
Party cells are matched by name, ignoring case, diacritics, spaces and the words "chi bộ". No row is
deleted. The "Xếp loại" (rated by the party committee) and "Chi bộ bốn tốt" (recognised by the
committee) columns are never written. Not used (with the reason said): a file of another year, a
file whose "Cấp ủy cấp trên" is not this committee, a file that is not a party cell's (a party
committee's workbook, a consolidation), and a second file of the same party cell.

Before writing, the command warns of the parts of the workbook the rewritten file cannot keep
(charts, PivotTables, VBA macros …), then lists the rows added, the rows updated (old value → new)
and the rows left as they were. To keep those parts, fill the sheet in Excel (Bốn Tốt's "Chi bộ
trực thuộc" tab). Input files are never changed.

Options:
  -o, --output OUT.xlsx  The result file (required); it must differ from every input file.
  --as-of YYYY-MM-DD     The date the party cells' self-check results run to (default: today).
  --json                 Prints the result as JSON (added, changed, unchanged, leftAlone, refused,
                         unreadable, lostParts).
  --force                Allows overwriting OUT.xlsx if it exists (default: no overwriting).
  -h, --help             Shows this help.

Exit status: 0 written (or the sheet needs no change); 1 a party cell's file was not used (another
year, another party committee …); 2 wrong use of the command, a file that cannot be read (the other
files are still used), OUT.xlsx exists (without --force) or cannot be written.

Example:
  bontot fill-subordinates dang-bo-2025.xlsx chi-bo-*.xlsx -o dang-bo-2025-capnhat.xlsx --as-of 2025-12-31`;

export const HELP_EN = {
  main: MAIN,
  check: CHECK,
  template: TEMPLATE,
  consolidate: CONSOLIDATE,
  fixEncoding: FIX_ENCODING,
  fillSubordinates: FILL_SUBORDINATES,
} as const;
