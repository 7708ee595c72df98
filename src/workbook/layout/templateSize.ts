/**
 * How far the template's prepared rows and columns reach. Apart from templateLayouts.ts so the
 * count formulas (meetingCountFormulas.ts), which the layouts use, can read them without an
 * import circle.
 */

/** Data rows below the header that carry dropdowns and formats. */
export const TEMPLATE_ROWS = 500;
/** Rows of Sinh hoạt that carry the helper formulas. */
export const MEETING_FORMULA_ROWS = 60;
/** Meeting columns prepared in Điểm danh (C … Z). */
export const ATTENDANCE_DATE_COLUMNS = 24;
