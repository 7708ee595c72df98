/**
 * The check of an inline validation list, apart from validation.ts so that the task pane's first
 * script goes without it: the file host checks before writing, and Excel itself refuses such a list
 * when Office.js writes it.
 */

/**
 * Throws on an inline list Excel cannot hold — over 255 characters, or an item with a comma (the
 * separator) or a quote: a layout's mistake, such a list must be a `listRange`.
 */
export function checkInlineList(items: readonly string[]): void {
  const source = items.join(',');
  if (items.some((item) => item.includes(',') || item.includes('"')) || source.length > 250) {
    throw new Error(`Danh sách chọn có mục chứa dấu phẩy hoặc quá dài phải trỏ tới một vùng (listRange): ${source.slice(0, 80)}`);
  }
}
